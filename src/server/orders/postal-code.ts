// Shipping countries and their postal code formats. The address country is always the
// market's own: each market ships within its country.
import { MARKET_CODES, MARKETS, type MarketCode } from '../../common/markets';
import type { Address } from './order.schema';

export type Country = Address['country'];

export const MARKET_COUNTRY = Object.fromEntries(MARKET_CODES.map((m) => [m, MARKETS[m].country])) as Readonly<Record<MarketCode, Country>>;

interface PostalRule {
  readonly pattern: RegExp;
  /** For the API's error message; pages word it in the shopper's language. */
  readonly expected: string;
  /** Shown to agents beside the field. */
  readonly example: string;
}

export const POSTAL_CODE_RULES: Readonly<Record<Country, PostalRule>> = {
  // CAP: 5 digits (00010 … 98168).
  IT: { pattern: /^\d{5}$/, expected: 'an Italian postal code (CAP) of 5 digits', example: '00184' },
  // Code postal: 5 digits; Corsica's 20xxx included.
  FR: { pattern: /^\d{5}$/, expected: 'a French postal code of 5 digits', example: '75011' },
  // PLZ: 5 digits.
  DE: { pattern: /^\d{5}$/, expected: 'a German postal code (PLZ) of 5 digits', example: '10115' },
  // Código postal: 5 digits, the first two the province, 01 to 52.
  ES: {
    pattern: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/,
    expected: 'a Spanish postal code of 5 digits starting with a province from 01 to 52',
    example: '28013',
  },
};

/** Spaces typed inside or around a code are not part of it. */
export function normalizePostalCode(code: string): string {
  return code.replace(/\s+/g, '');
}

export function isValidPostalCode(country: Country, code: string): boolean {
  return POSTAL_CODE_RULES[country].pattern.test(normalizePostalCode(code));
}
