// Outbox worker: drains the effects recorded beside writes (order confirmations, purchase
// jobs) every OUTBOX_POLL_MS. Entries are claimed one by one with a lease, so several of these
// processes may run at once.
import { Queue } from 'bullmq';
import { loadConfigOrExit } from '../../src/server/platform/config';
import { ORDER_EFFECTS } from '../../src/server/fulfillment';
import { drainJobHandlers, scheduleDrain } from '../../src/server/outbox';
import { QUEUE_PREFIX, QUEUES } from '../../src/server/platform/queues';
import { createQueueRedis } from '../../src/server/platform/redis';
import { EVERY_COLLECTION } from '../../src/server/collections';
import { runWorker } from '../../src/server/platform/runtime';

const config = loadConfigOrExit();
const connection = createQueueRedis({ url: config.REDIS_URL, timeoutMs: config.REDIS_TIMEOUT_MS, name: 'outbox-scheduler' });
const queue = new Queue(QUEUES.outbox, { connection, prefix: QUEUE_PREFIX });
await scheduleDrain(queue, config.OUTBOX_POLL_MS);
await queue.close();
await connection.quit();

await runWorker({ collections: EVERY_COLLECTION, name: 'outbox', queue: QUEUES.outbox, handlers: drainJobHandlers(ORDER_EFFECTS) });
