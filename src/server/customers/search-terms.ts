// What an agent typed in a search box, read as the e-mail, phones and name prefix of a person:
// customers are found by these, and orders by these plus their number. Pure.

export interface SearchTerms {
  readonly text: string;
  readonly email: string | null;
  readonly phones: readonly string[];
  readonly namePrefix: string | null;
}

/** The phone without its separators (`+39 333-123 4567` is `+393331234567`), as phones are stored and looked up. */
export function normalizePhone(text: string): string {
  return text.replace(/[\s()./-]/g, '');
}

export function searchTerms(q: string): SearchTerms | null {
  const text = q.trim();
  if (text === '') return null;
  const looksLikePhone = /^\+?[\d\s()./-]{6,}$/.test(text);
  return {
    text,
    email: text.includes('@') ? text.toLowerCase() : null,
    phones: looksLikePhone ? [...new Set([text, normalizePhone(text)])] : [],
    namePrefix: !text.includes('@') && !looksLikePhone && text.length >= 2 ? text : null,
  };
}
