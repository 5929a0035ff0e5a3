// `npm run bench:catalog`: storefront listings over a large catalog. Starts its own MongoDB-wire
// server and Redis (like the other benchmarks), loads `--count` realistic products (1,000,000 by
// default) with the catalog loader into the indexed collection, then measures, each for
// `--seconds` with `--concurrency` requests in flight:
//   - keyword search pages (one or two words of real titles, first page, relevance order) and
//     category pages (newest first) through the tRPC caller the storefront's load() uses;
//   - beside each, the bare driver query on the same index (find + sort + limit 24, no
//     validation, no "for sale" filter, no mapping): the floor the service is compared to;
//   - a category listing followed 50 pages deep by its cursors: page 50 costs what page 1 does.
// Prints a readable summary; the last line is one JSON object.
//
//   npm run bench:catalog -- [--count 1000000] [--seconds 15] [--concurrency 8]
import { parseArgs } from 'node:util';
import type { Collection } from 'mongodb';
import { benchOnOwnServices, percentile, positiveInt } from '../local/bench-support';
import { startMongo } from '../local/mongo';
import { startRedis } from '../local/redis';
import { SeededRandom } from '../marketplace-simulator/seeded-random';
import { CATEGORIES } from '../marketplace-simulator/word-lists';
import { parseConfig } from '../../src/server/config';
import { newId, withDatabase } from '../../src/server/db';
import { SEARCH_PAGE_SIZE, categoryIdOf, queryTokens, type CategoryId, type Product } from '../../src/server/catalog';
import { MARKET_CODES, type MarketCode } from '../../src/server/markets';
import { openRuntime } from '../../src/server/runtime';
import { createContext } from '../../src/server/trpc/context';
import { appRouter } from '../../src/server/trpc/routers/_app';
import { catalogForCount, loadCatalog, progressReporter } from './catalog-loader';

const { values: flags } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '8' },
  },
});


const COUNT = positiveInt('count', flags.count, 20_000_000);
const SCENARIO_MS = positiveInt('seconds', flags.seconds, 600) * 1000;
const CONCURRENCY = positiveInt('concurrency', flags.concurrency, 256);
const DEEP_PAGES = 50;
const DEEP_RUNS = 10;

interface Timing {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** Requests that failed (a driver timeout under load, say): counted, not timed. */
  readonly errors: number;
}


const round = (n: number, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

/** `CONCURRENCY` loops calling `run(i)` until the time is up; `i` picks the i-th request of a fixed sequence. */
async function measure(run: (i: number) => Promise<unknown>): Promise<Timing> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + SCENARIO_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        try {
          await run(i);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length, errors };
}

/** What shoppers type: a brand, a product type, or both, taken from real titles of the catalog. */
function searchQueries(count: number, markets: readonly MarketCode[]): { market: MarketCode; q: string }[] {
  const catalog = catalogForCount(COUNT, markets);
  const random = new SeededRandom(7);
  return Array.from({ length: count }, () => {
    const market = random.pick(markets);
    const product = catalog.product(market, random.int(0, catalog.size - 1));
    const typeWords = queryTokens(product.title).filter((w) => !queryTokens(product.brand ?? '').includes(w) && !/\d/.test(w));
    const typeWord = typeWords[0] ?? 'set';
    const roll = random.next();
    return { market, q: roll < 0.4 ? typeWord : roll < 0.7 ? `${product.brand} ${typeWord}` : (typeWords.slice(0, 2).join(' ') || typeWord) };
  });
}

function categoryPages(count: number, markets: readonly MarketCode[]): { market: MarketCode; category: CategoryId }[] {
  const random = new SeededRandom(11);
  return Array.from({ length: count }, () => ({ market: random.pick(markets), category: categoryIdOf(random.pick(CATEGORIES).name.it) }));
}

function report(name: string, t: Timing): void {
  console.log(`  ${name.padEnd(34)} ${t.perSecond.toFixed(1).padStart(8)} pages/s   p50 ${t.p50.toFixed(2).padStart(7)} ms   p99 ${t.p99.toFixed(2).padStart(7)} ms   (${t.requests.toLocaleString('en')} pages${t.errors ? `, ${t.errors} failed` : ''})`);
}

