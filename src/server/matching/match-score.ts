// Whether two products found in different markets are one item, when no identifier says so: a
// score from 0 to 1 over what a buyer would compare, and the facts that rule a match out. Pure:
// no I/O.
//
// Titles are compared in one language: a product's text for a market it has no page in is a
// translation of its own page (the translator's work), so a product found in Italy, read in
// French, can be laid beside a product found in France. Brand and category must agree, and an
// identifier of a kind that names one item (GTIN, ASIN, part number) held by both but different
// rules the pair out, as do two different codes in the titles.
import { MARKET_CODES, MARKETS, type MarketCode } from '../../common/markets';
import { tokenize, type Product } from '../catalog';

export type MatchProduct = Pick<Product, '_id' | 'brand' | 'category' | 'title' | 'texts' | 'offers' | 'identities'>;

export interface MatchScore {
  /** 0 to 1: the share of the two titles' words they hold in common, weighed with numbers and prices. */
  readonly score: number;
  /** What the score rests on, for the agent who reviews the pair. */
  readonly reasons: readonly string[];
}

/** Identity kinds that name one item each (listing.ts makes them): two different ones are two items. */
const ONE_ITEM_KINDS = ['gtin-', 'asin-', 'mpn-'] as const;

/** Words that say how an item is sold, not which item it is. */
const QUANTITY_WORDS = /^\d+(?:x|ml|cl|l|g|kg|gb|tb|mb|mah|wh|w|kw|v|mm|cm|m|hz)?$/;

export function brandKey(brand: string | null): string {
  return tokenize(brand ?? '').join('');
}

/** The markets a product has an offer in: where its own pages were found. */
export function offerMarkets(product: Pick<Product, 'offers'>): MarketCode[] {
  return MARKET_CODES.filter((m) => product.offers[m] !== undefined);
}

/** The product's title as a market's language reads it (its page's there, or a translation of one), if stored. */
function titleIn(product: MatchProduct, language: string): { title: string; origin: 'page' | 'translation' } | undefined {
  for (const market of MARKET_CODES) {
    const text = product.texts?.[market];
    if (text && text.language === language) return { title: text.title, origin: text.origin };
  }
  return undefined;
}

/**
 * A maker's code ("OZ-255", "HD9867/90"): letters and digits, no run of six letters (a word). One
 * page shows it and its twin often does not; where both do, the part number already joined them
 * or ruled them apart (matchBlocker), so it is no word to compare.
 */
const CODE = /^(?=.*\p{L})(?=.*\d)(?!.*\p{L}{6})[\p{L}\d]+(?:[-/.][\p{L}\d]+)*$/u;

/** The words a title is compared by: its tokens without the brand's and without makers' codes. */
export function titleWords(title: string, brand: string | null): Set<string> {
  const brandWords = new Set(tokenize(brand ?? ''));
  const words = title
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
    .filter((word) => !CODE.test(word));
  return new Set(tokenize(words.join(' ')).filter((word) => !brandWords.has(word)));
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const word of a) if (b.has(word)) common += 1;
  return (2 * common) / (a.size + b.size);
}

const numbersOf = (words: ReadonlySet<string>) => new Set([...words].filter((w) => QUANTITY_WORDS.test(w)));

/** Why two products cannot be one item, or null when nothing rules it out. */
export function matchBlocker(a: MatchProduct, b: MatchProduct): string | null {
  if (a._id === b._id) return 'the same product';
  if (!a.brand || brandKey(a.brand) !== brandKey(b.brand)) return 'brands differ';
  if (a.category !== b.category) return 'categories differ';
  const shared = offerMarkets(a).filter((m) => b.offers[m] !== undefined);
  if (shared.length > 0) return `both have an offer in ${shared.join(', ')}`;
  for (const kind of ONE_ITEM_KINDS) {
    const mine = (a.identities ?? []).filter((id) => id.startsWith(kind));
    const theirs = new Set((b.identities ?? []).filter((id) => id.startsWith(kind)));
    if (mine.length > 0 && theirs.size > 0 && !mine.some((id) => theirs.has(id))) return `different ${kind.slice(0, -1).toUpperCase()}`;
  }
  return null;
}

