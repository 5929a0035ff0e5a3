// The scraper worker as ./stack runs it: a process per market, against the simulator. Market es:
// workers/workers.int.spec.ts runs an `it` worker on the same Redis at the same time. Its
// scheduled discovery crawls the market at start; on-demand jobs crawl URLs and categories.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, until, useTestRuntime, type UntilOptions } from '../../infra/local/testing';
import { REPO_ROOT } from '../../infra/local/paths';
import { startSimulator, type RunningSimulator } from '../../infra/marketplace-simulator/simulator';
import { QUEUE_PREFIX, scrapeQueue } from '../../src/server/platform/queues';
import { discoverySchedulerId, type ScrapeRun, SCRAPE_RUNS } from '../../src/server/scraping';
import { collectionIn } from '../../src/server/platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const scrapeRunCollection = collectionIn(SCRAPE_RUNS);

const rt = useTestRuntime('scraper_worker');
const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
let sim: RunningSimulator;
let child: ChildProcess | undefined;
let output = '';
/** Crawls take a while; a failure shows the end of what the worker said. */
const WAIT: UntilOptions = { timeoutMs: 45_000, intervalMs: 200, detail: () => `worker said:\n${output.slice(-3000)}` };

beforeAll(async () => {
  sim = await startSimulator({ productsPerMarket: 30, latency: false, seed: 5, productsPerListingPage: 10 });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await sim?.stop();
});

describe('scraper worker process', () => {
  it('discovers its market at start, takes on-demand jobs, refuses a bad payload without retrying, stops on SIGTERM', async () => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      ...testEnv(rt().db.databaseName),
      MARKETPLACE_URL_ES: sim.urls.es,
      SCRAPE_MAX_REQUESTS_PER_MINUTE: '0',
      SCRAPE_MAX_CONCURRENCY: '8',
      SCRAPE_REQUEST_TIMEOUT_MS: '5000',
      SCRAPE_DISCOVERY_INTERVAL_MS: '3600000',
    };
    const redis = new Redis(env['REDIS_URL']!);
    const queue = new Queue(scrapeQueue('es'), { connection: redis, prefix: QUEUE_PREFIX });
    await queue.obliterate({ force: true });
    child = spawn(tsx, ['workers/scrapers/main.ts', '--market', 'es'], { cwd: REPO_ROOT, env, stdio: 'pipe' });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const runs = scrapeRunCollection(rt());

    const discovery = await until(() => runs.findOne({ kind: 'discovery', status: 'finished' }), 'the scheduled discovery run', WAIT);
    expect(discovery).toMatchObject({ market: 'es', site: 'marketplace-es', counts: { products: 30, blocked: 0 } });
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain(discoverySchedulerId('es'));
    expect(output).toMatch(/\[scrape marketplace-es discovery \w+\] \d+ s: pages \d+/);

    const info = (await (await fetch(`${sim.controlUrl}/markets/es/products?index=3`)).json()) as { url: string };
    await queue.add('scrape-urls', { urls: [info.url] });
    const urlsRun = await until(() => runs.findOne({ kind: 'urls', status: 'finished' }), 'the scrape-urls run', WAIT);
    expect(urlsRun.counts).toMatchObject({ pages: 1, products: 1, inserted: 0, blocked: 0 });

    await queue.add('crawl-category', {});
    const categoryRun: ScrapeRun = await until(() => runs.findOne({ kind: 'category', status: 'finished' }), 'the category run', WAIT);
    expect(categoryRun.counts).toMatchObject({ products: 30, inserted: 0, updated: 0 });

    const bad = await queue.add('scrape-urls', { urls: ['not a url'] }, { attempts: 3 });
    await until(async () => ((await bad.getState()) === 'failed' ? true : undefined), 'the bad job to fail', WAIT);
    expect((await queue.getJob(bad.id!))?.attemptsMade).toBe(1);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  });
});
