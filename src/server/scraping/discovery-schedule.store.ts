// The scheduled discovery crawl of each market: one BullMQ job scheduler per market queue,
// upserted at every worker start, so restarting four workers (or changing the interval) leaves
// exactly one schedule per market.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MarketCode } from '../../common/markets';
import { QUEUE_PREFIX, scrapeQueue } from '../platform/queues';
import { SCRAPE_JOB_NAMES } from './scrape.jobs';

export function discoverySchedulerId(market: MarketCode): string {
  return `discover-${market}`;
}

export async function scheduleDiscovery(connection: Redis, market: MarketCode, intervalMs: number): Promise<void> {
  const queue = new Queue(scrapeQueue(market), { connection, prefix: QUEUE_PREFIX });
  try {
    await queue.upsertJobScheduler(
      discoverySchedulerId(market),
      { every: intervalMs },
      {
        name: SCRAPE_JOB_NAMES.discover,
        data: { market },
        // Keep a few finished runs for inspection; the scrape_runs collection is the record.
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 20, removeOnFail: 50 },
      },
    );
  } finally {
    await queue.close();
  }
}
