// Purchase worker: buys paid orders from their best sources (jobs enqueued by the outbox worker
// from `order.purchase` effects) and polls the suppliers for tracking on a schedule. A process of
// its own, apart from the outbox drainer: supplier calls may wait seconds, and a slow supplier
// must not hold up confirmations; each can be scaled, or stopped, alone.
import { Queue } from 'bullmq';
import { loadConfigOrExit } from '../../src/server/platform/config';
import { PURCHASE_HANDLERS, scheduleTracking } from '../../src/server/fulfillment';
import { QUEUE_PREFIX, QUEUES } from '../../src/server/platform/queues';
import { createQueueRedis } from '../../src/server/platform/redis';
import { EVERY_COLLECTION } from '../../src/server/collections';
import { runWorker } from '../../src/server/platform/runtime';

const config = loadConfigOrExit();
const connection = createQueueRedis({ url: config.REDIS_URL, timeoutMs: config.REDIS_TIMEOUT_MS, name: 'purchaser-scheduler' });
const queue = new Queue(QUEUES.purchase, { connection, prefix: QUEUE_PREFIX });
await scheduleTracking(queue, config.TRACKING_POLL_MS);
await queue.close();
await connection.quit();

// The tracking poll runs beside purchases; the lock is short enough that a killed worker's purchase is resumed soon.
await runWorker({
  collections: EVERY_COLLECTION,
  name: 'purchaser',
  queue: QUEUES.purchase,
  handlers: PURCHASE_HANDLERS,
  concurrency: 4,
  lockDurationMs: config.PURCHASE_LOCK_MS,
});
