// `npm run bench:scrape`: how fast the scraper crawls, against the marketplace simulator on
// loopback with politeness and latency off. For each market it scrapes the same product pages
// twice per round (--rounds, 3): once with the scraper (Crawlee HTTP crawler, sessions, robots.txt,
// extraction, batched upserts into MongoDB) and once with a bare loop (fetch + cheerio + the same
// extraction, nothing stored), at the same concurrency. The ratio says what the crawler and the
// database writes cost; figures are medians over the rounds. The simulator runs in a child process so it does not share our CPU.
// Bounded: at most --products pages per market (5,000; 2,000 by default) and --time-limit-s seconds in all.
// Prints a readable summary; the last line is one JSON object with the figures.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { LOG_DIR, REPO_ROOT } from '../local/paths';
import { startMongo } from '../local/mongo';
import { newId } from '../../src/common/ids';
import { MARKET_CODES, isMarketCode, type MarketCode } from '../../src/common/markets';
import { originOf } from '../../src/server/platform/outbound';
import { extractPage, marketplaceSites, runCrawl, type CrawlSettings, type SiteConfig } from '../../src/server/scraping';
import { ensureCollections } from '../../src/server/collections';
import { PRICE_HISTORY } from '../../src/server/pricing';
import { PRODUCTS as PRODUCT_SPEC } from '../../src/server/catalog';
import { collectionIn } from '../../src/server/platform/db';

// The benchmark reads and measures the collection itself, by its declared spec, as an operator would.
const priceHistoryCollection = collectionIn(PRICE_HISTORY);
const productCollection = collectionIn(PRODUCT_SPEC);

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    markets: { type: 'string', default: MARKET_CODES.join(',') },
    rounds: { type: 'string', default: '3' },
    'time-limit-s': { type: 'string', default: '300' },
  },
});
const PRODUCTS = Math.min(5000, Math.max(10, Number(values.products)));
const CONCURRENCY = Math.min(64, Math.max(1, Number(values.concurrency)));
const ROUNDS = Math.min(9, Math.max(1, Number(values.rounds)));
const MARKETS = values.markets.split(',').filter(isMarketCode);
const TIME_LIMIT_MS = Math.min(1800, Math.max(10, Number(values['time-limit-s']))) * 1000;
const FETCH_TIMEOUT_MS = 10_000;

const deadline = setTimeout(() => {
  console.error(`bench:scrape: time limit of ${TIME_LIMIT_MS / 1000} s reached; stopping`);
  process.exit(2);
}, TIME_LIMIT_MS);
deadline.unref();

interface Simulator {
  readonly urls: Record<MarketCode, string>;
  stop(): void;
}

async function startSimulatorProcess(): Promise<Simulator> {
  const child = fork(
    join(REPO_ROOT, 'infra/marketplace-simulator/main.ts'),
    ['--latency', 'off', '--products-per-market', String(PRODUCTS), '--seed', '1', '--host', '127.0.0.1'],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const urls = await new Promise<Record<MarketCode, string>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the simulator did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
    child.on('message', (message: { type?: string; urls?: Record<MarketCode, string> }) => {
      if (message.type === 'ready' && message.urls) {
        clearTimeout(timer);
        resolve(message.urls);
      }
    });
  });
  return { urls, stop: () => child.kill('SIGTERM') };
}

async function productUrls(site: SiteConfig): Promise<string[]> {
  const get = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })).text();
  const robots = await get(new URL('/robots.txt', site.baseUrl).href);
  const queue = [...robots.matchAll(/^sitemap:\s*(\S+)/gim)].map((m) => m[1]!);
  const urls: string[] = [];
  while (queue.length > 0 && urls.length < PRODUCTS) {
    const xml = await get(queue.shift()!);
    for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      if (/<sitemapindex/.test(xml)) queue.push(loc!);
      else if (site.productPath.test(new URL(loc!).pathname)) urls.push(loc!);
    }
  }
  return urls.slice(0, PRODUCTS);
}

