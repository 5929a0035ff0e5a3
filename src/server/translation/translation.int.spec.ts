// Translations end to end on real parts: DeepL's client (deepl-node) over HTTP to the simulator's
// DeepL stand-in, the translate queue in real Redis worked by a BullMQ worker with the translator's
// handlers, products in a real MongoDB-wire server. A product scraped in Germany only is for sale
// in Italy: the Italian shop lists it under its German title (marked `de`) until the job stores
// the Italian one, which the listing, the product page and keyword search then use.
import { EVERY_IDENTIFIER } from '../../../infra/marketplace-simulator/simulator-settings';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_DB, until, useTestRuntime } from '../../../infra/local/testing';
import type { SimProduct } from '../../../infra/marketplace-simulator/catalog-generator';
import { useSimulator } from '../../../infra/marketplace-simulator/simulator-testing';
import { findProduct, ProductSearchInput, readCachedProduct, searchProducts, PRODUCTS } from '../catalog';
import type { MarketCode } from '../../common/markets';
import { openProductPage } from '../product-page';
import { QUEUE_PREFIX, QUEUES } from '../platform/queues';
import { createQueueRedis } from '../platform/redis';
import { listingFixture } from '../scraping/extraction/listing.fixture';
import { writeListings } from '../scraping';
import { translationHandlers } from './translation.jobs';
import { translationQueue } from './translation.queue';
import { translateProductText } from './translation.service';
import { deeplTranslator, translatorFromConfig, TranslatorRefused } from './translator.client';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

// Every page shows its model: the test compares a page's title with the translation of another market's.
const { sim } = useSimulator({ identifiers: EVERY_IDENTIFIER });
const rt = useTestRuntime('translation', {
  redisDb: TEST_REDIS_DB.translation,
  env: () => ({ DEEPL_SERVER_URL: sim().deeplUrl, DEEPL_AUTH_KEY: 'test-key:fx', TRANSLATE_BACKOFF_MS: '50' }),
});

/** A product the simulator sells in Germany and Italy, with the page each shop shows for it. */
function germanAndItalian(skip = 0): { de: SimProduct; it: SimProduct } {
  const catalog = sim().catalog;
  let found = 0;
  for (let index = 0; index < catalog.size; index++) {
    const at = catalog.siblings('de', index).it;
    if (at === undefined || found++ < skip) continue;
    return { de: catalog.product('de', index), it: catalog.product('it', at) };
  }
  throw new Error('no product sold in both de and it');
}

function scraped(product: SimProduct, market: MarketCode = product.market) {
  return listingFixture({
    market,
    site: new URL(sim().urls[market]).host,
    sourceId: product.sourceId,
    url: `${sim().urls[market]}/dp/${product.sourceId}`,
    title: product.title,
    description: product.description,
    brand: product.brand,
    gtin: product.gtin,
    priceCents: product.basePriceCents,
    shippingCents: product.shippingCents,
    category: null,
    imageUrl: null,
  });
}

async function deeplCharacters(): Promise<number> {
  const response = await fetch(`${sim().deeplUrl}/v2/usage`, { headers: { authorization: 'DeepL-Auth-Key test-key:fx' } });
  return ((await response.json()) as { character_count: number }).character_count;
}

describe('deepl-node against the simulator', () => {
  it("translates a shop's title and description as the other shop writes them", async () => {
    const { de, it: italian } = germanAndItalian();
    const translator = translatorFromConfig(rt().config)!;
    expect(await translator.translate([de.title, de.description], 'de', 'it')).toEqual([italian.title, italian.description]);
  });

  it("speaks DeepL's wire format: key header, form or JSON body, errors naming the parameter", async () => {
    const url = `${sim().deeplUrl}/v2/translate`;
    const auth = { authorization: 'DeepL-Auth-Key k' };
    const json = await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ text: ['Schwarz'], target_lang: 'IT' }),
    });
    expect(await json.json()).toEqual({ translations: [{ detected_source_language: 'DE', text: 'Nero', billed_characters: 7 }] });

    expect((await fetch(url, { method: 'POST', body: new URLSearchParams({ text: 'Schwarz', target_lang: 'IT' }) })).status).toBe(403);
    const noTarget = await fetch(url, { method: 'POST', headers: auth, body: new URLSearchParams({ text: 'Schwarz' }) });
    expect(noTarget.status).toBe(400);
    expect(await noTarget.json()).toEqual({ message: "Parameter 'target_lang' not specified." });
    const tooLarge = await fetch(url, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ text: 'x'.repeat(200_000), target_lang: 'IT' }),
    });
    expect(tooLarge.status).toBe(413);
  });

  async function withServer(answer: Parameters<typeof createServer>[1], run: (url: string) => Promise<void>): Promise<void> {
    const server: Server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('gives up on a server that does not answer within the timeout', async () => {
    await withServer(
      () => undefined,
      async (serverUrl) => {
        const translator = deeplTranslator({ authKey: 'k', serverUrl, timeoutMs: 1_000 });
        await expect(translator.translate(['Schwarz'], 'de', 'it')).rejects.toThrow();
      },
    );
  });

  it('says so when DeepL refuses the key or the quota is spent, which no retry mends', async () => {
    for (const status of [403, 456]) {
      await withServer(
        (_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'no' })),
        async (serverUrl) => {
          await expect(
            deeplTranslator({ authKey: 'k', serverUrl, timeoutMs: 1_000 }).translate(['Schwarz'], 'de', 'it'),
          ).rejects.toBeInstanceOf(TranslatorRefused);
        },
      );
    }
  });
});

