// What a crawl calls to store a batch of listings: the MongoDB write (listing.store.ts, which
// also prices the changed products by pricing's margin rules), then the changed documents
// written through to the Redis product cache in one pipeline, so a product page never shows a
// document older than the last scrape. The cache is a copy: when Redis fails, the batch stands,
// the failure is logged and counted, and the copy is repaired by the TTL or the next write.
// Then a translation job for each market that sells a product of the batch without a text of
// its own; the batch's unchanged products too, so a job lost or given up is asked for again by
// the next crawl (the job id makes a repeated ask a no-op while one waits).
import type { Redis } from 'ioredis';
import { marketsToTranslate, queueCacheWrite } from '../../catalog';
import type { Product } from '../../catalog';
import type { Db } from 'mongodb';
import { DEFAULT_MARGIN_RULES, type MarginRules } from '../../pricing';
import { enqueueTranslations, type TranslationQueue } from '../../translation';
import type { Listing } from '../extraction/listing.schema';
import { upsertListings, type UpsertCounts, type UpsertOptions } from './listing.store';

export interface ListingWriteDeps {
  readonly db: Db;
  /** @defaultValue the MARGIN_* settings' defaults (for callers without configuration: the scrape bench) */
  readonly margin?: MarginRules;
  /** Where changed products are written through. @defaultValue none (the scrape bench runs without Redis) */
  readonly redis?: Redis;
  /** Where products for sale in a market without its text get their translation job. @defaultValue none (the scrape bench) */
  readonly translations?: TranslationQueue;
  /** @defaultValue console.error */
  readonly log?: (line: string) => void;
}

export interface ListingWriteCounts extends UpsertCounts {
  /** Products stored in MongoDB whose cache write failed. */
  cacheFailures: number;
  /** Every product document the batch wrote, as stored. */
  written: readonly Product[];
  /** Translation jobs asked for (a job already waiting counts, and stays one). */
  translationsAsked: number;
  /** Each listing's product id, in the listings' order (null for one without a market). */
  productIds: readonly (string | null)[];
}

export async function writeListings(
  deps: ListingWriteDeps,
  listings: readonly Listing[],
  now = new Date(),
  options: UpsertOptions = {},
): Promise<ListingWriteCounts> {
  const { counts, written, unchanged, productIds } = await upsertListings(
    deps,
    listings,
    deps.margin ?? DEFAULT_MARGIN_RULES,
    now,
    options,
  );
  const log = deps.log ?? console.error;
  const failure = deps.redis && written.length > 0 ? await cacheProducts(deps.redis, written) : null;
  if (failure) {
    log(
      `listings: ${failure.count} of ${written.length} products stored but not cached (${failure.reason}); a page may show their previous copy until it expires`,
    );
  }
  const jobs = [...written, ...unchanged].flatMap((product) =>
    marketsToTranslate(product, now).map((market) => ({ productId: product._id, market })),
  );
  let translationsAsked = 0;
  if (deps.translations && jobs.length > 0) {
    try {
      await enqueueTranslations(deps.translations, jobs);
      translationsAsked = jobs.length;
    } catch (error) {
      // The texts wait for the next crawl that finds these products; the batch itself stands.
      log(`listings: ${jobs.length} translations not asked for (${(error as Error).message}); the next crawl asks again`);
    }
  }
  return { ...counts, cacheFailures: failure?.count ?? 0, written, translationsAsked, productIds };
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
