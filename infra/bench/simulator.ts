// `npm run bench:simulator`: how fast the simulator serves with latency off, so that later
// benchmarks know it is not their bottleneck. The simulator runs in a child process (as under
// `./stack up`) with a million products per market; this process is the client, over loopback,
// with keep-alive connections. Each scenario is bounded by a request count and a time limit.
// Prints a readable summary, then, as its last line, one JSON object with the figures.
import { Agent, request } from 'node:http';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { Catalog, canonicalPath } from '../marketplace-simulator/catalog-generator';
import { SeededRandom } from '../marketplace-simulator/seeded-random';
import { startSimulatorProcess } from '../marketplace-simulator/simulator-process';
import { DEFAULT_SETTINGS } from '../marketplace-simulator/simulator-settings';
import { CATEGORIES } from '../marketplace-simulator/word-lists';

const BENCH = {
  seed: 1,
  productsPerMarket: 1_000_000,
  warmUpRequests: 1_000,
  maxScenarioMs: 30_000,
  scenarios: [
    { name: 'product pages', requests: 20_000, concurrency: 16 },
    { name: 'offer API', requests: 20_000, concurrency: 16 },
    { name: 'category listings', requests: 4_000, concurrency: 16 },
    { name: 'sitemaps (50,000 URLs each)', requests: 40, concurrency: 4 },
    // The refresher's view while a scraper reads sitemaps: they must not stall the offer API.
    { name: 'offer API during sitemap crawl', requests: 5_000, concurrency: 16 },
  ],
  sitemapCrawlConcurrency: 2,
} as const;

type ScenarioName = (typeof BENCH.scenarios)[number]['name'];

interface Result {
  readonly requests: number;
  readonly failures: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

function fetchOnce(agent: Agent, url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function runScenario(requests: number, concurrency: number, nextUrl: () => string): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let failures = 0;
  let bytes = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + BENCH.maxScenarioMs;
  const worker = async () => {
    while (issued < requests && performance.now() < deadline) {
      issued++;
      const url = nextUrl();
      const t0 = performance.now();
      try {
        const reply = await fetchOnce(agent, url);
        bytes += reply.bytes;
        if (reply.status !== 200) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    failures,
    seconds: round(seconds, 2),
    requestsPerSecond: Math.round(latencies.length / seconds),
    megabytesPerSecond: round(bytes / 1e6 / seconds),
    p50Ms: round(at(0.5), 2),
    p99Ms: round(at(0.99), 2),
    maxMs: round(latencies[latencies.length - 1] ?? 0, 2),
  };
}

async function main(): Promise<void> {
  // The same catalog the child generates, to know the URLs that exist.
  const catalog = new Catalog({ ...BENCH, crossMarketShare: DEFAULT_SETTINGS.crossMarketShare });
  const random = new SeededRandom(BENCH.seed);
  const startedAt = performance.now();
  const sim = await startSimulatorProcess({
    args: ['--latency', 'off', '--seed', String(BENCH.seed), '--products-per-market', String(BENCH.productsPerMarket)],
  });
  const startupMs = Math.round(performance.now() - startedAt);
  const market = () => MARKET_CODES[random.int(0, 3)] as MarketCode;
  const productUrl = () => {
    const m = market();
    return sim.urls[m] + canonicalPath(catalog.product(m, random.int(0, BENCH.productsPerMarket - 1)));
  };
  const offerUrl = () => {
    const m = market();
    return `${sim.urls[m]}/api/offers/${catalog.sourceIdOf(m, random.int(0, BENCH.productsPerMarket - 1))}`;
  };
  const sitemaps = BENCH.productsPerMarket / 50_000;
  const sitemapUrl = () => `${sim.urls[market()]}/sitemaps/products-${random.int(1, sitemaps)}.xml`;
  /** Fetches sitemaps until told to stop; resolves with how many it read. */
  const crawlSitemaps = (stop: { requested: boolean }) => {
    const agent = new Agent({ keepAlive: true, maxSockets: BENCH.sitemapCrawlConcurrency });
    let fetched = 0;
    const loop = async () => {
      while (!stop.requested) {
        await fetchOnce(agent, sitemapUrl());
        fetched++;
      }
    };
    return Promise.all(Array.from({ length: BENCH.sitemapCrawlConcurrency }, loop)).then(() => {
      agent.destroy();
      return fetched;
    });
  };
  const urls: Record<ScenarioName, () => string> = {
    'product pages': productUrl,
    'offer API': offerUrl,
    'category listings': () => {
      const m = market();
      return `${sim.urls[m]}/c/${CATEGORIES[random.int(0, CATEGORIES.length - 1)]?.slug[m]}?page=${random.int(1, 400)}`;
    },
    'sitemaps (50,000 URLs each)': () => sitemapUrl(),
    'offer API during sitemap crawl': offerUrl,
  };

  const results: Partial<Record<ScenarioName, Result>> = {};
  let categoryIndexMs = 0;
  try {
    // Let the JIT settle; the first listing request per market also builds its category index.
    await runScenario(BENCH.warmUpRequests, 16, productUrl);
    const indexStarted = performance.now();
    await Promise.all(MARKET_CODES.map((m) => fetchOnce(new Agent(), `${sim.urls[m]}/c/${CATEGORIES[0]?.slug[m]}`)));
    categoryIndexMs = Math.round(performance.now() - indexStarted);
    for (const scenario of BENCH.scenarios) {
      const stop = { requested: false };
      const crawl = scenario.name === 'offer API during sitemap crawl' ? crawlSitemaps(stop) : null;
      results[scenario.name] = await runScenario(scenario.requests, scenario.concurrency, urls[scenario.name]);
      stop.requested = true;
      await crawl;
    }
  } finally {
    await sim.stop();
  }

  const lines = [
    `Marketplace simulator benchmark: ${BENCH.productsPerMarket.toLocaleString('en')} products per market, latency off, loopback, keep-alive`,
    `  started in ${startupMs} ms; category indexes of the four markets built in ${categoryIndexMs} ms (first listing request)`,
    `  the last scenario runs while ${BENCH.sitemapCrawlConcurrency} clients read sitemaps without pause`,
    '',
    `  ${'scenario'.padEnd(32)}${'requests'.padStart(9)}${'conc.'.padStart(7)}${'req/s'.padStart(9)}${'MB/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'failed'.padStart(8)}`,
    ...BENCH.scenarios.map((s) => {
      const r = results[s.name] as Result;
      return `  ${s.name.padEnd(32)}${String(r.requests).padStart(9)}${String(s.concurrency).padStart(7)}${String(r.requestsPerSecond).padStart(9)}${String(r.megabytesPerSecond).padStart(8)}${String(r.p50Ms).padStart(9)}${String(r.p99Ms).padStart(9)}${String(r.failures).padStart(8)}`;
    }),
  ];
  console.log(lines.join('\n'));
  console.log(
    JSON.stringify({
      benchmark: 'marketplace-simulator',
      productsPerMarket: BENCH.productsPerMarket,
      startupMs,
      categoryIndexMs,
      scenarios: Object.fromEntries(BENCH.scenarios.map((s) => [s.name, { concurrency: s.concurrency, ...results[s.name] }])),
    }),
  );
  const failed = Object.values(results).reduce((sum, r) => sum + (r?.failures ?? 0), 0);
  if (failed > 0) process.exitCode = 1;
}

await main();
