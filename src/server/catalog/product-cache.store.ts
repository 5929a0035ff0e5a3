// Redis access for the product cache: write-through after a refresh or a scrape, and the
// page's read, which falls back to MongoDB on a miss and fills the cache for the next shopper.
import type { ChainableCommander, Redis } from 'ioredis';
import type { DbHandle } from '../platform/db';
import type { Product } from './product.schema';
import { findProduct } from './product.store';
import { decodeCachedProduct, encodeCachedProduct, PRODUCT_CACHE_TTL_S, productCacheKey } from './product-cache';

/**
 * Writes unless the cached copy is newer (a later `updatedAt`; ISO strings order as times). The
 * refresher, the scrapers and the back office each write the document their own update returned:
 * a refresher whose write-back lands just after an agent's override would otherwise put back a
 * copy without it, for the cache's lifetime. Only the top-level document has an `updatedAt`.
 */
const WRITE_UNLESS_NEWER = `
local cached = redis.call('GET', KEYS[1])
if cached then
  local seen = string.match(cached, '"updatedAt":"([^"]*)"')
  if seen and seen > ARGV[3] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1`;

/** Adds the write of `product` to a pipeline, so a caller can send it with its other commands. */
export function queueCacheWrite(pipeline: ChainableCommander, product: Product): ChainableCommander {
  return pipeline.eval(
    WRITE_UNLESS_NEWER,
    1,
    productCacheKey(product._id),
    encodeCachedProduct(product),
    PRODUCT_CACHE_TTL_S,
    product.updatedAt.toISOString(),
  );
}

export async function cacheProduct(redis: Redis, product: Product): Promise<void> {
  await queueCacheWrite(redis.pipeline(), product).exec();
}

export async function readCachedProduct(redis: Redis, productId: string): Promise<Product | null> {
  const json = await redis.get(productCacheKey(productId));
  return json === null ? null : decodeCachedProduct(json);
}

/**
 * Completes a cache read: the cached copy when there was one, else MongoDB's, which is then
 * cached. A cache that cannot be written is not the shopper's problem: the page still renders.
 * The write is sent, not awaited: the page's next command on this connection (the refresh it
 * enqueues) goes out behind it anyway, and a round trip less before that command is a shopper's
 * fresh price that much sooner.
 */
export async function productFromCacheOrDb(
  rt: DbHandle & { readonly redis: Redis },
  productId: string,
  cachedJson: string | null,
): Promise<{ product: Product | null; from: 'cache' | 'db' }> {
  const cached = cachedJson === null ? null : decodeCachedProduct(cachedJson);
  if (cached) return { product: cached, from: 'cache' };
  const product = await findProduct(rt, productId);
  // Only a document the page found is cached; unknown ids are not, so they cannot fill Redis.
  if (product) void cacheProduct(rt.redis, product).catch(() => undefined);
  return { product, from: 'db' };
}
