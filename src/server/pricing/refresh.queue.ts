// Enqueueing refreshes on the `refresh` queue. An opening's job id is the product id, so a
// thousand shoppers opening one stale page add one job (BullMQ ignores an add whose id exists).
// Jobs are removed once done, or a finished job would keep its id and block the next refresh;
// an add that races with the removal is harmless, because a job first checks whether the
// price is still stale and skips the marketplace call if another refresh landed meanwhile.
import { Queue } from 'bullmq';
import { z } from 'zod';
import { Id } from '../../common/ids';
import { QUEUE_PREFIX, QUEUES } from '../platform/queues';
import type { Runtime } from '../platform/runtime';

export const REFRESH_PRODUCT_JOB = 'refresh-product';
export const SWEEP_POPULAR_JOB = 'sweep-popular';

export const RefreshJobData = z.object({
  productId: Id,
  /** The job skips the marketplace when the price is at most this old by the time it runs. */
  maxAgeMs: z.number().int().min(0),
  /**
   * `agent`: the back office's "refresh now", which asks for the call whatever the price's age;
   * `signal`: a marketplace said the offer changed without saying its price.
   */
  cause: z.enum(['opening', 'sweep', 'agent', 'signal']),
});
export type RefreshJobData = z.infer<typeof RefreshJobData>;

/** BullMQ: 1 is the highest priority. A shopper waiting beats the sweep, always. */
export const REFRESH_PRIORITY = { opening: 1, agent: 1, signal: 10, sweep: 100 } as const;

/**
 * The product id itself; BullMQ refuses ids that look like integers, so an id made only of
 * digits gets a prefix. Sweep jobs have ids of their own: a waiting low-priority sweep job must
 * not hold the id an opening needs to jump the queue. An agent's job too: an opening's job waiting
 * with a 60 s tolerance must not swallow a request to call the marketplace now.
 */
export function refreshJobId(productId: string, cause: RefreshJobData['cause']): string {
  const id = /^\d+$/.test(productId) ? `product-${productId}` : productId;
  return cause === 'opening' ? id : `${cause}-${id}`;
}

const DONE = { removeOnComplete: true, removeOnFail: true } as const;

export async function enqueueRefresh(queue: Queue, data: RefreshJobData): Promise<void> {
  await queue.add(REFRESH_PRODUCT_JOB, data, {
    jobId: refreshJobId(data.productId, data.cause),
    priority: REFRESH_PRIORITY[data.cause],
    // A shopper-facing refresh is not retried: by the time a retry ran, the shopper would have
    // been told the price could not be refreshed; the next opening or the sweep tries again.
    attempts: 1,
    ...DONE,
  });
}

export async function enqueueSweepRefreshes(queue: Queue, jobs: readonly RefreshJobData[]): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(
    jobs.map((data) => ({
      name: REFRESH_PRODUCT_JOB,
      data,
      opts: { jobId: refreshJobId(data.productId, data.cause), priority: REFRESH_PRIORITY.sweep, attempts: 1, ...DONE },
    })),
  );
}

/** The repeatable job that starts each sweep; upserting it again at start changes nothing. */
export async function scheduleSweep(queue: Queue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    SWEEP_POPULAR_JOB,
    { every: everyMs },
    { name: SWEEP_POPULAR_JOB, data: {}, opts: { priority: REFRESH_PRIORITY.sweep, ...DONE } },
  );
}

const queues = new WeakMap<Runtime, Queue>();

/** The refresh queue on the runtime's Redis connection; adds are plain commands, not blocking ones. */
export function refreshQueue(rt: Runtime): Queue {
  let queue = queues.get(rt);
  if (!queue) {
    queue = new Queue(QUEUES.refresh, { connection: rt.redis, prefix: QUEUE_PREFIX });
    queues.set(rt, queue);
  }
  return queue;
}
