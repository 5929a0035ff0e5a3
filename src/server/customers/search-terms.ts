// What an agent typed in a search box, read as the e-mail, phones and name prefix of a person:
// customers are found by these, and orders by these plus their number. Pure.
import { looksLikePhone, phoneCandidates } from './phone-number';

export interface SearchTerms {
  readonly text: string;
  readonly email: string | null;
  readonly phones: readonly string[];
  readonly namePrefix: string | null;
}

export function searchTerms(q: string): SearchTerms | null {
  const text = q.trim();
  if (text === '') return null;
  const phone = looksLikePhone(text);
  return {
    text,
    email: text.includes('@') ? text.toLowerCase() : null,
    phones: phone ? phoneCandidates(text) : [],
    namePrefix: !text.includes('@') && !phone && text.length >= 2 ? text : null,
  };
}