/** Weights of the score's parts: the titles' words carry it, the numbers in them and the prices temper it. */
const WEIGHTS = { words: 0.7, numbers: 0.1, price: 0.2 } as const;
/**
 * Markets price one item up to about 30 % apart (the lower price 0.7 of the higher, or more):
 * within that, prices say nothing; further apart, ever less likely one item. bench:match
 * measured this weight: a colour variant reads like its twin, but seldom costs the same.
 */
const SAME_ITEM_PRICE_RATIO = 0.7;

/** The price of the item's first offer, in cents: a second opinion, since markets price one item up to about 30 % apart. */
function firstPrice(product: MatchProduct): number | undefined {
  const market = offerMarkets(product)[0];
  return market ? product.offers[market]?.price.amountCents : undefined;
}

/**
 * How alike the two are, in the language where both read best: one's page beside the other's
 * translation into that page's language. Null when something rules the pair out or no language
 * holds a title of each.
 */
export function matchScore(a: MatchProduct, b: MatchProduct): MatchScore | null {
  if (matchBlocker(a, b)) return null;
  let best: { words: number; numbers: number; language: string } | null = null;
  for (const language of new Set(MARKET_CODES.map((m) => MARKETS[m].language))) {
    const [ta, tb] = [titleIn(a, language), titleIn(b, language)];
    // Two translations compare the translator with itself: one side must be a page.
    if (!ta || !tb || (ta.origin === 'translation' && tb.origin === 'translation')) continue;
    const [wa, wb] = [titleWords(ta.title, a.brand), titleWords(tb.title, b.brand)];
    const [na, nb] = [numbersOf(wa), numbersOf(wb)];
    const words = dice(wa, wb);
    // Numbers agree when both titles carry the same ones (or neither carries any); a title with none says nothing.
    const numbers = na.size === 0 || nb.size === 0 ? 0.5 : dice(na, nb);
    if (!best || words > best.words) best = { words, numbers, language };
  }
  if (!best) return null;
  const [pa, pb] = [firstPrice(a), firstPrice(b)];
  const ratio = pa && pb ? Math.min(pa, pb) / Math.max(pa, pb) : null;
  const price = ratio === null ? 0.5 : Math.min(1, ratio / SAME_ITEM_PRICE_RATIO);
  const score = WEIGHTS.words * best.words + WEIGHTS.numbers * best.numbers + WEIGHTS.price * price;
  const percent = (n: number) => `${Math.round(n * 100)} %`;
  return {
    score: Math.round(score * 1000) / 1000,
    reasons: [
      `same brand and category`,
      `titles share ${percent(best.words)} of their words (read in ${best.language})`,
      ...(best.numbers === 0.5 ? [] : [`numbers in the titles agree ${percent(best.numbers)}`]),
      ...(ratio === null ? [] : [`the lower price is ${percent(ratio)} of the higher`]),
    ],
  };
}

/**
 * The words to look a product's twins up by in a language: the brand's and the title's rarest
 * two (`rarity` counts how many products hold a word), so a twin read in other words is still found.
 */
export function lookupWords(product: MatchProduct, language: string, rarity: (word: string) => number): string[][] {
  const title = titleIn(product, language);
  if (!title || !product.brand) return [];
  const brand = tokenize(product.brand);
  const words = [...titleWords(title.title, product.brand)].filter((w) => !QUANTITY_WORDS.test(w));
  const rarest = words.sort((x, y) => rarity(x) - rarity(y) || y.length - x.length).slice(0, 2);
  return rarest.map((word) => [...brand, word]);
}

/** The languages a product reads in that its own offers' markets do not speak: where its twins would be. */
export function otherLanguages(product: MatchProduct): string[] {
  const own = new Set(offerMarkets(product).map((m) => MARKETS[m].language));
  return [...new Set(MARKET_CODES.map((m) => MARKETS[m].language))].filter((l) => !own.has(l) && titleIn(product, l) !== undefined);
}
