// Phone numbers are stored in E.164 (`+393337654321`), however they were typed, so that a number
// is found however it is typed again: with or without the country code, spaces where the shopper
// put them or elsewhere. The typed form is kept beside it for display. Pure.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { MARKET_CODES, MARKETS, type Market } from '../../common/markets';

export type PhoneCountry = Market['country'];

/** A mobile number of each country as people write it: shown beside a number that is not one. */
export const PHONE_EXAMPLES: Readonly<Record<PhoneCountry, string>> = {
  IT: '+39 333 123 4567',
  FR: '+33 6 12 34 56 78',
  DE: '+49 151 23456789',
  ES: '+34 612 34 56 78',
};

/** The number in E.164, read as one of `country`'s when it has no country code; null if it is no phone number there. */
export function toE164(typed: string, country: PhoneCountry): string | null {
  const parsed = parsePhoneNumberFromString(typed, country);
  return parsed?.isValid() ? parsed.number : null;
}

/** As an agent may type it: digits and the usual separators, at least six digits. */
export function looksLikePhone(text: string): boolean {
  return /^\+?[\d\s()./-]{6,}$/.test(text) && (text.match(/\d/g)?.length ?? 0) >= 6;
}

/**
 * Every stored form what an agent typed may be: its E.164 reading (as written when it has its
 * country code, else in each of our markets' countries), and the text without separators, which
 * is how numbers were stored before they were normalised.
 */
export function phoneCandidates(typed: string): string[] {
  const readings = MARKET_CODES.map((m) => toE164(typed, MARKETS[m].country)).filter((n): n is string => n !== null);
  return [...new Set([...readings, typed.replace(/[\s()./-]/g, '')])];
}
