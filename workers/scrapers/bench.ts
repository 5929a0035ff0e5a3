// `npm run bench:scrape`: how fast the scraper crawls, against the marketplace simulator on
// loopback with politeness and latency off. For each market it scrapes the same product pages
// twice in the same run: once with the scraper (Crawlee HTTP crawler, sessions, robots.txt,
// extraction, batched upserts into MongoDB) and once with a bare loop (fetch + cheerio + the same
// extraction, nothing stored), at the same concurrency. The ratio says what the crawler and the
// database writes cost. The simulator runs in a child process so it does not share our CPU.
// Bounded: at most --products pages per market (5,000) and --time-limit-s seconds in all.
// Prints a readable summary; the last line is one JSON object with the figures.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { LOG_DIR, REPO_ROOT } from '../../infra/local/paths';
import { startMongo } from '../../infra/local/mongo';
import { collections, ensureIndexes, newId } from '../../src/server/db';
import { MARKET_CODES, isMarketCode, type MarketCode } from '../../src/server/markets';
import { extractPage, marketplaceSites, runCrawl, type CrawlSettings, type SiteConfig } from '../../src/server/scraping';

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '8' },
    markets: { type: 'string', default: MARKET_CODES.join(',') },
    'time-limit-s': { type: 'string', default: '300' },
  },
});
const PRODUCTS = Math.min(5000, Math.max(10, Number(values.products)));
const CONCURRENCY = Math.min(64, Math.max(1, Number(values.concurrency)));
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
  const child = fork(join(REPO_ROOT, 'infra/marketplace-simulator/main.ts'), ['--latency', 'off', '--products-per-market', String(PRODUCTS), '--seed', '1', '--host', '127.0.0.1'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
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

const settings: CrawlSettings = {
  requestTimeoutMs: FETCH_TIMEOUT_MS,
  maxRetries: 2,
  blockBackoffMs: 1000,
  retryBackoffMs: 100,
  proxyUrls: [],
  browserPath: '/usr/bin/chromium',
  batchSize: 200,
  progressMs: 60_000,
};

const mongo = await startMongo({ dbName: 'bench_scrape', cacheSize: '1G', durable: false, logDir: join(LOG_DIR, 'bench-scrape') });
const sim = await startSimulatorProcess();
const client = new MongoClient(mongo.url, { serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 60_000, retryWrites: false });
const db = client.db(`bench_scrape_${newId(4)}`);
try {
  await client.connect();
  await ensureIndexes(db);
  const cols = collections(db);
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

  console.log(`bench:scrape: ${PRODUCTS} product pages per market, concurrency ${CONCURRENCY}, latency and politeness off, simulator on loopback`);
  // Warm-up, not counted: JIT, connection pools, indexes.
  const warmUrls = (await productUrls(siteOf('it'))).slice(0, 30);
  await bareLoop(warmUrls, 'it');
  await runCrawl({ collections: cols, log: () => undefined }, { site: siteOf('it'), kind: 'urls', start: warmUrls.map((url) => ({ url, kind: 'product' as const })) }, settings);
  await cols.products.deleteMany({});
  await cols.priceHistory.deleteMany({});

  const perMarket: Record<string, { pages: number; pages_per_s: number; products_upserted_per_s: number; baseline_pages_per_s: number; ratio: number }> = {};
  let totalPages = 0;
  let totalSeconds = 0;
  let totalUpserted = 0;
  let baselinePages = 0;
  let baselineSeconds = 0;
  for (const market of MARKETS) {
    const site = siteOf(market);
    const urls = await productUrls(site);
    const baseline = await bareLoop(urls, market);
    const started = performance.now();
    const run = await runCrawl({ collections: cols, log: () => undefined }, { site, kind: 'urls', start: urls.map((url) => ({ url, kind: 'product' as const })) }, settings);
    const seconds = (performance.now() - started) / 1000;
    const upserted = run.counts.inserted + run.counts.updated;
    const figures = {
      pages: run.counts.pages,
      pages_per_s: round(run.counts.pages / seconds),
      products_upserted_per_s: round(upserted / seconds),
      baseline_pages_per_s: round(urls.length / baseline.seconds),
      ratio: round(run.counts.pages / seconds / (urls.length / baseline.seconds), 2),
    };
    perMarket[market] = figures;
    totalPages += run.counts.pages;
    totalSeconds += seconds;
    totalUpserted += upserted;
    baselinePages += urls.length;
    baselineSeconds += baseline.seconds;
    console.log(
      `  ${market}: scraper ${figures.pages_per_s} pages/s, ${figures.products_upserted_per_s} products upserted/s ` +
        `(${run.counts.inserted} new, ${run.counts.failed} not stored: ${JSON.stringify(run.failedByReason)}); ` +
        `bare fetch+cheerio ${figures.baseline_pages_per_s} pages/s (${baseline.listings} listings); ratio ${figures.ratio}`,
    );
  }
  const summary = {
    pages_per_s: round(totalPages / totalSeconds),
    products_upserted_per_s: round(totalUpserted / totalSeconds),
    baseline_pages_per_s: round(baselinePages / baselineSeconds),
    ratio: round(totalPages / totalSeconds / (baselinePages / baselineSeconds), 2),
    products_per_market: PRODUCTS,
    concurrency: CONCURRENCY,
    markets: perMarket,
  };
  console.log(`all markets: scraper ${summary.pages_per_s} pages/s and ${summary.products_upserted_per_s} products upserted/s; bare loop ${summary.baseline_pages_per_s} pages/s; ratio ${summary.ratio} (target 0.7)`);
  console.log(JSON.stringify(summary));
} finally {
  await db.dropDatabase().catch(() => undefined);
  await client.close();
  sim.stop();
  await mongo.stop();
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