describe('a product scraped in Germany only, for sale in Italy', () => {
  const connection = () => createQueueRedis({ url: rt().config.REDIS_URL, timeoutMs: 3000, name: 'test-translator' });
  let worker: Worker | undefined;
  let workerRedis: ReturnType<typeof connection> | undefined;
  afterAll(async () => {
    await worker?.close();
    await workerRedis?.quit();
  });

  it('gets its Italian title through deepl-node and the translate queue, once, and the Italian shop shows it', async () => {
    const { de, it: italian } = germanAndItalian(1);
    const translations = translationQueue(rt().redis, rt().config);
    const deps = { db: rt().db, redis: rt().redis, translations, log: () => undefined };
    const counts = await writeListings(deps, [scraped(de)]);
    expect(counts).toMatchObject({ inserted: 1, cacheFailures: 0 });
    const id = (await productCollection(rt()).findOne({ gtin: de.gtin }))!._id;
    const jobs = await translations.queue.getJobs(['waiting']);
    expect(jobs.map((j) => j.id).sort()).toContain(`translate-it-${id}`);
    expect(jobs.filter((j) => j.data.productId === id).length).toBe(counts.translationsAsked);

    // Until the translation is stored, the Italian shop shows the German original, marked as German.
    const search = (q?: string) => searchProducts(rt(), ProductSearchInput.parse({ market: 'it', ...(q && { q }) }));
    const before = (await search()).items.find((item) => item.id === id);
    expect(before).toMatchObject({ title: de.title, titleLang: 'de' });
    expect((await openProductPage(rt(), id, 'it'))?.product).toMatchObject({
      title: de.title,
      description: de.description,
      textLang: 'de',
    });
    // A scrape that finds it untranslated again asks for no second job while one waits.
    await writeListings(deps, [{ ...scraped(de), priceCents: de.basePriceCents + 100 }]);
    expect((await translations.queue.getJobs(['waiting'])).filter((j) => j.data.productId === id)).toHaveLength(
      jobs.filter((j) => j.data.productId === id).length,
    );

    workerRedis = connection();
    const handlers = translationHandlers(translatorFromConfig(rt().config));
    worker = new Worker(QUEUES.translate, (job) => handlers[job.name]!(job, rt()), {
      connection: workerRedis,
      prefix: QUEUE_PREFIX,
      concurrency: 2,
    });
    const translated = await until(async () => (await findProduct(rt(), id))?.texts?.it, 'the Italian text to be stored');
    expect(translated).toMatchObject({ title: italian.title, description: italian.description, language: 'it', origin: 'translation' });
    expect((await findProduct(rt(), id))?.texts?.de).toMatchObject({ title: de.title, origin: 'page' });
    // The cache is written right after MongoDB.
    expect(await until(async () => (await readCachedProduct(rt().redis, id))?.texts?.it?.title, 'the cached copy to have it')).toBe(
      italian.title,
    );

    const after = (await search()).items.find((item) => item.id === id);
    expect(after).toMatchObject({ title: italian.title, titleLang: null });
    expect((await openProductPage(rt(), id, 'it'))?.product).toMatchObject({
      title: italian.title,
      description: italian.description,
      textLang: null,
    });
    // Italian words find it in the Italian shop.
    const typeWord = italian.title
      .replace(italian.brand, '')
      .replace(italian.model, '')
      .match(/\p{L}{5,}/u)![0];
    expect((await search(typeWord)).items.map((item) => item.id)).toContain(id);

    // Once: the job again, or the next scrape, asks DeepL for nothing.
    const characters = await deeplCharacters();
    expect(
      await translateProductText({ db: rt().db, translator: translatorFromConfig(rt().config)! }, { productId: id, market: 'it' }),
    ).toBe('has_text');
    await until(async () => {
      const product = await findProduct(rt(), id);
      return product && Object.keys(product.sellPrices).every((market) => product.texts?.[market as MarketCode]);
    }, 'the other markets’ texts to be stored');
    expect((await writeListings(deps, [{ ...scraped(de), priceCents: de.basePriceCents + 200 }])).translationsAsked).toBe(0);
    expect(await deeplCharacters()).toBe(characters);

    // Italy's own page, once scraped, replaces the translation.
    await writeListings(deps, [scraped(italian)]);
    expect((await findProduct(rt(), id))?.texts?.it).toMatchObject({ title: italian.title, origin: 'page' });
  }, 60_000);
});
