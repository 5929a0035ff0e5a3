// The purchase queue: one job per order (its id derived from the order, so the outbox delivering
// `order.purchase` twice adds one job), and the repeatable tracking poll.
import { Queue } from 'bullmq';
import { z } from 'zod';
import { Id } from '../../common/ids';
import { QUEUE_PREFIX, QUEUES } from '../platform/queues';
import type { Runtime } from '../platform/runtime';

export const PURCHASE_ORDER_JOB = 'purchase-order';
export const TRACK_PURCHASES_JOB = 'track-purchases';

/**
 * The customer id is the orders' shard key: the job reads its order on one shard. A job queued
 * before it was carried fails its payload check; requeueStuckPurchases enqueues the order again.
 */
export const PurchaseJobData = z.object({ orderId: Id, customerId: Id });
export type PurchaseJobData = z.infer<typeof PurchaseJobData>;

export function purchaseJobId(orderId: string): string {
  return `purchase-${orderId}`;
}

/**
 * Adds the order's purchase job unless one is waiting or running. A finished one under the same
 * id (an earlier purchase, before an agent's retry) is removed first, or BullMQ would ignore the add.
 */
export async function enqueuePurchase(queue: Queue, data: PurchaseJobData): Promise<void> {
  const jobId = purchaseJobId(data.orderId);
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed') return;
    await existing.remove();
  }
  await queue.add(PURCHASE_ORDER_JOB, data, {
    jobId,
    // Supplier trouble is handled inside the job (needs_attention); these attempts cover crashes and outages of our own.
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}

export async function scheduleTracking(queue: Queue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    TRACK_PURCHASES_JOB,
    { every: everyMs },
    { name: TRACK_PURCHASES_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  );
}

const queues = new WeakMap<Runtime, Queue>();

/** The purchase queue on the runtime's Redis connection; adds are plain commands, not blocking ones. */
export function purchaseQueue(rt: Runtime): Queue {
  let queue = queues.get(rt);
  if (!queue) {
    queue = new Queue(QUEUES.purchase, { connection: rt.redis, prefix: QUEUE_PREFIX });
    queues.set(rt, queue);
  }
  return queue;
}
