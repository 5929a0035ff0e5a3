// `npm run bench:catalog`: storefront listings over large catalogs, to show that a page costs the
// same at 100,000 products as at 1,000,000. Starts its own MongoDB-wire server and Redis (like the
// other benchmarks) and, for each of `--counts`, loads that many realistic products with the
// catalog loader into a database of their own, then measures:
//   - the loader's products/s beside a bare `insertMany` of the same documents into a collection
//     with only `_id`, in the same run; at the smallest count, what each declared index adds to
//     an insert (the same documents with `_id` and that index alone);
//   - for each listing kind (category newest, category by price, brand, keywords, keywords by
//     price, a page 20 deep in a category by its cursor), for `--seconds` with `--concurrency`
//     requests in flight: pages/s, p50 and p99 through the tRPC caller the storefront's load()
//     uses, and the same through the bare windowed read (`readListingPage`: no validation, no
//     mapping, no tRPC), whose throughput the service's is compared to;
//   - what a page reads, from the storage engine's own counters (WiredTiger "cursor next/prev
//     calls": index entries; "cursor search calls": documents), over pages read one at a time;
//   - per kind, the flatness ratio p50(largest count) / p50(smallest count);
//   - the back office's word search, one search at a time: index entries and milliseconds per
//     search, beside the one `$or` branch of the words it replaced, in the same run.
// Prints a readable summary; the last line is one JSON object.
//
//   npm run bench:catalog -- [--counts 100000,1000000] [--seconds 10] [--concurrency 8]
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Collection, Db } from 'mongodb';
import { benchOnOwnServices, percentile, positiveInt } from '../bench-support';
import { startMongo } from '../../local/mongo';
import { startRedis } from '../../local/redis';
import { SeededRandom } from '../../marketplace-simulator/seeded-random';
import { BRANDS, CATEGORIES } from '../../marketplace-simulator/word-lists';
import { parseConfig } from '../../../src/server/platform/config';
import { withDatabase, type DbHandle, type IndexSpec, collectionIn } from '../../../src/server/platform/db';
import { newId } from '../../../src/common/ids';
import {
  categoryIdOf,
  findProductsBy,
  ProductSearchInput,
  productsWithWords,
  queryTokens,
  readListingPage,
  type Product,
  PRODUCTS,
} from '../../../src/server/catalog';
import { MARKET_CODES, type MarketCode } from '../../../src/common/markets';
import { openRuntime } from '../../../src/server/platform/runtime';
import { createContext } from '../../../src/server/trpc/context';
import { appRouter } from '../../../src/server/trpc/routers/_app';
import { catalogForCount, loadCatalog, progressReporter } from './catalog-loader';
import { COLLECTIONS, ensureCollections } from '../../../src/server/collections';

// The benchmark reads and measures the collection itself, by its declared spec, as an operator would.
const productCollection = collectionIn(PRODUCTS);

const USAGE = 'usage: npm run bench:catalog -- [--counts 100000,1000000] [--seconds 10] [--concurrency 8]';
const { values: flags } = parseArgs({
  options: {
    counts: { type: 'string', default: '100000,1000000' },
    /** One count: the same as --counts with a single value. */
    count: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
  },
});

const COUNTS = (flags.count ?? flags.counts)
  .split(',')
  .map((c) => positiveInt('counts', c.trim().replace(/_/g, ''), 20_000_000))
  .sort((a, b) => a - b);
if (COUNTS.length === 0) {
  console.error(USAGE);
  process.exit(64);
}
const SCENARIO_MS = positiveInt('seconds', flags.seconds, 600) * 1000;
const CONCURRENCY = positiveInt('concurrency', flags.concurrency, 256);
/** How deep the deep-page kind reads, by cursor. */
const DEEP_PAGE = 20;
/** Pages read one at a time per kind for the storage engine's counters. */
const COUNTED_PAGES = 40;
/** Documents the bare insertMany writes, to compare the loader's rate with. */
const BARE_INSERT_DOCS = 20_000;
/** Documents inserted per index to measure what it costs, and how many times. */
const INDEX_COST_DOCS = 10_000;
const INDEX_COST_ROUNDS = 3;

