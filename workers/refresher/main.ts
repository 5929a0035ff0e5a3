// Price refresher worker: takes refresh jobs for products whose price a shopper is waiting for
// (high priority) and the sweep's jobs for popular prices about to go stale (low priority).
// At start it (re)declares the repeatable sweep job, so a changed SWEEP_INTERVAL_MS applies.
// Each shop's price is asked where its row of the sites table says (quote-sources); the prices
// the marketplaces push arrive on the same queue (price-signals).
import { Queue } from 'bullmq';
import { loadConfigOrExit } from '../../src/server/platform/config';
import { QUEUE_PREFIX, QUEUES } from '../../src/server/platform/queues';
import { createQueueRedis } from '../../src/server/platform/redis';
import { EVERY_COLLECTION } from '../../src/server/collections';
import { runWorker } from '../../src/server/platform/runtime';
import { refreshHandlers, SWEEP_POPULAR_JOB, scheduleSweep } from '../../src/server/pricing';
import { quoteSources } from '../../src/server/quote-sources';
import { SIGNAL_HANDLERS } from '../../src/server/price-signals';

const config = loadConfigOrExit();
try {
  // The sites table with QUOTE_SOURCE_OVERRIDES applied: a wrong override stops the start here.
  quoteSources(config);
} catch (error) {
  console.error(`[refresher] ${(error as Error).message}`);
  process.exit(78);
}
const connection = createQueueRedis({ url: config.REDIS_URL, timeoutMs: config.REDIS_TIMEOUT_MS, name: 'refresher-scheduler' });
const queue = new Queue(QUEUES.refresh, { connection, prefix: QUEUE_PREFIX });
if (config.SWEEP_TOP_PRODUCTS > 0) await scheduleSweep(queue, config.SWEEP_INTERVAL_MS);
else await queue.removeJobScheduler(SWEEP_POPULAR_JOB);
await queue.close();
await connection.quit();

await runWorker({
  collections: EVERY_COLLECTION,
  name: 'refresher',
  queue: QUEUES.refresh,
  handlers: { ...refreshHandlers(quoteSources), ...SIGNAL_HANDLERS },
  concurrency: config.REFRESH_WORKER_CONCURRENCY,
});
