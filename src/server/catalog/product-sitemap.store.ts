// What the storefront's sitemaps read of the products: the id boundaries of the product pages
// (a walk of the _id index, covered by it, kept in Redis for an hour since search engines fetch
// sitemaps rarely and a product added since waits for the next walk), and one page's products
// for sale in a market.
import type { Redis } from 'ioredis';
import { forSaleIn } from './selling';
import type { MarketCode } from '../../common/markets';
import { productCollection } from './product.collection';
import type { DbHandle } from '../platform/db';

const BOUNDARIES_KEY = 'ds:sitemap:boundaries';
const BOUNDARIES_TTL_S = 3600;

/** The first id of each page of at most `perPage` products, in id order. */
export async function sitemapBoundaries(rt: DbHandle, redis: Redis, perPage: number): Promise<string[]> {
  const products = productCollection(rt);
  const key = `${BOUNDARIES_KEY}:${perPage}`;
  const cached = await redis.get(key);
  if (cached) return JSON.parse(cached) as string[];
  const boundaries: string[] = [];
  let seen = 0;
  // Only the id is read, in index order: the server never fetches the documents.
  for await (const { _id } of products.find({}, { projection: { _id: 1 }, sort: { _id: 1 }, batchSize: 10_000 })) {
    if (seen % perPage === 0) boundaries.push(_id);
    seen++;
  }
  await redis.set(key, JSON.stringify(boundaries), 'EX', BOUNDARIES_TTL_S);
  return boundaries;
}

export interface SitemapProduct {
  readonly _id: string;
  readonly slug: string;
  readonly updatedAt: Date;
}

/**
 * Products for sale in the market with ids from `from` up to (excluding) `to`, in id order; null
 * leaves that end open. The first and last pages are open-ended, so a product added since the
 * boundaries were walked is on a page too (one may then pass 50,000 until the next walk).
 */
export async function sitemapProducts(rt: DbHandle, market: MarketCode, from: string | null, to: string | null): Promise<SitemapProduct[]> {
  const products = productCollection(rt);
  const range = { ...(from === null ? {} : { $gte: from }), ...(to === null ? {} : { $lt: to }) };
  // `_id: {}` would match an id equal to an empty document, that is none.
  const ids = Object.keys(range).length > 0 ? { _id: range } : {};
  return products.find({ ...ids, ...forSaleIn(market) }, { projection: { slug: 1, updatedAt: 1 }, sort: { _id: 1 } }).toArray();
}