interface Timing {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** Requests that failed (a driver timeout under load, say): counted, not timed. */
  readonly errors: number;
  /** The slowest request: which of the fixed sequence it was, and how long it took. */
  readonly slowest: { readonly i: number; readonly ms: number };
}

const round = (n: number, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

/** `CONCURRENCY` loops calling `run(i)` until the time is up; `i` picks the i-th request of a fixed sequence. */
async function measure(run: (i: number) => Promise<unknown>): Promise<Timing> {
  const latencies: number[] = [];
  let errors = 0;
  let slowest = { i: -1, ms: 0 };
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
          const ms = performance.now() - t0;
          latencies.push(ms);
          if (ms > slowest.ms) slowest = { i, ms };
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    errors,
    slowest,
  };
}

/** Index entries and documents the storage engine has read so far, server-wide. */
async function engineReads(db: Db): Promise<{ entries: number; documents: number }> {
  const status = (await db.admin().command({ serverStatus: 1 })) as { wiredTiger?: { cursor?: Record<string, number> } };
  const cursor = status.wiredTiger?.cursor ?? {};
  const n = (name: string) => Number(cursor[name] ?? 0);
  return { entries: n('cursor next calls') + n('cursor prev calls'), documents: n('cursor search calls') };
}

type Listing = Omit<ProductSearchInput, 'limit' | 'inStock' | 'q' | 'sort'> &
  Partial<Pick<ProductSearchInput, 'q' | 'sort' | 'inStock' | 'limit'>>;

/** What shoppers type: a product type, or a brand and a type, taken from real titles of the catalog. */
function keywordQueries(count: number, catalogSize: number): { market: MarketCode; q: string }[] {
  const catalog = catalogForCount(catalogSize, MARKET_CODES);
  const random = new SeededRandom(7);
  return Array.from({ length: count }, () => {
    const market = random.pick(MARKET_CODES);
    const product = catalog.product(market, random.int(0, catalog.size - 1));
    const typeWords = queryTokens(product.title).filter((w) => !queryTokens(product.brand ?? '').includes(w) && !/\d/.test(w));
    const typeWord = typeWords[0] ?? 'set';
    return { market, q: random.next() < 0.5 ? typeWord : `${product.brand} ${typeWord}` };
  });
}

/**
 * The back office's word search (any market or state, 20 hits), one search at a time: index
 * entries and milliseconds per search, beside the one `$or` branch of the words it replaced.
 */
async function backofficeWordSearch(rt: DbHandle, db: Db, queries: readonly { q: string }[]): Promise<Record<string, number | null>> {
  const words = queries.map(({ q }) => queryTokens(q));
  const run = async (search: (w: readonly string[]) => Promise<unknown>) => {
    const entries: number[] = [];
    const ms: number[] = [];
    for (const w of words) {
      const before = await engineReads(db);
      const started = performance.now();
      await search(w);
      ms.push(performance.now() - started);
      entries.push((await engineReads(db)).entries - before.entries);
    }
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    return { entries: sorted(entries), ms: sorted(ms) };
  };
  for (const w of words.slice(0, 10)) await productsWithWords(rt, w, 20);
  const windowed = await run((w) => productsWithWords(rt, w, 20));
  const oneOr = await run((w) => findProductsBy(rt, { $or: [{ _id: w.join(' ') }, { searchTokens: { $all: [...w] } }] }, 20));
  const figures = {
    entries_p50: percentile(windowed.entries, 50),
    entries_p99: percentile(windowed.entries, 99),
    p50_ms: round(percentile(windowed.ms, 50)),
    p99_ms: round(percentile(windowed.ms, 99)),
    one_or_entries_p50: percentile(oneOr.entries, 50),
    one_or_p50_ms: round(percentile(oneOr.ms, 50)),
    one_or_p99_ms: round(percentile(oneOr.ms, 99)),
  };
  console.log(
    `  back-office word search, one at a time: p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, index entries p50 ${figures.entries_p50}, p99 ${figures.entries_p99} (one $or branch: p50 ${figures.one_or_p50_ms} ms, p99 ${figures.one_or_p99_ms} ms, entries p50 ${figures.one_or_entries_p50})`,
  );
  return figures;
}

