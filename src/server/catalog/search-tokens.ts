// The one tokenizer of keyword search: what the scrapers store in `searchTokens` and what a
// shopper's query is cut into are the same function, so "Café" typed finds "CAFE" stored.
// Pure: no I/O. A change here changes what stored tokens mean: re-tokenize the catalog with it.

/** Words shorter than this carry no meaning a shopper searches by ("a", "x", "6"). */
const MIN_TOKEN_LENGTH = 2;
/** A title's first words describe it; the tail of a long title is noise that only grows the index. */
const MAX_TOKENS = 40;

/** Letters NFD does not decompose into a base letter and a mark. */
const LIGATURES: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

/** Lowercased, accent-free words of a text, deduplicated, in order of first appearance. */
export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđı]/g, (letter) => LIGATURES[letter] ?? letter)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= MIN_TOKEN_LENGTH);
  return [...new Set(words)];
}

/** What a product stores for keyword search: the words of its brand and title. */
export function searchTokens(title: string, brand: string | null): string[] {
  return tokenize(`${brand ?? ''} ${title}`).slice(0, MAX_TOKENS);
}

/** The words of a shopper's query; a product matches when it has every one of them. */
export function queryTokens(query: string): string[] {
  return tokenize(query).slice(0, MAX_TOKENS);
}
