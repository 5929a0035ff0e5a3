// The translator worker as a process, as ./stack up starts it: it takes the translation job a
// scrape asked for, calls the simulator's DeepL stand-in through deepl-node, stores the market's
// text, reports a heartbeat and stops cleanly on SIGTERM. Its own Redis database, so no other
// file's worker takes its jobs.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/paths';
import { TEST_REDIS_DB, testRedisUrl, until, useTestRuntime } from '../../infra/local/testing';
import { useSimulator } from '../../infra/marketplace-simulator/simulator-testing';
import { findProduct, PRODUCTS } from '../../src/server/catalog';
import { readWorkerHeartbeats } from '../../src/server/platform/runtime';
import { listingFixture } from '../../src/server/scraping/extraction/listing.fixture';
import { writeListings } from '../../src/server/scraping';
import { translationQueue } from '../../src/server/translation';
import { collectionIn } from '../../src/server/platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const { sim } = useSimulator();
const workerEnv = () => ({
  REDIS_URL: testRedisUrl(TEST_REDIS_DB.translatorWorker),
  DEEPL_SERVER_URL: sim().deeplUrl,
  DEEPL_AUTH_KEY: 'test-key',
});
const rt = useTestRuntime('translator_worker', { redisDb: TEST_REDIS_DB.translatorWorker, env: workerEnv });
const children: ChildProcess[] = [];
/** A worker process starts tsx and its connections before it does anything. */
const WAIT = { timeoutMs: 40_000 };
afterAll(() => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));

describe('the translator worker process', () => {
  it('stores the Italian text of a product scraped in Germany only', { timeout: 60_000 }, async () => {
    const catalog = sim().catalog;
    const index = Array.from({ length: catalog.size }, (_, i) => i).find((i) => catalog.siblings('de', i).it !== undefined)!;
    const de = catalog.product('de', index);
    const italian = catalog.product('it', catalog.siblings('de', index).it!);
    const listing = listingFixture({
      market: 'de',
      site: 'amazon.de',
      sourceId: de.sourceId,
      url: `https://www.amazon.de/dp/${de.sourceId}`,
      title: de.title,
      description: de.description,
      brand: de.brand,
      gtin: de.gtin,
      priceCents: de.basePriceCents,
      category: null,
      imageUrl: null,
    });
    const counts = await writeListings({ db: rt().db, translations: translationQueue(rt().redis, rt().config), log: () => undefined }, [
      listing,
    ]);
    expect(counts.translationsAsked).toBeGreaterThan(0);
    const id = (await productCollection(rt()).findOne({ gtin: de.gtin }))!._id;

    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/translator/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', MONGO_URL: rt().config.MONGO_URL, ...workerEnv() },
      stdio: 'pipe',
    });
    children.push(child);
    await until(async () => (await readWorkerHeartbeats(rt().redis)).find((h) => h.name === 'translator'), 'the heartbeat', WAIT);
    const text = await until(async () => (await findProduct(rt(), id))?.texts?.it, 'the Italian text', WAIT);
    expect(text).toMatchObject({ title: italian.title, description: italian.description, origin: 'translation' });

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
