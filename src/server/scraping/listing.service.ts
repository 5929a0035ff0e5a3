// What a crawl calls to store a batch of listings: the MongoDB write (listing.store.ts, which
// also prices the changed products by pricing's margin rules), then the changed documents
// written through to the Redis product cache in one pipeline, so a product page never shows a
// document older than the last scrape. The cache is a copy: when Redis fails, the batch stands,
// the failure is logged and counted, and the copy is repaired by the TTL or the next write.
import type { Redis } from 'ioredis';
import { queueCacheWrite } from '../catalog';
import type { Product } from '../catalog/product.schema';
import type { Collections } from '../db';
import { DEFAULT_MARGIN_RULES, type MarginRules } from '../pricing';
import type { Listing } from './listing.schema';
import { upsertListings, type UpsertCounts } from './listing.store';

export interface ListingWriteDeps {
  readonly collections: Pick<Collections, 'products' | 'priceHistory'>;
  /** @defaultValue the MARGIN_* settings' defaults (for callers without configuration: the scrape bench) */
  readonly margin?: MarginRules;
  /** Where changed products are written through. @defaultValue none (the scrape bench runs without Redis) */
  readonly redis?: Redis;
  /** @defaultValue console.error */
  readonly log?: (line: string) => void;
}

export interface ListingWriteCounts extends UpsertCounts {
  /** Products stored in MongoDB whose cache write failed. */
  cacheFailures: number;
  /** Every product document the batch wrote, as stored. */
  written: readonly Product[];
}

export async function writeListings(deps: ListingWriteDeps, listings: readonly Listing[], now = new Date()): Promise<ListingWriteCounts> {
  const { counts, written } = await upsertListings(deps.collections, listings, deps.margin ?? DEFAULT_MARGIN_RULES, now);
  if (!deps.redis || written.length === 0) return { ...counts, cacheFailures: 0, written };
  const failure = await cacheProducts(deps.redis, written);
  if (failure) {
    (deps.log ?? console.error)(
      `listings: ${failure.count} of ${written.length} products stored but not cached (${failure.reason}); ` +
        'a page may show their previous copy until it expires',
    );
  }
  return { ...counts, cacheFailures: failure?.count ?? 0, written };
}

/** One round trip for the whole batch; what failed, if anything. */
async function cacheProducts(redis: Redis, products: readonly Product[]): Promise<{ count: number; reason: string } | null> {
  const pipeline = redis.pipeline();
  for (const product of products) queueCacheWrite(pipeline, product);
  try {
    const errors = ((await pipeline.exec()) ?? []).flatMap(([error]) => (error ? [error] : []));
    return errors.length > 0 ? { count: errors.length, reason: errors[0]!.message } : null;
  } catch (error) {
    return { count: products.length, reason: error instanceof Error ? error.message : String(error) };
  }
}