/** The listings of each kind a run asks for, in a fixed order. */
function listingKinds(catalogSize: number): Record<string, Listing[]> {
  const random = new SeededRandom(11);
  const categories = Array.from({ length: 200 }, () => ({
    market: random.pick(MARKET_CODES),
    category: categoryIdOf(random.pick(CATEGORIES).name.it),
  }));
  const brands = Array.from({ length: 200 }, () => ({ market: random.pick(MARKET_CODES), brand: random.pick(BRANDS) }));
  const keywords = keywordQueries(200, catalogSize);
  return {
    category_newest: categories.map((c) => ({ ...c, sort: 'newest' })),
    category_price: categories.map((c) => ({ ...c, sort: 'price-asc' })),
    brand: brands.map((b) => ({ ...b, sort: 'newest' })),
    keywords: keywords.map((k) => ({ ...k, sort: 'relevance' })),
    keywords_price: keywords.map((k) => ({ ...k, sort: 'price-asc' })),
    // Filled with the cursors of page DEEP_PAGE below.
    deep_category: categories.slice(0, 40).map((c) => ({ ...c, sort: 'price-asc' })),
  } as Record<string, Listing[]>;
}

function report(name: string, t: Timing): void {
  console.log(
    `  ${name.padEnd(40)} ${t.perSecond.toFixed(1).padStart(8)} pages/s   p50 ${t.p50.toFixed(2).padStart(7)} ms   p99 ${t.p99.toFixed(2).padStart(7)} ms   (${t.requests.toLocaleString('en')} pages${t.errors ? `, ${t.errors} failed` : ''})`,
  );
}

/**
 * Seconds to insert `documents` into a new collection with only `_id` and the given indexes, as
 * the loader writes (batches of 1,000, 3 in flight).
 */
async function insertSeconds(db: Db, documents: readonly Product[], indexes: readonly IndexSpec[] = []): Promise<number> {
  const target = db.collection<Product>(`insert_probe_${newId(4)}`);
  if (indexes.length > 0) await target.createIndexes(indexes.map(({ key, ...options }) => ({ key, ...options })));
  const started = performance.now();
  const batches = Array.from({ length: Math.ceil(documents.length / 1000) }, (_, i) => documents.slice(i * 1000, (i + 1) * 1000));
  for (let i = 0; i < batches.length; i += 3)
    await Promise.all(
      batches.slice(i, i + 3).map((batch) =>
        target.insertMany(
          batch.map((d) => ({ ...d })),
          { ordered: false },
        ),
      ),
    );
  const seconds = (performance.now() - started) / 1000;
  await target.drop();
  return seconds;
}

const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * What each declared index of the products collection costs a write: the same documents inserted
 * with `_id` alone and with `_id` and that one index, in pairs, INDEX_COST_ROUNDS times; the cost
 * is the median difference per 1,000 products (pairs cancel most of the drift of a shared machine).
 */