async function main(): Promise<void> {
  const markets = MARKET_CODES;
  console.log(`catalog benchmark: ${COUNT.toLocaleString('en')} products, ${SCENARIO_MS / 1000} s per scenario, ${CONCURRENCY} requests in flight`);
  await benchOnOwnServices('bench-catalog', async (services, logDir) => {
    const mongo = services.add(await startMongo({ dbName: 'bench', cacheSize: '3G', durable: false, logDir }));
    const redis = services.add(await startRedis(logDir));
    const config = parseConfig({ NODE_ENV: 'production', MONGO_URL: withDatabase(mongo.url, `bench_catalog_${newId(4)}`), REDIS_URL: redis.url });

    // Loaded into the indexed collection, as on a live database: measured here, inserting with
    // the indexes in place beat loading first and building the indexes afterwards.
    const rt = await openRuntime(config, 'bench-catalog');
    const products = rt.collections.products as Collection<Product>;
    const load = await loadCatalog(rt.collections, COUNT, markets, progressReporter('loading products'));
    console.log(`loaded ${load.inserted.toLocaleString('en')} products in ${load.seconds.toFixed(1)} s (${Math.round(load.done / load.seconds).toLocaleString('en')}/s)`);

    const caller = appRouter.createCaller(createContext(null, async () => rt));
    const searches = searchQueries(5000, markets);
    const categories = categoryPages(5000, markets);
    const at = <T>(list: readonly T[], i: number) => list[i % list.length] as T;

    const bareSearch = (i: number) => {
      const { q } = at(searches, i);
      return products.find({ searchTokens: { $all: queryTokens(q) } }, { sort: { createdAt: -1, _id: -1 }, limit: SEARCH_PAGE_SIZE }).toArray();
    };
    const bareCategory = (i: number) => {
      const { category } = at(categories, i);
      return products.find({ category }, { sort: { createdAt: -1, _id: -1 }, limit: SEARCH_PAGE_SIZE }).toArray();
    };
    const serviceSearch = (i: number) => caller.catalog.search(at(searches, i));
    const serviceCategory = (i: number) => caller.catalog.search({ ...at(categories, i), sort: 'newest' });

    // Warm-up: V8 compiles the code paths and the server's cache holds the indexes' upper levels.
    for (let i = 0; i < 50; i++) await Promise.allSettled([bareSearch(i), bareCategory(i), serviceSearch(i), serviceCategory(i)]);

    console.log('measuring …');
    const search = await measure(serviceSearch);
    report('search (service, tRPC caller)', search);
    const searchBare = await measure(bareSearch);
    report('search (bare driver, same index)', searchBare);
    const category = await measure(serviceCategory);
    report('category (service, tRPC caller)', category);
    const categoryBare = await measure(bareCategory);
    report('category (bare driver, same index)', categoryBare);

    const firstPage: number[] = [];
    const deepPage: number[] = [];
    for (let run = 0; run < DEEP_RUNS; run++) {
      const { market, category: cat } = at(categories, run);
      let cursor: string | undefined;
      for (let page = 1; page <= DEEP_PAGES; page++) {
        const t0 = performance.now();
        const result = await caller.catalog.search({ market, category: cat, sort: 'price-asc', cursor });
        const ms = performance.now() - t0;
        if (page === 1) firstPage.push(ms);
        if (page === DEEP_PAGES) deepPage.push(ms);
        cursor = result.nextCursor ?? undefined;
        if (!cursor) break;
      }
    }
    firstPage.sort((a, b) => a - b);
    deepPage.sort((a, b) => a - b);
    console.log(`  category by price, page 1: p50 ${percentile(firstPage, 50).toFixed(2)} ms; page ${DEEP_PAGES} (by cursor): p50 ${percentile(deepPage, 50).toFixed(2)} ms`);

    const searchRatio = search.perSecond / searchBare.perSecond;
    const categoryRatio = category.perSecond / categoryBare.perSecond;
    const result = {
      products: COUNT,
      load_s: round(load.seconds, 1),
      load_docs_per_s: Math.round(load.done / load.seconds),
      concurrency: CONCURRENCY,
      search_pages_per_s: round(search.perSecond, 1),
      search_p50_ms: round(search.p50),
      search_p99_ms: round(search.p99),
      bare_search_pages_per_s: round(searchBare.perSecond, 1),
      bare_search_p50_ms: round(searchBare.p50),
      bare_search_p99_ms: round(searchBare.p99),
      category_pages_per_s: round(category.perSecond, 1),
      category_p50_ms: round(category.p50),
      category_p99_ms: round(category.p99),
      bare_category_pages_per_s: round(categoryBare.perSecond, 1),
      bare_category_p50_ms: round(categoryBare.p50),
      bare_category_p99_ms: round(categoryBare.p99),
      search_errors: search.errors + searchBare.errors,
      category_errors: category.errors + categoryBare.errors,
      search_ratio: round(searchRatio, 3),
      category_ratio: round(categoryRatio, 3),
      /** Service throughput over bare driver throughput: the geometric mean of the two scenarios. */
      ratio: round(Math.sqrt(searchRatio * categoryRatio), 3),
      page_1_p50_ms: round(percentile(firstPage, 50)),
      [`page_${DEEP_PAGES}_p50_ms`]: round(percentile(deepPage, 50)),
    };
    console.log(`service / bare driver throughput: search ${result.search_ratio}, category ${result.category_ratio}, overall ${result.ratio}`);
    await rt.close();
    return result;
  });
}

await main();
