// What a sample of the catalog's newest products says of the whole: how common its words are
// (which word of a query has the fewest products, whose entries of the `search_tokens` index are
// the fewest a keyword page can be read from; about how many products hold every word, and so
// how wide a window must be to fill a page), and how its creation times and each market's prices
// spread (how wide a window of the sort key holds a given number of products). A word the
// sample lacks is rarer than one in the sample's size. Counting exactly would read every product
// counted: the embedded database has no covered count. Pure: the store reads the sample
// (product-search.store.ts).
import type { MarketCode } from '../../common/markets';

/** What the sample reads of each product. */
export interface SampledProduct {
  readonly searchTokens: readonly string[];
  readonly createdAt: Date;
  readonly sellPrices: Partial<Record<MarketCode, { readonly price: { readonly amountCents: number } }>>;
}

export interface CatalogSample {
  /** Products in the catalog (its estimated count). */
  readonly catalogSize: number;
  /** Milliseconds of creation time per product among the sampled ones; undefined when they tell none. */
  readonly msPerProduct: number | undefined;
  /** When the newest product was created (epoch ms); undefined for an empty catalog. */
  readonly newest: number | undefined;
  /** Each sampled product's words. */
  readonly products: readonly ReadonlySet<string>[];
  /** Sampled products holding each word. */
  readonly counts: ReadonlyMap<string, number>;
  /** Each market's sampled selling prices in cents, ascending. */
  readonly prices: Partial<Record<MarketCode, readonly number[]>>;
}

/** The sample `newest` makes (the catalog's newest products, newest first) of a catalog of `catalogSize` products. */
export function catalogSample(newest: readonly SampledProduct[], catalogSize: number): CatalogSample {
  const counts = new Map<string, number>();
  const products = newest.map((product) => new Set(product.searchTokens));
  for (const words of products) for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const span = newest.length > 1 ? newest[0]!.createdAt.getTime() - newest.at(-1)!.createdAt.getTime() : 0;
  const prices: Partial<Record<MarketCode, number[]>> = {};
  for (const product of newest)
    for (const [market, sell] of Object.entries(product.sellPrices) as [MarketCode, { price: { amountCents: number } }][])
      (prices[market] ??= []).push(sell.price.amountCents);
  for (const list of Object.values(prices)) list.sort((a, b) => a - b);
  return {
    catalogSize: Math.max(catalogSize, products.length),
    msPerProduct: span > 0 ? span / (newest.length - 1) : undefined,
    newest: newest[0]?.createdAt.getTime(),
    products,
    counts,
    prices,
  };
}

/**
 * The share of the catalog holding `holding` sampled products of the sample's size. Half a
 * product when none was sampled: rarer than the sample can tell, not absent.
 */
function share(sample: CatalogSample, holding: number): number {
  return Math.max(holding, 0.5) / Math.max(sample.products.length, 1);
}

/** The query's word with the fewest sampled products (the longer word on a tie: it tends to name the item). */
export function rarestWord(sample: CatalogSample | null, words: readonly string[]): string {
  const count = (word: string) => sample?.counts.get(word) ?? 0;
  return [...words].sort((a, b) => (sample ? count(a) - count(b) : 0) || b.length - a.length)[0]!;
}

/** About how many products of the catalog hold `word`. */
export function productsHolding(sample: CatalogSample, word: string): number {
  return share(sample, sample.counts.get(word) ?? 0) * sample.catalogSize;
}

/** About what share of the catalog holds every one of `words`. */
export function shareHoldingAll(sample: CatalogSample, words: readonly string[]): number {
  const holding = sample.products.filter((product) => words.every((word) => product.has(word))).length;
  return share(sample, holding);
}

/** About how many milliseconds of creation time lie between two products holding every one of `words`; undefined when the sample tells none. */
export function msPerProductHolding(sample: CatalogSample, words: readonly string[]): number | undefined {
  return sample.msPerProduct === undefined ? undefined : sample.msPerProduct / shareHoldingAll(sample, words);
}

/**
 * About how many cents past `from` (upwards when `direction` is 1) the market's prices hold
 * `count` products of the catalog; undefined when the sample has no price there.
 */
export function priceSpanHolding(
  sample: CatalogSample,
  market: MarketCode,
  from: number,
  direction: 1 | -1,
  count: number,
): number | undefined {
  const ascending = sample.prices[market];
  if (!ascending || ascending.length === 0) return undefined;
  const prices = direction === 1 ? ascending : [...ascending].reverse();
  const start = prices.findIndex((price) => (price - from) * direction >= 0);
  if (start === -1) return undefined;
  // Sampled products the count stands for, between sampled prices where it falls between them.
  const at = start + (count * ascending.length) / sample.catalogSize;
  const below = Math.floor(at);
  if (below + 1 >= prices.length) return Math.abs(prices.at(-1)! - from) + 1;
  const price = prices[below]! + (prices[below + 1]! - prices[below]!) * (at - below);
  return Math.max(1, Math.abs(price - from));
}