async function indexCosts(db: Db, documents: readonly Product[]): Promise<Record<string, unknown>> {
  const per1000 = (seconds: number) => (seconds * 1e6) / documents.length;
  const indexes = COLLECTIONS.products.indexes;
  await insertSeconds(db, documents); // warm-up
  const bare: number[] = [];
  const costs: Record<string, number> = {};
  for (const index of indexes) {
    const differences: number[] = [];
    for (let pair = 0; pair < INDEX_COST_ROUNDS; pair++) {
      const alone = await insertSeconds(db, documents);
      bare.push(alone);
      differences.push((await insertSeconds(db, documents, [index])) - alone);
    }
    costs[index.name] = round(per1000(median(differences)), 1)!;
  }
  const every = median([
    await insertSeconds(db, documents, indexes),
    await insertSeconds(db, documents, indexes),
    await insertSeconds(db, documents, indexes),
  ]);
  const bareMs = per1000(median(bare));
  console.log(
    `  what each index adds to inserting 1,000 products (median of ${INDEX_COST_ROUNDS} pairs of ${documents.length.toLocaleString('en')}; ` +
      `_id alone ${bareMs.toFixed(0)} ms, with all ${indexes.length} indexes ${per1000(every).toFixed(0)} ms):`,
  );
  for (const [name, ms] of Object.entries(costs)) console.log(`    ${name.padEnd(28)} +${ms} ms`);
  return { id_only_ms_per_1000: round(bareMs, 1), all_indexes_ms_per_1000: round(per1000(every), 1), ms_per_1000_by_index: costs };
}