/** The baseline: fetch, decode, parse with cheerio and extract, `CONCURRENCY` at a time. */
async function bareLoop(urls: readonly string[], market: MarketCode): Promise<{ seconds: number; listings: number }> {
  let next = 0;
  let listings = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
        const html = await response.text();
        if (extractPage({ html, url, market, status: response.status }).kind === 'listing') listings += 1;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, listings };
}

const mongo = await startMongo({ dbName: 'bench_scrape', cacheSize: '1G', durable: false, logDir: join(LOG_DIR, 'bench-scrape') });
const sim = await startSimulatorProcess();
const settings: CrawlSettings = {
  requestTimeoutMs: FETCH_TIMEOUT_MS,
  maxRetries: 2,
  blockBackoffMs: 1000,
  retryBackoffMs: 100,
  proxyUrls: [],
  browserPath: '/usr/bin/chromium',
  batchSize: 200,
  progressMs: 60_000,
  // The simulator is the configured shop here, on loopback.
  outbound: { privateOrigins: new Set(Object.values(sim.urls).map(originOf)) },
};

const client = new MongoClient(mongo.url, { serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 60_000, retryWrites: false });
const db = client.db(`bench_scrape_${newId(4)}`);
try {
  await client.connect();
  await ensureCollections(db);
  const products = productCollection({ db });
  const sites = marketplaceSites({
    MARKETPLACE_URL_IT: sim.urls.it,
    MARKETPLACE_URL_FR: sim.urls.fr,
    MARKETPLACE_URL_DE: sim.urls.de,
    MARKETPLACE_URL_ES: sim.urls.es,
    SCRAPE_MAX_REQUESTS_PER_MINUTE: 0,
    SCRAPE_MAX_CONCURRENCY: CONCURRENCY,
    SCRAPE_RESPECT_ROBOTS_TXT: true,
  });
  const siteOf = (market: MarketCode) => sites.find((s) => s.market === market)!;

  console.log(
    `bench:scrape: ${PRODUCTS} product pages per market, concurrency ${CONCURRENCY}, latency and politeness off, simulator on loopback`,
  );
  // Warm-up, not counted: JIT, connection pools, indexes.
  const warmUrls = (await productUrls(siteOf('it'))).slice(0, 30);
  await bareLoop(warmUrls, 'it');
  await runCrawl(
    { db, log: () => undefined },
    { site: siteOf('it'), kind: 'urls', start: warmUrls.map((url) => ({ url, kind: 'product' as const })) },
    settings,
  );
  await products.deleteMany({});
  await priceHistoryCollection({ db }).deleteMany({});

  // Rounds alternate the bare loop and the scraper market by market, so a neighbour's load on
  // this shared machine hits both sides alike; each figure is the median over the rounds. Every
  // scraper round starts from an empty catalog, so each one writes the same products.
  const rounds: {
    market: MarketCode;
    pages: number;
    seconds: number;
    cpuMs: number;
    upserted: number;
    baselinePages: number;
    baselineSeconds: number;
    baselineCpuMs: number;
    failed: string;
  }[][] = [];
  const urlsOf = new Map<MarketCode, string[]>();
  for (const market of MARKETS) urlsOf.set(market, await productUrls(siteOf(market)));
  for (let round = 0; round < ROUNDS; round++) {
    const results = [];
    for (const market of MARKETS) {
      const site = siteOf(market);
      const urls = urlsOf.get(market)!;
      await products.deleteMany({});
      await priceHistoryCollection({ db }).deleteMany({});
      const baselineCpu = process.cpuUsage();
      const baseline = await bareLoop(urls, market);
      const baselineCpuMs = cpuMsSince(baselineCpu);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const run = await runCrawl(
        { db, log: () => undefined },
        { site, kind: 'urls', start: urls.map((url) => ({ url, kind: 'product' as const })) },
        settings,
      );
      const seconds = (performance.now() - started) / 1000;
      const cpuMs = cpuMsSince(cpu);
      results.push({
        market,
        pages: run.counts.pages,
        seconds,
        cpuMs,
        upserted: run.counts.inserted + run.counts.updated,
        baselinePages: urls.length,
        baselineSeconds: baseline.seconds,
        baselineCpuMs,
        failed: `${run.counts.failed} not stored: ${JSON.stringify(run.failedByReason)}`,
      });
    }
    rounds.push(results);
  }
  type Row = (typeof rounds)[number][number];
  const figuresOf = (rows: readonly Row[]) => {
    const sum = (pick: (r: Row) => number) => rows.reduce((n, r) => n + pick(r), 0);
    const pagesPerS = sum((r) => r.pages) / sum((r) => r.seconds);
    const baselinePerS = sum((r) => r.baselinePages) / sum((r) => r.baselineSeconds);
    return {
      pages_per_s: pagesPerS,
      products_upserted_per_s: sum((r) => r.upserted) / sum((r) => r.seconds),
      baseline_pages_per_s: baselinePerS,
      ratio: pagesPerS / baselinePerS,
      cpu_ms_per_page: sum((r) => r.cpuMs) / sum((r) => r.pages),
      baseline_cpu_ms_per_page: sum((r) => r.baselineCpuMs) / sum((r) => r.baselinePages),
    };
  };
  const medianFigures = (perRound: ReturnType<typeof figuresOf>[]) => ({
    pages_per_s: round(median(perRound.map((f) => f.pages_per_s))),
    products_upserted_per_s: round(median(perRound.map((f) => f.products_upserted_per_s))),
    baseline_pages_per_s: round(median(perRound.map((f) => f.baseline_pages_per_s))),
    ratio: round(median(perRound.map((f) => f.ratio)), 2),
    cpu_ms_per_page: round(median(perRound.map((f) => f.cpu_ms_per_page)), 2),
    baseline_cpu_ms_per_page: round(median(perRound.map((f) => f.baseline_cpu_ms_per_page)), 2),
  });
  const perMarket: Record<string, ReturnType<typeof medianFigures> & { pages: number }> = {};
  for (const market of MARKETS) {
    const rows = rounds.map((r) => r.find((row) => row.market === market)!);
    const figures = { pages: rows[0]!.pages, ...medianFigures(rows.map((row) => figuresOf([row]))) };
    perMarket[market] = figures;
    console.log(
      `  ${market}: scraper ${figures.pages_per_s} pages/s, ${figures.products_upserted_per_s} products upserted/s (${rows[0]!.failed}); ` +
        `bare fetch+cheerio ${figures.baseline_pages_per_s} pages/s; ratio ${figures.ratio} (per round: ${rows.map((row) => round(figuresOf([row]).ratio, 2)).join(', ')})`,
    );
  }
  const overall = medianFigures(rounds.map(figuresOf));
  const summary = {
    ...overall,
    rounds: ROUNDS,
    products_per_market: PRODUCTS,
    concurrency: CONCURRENCY,
    markets: perMarket,
  };
  console.log(
    `all markets: scraper ${summary.pages_per_s} pages/s and ${summary.products_upserted_per_s} products upserted/s; bare loop ${summary.baseline_pages_per_s} pages/s; ratio ${summary.ratio} (target 0.7); ` +
      `CPU of this process per page: scraper ${summary.cpu_ms_per_page} ms, bare loop ${summary.baseline_cpu_ms_per_page} ms`,
  );
  console.log(JSON.stringify(summary));
} finally {
  await db.dropDatabase().catch(() => undefined);
  await client.close();
  sim.stop();
  await mongo.stop();
}

/** CPU time of this process since `start`: on a machine shared with other work, what a page costs us whatever the others do (the database server's own work not included). */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
