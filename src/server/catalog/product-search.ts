// Storefront search as MongoDB queries, built without I/O: filters, the keyset bound of the
// cursor and the sort, shaped so that one index of product-search-indexes.ts serves them (the
// planner picks it: a hint by name measured several times slower on SecantusDB, which re-plans
// hinted queries) and read in windows of the sort key (product-search-window.ts), and how the
// documents read become listing items and the next cursor. product-search.store.ts runs them.
//
// Keywords: each word of the query, folded by the same tokenizer that filled `searchTokens`,
// must be among the product's tokens (`$all`). Without a text index there is no relevance
// score: every product matching all the words matches equally, and "relevance" lists them
// newest first, the one order that never changes under a product (prices do), so its pages
// stay stable while a shopper reads them. Such a page is windowed on the entries of the
// query's rarest word (catalog-sample.ts) in `search_tokens`, which are ordered by creation
// time within the word, the other words checked along. Sorted by price, no index holds words
// and prices together: the page is windowed on the market's price index with the words checked
// along, or reads every product of the rarest word when the sample says that is fewer.
//
// Price: the range and the sort read the computed selling price of the market (indexed); the
// card shows what the shopper pays, an agent's override when one is in force (rare, temporary),
// so such a product may sit slightly out of price order until the override expires.
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import type { Product } from './product.schema';
import { encodeCursor, type SearchCursor } from './product-search-cursor';
import { MAX_WINDOWED_TRIPS, spanPerRow, windowRange, type SearchWindow, type WindowRange } from './product-search-window';
import { sellPriceField } from './product-search-indexes';
import type { SearchSort } from './product-search-cursor';
import type { ListingItem, ProductSearchInput, SearchPage } from './product-search.schema';
import { toProductCard } from './product-summary';
import { textFor } from './product-text';
import { queryTokens } from './search-tokens';
import { forSaleIn, sellingPrice } from './selling';
import { productsHolding, rarestWord, shareHoldingAll, type CatalogSample } from './catalog-sample';

type Filter = Record<string, unknown>;

/** The sort key's extremes: creation times in epoch ms, prices in cents. */
const KEY_MIN = 0;
const KEY_MAX = 8_640_000_000_000_000; // the latest time a Date holds; far above any price
/**
 * Where a first page sorted by highest price first starts looking when nothing was learned yet:
 * the listing starts at the key's top, so dearer products are still listed first.
 */
const PRICE_CEILING_GUESS = 1_000_000;
/** Key units per product for a first page when nothing was learned yet: an hour of creation, a euro of price. */
const DEFAULT_SPAN_PER_ROW = { createdAt: 3_600_000, price: 100 } as const;

