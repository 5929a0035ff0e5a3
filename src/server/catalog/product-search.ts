// Storefront search as a MongoDB query, built without I/O: filters, the keyset bound of the
// cursor and the sort, shaped so that one index of product-search-indexes.ts serves it (the
// planner picks it: a hint by name measured several times slower on SecantusDB, which re-plans
// hinted queries), and how the documents read become listing items and the next cursor.
// product-search.store.ts runs it.
//
// Keywords: each word of the query, folded by the same tokenizer that filled `searchTokens`,
// must be among the product's tokens (`$all`). Without a text index there is no relevance
// score: every product matching all the words matches equally, and "relevance" lists them
// newest first, the one order that never changes under a product (prices do), so its pages
// stay stable while a shopper reads them.
//
// Price: the range and the sort read the computed selling price of the market (indexed); the
// card shows what the shopper pays, an agent's override when one is in force (rare, temporary),
// so such a product may sit slightly out of price order until the override expires.
import { MARKET_CODES, type MarketCode } from '../markets';
import type { Product } from './product.schema';
import { encodeCursor, type SearchCursor } from './product-search-cursor';
import { sellPriceField } from './product-search-indexes';
import type { ListingItem, ProductSearchInput, SearchPage, SearchSort } from './product-search.schema';
import { toProductCard } from './product-summary';
import { textFor } from './product-text';
import { queryTokens } from './search-tokens';
import { forSaleIn, sellingPrice } from './selling';

type Filter = Record<string, unknown>;

export interface SearchQuery {
  readonly filter: Filter;
  readonly sort: Readonly<Record<string, 1 | -1>>;
  /** One more than the page size: whether it comes back says if there is a next page. */
  readonly limit: number;
  readonly projection: Readonly<Record<string, 1>>;
  readonly tokens: readonly string[];
}

/** The field a sort orders by and its direction; `_id` follows in the same direction. */
function sortKey(sort: SearchSort, market: MarketCode): { field: string; direction: 1 | -1 } {
  switch (sort) {
    case 'relevance':
    case 'newest':
      return { field: 'createdAt', direction: -1 };
    case 'price-asc':
      return { field: sellPriceField(market), direction: 1 };
    case 'price-desc':
      return { field: sellPriceField(market), direction: -1 };
  }
}

export function buildSearchQuery(input: ProductSearchInput, cursor: SearchCursor | null): SearchQuery {
  const { market } = input;
  const tokens = queryTokens(input.q);
  const { field, direction } = sortKey(input.sort, market);
  const byPrice = field !== 'createdAt';
  const and: Filter[] = [forSaleIn(market)];
  if (tokens.length > 0) and.push({ searchTokens: tokens.length === 1 ? tokens[0] : { $all: tokens } });
  if (input.category !== undefined) and.push({ category: input.category });
  if (input.brand !== undefined) and.push({ brand: input.brand });
  if (input.inStock) and.push({ $or: MARKET_CODES.map((m) => ({ [`offers.${m}.availability`]: 'in_stock' })) });

  // The price range and the cursor's bound on the sort key are one range on one field, so the
  // index read starts at the cursor rather than at the range's start.
  const priceRange: Filter = {};
  if (input.minPriceCents !== undefined) priceRange['$gte'] = input.minPriceCents;
  if (input.maxPriceCents !== undefined) priceRange['$lte'] = input.maxPriceCents;
  if (cursor) {
    const bound = direction === 1 ? '$gte' : '$lte';
    const value = byPrice ? cursor.value : new Date(cursor.value);
    if (byPrice) {
      const current = priceRange[bound] as number | undefined;
      priceRange[bound] = current === undefined ? cursor.value : direction === 1 ? Math.max(current, cursor.value) : Math.min(current, cursor.value);
    } else {
      and.push({ createdAt: { [bound]: value } });
    }
    // Within the bound, the products sharing the cursor's sort value come after it by id.
    const past = direction === 1 ? '$gt' : '$lt';
    and.push({ $or: [{ [field]: { [past]: value } }, { _id: { [past]: cursor.id } }] });
  }
  if (Object.keys(priceRange).length > 0) and.push({ [sellPriceField(market)]: priceRange });

  return {
    filter: { $and: and },
    sort: { [field]: direction, _id: direction },
    limit: input.limit + 1,
    projection: {
      slug: 1,
      title: 1,
      // Every market's text: a market without its own shows the original (product-text.ts).
      texts: 1,
      brand: 1,
      category: 1,
      images: 1,
      offers: 1,
      createdAt: 1,
      salesStop: 1,
      [`sellPrices.${market}`]: 1,
      [`priceOverrides.${market}`]: 1,
    },
    tokens,
  };
}

/** The fields of a product a listing reads (the query's projection). */
export type ListedProduct = Pick<Product, '_id' | 'slug' | 'title' | 'texts' | 'brand' | 'category' | 'images' | 'offers' | 'createdAt' | 'sellPrices' | 'priceOverrides' | 'salesStop'>;

function cursorAfter(product: ListedProduct, sort: SearchSort, market: MarketCode): SearchCursor {
  const value = sortKey(sort, market).field === 'createdAt' ? product.createdAt.getTime() : (product.sellPrices[market]?.price.amountCents ?? 0);
  return { sort, value, id: product._id };
}

function shownTitle(product: ListedProduct, market: MarketCode): Pick<ListingItem, 'title' | 'titleLang'> {
  const { title, lang } = textFor(product, market);
  return { title, titleLang: lang };
}

/** The page a query's documents make: its items and, when more came back than asked, the next cursor. */
export function toSearchPage(input: ProductSearchInput, query: SearchQuery, documents: readonly ListedProduct[], now: Date): SearchPage {
  const page = documents.slice(0, input.limit);
  const last = page.at(-1);
  const items = page.flatMap((product): ListingItem[] => {
    const selling = sellingPrice(product, input.market, now);
    if (!selling) return [];
    const source = product.sellPrices[input.market]?.sourceMarket;
    return [
      {
        ...toProductCard(product),
        ...shownTitle(product, input.market),
        price: selling.price,
        availability: (source && product.offers[source]?.availability) || 'unknown',
        createdAt: product.createdAt.toISOString(),
      },
    ];
  });
  const more = documents.length > input.limit && last !== undefined;
  return { items, nextCursor: more ? encodeCursor(cursorAfter(last, input.sort, input.market)) : null, tokens: query.tokens };
}
