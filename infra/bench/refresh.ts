// Benchmark of the live price (`npm run bench:refresh`): shoppers open random product pages of a
// catalog whose prices are all stale, against the marketplace simulator's realistic latency, and
// wait for the fresh price to reach them (SSE), as a browser would. Everything runs on loopback:
// MongoDB and Redis (the stack's), the simulator, the refresher worker and the production app,
// each a child process, so the shoppers' own event loop stays free. Prints a readable summary;
// the last line is one JSON object.
//
//   npm run bench:refresh -- [--products 100000] [--shoppers 200] [--duration-s 60]
//                            [--think-ms 5000] [--wait-ms 5000] [--no-latency] [--keep-build]
//                            [--source offer-api|page|sp-api|ebay-browse]
//
// `--source page` has the refresher read every price from the shops' product pages (the
// extractors on the HTML the simulator renders) instead of their offer API: what a real shop
// without a partner API costs in the same budget. `--source sp-api` and `--source ebay-browse`
// ask the simulator's stand-ins for Amazon's and eBay's APIs through their client libraries,
// with Amazon's real rate limit (0.5 calls a second for the account): most openings then show
// the last price with its age, and the figure that matters is that every one is answered.
//
// A shopper reads a page before opening the next: `--think-ms` is the mean pause (uniform from
// half to one and a half times it), as load tools' virtual users do. `--think-ms 0` turns the
// shoppers into a closed loop of back-to-back requests: a stress test of the machine's CPU.
import { cp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { Catalog } from '../marketplace-simulator/catalog-generator';
import { DEFAULT_SETTINGS } from '../marketplace-simulator/simulator-settings';
import { benchOnOwnServices, percentile, positiveInt, processTreeCpuMs } from './bench-support';
import { startMongo } from '../local/mongo';
import { startRedis } from '../local/redis';
import { REPO_ROOT, STACK_DIR } from '../local/paths';
import { freePort, startProcess, stopProcess, type Service } from '../local/processes';
import { APP_ENTRY, buildIfStale, partnerApiEnv, startWorker, WORKER_PROCESSES } from '../local/platform';
import { withDatabase } from '../../src/server/platform/db';
import { newId } from '../../src/common/ids';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { productIdFromSlugId, productPath } from '../../src/server/storefront';
import { scrapeProducts, type Listing } from '../../src/server/scraping';
import { simCatalogListing } from '../marketplace-simulator/sim-products';
import { ensureCollections } from '../../src/server/collections';
import { QUOTE_SOURCES, QuoteSource } from '../../src/server/catalog';
import { startSimulatorProcess } from '../marketplace-simulator/simulator-process';

const { values: flags } = parseArgs({
  options: {
    products: { type: 'string', default: '100000' },
    shoppers: { type: 'string', default: '200' },
    'duration-s': { type: 'string', default: '60' },
    'wait-ms': { type: 'string', default: '5000' },
    'think-ms': { type: 'string', default: '5000' },
    'no-latency': { type: 'boolean', default: false },
    'keep-build': { type: 'boolean', default: false },
    source: { type: 'string', default: 'offer-api' },
  },
});

const parsedSource = QuoteSource.safeParse(flags.source);
if (!parsedSource.success) {
  console.error(`--source expects one of ${QUOTE_SOURCES.join(', ')}, got ${flags.source}`);
  process.exit(64);
}
const QUOTE_SOURCE = parsedSource.data;

const PRODUCTS = positiveInt('products', flags.products, 2_000_000);
const SHOPPERS = positiveInt('shoppers', flags.shoppers, 2000);
const DURATION_MS = positiveInt('duration-s', flags['duration-s'], 3600) * 1000;
/** An opening whose outcome has not arrived after this long is a lost update. */
const WAIT_MS = positiveInt('wait-ms', flags['wait-ms'], 60_000);
const THINK_MS = flags['think-ms'] === '0' ? 0 : positiveInt('think-ms', flags['think-ms'], 600_000);
const LOADER_BATCH = 2000;
/** The histogram's samples include its own timer period, which is taken off the lag reported. */
const LAG_RESOLUTION_MS = 10;

interface Opening {
  readonly market: MarketCode;
  /** Page request to fresh price on the client; null when none arrived. */
  readonly totalMs: number | null;
  readonly outcome: 'fresh-at-open' | 'fresh-live' | 'stale' | 'lost' | 'error';
  /** The marketplace call of the refresh that produced the price, as the refresher timed it. */
  readonly callMs: number | null;
  /** The marketplace's own time for that call, from its Server-Timing header. */
  readonly sourceMs: number | null;
  /** Reading the answer after it arrived (a product page's extraction), when the source reports it. */
  readonly readMs: number | null;
  readonly pageMs: number;
  /** Page request to the refresh's outcome on the client, fresh or not: how long the page said nothing. */
  readonly answeredMs: number | null;
  /** Why a stale outcome could not refresh (rate-limited, timeout …). */
  readonly failure: string | null;
}

const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : null);