export interface SearchPlan {
  /** The sort key, as a document field. */
  readonly field: string;
  readonly keyIsDate: boolean;
  readonly range: WindowRange;
  /** The equality fields the index serving the listing starts with: the window's conjunct holds them. */
  readonly prefix: Filter;
  /**
   * The prefix of the last trip, which reads the rest of the range: the rarest word's entries
   * when there are keywords, which are fewer than the rest of a category or of the catalog.
   */
  readonly tailPrefix: Filter;
  /** Every other condition, read along the window's range. */
  readonly rest: readonly Filter[];
  /**
   * The products that share the cursor's sort value and come after its id: read on their own,
   * before the windows, which start past that value. As equality on the index's prefix and sort
   * key with a range on `_id`, the read covers those ties only, not every product of that price
   * or time (hundreds in a category at a million products: a window cannot split a value).
   */
  readonly ties: Filter | null;
  /** Where this page's products begin on the key: the cursor's value, else the range's anchor. */
  readonly pageStart: number;
  readonly sort: Readonly<Record<string, 1 | -1>>;
  /** One more than the page size: whether it comes back says if there is a next page. */
  readonly limit: number;
  readonly projection: Readonly<Record<string, 1>>;
  readonly tokens: readonly string[];
  /** Key units per product when neither the cursor nor an earlier page of the scope says. */
  readonly defaultSpanPerRow: number;
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

/** A listing regardless of its page: what its pages learn about the sort key is kept under it. */
export function searchScope(input: ProductSearchInput): string {
  const { cursor: _cursor, limit: _limit, ...listing } = input;
  return JSON.stringify(listing);
}

/**
 * Listings of one kind (a category, a brand, some words; the same market, sort and filters): a
 * listing never read before starts from where its kind's listings began and how densely their
 * products lay, usually far closer than a guess made for every listing alike.
 */
export function kindScope(input: ProductSearchInput): string {
  const by =
    input.category !== undefined ? 'category' : input.brand !== undefined ? 'brand' : queryTokens(input.q).length > 0 ? 'words' : 'all';
  const priced = input.minPriceCents !== undefined || input.maxPriceCents !== undefined;
  return JSON.stringify({ market: input.market, sort: input.sort, inStock: input.inStock, by, priced });
}

/** The shop's whole listing in the same sort: how densely the catalog lies on the key, and where it begins. */
export function catalogScope(input: ProductSearchInput): string {
  return searchScope({ market: input.market, q: '', inStock: false, sort: input.sort, limit: input.limit });
}

/** What earlier reads taught, that a listing page is planned by. */
export interface SearchKnowledge {
  /** Where an earlier first page of the listing (or of its kind, or of the shop's whole listing) began. */
  readonly anchor?: number | null;
  /** How common the catalog's words are: which index a keyword page reads. */
  readonly words?: CatalogSample | null;
}

/**
 * Windowed trips of a keyword page sorted by price: none (every product of its rarest word, read
 * whole) when those are fewer than a window of the price index would read to find a page of
 * products holding all the words, else one such window, and the rarest word's products after it
 * if it fell short. Windows grown further would read the catalog's products of ever wider price
 * ranges: one window and one read of the word cost at most about twice the cheaper of the two.
 */
function priceWordTrips(words: CatalogSample | null | undefined, tokens: readonly string[], rarest: string, rows: number): number {
  return words && productsHolding(words, rarest) < rows / shareHoldingAll(words, tokens) ? 0 : 1;
}

/**
 * How a listing page is read: the index's equality prefix (the category, else the brand, for
 * newest first; the category for price sorts; the rarest word for keywords newest first outside
 * a category), the range on the sort key the windows cut (the price range when sorted by price),
 * and everything else as filters.
 */
export function planSearch(input: ProductSearchInput, cursor: SearchCursor | null, now: Date, known: SearchKnowledge = {}): SearchPlan {
  const { market } = input;
  const tokens = queryTokens(input.q);
  const { field, direction } = sortKey(input.sort, market);
  const byPrice = field !== 'createdAt';
  const rarest = tokens.length > 0 ? rarestWord(known.words ?? null, tokens) : null;
  const wordPrefix = rarest === null ? null : { searchTokens: rarest };

  const prefix: Filter = {};
  if (input.category !== undefined) prefix['category'] = input.category;
  else if (!byPrice && wordPrefix) Object.assign(prefix, wordPrefix);
  else if (!byPrice && input.brand !== undefined) prefix['brand'] = input.brand;
  // The prefix's fields are checked again along the range: the last trip may read another index.
  const rest: Filter[] = [forSaleIn(market)];
  if (tokens.length > 0) rest.push({ searchTokens: tokens.length === 1 ? tokens[0] : { $all: tokens } });
  if (input.category !== undefined) rest.push({ category: input.category });
  if (input.brand !== undefined) rest.push({ brand: input.brand });
  if (input.inStock) rest.push({ $or: MARKET_CODES.map((m) => ({ [`offers.${m}.availability`]: 'in_stock' })) });

  const low = byPrice ? (input.minPriceCents ?? KEY_MIN) : KEY_MIN;
  const high = byPrice ? (input.maxPriceCents ?? KEY_MAX) : KEY_MAX;
  if (!byPrice && (input.minPriceCents !== undefined || input.maxPriceCents !== undefined)) {
    rest.push({
      [sellPriceField(market)]: {
        ...(input.minPriceCents !== undefined && { $gte: input.minPriceCents }),
        ...(input.maxPriceCents !== undefined && { $lte: input.maxPriceCents }),
      },
    });
  }
  const [first, last] = direction === 1 ? [low, high] : [high, low];
  const inRange = (value: number) => value >= low && value <= high;
  // Keys are whole numbers (cents, milliseconds): the windows start one past the cursor's value,
  // whose remaining ties are read apart. A cursor outside the range (a page past it would be
  // empty) starts at the range.
  const from = cursor ? (direction === 1 ? Math.max(first, cursor.value + 1) : Math.min(first, cursor.value - 1)) : first;
  // A first page starts where the listing's products were found to begin (the cheapest, the
  // newest, the dearest), never before `from`; the window still starts at `from`.
  const guess = from !== KEY_MAX ? from : byPrice ? PRICE_CEILING_GUESS : now.getTime();
  const begins = known.anchor ?? guess;
  const anchor = cursor ? from : direction === 1 ? Math.max(from, begins) : Math.min(from, begins);

  const ties =
    cursor && inRange(cursor.value)
      ? { ...prefix, [field]: byPrice ? cursor.value : new Date(cursor.value), _id: { [direction === 1 ? '$gt' : '$lt']: cursor.id } }
      : null;

  return {
    field,
    keyIsDate: !byPrice,
    range: {
      from,
      to: last,
      direction,
      anchor,
      windowedTrips: byPrice && rarest !== null ? priceWordTrips(known.words, tokens, rarest, input.limit) : MAX_WINDOWED_TRIPS,
    },
    prefix,
    tailPrefix: wordPrefix ?? prefix,
    rest,
    ties,
    pageStart: cursor ? cursor.value : anchor,
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
    defaultSpanPerRow: byPrice ? DEFAULT_SPAN_PER_ROW.price : DEFAULT_SPAN_PER_ROW.createdAt,
  };
}

/** The filter of the read of the cursor's remaining ties (see `SearchPlan.ties`), null on a first page. */
export function tiesFilter(plan: SearchPlan): Filter | null {
  return plan.ties && { $and: [plan.ties, { $and: plan.rest }] };
}

/**
 * The filter of one trip: the window as its own first conjunct with the index's equality
 * prefix (the embedded database reads the index range of the first conjunct an index serves,
 * and only when no other field sits beside it), the other conditions nested.
 */
export function windowFilter(plan: SearchPlan, window: SearchWindow): Filter {
  const range = { [plan.field]: windowRange(window, plan.range.direction, (n) => (plan.keyIsDate ? new Date(n) : n)) };
  if (!window.last || plan.tailPrefix === plan.prefix) return { $and: [{ ...plan.prefix, ...range }, { $and: plan.rest }] };
  // The last trip of a keyword page reads the rarest word's entries, ordered by time within the
  // word. Beside the word, a price range would let the planner read the price index instead,
  // over the rest of the catalog: it is checked along.
  if (plan.keyIsDate) return { $and: [{ ...plan.tailPrefix, ...range }, { $and: plan.rest }] };
  return { $and: [plan.tailPrefix, { $and: [range, ...plan.rest] }] };
}

/** The fields of a product a listing reads (the query's projection). */
export type ListedProduct = Pick<
  Product,
  | '_id'
  | 'slug'
  | 'title'
  | 'texts'
  | 'brand'
  | 'category'
  | 'images'
  | 'offers'
  | 'createdAt'
  | 'sellPrices'
  | 'priceOverrides'
  | 'salesStop'
>;

/** The sort key of a listed product, in the plan's units. */
export function keyOf(product: ListedProduct, plan: SearchPlan, market: MarketCode): number {
  return plan.keyIsDate ? product.createdAt.getTime() : (product.sellPrices[market]?.price.amountCents ?? 0);
}

function cursorAfter(product: ListedProduct, input: ProductSearchInput, plan: SearchPlan): SearchCursor {
  const value = keyOf(product, plan, input.market);
  // A page of products that all share one price or creation time says nothing of how densely
  // the next ones lie: sized by it, the next page's windows would start a cent wide and take
  // every trip to grow. Without it, the next page goes by what the listing's first page learned.
  if (value === plan.pageStart) return { sort: input.sort, value, id: product._id };
  return {
    sort: input.sort,
    value,
    id: product._id,
    spanPerRow: spanPerRow({ ...plan.range, anchor: plan.pageStart }, value, input.limit),
  };
}

function shownTitle(product: ListedProduct, market: MarketCode): Pick<ListingItem, 'title' | 'titleLang'> {
  const { title, lang } = textFor(product, market);
  return { title, titleLang: lang };
}

/** The page a query's documents make: its items and, when more came back than asked, the next cursor. */
export function toSearchPage(input: ProductSearchInput, plan: SearchPlan, documents: readonly ListedProduct[], now: Date): SearchPage {
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
  return { items, nextCursor: more ? encodeCursor(cursorAfter(last, input, plan)) : null, tokens: plan.tokens };
}
