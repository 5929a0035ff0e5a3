// Scrape runs in MongoDB: one document per crawl, created when it starts, its counts replaced as
// it goes (so an operator sees a running crawl move), closed when it ends.
import { newId } from '../../../common/ids';
import type { MarketCode } from '../../../common/markets';
import { ScrapeRun } from './scrape-run.schema';
import { scrapeRunCollection } from './scrape-run.collection';
import type { DbHandle } from '../../platform/db';

export async function startScrapeRun(
  rt: DbHandle,
  run: { market: MarketCode; site: string; kind: ScrapeRun['kind'] },
  now = new Date(),
): Promise<ScrapeRun> {
  const runs = scrapeRunCollection(rt);
  const doc = ScrapeRun.parse({
    _id: newId(),
    ...run,
    status: 'running',
    startedAt: now,
    finishedAt: null,
    counts: { pages: 0, products: 0, inserted: 0, updated: 0, unchanged: 0, blocked: 0, failed: 0 },
    blockedByReason: {},
    failedByReason: {},
    error: null,
  });
  await runs.insertOne(doc);
  return doc;
}

/**
 * Only a running crawl is written: a progress write sent before the closing one may reach the
 * server after it (another pooled connection), and must not turn a finished run back to running.
 */
export async function saveScrapeRunProgress(rt: DbHandle, run: ScrapeRun): Promise<void> {
  const runs = scrapeRunCollection(rt);
  await runs.updateOne(
    { _id: run._id, status: 'running' },
    {
      $set: {
        counts: run.counts,
        blockedByReason: run.blockedByReason,
        failedByReason: run.failedByReason,
        status: run.status,
        finishedAt: run.finishedAt,
        error: run.error,
      },
    },
  );
}

/** A market's latest runs, newest first: what the operations page shows. */
export function recentScrapeRuns(rt: DbHandle, market: MarketCode, limit: number): Promise<ScrapeRun[]> {
  const runs = scrapeRunCollection(rt);
  return runs.find({ market }).sort({ startedAt: -1 }).limit(limit).toArray();
}
