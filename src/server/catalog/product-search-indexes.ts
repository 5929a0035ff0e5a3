// The indexes storefront listings run on, and which one serves which listing. Every listing
// query is an index range read in the index's own order (no in-memory sort) that a keyset
// cursor narrows: fast on page 1,000 as on page 1. Keys are equality fields first, then the
// sort key, then _id as the tiebreaker that makes the order total (so pages neither repeat nor
// skip products that share a price or a creation time). Price sorts need one index per market:
// each market has its own selling price. Brand, availability and the "for sale" test are
// filtered along the range read; they cut little, and an index per combination would cost
// every scraper write more than it saves. Declared here, part of the products collection (product.collection.ts).
//
// Keywords sorted by price have no index of their own: a token index (multikey, one key per
// word of every title) per market made inserts four times slower (catalog loader on SecantusDB,
// average over the first 145,000 products: 400/s with them, 1,700/s without). Such a page
// sorts the products matching all the words in memory, which costs as much as there are
// matches; relevance and newest, the default, stay index-ordered.
import type { IndexSpec } from '../platform/db';
import { MARKET_CODES, type MarketCode } from '../../common/markets';

/** The field a market's price sort and price range read. */
export function sellPriceField(market: MarketCode): string {
  return `sellPrices.${market}.price.amountCents`;
}

const NEWEST = { createdAt: -1, _id: -1 } as const;

export const SEARCH_INDEX_NAMES = {
  newest: 'created',
  categoryNewest: 'category_created',
  brandNewest: 'brand_created',
  /** Keeps the name of the plain token index it replaces: a declared name with a new key is rebuilt. */
  tokensNewest: 'search_tokens',
  price: (market: MarketCode) => `sell_${market}_price`,
  categoryPrice: (market: MarketCode) => `category_sell_${market}_price`,
} as const;

export const PRODUCT_SEARCH_INDEXES: readonly IndexSpec[] = [
  { name: SEARCH_INDEX_NAMES.newest, key: { ...NEWEST } },
  { name: SEARCH_INDEX_NAMES.categoryNewest, key: { category: 1, ...NEWEST } },
  { name: SEARCH_INDEX_NAMES.brandNewest, key: { brand: 1, ...NEWEST } },
  { name: SEARCH_INDEX_NAMES.tokensNewest, key: { searchTokens: 1, ...NEWEST } },
  ...MARKET_CODES.flatMap((market): IndexSpec[] => [
    { name: SEARCH_INDEX_NAMES.price(market), key: { [sellPriceField(market)]: 1, _id: 1 } },
    { name: SEARCH_INDEX_NAMES.categoryPrice(market), key: { category: 1, [sellPriceField(market)]: 1, _id: 1 } },
  ]),
];
