// Runs a storefront search against MongoDB: the windows product-search.ts plans, read in turn
// until the page is full. Also the filter choices (categories, brands) a listing offers, which
// change only as scrapers find new ones: read once in a while and kept in Redis.
import type { Redis } from 'ioredis';
import type { Product } from './product.schema';
import { decodeCursor } from './product-search-cursor';
import {
  catalogScope,
  keyOf,
  kindScope,
  planSearch,
  searchScope,
  tiesFilter,
  toSearchPage,
  windowFilter,
  type ListedProduct,
  type SearchPlan,
} from './product-search';
import { firstWindow, nextWindow, spanPerRow, type SearchWindow } from './product-search-window';
import type { ProductSearchInput, SearchPage } from './product-search.schema';
import { isCategoryId, type CategoryId } from './taxonomy';
import { recentProducts } from './product-recent.store';
import { queryTokens } from './search-tokens';
import {
  catalogSample,
  msPerProductHolding,
  priceSpanHolding,
  rarestWord,
  shareHoldingAll,
  type CatalogSample,
  type SampledProduct,
} from './catalog-sample';
import { sellPriceField } from './product-search-indexes';
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import { productCollection } from './product.collection';
import type { DbHandle } from '../platform/db';

/**
 * What first pages taught about each listing (key units per product, where a highest-price-first
 * listing begins), so the next shopper's first page takes one trip. Per process, bounded: the
 * oldest listing is forgotten first.
 */
const learned = new Map<string, { readonly spanPerRow: number; readonly anchor: number }>();
const LEARNED_LISTINGS = 10_000;

function learn(scope: string, lesson: { spanPerRow: number; anchor: number }): void {
  learned.delete(scope);
  learned.set(scope, lesson);
  if (learned.size > LEARNED_LISTINGS) learned.delete(learned.keys().next().value as string);
}

/**
 * Per kind of listing (kindScope), running means of its first pages: where they began (a
 * category never read starts its window there rather than at the shop's cheapest product, and
 * crosses less of a gap blind) and the geometric mean of their densities. Few kinds, kept all.
 */
const kinds = new Map<string, { readonly anchor: number; readonly spanPerRow: number | null }>();
/** Weight of the newest first page in its kind's means. */
const KIND_WEIGHT = 0.2;

function learnKind(kind: string, anchor: number, spanPerRow: number | null): void {
  const was = kinds.get(kind);
  const mean = (old: number, value: number) => (1 - KIND_WEIGHT) * old + KIND_WEIGHT * value;
  const span =
    spanPerRow === null
      ? (was?.spanPerRow ?? null)
      : was?.spanPerRow == null
        ? spanPerRow
        : Math.exp(mean(Math.log(was.spanPerRow), Math.log(spanPerRow)));
  kinds.set(kind, { anchor: was ? mean(was.anchor, anchor) : anchor, spanPerRow: span });
}

/** Products in the catalog sample: a word on fewer than one in this many is "rare", and rare words are cheap to read whole. */
const SAMPLE_SIZE = 2_000;
/** Words become common or rare as scrapers add products over days: a sample this old is read again. */
const SAMPLE_TTL_MS = 10 * 60_000;
/** Per products collection (tests run several in one process): the sample and when it was read. */
const samples = new Map<string, { readonly at: number; readonly sample: Promise<CatalogSample> }>();

/** The catalog's newest products' words, times and prices, and how many products it has. */
function sampleOf(rt: DbHandle, now: Date): Promise<CatalogSample> {
  const products = productCollection(rt);
  const cached = samples.get(products.namespace);
  if (cached && now.getTime() - cached.at < SAMPLE_TTL_MS) return cached.sample;
  const sample = Promise.all([
    recentProducts<SampledProduct>(rt, {
      field: 'createdAt',
      limit: SAMPLE_SIZE,
      projection: { searchTokens: 1, createdAt: 1, ...Object.fromEntries(MARKET_CODES.map((m) => [sellPriceField(m), 1])) },
      now,
    }),
    products.estimatedDocumentCount(),
  ]).then(([newest, count]) => catalogSample(newest, count));
  // A failed read is not kept: the next keyword page tries again.
  sample.catch(() => samples.delete(products.namespace));
  samples.set(products.namespace, { at: now.getTime(), sample });
  return sample;
}