/**
 * The production server from a private copy of the build: the clone's dist/ is shared, and a
 * `vite build` started by anyone during the run would pull modules from under a running server.
 */
async function startAppCopy(env: NodeJS.ProcessEnv, logDir: string): Promise<Service & { url: string }> {
  const copy = join(STACK_DIR, `bench-refresh-app-${process.pid}`);
  const built = dirname(dirname(APP_ENTRY));
  await cp(built, copy, { recursive: true });
  const port = await freePort();
  const started = startProcess({
    name: 'app',
    command: process.execPath,
    args: [join(copy, 'server', 'index.mjs')],
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', NITRO_PORT: String(port), NITRO_HOST: '127.0.0.1' },
    logFile: join(logDir, 'app.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (started.child.exitCode !== null) throw new Error(`the app exited (code ${started.child.exitCode}); see ${started.logFile}`);
    const ready = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the app was not ready within 60 s; see ${started.logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    await stopProcess(started);
    await rm(copy, { recursive: true, force: true });
  };
  return { name: 'app', detail: 'production build (private copy)', url, pid: started.child.pid ?? null, stop };
}

/** `npm run simulator` as a child process; it reports its URLs over the IPC channel when ready. */
async function loadCatalog(
  mongoUrl: string,
  simUrls: Record<MarketCode, string>,
  catalog: Catalog,
): Promise<{ ids: string[]; paths: string[] }> {
  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  // Indexes first, as in production, where they exist before the catalog grows: built over
  // 100,000 products at the app's start, they would hold SecantusDB for a minute.
  await ensureCollections(client.db());
  const perMarket = Math.ceil(PRODUCTS / MARKET_CODES.length);
  // Scraped an hour ago: every price is stale. Products sold in several markets (one GTIN) are
  // one product with an offer in each, as the scrapers make them.
  const staleSince = new Date(Date.now() - 60 * 60_000);
  const ids = new Set<string>();
  const paths: string[] = [];
  const started = Date.now();
  let listings = 0;
  let batch: Listing[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    for (const product of await scrapeProducts({ db: client.db() }, batch, staleSince)) {
      if (ids.has(product._id)) continue;
      paths.push(productPath(MARKET_CODES[(ids.size * 7) % MARKET_CODES.length]!, { slug: product.slug, id: product._id }));
      ids.add(product._id);
    }
    listings += batch.length;
    batch = [];
    if (listings % Math.max(LOADER_BATCH, Math.ceil(PRODUCTS / 10 / LOADER_BATCH) * LOADER_BATCH) !== 0 && listings < PRODUCTS) return;
    const rate = Math.round(listings / ((Date.now() - started) / 1000));
    console.log(
      `  scraping listings: ${listings.toLocaleString('en')} / ${PRODUCTS.toLocaleString('en')} (${rate.toLocaleString('en')}/s)`,
    );
  };
  for (let i = 0; listings + batch.length < PRODUCTS; i++) {
    const market = MARKET_CODES[i % MARKET_CODES.length] as MarketCode;
    const index = Math.floor(i / MARKET_CODES.length);
    if (index >= perMarket) break;
    batch.push(simCatalogListing(catalog.product(market, index), market, simUrls[market]));
    if (batch.length >= LOADER_BATCH) await flush();
  }
  await flush();
  console.log(
    `  scraped ${listings.toLocaleString('en')} listings into ${ids.size.toLocaleString('en')} products with prices checked an hour ago in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await client.close();
  return { ids: [...ids], paths };
}

/** Reads an SSE stream until a live price arrives, the wait ends, or the stream closes. */
type LiveMessage = {
  kind: 'fresh' | 'stale';
  callMs: number | null;
  sourceMs: number | null;
  readMs: number | null;
  failure: string | null;
};

async function waitForLivePrice(url: string, signal: AbortSignal): Promise<LiveMessage | null> {
  const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal });
  if (!response.ok || !response.body) throw new Error(`subscription answered ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = message
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (!data.includes('"kind"')) continue;
        const { kind, callMs, sourceMs, readMs, failure } = JSON.parse(data) as Omit<LiveMessage, 'failure'> & {
          failure: { kind: string } | null;
        };
        return { kind, callMs, sourceMs, readMs: readMs ?? null, failure: failure?.kind ?? null };
      }
    }
  } catch (error) {
    if (signal.aborted) return null;
    throw error;
  }
  return null;
}

const STATE = /data-testid="price"[^>]*data-state="(\w+)"|data-state="(\w+)"[^>]*data-testid="price"/;
const CHECKED_AT = /checkedAt\\?"\s*:\s*\\?"([0-9T:.\-Z]+)/;
const FAILURE_AT = /"failure\\?"\s*:\s*\{[^}]*?"at\\?"\s*:\s*\\?"([0-9T:.\-Z]+)/;

async function openOnce(baseUrl: string, path: string, deadline: number): Promise<Opening> {
  const market = path.slice(1, 3) as MarketCode;
  const started = performance.now();
  const page = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(WAIT_MS * 2) });
  const html = await page.text();
  const pageMs = performance.now() - started;
  const none = { callMs: null, sourceMs: null, readMs: null, answeredMs: null, failure: null };
  if (page.status !== 200) return { market, totalMs: null, outcome: 'error', ...none, pageMs };
  const state = STATE.exec(html);
  const priceState = state?.[1] ?? state?.[2];
  if (priceState === 'fresh') return { market, totalMs: pageMs, outcome: 'fresh-at-open', ...none, answeredMs: pageMs, pageMs };
  // Ids may hold a hyphen (`gtin-…`): the page's own rule finds the id after the slug.
  const productId = productIdFromSlugId(decodeURIComponent(path.slice(`/${market}/p/`.length)));
  if (!productId) throw new Error(`no product id in ${path}`);
  const input = {
    productId,
    market,
    knownCheckedAt: CHECKED_AT.exec(html)?.[1] ?? null,
    knownFailureAt: FAILURE_AT.exec(html)?.[1] ?? null,
  };
  const wait = AbortSignal.timeout(Math.ceil(Math.max(1, Math.min(WAIT_MS - pageMs, deadline + WAIT_MS - Date.now()))));
  const live = await waitForLivePrice(`${baseUrl}/api/trpc/product.livePrice?input=${encodeURIComponent(JSON.stringify(input))}`, wait);
  const totalMs = performance.now() - started;
  if (!live) return { market, totalMs: null, outcome: 'lost', ...none, pageMs };
  const { callMs, sourceMs, readMs, failure } = live;
  if (live.kind === 'stale')
    return { market, totalMs: null, outcome: 'stale', callMs, sourceMs, readMs, pageMs, answeredMs: totalMs, failure };
  return { market, totalMs, outcome: 'fresh-live', callMs, sourceMs, readMs, pageMs, answeredMs: totalMs, failure: null };
}