async function main(): Promise<void> {
  console.log(
    `catalog benchmark: ${COUNTS.map((c) => c.toLocaleString('en')).join(' and ')} products, ${SCENARIO_MS / 1000} s per scenario, ${CONCURRENCY} requests in flight`,
  );
  await benchOnOwnServices('bench-catalog', async (services, logDir) => {
    const mongo = services.add(await startMongo({ dbName: 'bench', cacheSize: '3G', durable: false, logDir }));
    const redis = services.add(await startRedis(logDir));
    const result: Record<string, unknown> = { counts: COUNTS, concurrency: CONCURRENCY, seconds: SCENARIO_MS / 1000 };
    const p50s: Record<string, number[]> = {};

    for (const count of COUNTS) {
      console.log(`\n${count.toLocaleString('en')} products`);
      const config = parseConfig({
        NODE_ENV: 'production',
        MONGO_URL: withDatabase(mongo.url, `bench_catalog_${count}_${newId(4)}`),
        REDIS_URL: redis.url,
      });
      const rt = await openRuntime(config, 'bench-catalog');
      await ensureCollections(rt.db);
      const db = rt.mongo.db();
      const products = productCollection(rt) as Collection<Product>;
      // Into the indexed collection, as on a live database.
      const load = await loadCatalog(rt.db, count, MARKET_CODES, { onProgress: progressReporter('loading products') });
      const loadRate = load.inserted / load.seconds;
      const sample = (await products.find({}, { limit: BARE_INSERT_DOCS }).toArray()) as Product[];
      const bareRate = sample.length / (await insertSeconds(db, sample));
      console.log(
        `  loaded ${load.inserted.toLocaleString('en')} products in ${load.seconds.toFixed(1)} s: ${Math.round(loadRate).toLocaleString('en')} products/s; bare insertMany into _id only: ${Math.round(bareRate).toLocaleString('en')}/s (ratio ${(loadRate / bareRate).toFixed(3)})`,
      );
      const figures: Record<string, unknown> = {
        products: load.inserted,
        load_s: round(load.seconds, 1),
        load_products_per_s: Math.round(loadRate),
        bare_insert_per_s: Math.round(bareRate),
        load_ratio: round(loadRate / bareRate, 3),
      };
      // Once, at the smallest count: an index's cost per write hardly depends on the catalog's size here.
      if (count === COUNTS[0]) figures['index_costs'] = await indexCosts(db, sample.slice(0, INDEX_COST_DOCS));

      const caller = appRouter.createCaller(createContext(null, async () => rt));
      // Shoppers land on the shops' home pages first: what they teach sizes the first windows of keyword pages.
      for (const market of MARKET_CODES)
        for (const sort of ['relevance', 'newest', 'price-asc'] as const) await caller.catalog.search({ market, sort });
      const kinds = listingKinds(count);
      // The deep kind reads page DEEP_PAGE: its cursors, found by walking there once.
      kinds['deep_category'] = (
        await Promise.all(
          kinds['deep_category']!.map(async (listing) => {
            let cursor: string | undefined;
            for (let page = 1; page < DEEP_PAGE; page++) {
              cursor = (await caller.catalog.search({ ...listing, cursor })).nextCursor ?? undefined;
              if (!cursor) return null;
            }
            return { ...listing, cursor };
          }),
        )
      ).filter((l): l is NonNullable<typeof l> => l !== null);

      for (const [kind, listings] of Object.entries(kinds)) {
        if (listings.length === 0) continue;
        const at = (i: number) => listings[i % listings.length]!;
        const parsed = listings.map((l) => ProductSearchInput.parse(l));
        const service = (i: number) => caller.catalog.search(at(i));
        const bare = (i: number) => readListingPage(rt, parsed[i % parsed.length]!);
        // Warm-up: V8 compiles the paths, the engine's cache holds the index's upper levels, first pages learn.
        for (let i = 0; i < Math.min(60, listings.length); i++) await Promise.all([service(i), bare(i)]);

        const before = await engineReads(db);
        for (let i = 0; i < COUNTED_PAGES; i++) await bare(i);
        const after = await engineReads(db);
        const timed = await measure(service);
        const timedBare = await measure(bare);
        report(`${kind} (service, tRPC caller)`, timed);
        report(`${kind} (bare windowed read)`, timedBare);
        const entries = (after.entries - before.entries) / COUNTED_PAGES;
        const documents = (after.documents - before.documents) / COUNTED_PAGES;
        console.log(`  ${kind.padEnd(40)} reads per page: ${entries.toFixed(0)} index entries, ${documents.toFixed(0)} documents`);
        figures[kind] = {
          pages_per_s: round(timed.perSecond, 1),
          p50_ms: round(timed.p50),
          p99_ms: round(timed.p99),
          bare_pages_per_s: round(timedBare.perSecond, 1),
          bare_p50_ms: round(timedBare.p50),
          service_ratio: round(timed.perSecond / timedBare.perSecond, 3),
          index_entries_per_page: Math.round(entries),
          documents_per_page: Math.round(documents),
          errors: timed.errors + timedBare.errors,
          // Which listing a p99 comes from: the slowest page's listing, as asked.
          slowest: { ms: round(timed.slowest.ms), listing: at(timed.slowest.i) },
        };
        (p50s[kind] ??= []).push(timed.p50);
      }
      figures['backoffice_words'] = await backofficeWordSearch(rt, db, keywordQueries(100, count));
      result[String(count)] = figures;
      // The smaller catalogs make room for the larger; the last goes with the server's data directory
      // (dropping a million products outlasted the driver's socket timeout).
      if (count !== COUNTS.at(-1)) await db.dropDatabase();
      await rt.close();
    }

    if (COUNTS.length > 1) {
      const flatness = Object.fromEntries(Object.entries(p50s).map(([kind, values]) => [kind, round(values.at(-1)! / values[0]!, 2)]));
      console.log(
        `\nflatness, p50 at ${COUNTS.at(-1)!.toLocaleString('en')} over p50 at ${COUNTS[0]!.toLocaleString('en')}: ${JSON.stringify(flatness)}`,
      );
      result['flatness'] = flatness;
    }
    // How busy the machine was: times measured on a loaded machine are slower than the engine's work.
    const [one, five, fifteen] = loadavg().map((n) => round(n, 2));
    console.log(`load average at the end: ${one} (1 min) ${five} (5 min) ${fifteen} (15 min) on ${availableParallelism()} cores`);
    Object.assign(result, { load_avg_1m: one, load_avg_5m: five, load_avg_15m: fifteen, cores: availableParallelism() });
    return result;
  });
}

await main();
