// The catalog loader against a real MongoDB-wire server: a load killed part-way (SIGKILL to the
// `catalog:load` command, wherever it was) and run again gives the same catalog, document for
// document and price point for price point, as one load that was never interrupted; and a
// finished load run again writes nothing.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectMongo, withDatabase, collectionIn } from '../../../src/server/platform/db';
import { newId } from '../../../src/common/ids';
import { MARKET_CODES } from '../../../src/common/markets';
import { until } from '../../local/testing';
import { REPO_ROOT } from '../../local/paths';
import { loadCatalog } from './catalog-loader';
import { ensureCollections } from '../../../src/server/collections';
import { PRODUCTS } from '../../../src/server/catalog';
import { PRICE_HISTORY } from '../../../src/server/pricing';

// The test reads and seeds the collection itself, by its declared spec.
const priceHistoryCollection = collectionIn(PRICE_HISTORY);
const productCollection = collectionIn(PRODUCTS);

const COUNT = 12_000;
const mongoUrl = inject('mongoUrl');
const client = await connectMongo({ url: mongoUrl, timeoutMs: 30_000, appName: 'catalog-loader-test' });
const databases = { whole: `t_load_whole_${newId(4)}`, resumed: `t_load_resumed_${newId(4)}` };
afterAll(async () => {
  for (const name of Object.values(databases)) await client.db(name).dropDatabase();
  await client.close();
});

function startLoad(dbName: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/bench/catalog/load.ts', '--count', String(COUNT)], {
    cwd: REPO_ROOT,
    env: { ...process.env, MONGO_URL: withDatabase(mongoUrl, dbName) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Every document of both collections, in _id order: what "the same catalog" means. */
async function catalogOf(dbName: string) {
  const db = client.db(dbName);
  const products = productCollection({ db }),
    priceHistory = priceHistoryCollection({ db });
  return {
    products: await products.find({}).sort({ _id: 1 }).toArray(),
    pricePoints: await priceHistory.find({}).sort({ _id: 1 }).toArray(),
  };
}

describe('catalog:load', () => {
  it('resumed after being killed part-way, stores the same catalog as a load never interrupted', { timeout: 240_000 }, async () => {
    const whole = client.db(databases.whole);
    await ensureCollections(whole);
    const first = await loadCatalog(whole, COUNT, MARKET_CODES);
    expect(first.resumedAt).toBe(0);
    expect(first.inserted).toBeGreaterThan(COUNT / 2);

    const resumed = client.db(databases.resumed);
    const products = productCollection({ db: resumed });
    const killed = startLoad(databases.resumed);
    let finished = false;
    void killed.exited.then(() => (finished = true));
    // Half the catalog (about 7,200 products from 12,000 listings): far enough past the batches in
    // flight (IN_FLIGHT × BATCH listings) for a stored prefix to resume after. At 2,000 products
    // a kill could land inside the first in-flight window, and the load rightly started over.
    await until(async () => finished || (await products.estimatedDocumentCount()) >= 3_600, 'the first load to store half its products', {
      intervalMs: 10,
      timeoutMs: 120_000,
      detail: killed.output,
    });
    expect(finished, `the load ended before it could be killed: ${killed.output()}`).toBe(false);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const storedWhenKilled = await products.countDocuments();
    expect(storedWhenKilled).toBeLessThan(first.inserted);

    const again = startLoad(databases.resumed);
    expect(await again.exited, again.output()).toBe(0);
    expect(again.output()).toMatch(/resumed at listing [\d,]+, where the last load stopped/);

    const [expected, actual] = [await catalogOf(databases.whole), await catalogOf(databases.resumed)];
    expect(actual.products.length).toBe(expected.products.length);
    expect(actual.products).toEqual(expected.products);
    expect(actual.pricePoints).toEqual(expected.pricePoints);
  });

  it('run again after finishing, finds everything stored and writes nothing', { timeout: 120_000 }, async () => {
    const whole = client.db(databases.whole);
    const before = await catalogOf(databases.whole);
    const second = await loadCatalog(whole, COUNT, MARKET_CODES);
    expect(second.inserted).toBe(0);
    expect(second.resumedAt).toBeGreaterThan(0);
    expect(await catalogOf(databases.whole)).toEqual(before);
  });
});