/** CPU used so far by the app's and the refresher's processes (null where it cannot be read). */
async function cpuReadings(appPid: number | null, refresherPid: number | null): Promise<Record<'app' | 'refresher', number | null>> {
  const read = (pid: number | null) => (pid === null ? Promise.resolve(null) : processTreeCpuMs(pid));
  const [app, refresher] = await Promise.all([read(appPid), read(refresherPid)]);
  return { app, refresher };
}

async function main(): Promise<void> {
  console.log(
    `live price benchmark (${QUOTE_SOURCE}): ${PRODUCTS.toLocaleString('en')} products, ${SHOPPERS} shoppers (think time ${THINK_MS} ms) for ${DURATION_MS / 1000} s, marketplace latency ${flags['no-latency'] ? 'off' : 'median 250 ms, p99 800 ms'}`,
  );
  if (!flags['keep-build']) await buildIfStale();
  await benchOnOwnServices('bench-refresh', async (services, logDir) => {
    const mongo = services.add(await startMongo({ dbName: 'bench', cacheSize: '2G', durable: false, logDir }));
    const redis = services.add(await startRedis(logDir));
    const mongoUrl = withDatabase(mongo.url, `bench_refresh_${newId(4)}`);
    const productsPerMarket = Math.max(1000, Math.ceil(PRODUCTS / MARKET_CODES.length));
    const simulator = await startSimulatorProcess({
      args: ['--latency', flags['no-latency'] ? 'off' : 'on', '--products-per-market', String(productsPerMarket)],
    });
    const sim = services.add({ ...simulator, name: 'marketplace-simulator', detail: 'npm run simulator', url: simulator.controlUrl });
    // The same generator as the simulator's, so the loader knows its products without asking it.
    const catalog = new Catalog({ seed: DEFAULT_SETTINGS.seed, productsPerMarket, crossMarketShare: DEFAULT_SETTINGS.crossMarketShare });
    const marketplaces = Object.fromEntries(MARKET_CODES.map((m) => [`MARKETPLACE_URL_${m.toUpperCase()}`, sim.urls[m]]));
    const quoteSources = MARKET_CODES.map((m) => `marketplace-${m}=${QUOTE_SOURCE}`).join(',');
    const env = {
      NODE_ENV: 'production',
      MONGO_URL: mongoUrl,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
      QUOTE_SOURCE_OVERRIDES: quoteSources,
      ...marketplaces,
      ...partnerApiEnv(simulator.partnerApiUrl),
    };

    const { paths } = await loadCatalog(mongoUrl, sim.urls, catalog);
    const refresherProcess = WORKER_PROCESSES.find((w) => w.name === 'refresher');
    const refresher = refresherProcess ? services.add(startWorker(refresherProcess, env, logDir)) : null;
    const app = services.add(await startAppCopy(env, logDir));
    // Warm-up: the app's and the worker's code paths get compiled by V8 before anything is timed.
    const warmupPaths = paths.slice(-200);
    for (let i = 0; i < warmupPaths.length; i += 20) {
      await Promise.all(warmupPaths.slice(i, i + 20).map((path) => openOnce(app.url, path, Date.now()).catch(() => undefined)));
    }
    const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    lag.enable();

    console.log(`running ${SHOPPERS} shoppers for ${DURATION_MS / 1000} s against ${app.url} …`);
    const openings: Opening[] = [];
    let errors = 0;
    let firstError: string | null = null;
    const cpuBefore = await cpuReadings(app.pid, refresher?.pid ?? null);
    const started = Date.now();
    const deadline = started + DURATION_MS;
    const progress = setInterval(() => {
      const elapsed = (Date.now() - started) / 1000;
      console.log(
        `  ${elapsed.toFixed(0)} s: ${openings.length.toLocaleString('en')} openings (${(openings.length / elapsed).toFixed(0)}/s)`,
      );
    }, 10_000);
    await Promise.all(
      Array.from({ length: SHOPPERS }, async () => {
        // Shoppers arrive spread over one think time, not all in the same millisecond.
        if (THINK_MS > 0) await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
        while (Date.now() < deadline) {
          const path = paths[Math.floor(Math.random() * (paths.length - warmupPaths.length))] as string;
          try {
            openings.push(await openOnce(app.url, path, deadline));
          } catch (error) {
            errors += 1;
            firstError ??= (error as Error).message;
          }
          if (THINK_MS > 0) await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
        }
      }),
    );
    clearInterval(progress);
    lag.disable();
    const elapsedS = (Date.now() - started) / 1000;
    const cpuAfter = await cpuReadings(app.pid, refresher?.pid ?? null);
    // Read as the shoppers stop: the 1-minute figure then covers the run's own load.
    const [load1m, load5m] = loadavg();
    const cpuPerOpening = (process: 'app' | 'refresher') => {
      const before = cpuBefore[process];
      const after = cpuAfter[process];
      return before === null || after === null || openings.length === 0 ? NaN : (after - before) / openings.length;
    };

    const fresh = openings.filter((o) => o.totalMs !== null);
    const totals = fresh.map((o) => o.totalMs as number).sort((a, b) => a - b);
    // The overhead is what the shopper waits beyond the marketplace's own time for the call
    // (its Server-Timing); a marketplace that does not send one is charged the call as timed.
    const withCall = openings.filter((o) => o.outcome === 'fresh-live' && o.callMs !== null);
    const overheads = withCall.map((o) => (o.totalMs as number) - (o.sourceMs ?? (o.callMs as number))).sort((a, b) => a - b);
    const callOverheads = withCall.map((o) => (o.callMs as number) - (o.sourceMs ?? (o.callMs as number))).sort((a, b) => a - b);
    const calls = withCall.map((o) => o.callMs as number).sort((a, b) => a - b);
    const reads = withCall
      .map((o) => o.readMs)
      .filter((ms): ms is number => ms !== null)
      .sort((a, b) => a - b);
    const pages = openings.map((o) => o.pageMs).sort((a, b) => a - b);
    const count = (outcome: Opening['outcome']) => openings.filter((o) => o.outcome === outcome).length;
    const within1s = openings.filter((o) => o.totalMs !== null && o.totalMs < 1000).length;
    const answered = openings
      .map((o) => o.answeredMs)
      .filter((ms): ms is number => ms !== null)
      .sort((a, b) => a - b);
    const answeredWithin1s = answered.filter((ms) => ms < 1000).length;
    const staleWhy: Record<string, number> = {};
    for (const o of openings) if (o.outcome === 'stale') staleWhy[o.failure ?? 'unknown'] = (staleWhy[o.failure ?? 'unknown'] ?? 0) + 1;
    const lost = count('lost');

    const result = {
      quote_source: QUOTE_SOURCE,
      products: PRODUCTS,
      shoppers: SHOPPERS,
      think_ms: THINK_MS,
      duration_s: round(elapsedS),
      openings: openings.length,
      opens_per_s: round(openings.length / elapsedS),
      p50_ms: round(percentile(totals, 50)),
      p95_ms: round(percentile(totals, 95)),
      p99_ms: round(percentile(totals, 99)),
      max_ms: round(totals.at(-1) ?? NaN),
      overhead_p50_ms: round(percentile(overheads, 50)),
      overhead_p95_ms: round(percentile(overheads, 95)),
      overhead_p99_ms: round(percentile(overheads, 99)),
      /** Of the overhead, the refresher's HTTP client: its call as timed minus the marketplace's time. */
      call_overhead_p99_ms: round(percentile(callOverheads, 99)),
      /** Reading the answer after it arrived (the page source's extraction): the other part of the refresher's overhead. */
      read_p50_ms: round(percentile(reads, 50)),
      read_p99_ms: round(percentile(reads, 99)),
      marketplace_call_p50_ms: round(percentile(calls, 50)),
      marketplace_call_p99_ms: round(percentile(calls, 99)),
      page_p50_ms: round(percentile(pages, 50)),
      page_p99_ms: round(percentile(pages, 99)),
      /** CPU (user + system) each process spent per opening during the run: comparable across machines. */
      app_cpu_ms_per_opening: round(cpuPerOpening('app')),
      refresher_cpu_ms_per_opening: round(cpuPerOpening('refresher')),
      load_avg_1m: round(load1m as number),
      load_avg_5m: round(load5m as number),
      cores: availableParallelism(),
      fresh_at_open: count('fresh-at-open'),
      fresh_live: count('fresh-live'),
      stale: count('stale'),
      lost,
      errors: errors + count('error'),
      fresh_within_1s_pct: round(openings.length ? (100 * within1s) / openings.length : NaN),
      /** Openings whose page learnt the outcome (a fresh price, or the last one with its age) within 1 s. */
      answered_within_1s_pct: round(openings.length ? (100 * answeredWithin1s) / openings.length : NaN),
      answered_p50_ms: round(percentile(answered, 50)),
      answered_p99_ms: round(percentile(answered, 99)),
      stale_by_failure: staleWhy,
      /** Delays of the shoppers' own event loop: they inflate every figure above. */
      bench_loop_lag_p99_ms: round(Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS)),
    };

    console.log('');
    console.log('Open-to-fresh-price (page request → fresh price on the client), over openings that got one:');
    console.log(
      `  p50 ${result.p50_ms} ms · p95 ${result.p95_ms} ms · p99 ${result.p99_ms} ms · max ${result.max_ms} ms   (target p99 < 1000)`,
    );
    console.log(
      `Overhead beyond the marketplace call (total − the marketplace's own time, from its Server-Timing), ${withCall.length.toLocaleString('en')} live refreshes:`,
    );
    console.log(
      `  p50 ${result.overhead_p50_ms} ms · p95 ${result.overhead_p95_ms} ms · p99 ${result.overhead_p99_ms} ms   (target p99 < 50)`,
    );
    console.log(`  of which the refresher's HTTP client (its call minus the marketplace's time): p99 ${result.call_overhead_p99_ms} ms`);
    if (reads.length > 0)
      console.log(`  and reading the answer (the product page's extraction): p50 ${result.read_p50_ms} ms · p99 ${result.read_p99_ms} ms`);
    console.log(
      `Marketplace call: p50 ${result.marketplace_call_p50_ms} ms · p99 ${result.marketplace_call_p99_ms} ms; server-rendered page: p50 ${result.page_p50_ms} ms · p99 ${result.page_p99_ms} ms`,
    );
    console.log(
      `CPU per opening: app ${result.app_cpu_ms_per_opening} ms · refresher ${result.refresher_cpu_ms_per_opening} ms; load average ${result.load_avg_1m} (1 min) ${result.load_avg_5m} (5 min) on ${result.cores} cores`,
    );
    console.log(`Openings: ${result.openings.toLocaleString('en')} in ${result.duration_s} s = ${result.opens_per_s}/s`);
    console.log(
      `  fresh at open ${result.fresh_at_open}, fresh live ${result.fresh_live}, stale (marketplace over budget or failing) ${result.stale}, lost ${lost}, errors ${result.errors}${firstError ? ` (first: ${firstError})` : ''}`,
    );
    console.log(`  ${result.fresh_within_1s_pct} % of all openings had a fresh price within 1 s`);
    console.log(
      `  ${result.answered_within_1s_pct} % were answered within 1 s, fresh or with the last price and its age (p50 ${result.answered_p50_ms} ms, p99 ${result.answered_p99_ms} ms); stale by cause: ${JSON.stringify(staleWhy)}`,
    );
    console.log(`Event loop lag of the shoppers' process: p99 ${result.bench_loop_lag_p99_ms} ms (counted in the figures above)`);
    return result;
  });
}

await main();
