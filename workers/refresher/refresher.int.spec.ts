// The refresher as it runs in production: its own process (workers/refresher/main.ts) on the
// test run's MongoDB and Redis, talking HTTP to the marketplace simulator. Twenty openings of a
// stale page make one job and one marketplace call; the sweep's repeatable job is declared.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../infra/marketplace-simulator/simulator';
import { REPO_ROOT } from '../../infra/local/paths';
import { testEnv, until, useTestRuntime } from '../../infra/local/testing';
import { parseConfig } from '../../src/server/platform/config';
import { scrapeDeps, scrapeProducts } from '../../src/server/scraping';
import { MARKET_CODES } from '../../src/common/markets';
import { closePriceEventHub, refreshQueue, SWEEP_POPULAR_JOB } from '../../src/server/pricing';
import { openProductPage } from '../../src/server/product-page';
import { readWorkerHeartbeats } from '../../src/server/platform/runtime';
import { offerCallCount, patchSimProduct, simListing, simProductInfo } from '../../infra/marketplace-simulator/sim-products';
import { PRODUCTS } from '../../src/server/catalog';
import { collectionIn } from '../../src/server/platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const rt = useTestRuntime('refresher_process');
let sim: RunningSimulator;
let child: ChildProcess | undefined;

beforeAll(async () => {
  sim = await startSimulator({ latency: false, productsPerMarket: 200, seed: 11 });
  const marketplaces = Object.fromEntries(MARKET_CODES.map((m) => [`MARKETPLACE_URL_${m.toUpperCase()}`, sim.urls[m]]));
  // The worker uses the runtime's database, so the test sees what it writes.
  const env = { ...process.env, ...testEnv(rt().db.databaseName), ...marketplaces };
  child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['workers/refresher/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[refresher] ${chunk.toString()}`));
  await until(async () => (await readWorkerHeartbeats(rt().redis)).find((h) => h.name === 'refresher'), 'the refresher heartbeat');
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  closePriceEventHub(rt());
  await refreshQueue(rt())
    .obliterate({ force: true })
    .catch(() => undefined);
  await refreshQueue(rt()).close();
  await sim?.stop();
});

describe('refresher process', () => {
  it('declares the repeatable sweep job at start', async () => {
    const schedulers = await refreshQueue(rt()).getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain(SWEEP_POPULAR_JOB);
  });

  it('makes one marketplace call for twenty concurrent openings of a stale page, and stores the new price', async () => {
    const info = await simProductInfo(sim.controlUrl, 'de', 3);
    const [product] = await scrapeProducts(scrapeDeps(rt()), [simListing(info)], new Date(Date.now() - 120_000));
    if (!product) throw new Error('no product scraped');
    // The marketplace answers in 200 ms, so every opening lands while the refresh is in flight.
    await patchSimProduct(sim.controlUrl, 'de', info.sourceId, {
      priceCents: info.priceCents + 700,
      faults: { routes: ['offer'], latency: { medianMs: 200, p99Ms: 200 } },
    });
    const runtime = { ...rt(), config: parseConfig({ ...testEnv(rt().db.databaseName) }) };
    const pages = await Promise.all(Array.from({ length: 20 }, () => openProductPage(runtime, product._id, 'it')));
    expect(pages.every((p) => p?.refreshEnqueued)).toBe(true);

    const refreshed = await until(async () => {
      const stored = await productCollection(rt()).findOne({ _id: product._id });
      return stored?.offers.de?.lastRefreshedAt ? stored : undefined;
    }, 'the refreshed offer');
    expect(refreshed.offers.de?.price.amountCents).toBe(info.priceCents + 700);
    expect(await offerCallCount(sim.controlUrl, 'de', info.sourceId)).toBe(1);

    // A later opening finds the price fresh and enqueues nothing.
    expect(await openProductPage(runtime, product._id, 'it')).toMatchObject({ state: 'fresh', refreshEnqueued: false });
  });
});