/** A listing page's documents, read window by window as its plan says (one more than the page, when there are more). */
export async function readListingPage(
  rt: DbHandle,
  input: ProductSearchInput,
  now = new Date(),
): Promise<{ plan: SearchPlan; documents: ListedProduct[] }> {
  const products = productCollection(rt);
  const cursor = input.cursor === undefined ? null : decodeCursor(input.cursor, input.sort);
  const scope = searchScope(input);
  const known = learned.get(scope);
  const catalog = learned.get(catalogScope(input));
  const kind = kindScope(input);
  const ofKind = kinds.get(kind);
  const words = queryTokens(input.q).length > 0 ? await sampleOf(rt, now) : null;
  const planned = planSearch(input, cursor, now, { anchor: known?.anchor ?? ofKind?.anchor ?? catalog?.anchor ?? null, words });
  const documents: ListedProduct[] = [];
  const learnedSpan = cursor?.spanPerRow ?? known?.spanPerRow;
  const hint = learnedSpan ?? (words && keywordSpanPerRow(planned, words, input.market)) ?? ofKind?.spanPerRow ?? planned.defaultSpanPerRow;
  const plan = { ...planned, range: { ...planned.range, ...(ofKind?.spanPerRow != null && { typicalSpanPerRow: ofKind.spanPerRow }) } };
  const read = async (filter: Record<string, unknown>) =>
    (await products
      .find(filter, { projection: plan.projection, sort: plan.sort, limit: plan.limit - documents.length })
      .toArray()) as ListedProduct[];
  const ties = tiesFilter(plan);
  if (ties) documents.push(...(await read(ties)));
  // The windows fill what the cursor's ties left of the page.
  const rows = plan.limit - documents.length;
  let window: SearchWindow | null = rows > 0 ? firstWindow(plan.range, hint, rows) : null;
  for (let trips = 1, found = 0; window; trips++) {
    const windowed = await read(windowFilter(plan, window));
    documents.push(...windowed);
    found += windowed.length;
    window = nextWindow(plan.range, window, found, windowed.length, rows, trips);
  }
  if (!cursor && documents.length >= input.limit) {
    // Measured from the page's first product, not from the anchor: the newest product may be days old.
    const first = keyOf(documents[0]!, plan, input.market);
    const last = keyOf(documents[input.limit - 1]!, plan, input.market);
    const span = spanPerRow({ ...plan.range, anchor: first }, last, input.limit);
    learn(scope, { spanPerRow: span, anchor: first });
    // A page of products that all share one price or time is right for its own listing (the next
    // window holds that value whole) but says nothing of its kind: learned, other listings' windows
    // would start a cent wide, grow blind for five trips and end reading the rest of the category.
    learnKind(kind, first, last !== first ? span : null);
  }
  return { plan, documents };
}

/**
 * Key units per product of a keyword listing never read, from the catalog sample: the span of
 * the sort key that holds as many of the catalog's products as a page of products holding every
 * word needs, per row. Undefined when the sample cannot say: the listing's kind says.
 */
function keywordSpanPerRow(plan: SearchPlan, sample: CatalogSample, market: MarketCode): number | undefined {
  if (plan.keyIsDate) return msPerProductHolding(sample, plan.tokens);
  const rows = plan.limit;
  const span = priceSpanHolding(sample, market, plan.range.anchor, plan.range.direction, rows / shareHoldingAll(sample, plan.tokens));
  return span === undefined ? undefined : span / rows;
}

/**
 * Up to `limit` products holding every one of `words`, newest first, in any market and state (a
 * stopped product too): the back office's word search. Read in windows of the entries of the
 * rarest word, as a keyword listing is.
 */
export async function productsWithWords(rt: DbHandle, words: readonly string[], limit: number, now = new Date()): Promise<Product[]> {
  if (words.length === 0) return [];
  const sample = await sampleOf(rt, now);
  const { newest } = sample;
  const msPerProduct = msPerProductHolding(sample, words);
  return recentProducts(rt, {
    field: 'createdAt',
    prefix: { searchTokens: rarestWord(sample, words) },
    where: { searchTokens: { $all: [...words] } },
    limit,
    now,
    ...(newest !== undefined && msPerProduct !== undefined && { spread: { newest, msPerProduct } }),
  });
}

export async function searchProducts(rt: DbHandle, input: ProductSearchInput, now = new Date()): Promise<SearchPage> {
  const { plan, documents } = await readListingPage(rt, input, now);
  return toSearchPage(input, plan, documents, now);
}

export interface CatalogFacets {
  /** Taxonomy ids; each listing names them in its market's language and orders them by that name. */
  readonly categories: readonly CategoryId[];
  readonly brands: readonly string[];
}

const FACETS_KEY = 'ds:catalog:facets';
/** New categories and brands appear as scrapers find them; a listing may offer them minutes late. */
const FACETS_TTL_S = 600;

/** Makes the next listing read the choices afresh (after a bulk insert of new categories or brands). */
export async function forgetCatalogFacets(redis: Redis): Promise<void> {
  await redis.del(FACETS_KEY);
}

export async function catalogFacets(rt: DbHandle, redis: Redis): Promise<CatalogFacets> {
  const products = productCollection(rt);
  const cached = await redis.get(FACETS_KEY);
  if (cached) return JSON.parse(cached) as CatalogFacets;
  const [categories, brands] = await Promise.all([products.distinct('category'), products.distinct('brand')]);
  const named = (values: unknown[]) =>
    values.filter((v): v is string => typeof v === 'string' && v !== '').sort((a, b) => a.localeCompare(b));
  const facets: CatalogFacets = { categories: categories.filter(isCategoryId), brands: named(brands) };
  await redis.set(FACETS_KEY, JSON.stringify(facets), 'EX', FACETS_TTL_S);
  return facets;
}

/** How many of the catalog's newest products hold a word: what a caller picks its rarest look-up words by. */
export async function wordRarity(rt: DbHandle, now = new Date()): Promise<(word: string) => number> {
  const sample = await sampleOf(rt, now);
  return (word) => sample.counts.get(word) ?? 0;
}
