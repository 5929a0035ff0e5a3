// The operations page's reads and its retry against real MongoDB and Redis: scrape runs per
// market with their blocked rate, every queue's counts, a failed job listed and retried (audited),
// and the refresher's latency percentiles from the per-minute histograms.
import { Queue, Worker } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { TEST_REDIS_DB, useTestRuntime } from '../../../infra/local/testing';
import { listAudit } from '../backoffice';
import { queueLatencySample } from '../pricing';
import { ALL_QUEUES, QUEUE_PREFIX, scrapeQueue } from '../platform/queues';
import { createQueueRedis } from '../platform/redis';
import { startScrapeRun, saveScrapeRunProgress } from '../scraping';
import { operationsOverview, retryFailedJob } from './operations.service';

// A Redis database of its own: the queues and the latency histograms are process-wide keys.
const rt = useTestRuntime('operations', { redisDb: TEST_REDIS_DB.operations });
const agent = { id: 'admin_ops01', email: 'ops@example.com' };
const queueName = scrapeQueue('de');

describe('the operations overview', () => {
  it('shows scrape runs per market with their blocked rate, and the refresher latency of the last hour', async () => {
    const run = await startScrapeRun(rt(), { market: 'fr', site: 'shop.fr.example', kind: 'discovery' });
    await saveScrapeRunProgress(rt(), {
      ...run,
      counts: { ...run.counts, pages: 80, products: 70, blocked: 20 },
      status: 'finished',
      finishedAt: new Date(),
    });
    const pipeline = rt().redis.pipeline();
    const now = new Date();
    for (let ms = 1; ms <= 100; ms++) queueLatencySample(pipeline, ms, new Date(now.getTime() - (ms % 50) * 60_000));
    // Older than the hour: not counted.
    queueLatencySample(pipeline, 9000, new Date(now.getTime() - 61 * 60_000));
    await pipeline.exec();

    const view = await operationsOverview(rt(), now);
    const fr = view.scrapes.find((s) => s.market === 'fr');
    expect(fr?.runs[0]).toMatchObject({ id: run._id, status: 'finished', blockedPerMille: 200 });
    expect(view.scrapes.map((s) => s.market)).toEqual(['it', 'fr', 'de', 'es']);
    expect(view.queues.map((q) => q.queue)).toEqual([...ALL_QUEUES]);
    expect(view.refreshLatency).toEqual({ count: 100, p50: 50, p90: 90, p99: 99 });
  });

  it('lists a failed job and retries it, audited', async () => {
    const queue = new Queue(queueName, { connection: rt().redis, prefix: QUEUE_PREFIX });
    const connection = createQueueRedis({ url: rt().config.REDIS_URL, timeoutMs: 3000 });
    const worker = new Worker(
      queueName,
      async () => {
        throw new Error('site answered 503');
      },
      { connection, prefix: QUEUE_PREFIX },
    );
    try {
      const job = await queue.add('scrape-urls', { urls: [] }, { jobId: 'ops-test-1', attempts: 1 });
      const deadline = Date.now() + 10_000;
      while ((await job.getState()) !== 'failed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await worker.close();

      const view = await operationsOverview(rt());
      expect(view.failedJobs).toContainEqual(
        expect.objectContaining({ queue: queueName, id: 'ops-test-1', failedReason: 'site answered 503' }),
      );
      expect(view.queues.find((q) => q.queue === queueName)?.counts.failed).toBe(1);

      expect(await retryFailedJob(rt(), { queue: queueName, jobId: 'ops-test-1' }, agent)).toEqual({ ok: true });
      expect(await (await queue.getJob('ops-test-1'))?.getState()).toBe('waiting');
      expect(await retryFailedJob(rt(), { queue: queueName, jobId: 'ops-test-1' }, agent)).toMatchObject({ ok: false, kind: 'conflict' });
      expect(await retryFailedJob(rt(), { queue: queueName, jobId: 'nope' }, agent)).toMatchObject({ ok: false, kind: 'not_found' });
      const [entry] = await listAudit(rt(), { entityKind: 'job', limit: 5 });
      expect(entry).toMatchObject({
        action: 'job.retried',
        entity: { id: `${queueName}/ops-test-1` },
        before: { state: 'failed' },
        after: { state: 'waiting' },
      });
    } finally {
      await worker.close();
      await connection.quit();
      await queue.close();
    }
  });
});
