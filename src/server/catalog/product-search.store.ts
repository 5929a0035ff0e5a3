// Runs a storefront search against MongoDB: the query product-search.ts builds. Also the filter choices (categories, brands) a listing offers, which
// change only as scrapers find new ones: read once in a while and kept in Redis.
import type { Collection } from 'mongodb';
import type { Redis } from 'ioredis';
import type { Product } from './product.schema';
import { decodeCursor } from './product-search-cursor';
import { buildSearchQuery, toSearchPage, type ListedProduct } from './product-search';
import type { ProductSearchInput, SearchPage } from './product-search.schema';
import { isCategoryId, type CategoryId } from './taxonomy';

export async function searchProducts(products: Collection<Product>, input: ProductSearchInput, now = new Date()): Promise<SearchPage> {
  const cursor = input.cursor === undefined ? null : decodeCursor(input.cursor, input.sort);
  const query = buildSearchQuery(input, cursor);
  const documents = await products
    .find(query.filter, { projection: query.projection, sort: query.sort, limit: query.limit })
    .toArray();
  return toSearchPage(input, query, documents as ListedProduct[], now);
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

export async function catalogFacets(products: Collection<Product>, redis: Redis): Promise<CatalogFacets> {
  const cached = await redis.get(FACETS_KEY);
  if (cached) return JSON.parse(cached) as CatalogFacets;
  const [categories, brands] = await Promise.all([products.distinct('category'), products.distinct('brand')]);
  const named = (values: unknown[]) => values.filter((v): v is string => typeof v === 'string' && v !== '').sort((a, b) => a.localeCompare(b));
  const facets: CatalogFacets = { categories: categories.filter(isCategoryId), brands: named(brands) };
  await redis.set(FACETS_KEY, JSON.stringify(facets), 'EX', FACETS_TTL_S);
  return facets;
}
