// Enqueueing translations on the `translate` queue: one job per product and market, its id made
// of both, so however many scrapes find a product untranslated while its job waits, one job
// runs. Done jobs are removed (the text is then stored and no scrape asks again); failed ones are
// kept a while, which holds their id: the next scrape after that asks again.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Config } from '../platform/config';
import { Id } from '../../common/ids';
import { MarketCode } from '../../common/markets';
import { QUEUE_PREFIX, QUEUES } from '../platform/queues';

export const TRANSLATE_PRODUCT_JOB = 'translate-product';

export const TranslateJobData = z.object({ productId: Id, market: MarketCode });
export type TranslateJobData = z.infer<typeof TranslateJobData>;

export function translateJobId(data: TranslateJobData): string {
  return `translate-${data.market}-${data.productId}`;
}

/** How long a failed job keeps its id (and its reason, on the operations page) before the product may be asked for again. */
const FAILED_KEPT_S = 3_600;

export interface TranslationQueue {
  readonly queue: Queue;
  readonly attempts: number;
  readonly backoffMs: number;
}

export async function enqueueTranslations(translations: TranslationQueue, jobs: readonly TranslateJobData[]): Promise<void> {
  if (jobs.length === 0) return;
  await translations.queue.addBulk(
    jobs.map((data) => ({
      name: TRANSLATE_PRODUCT_JOB,
      data,
      opts: {
        jobId: translateJobId(data),
        attempts: translations.attempts,
        backoff: { type: 'exponential', delay: translations.backoffMs },
        removeOnComplete: true,
        removeOnFail: { age: FAILED_KEPT_S },
      },
    })),
  );
}

const queues = new WeakMap<Redis, Queue>();

/** The translate queue on a process's Redis connection (adds are plain commands, not blocking ones), with the configured retries. */
export function translationQueue(redis: Redis, config: Pick<Config, 'TRANSLATE_ATTEMPTS' | 'TRANSLATE_BACKOFF_MS'>): TranslationQueue {
  let queue = queues.get(redis);
  if (!queue) {
    queue = new Queue(QUEUES.translate, { connection: redis, prefix: QUEUE_PREFIX });
    queues.set(redis, queue);
  }
  return { queue, attempts: config.TRANSLATE_ATTEMPTS, backoffMs: config.TRANSLATE_BACKOFF_MS };
}
