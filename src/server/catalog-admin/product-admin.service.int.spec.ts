// The back office's product work against real MongoDB and Redis, and the simulator over HTTP
// for "refresh now": search by GTIN, ASIN and URL, an override with its expiry reaching the
// shopper's page read, a stop hiding the price, the refresher keeping overrides, the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'bullmq';
import { startSimulator, type RunningSimulator } from '../../../infra/marketplace-simulator/simulator';
import { TEST_REDIS_DB, useTestRuntime } from '../../../infra/local/testing';
import { patchSimProduct, simListing, simProductInfo } from '../../../infra/marketplace-simulator/sim-products';
import { listAudit } from '../backoffice';
import { cacheProduct, readCachedProduct, PRODUCTS } from '../catalog';
import type { MarketCode } from '../../common/markets';
import { scrapeDeps, scrapeProducts } from '../scraping';
import { closePriceEventHub, REFRESH_HANDLERS, readRefreshLatency, refreshQueue, refreshProduct, marketGates } from '../pricing';
import { openProductPage } from '../product-page';
import { QUEUE_PREFIX, QUEUES } from '../platform/queues';
import { createQueueRedis } from '../platform/redis';
import type { Runtime } from '../platform/runtime';
import {
  clearOverride,
  overridePrice,
  productAdminDetail,
  refreshNow,
  resumeSelling,
  searchProducts,
  stopSelling,
} from './product-admin.service';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

// A Redis database of its own: its refresher worker must not take other files' refresh jobs.
const base = useTestRuntime('product-admin', { redisDb: TEST_REDIS_DB.productAdmin });
let sim: RunningSimulator;
let rt: () => Runtime;
let nextIndex = 0;
const agent = { id: 'agent_products', email: 'products@example.com', role: 'agent' as const };

beforeAll(async () => {
  sim = await startSimulator({ latency: false, productsPerMarket: 200, seed: 11 });
  const urls = {
    MARKETPLACE_URL_IT: sim.urls.it,
    MARKETPLACE_URL_FR: sim.urls.fr,
    MARKETPLACE_URL_DE: sim.urls.de,
    MARKETPLACE_URL_ES: sim.urls.es,
  };
  let runtime: Runtime | undefined;
  rt = () => (runtime ??= { ...base(), config: { ...base().config, ...urls, REFRESH_BUDGET_MS: 2000 } });
});
afterAll(async () => {
  closePriceEventHub(rt());
  await refreshQueue(rt()).close();
  await sim?.stop();
});

async function stored(market: MarketCode = 'it', checkedAgoMs = 120_000) {
  const info = await simProductInfo(sim.controlUrl, market, nextIndex++);
  const [product] = await scrapeProducts(scrapeDeps(rt()), [simListing(info)], new Date(Date.now() - checkedAgoMs));
  if (!product) throw new Error(`simulator product ${info.sourceId} was not scraped`);
  return { info, product };
}

describe('finding products', () => {
  it('by GTIN (any spelling), ASIN, source URL (as an agent pastes it), id and title words', async () => {
    const { info, product } = await stored('fr');
    const search = (q: string) => searchProducts(rt(), { q, limit: 20 }).then((hits) => hits.map((h) => h.id));
    expect(await search(info.gtin)).toEqual([product._id]);
    expect(await search(`0${info.gtin}`.slice(-14))).toContain(product._id);
    expect(await search(info.sourceId.toLowerCase())).toEqual([product._id]);
    const pasted = new URL(info.url);
    pasted.search = '?ref=agent';
    pasted.hash = 'reviews';
    expect(await search(pasted.toString())).toEqual([product._id]);
    expect(await search(`${info.url}/`)).toEqual([product._id]);
    expect(await search(product._id)).toEqual([product._id]);
    expect(await search(product.title)).toContain(product._id);
    expect(await search('https://elsewhere.example/dp/nothing')).toEqual([]);
  });

  it('by words: products a shopper no longer sees too, newest first, those the words identify first', async () => {
    const older = await stored('de');
    const newer = await stored('es');
    // A word of both titles' own, and a stopped product among them.
    const word = `zq${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')}`;
    for (const [product, minutesAgo] of [
      [older.product, 10],
      [newer.product, 5],
    ] as const)
      await productCollection(rt()).updateOne(
        { _id: product._id },
        { $set: { createdAt: new Date(Date.now() - minutesAgo * 60_000) }, $addToSet: { searchTokens: word } },
      );
    expect((await stopSelling(rt(), { productId: older.product._id, reason: 'recall' }, agent)).ok).toBe(true);
    const hits = await searchProducts(rt(), { q: word.toUpperCase(), limit: 20 });
    expect(hits.map((h) => h.id)).toEqual([newer.product._id, older.product._id]);
  });

  it('uses an index for the URL search', async () => {
    const { info } = await stored('de');
    const explain = await productCollection(rt()).find({ 'offers.de.url': info.url }).explain('queryPlanner');
    expect(JSON.stringify(explain)).toContain('offers_de_url');
  });
});

describe('overrides and sales stops', () => {
  it("override: the shopper's page shows it until it expires, and it is audited with before and after", async () => {
    const { product } = await stored('it', 10_000);
    const now = new Date();
    const result = await overridePrice(
      rt(),
      {
        productId: product._id,
        market: 'fr',
        priceCents: 1234,
        expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
        reason: 'price match',
        acceptBelowFloor: true,
      },
      agent,
      now,
    );
    expect(result).toMatchObject({ ok: true });
    const page = await openProductPage(rt(), product._id, 'fr');
    expect(page?.price?.price.amountCents).toBe(1234);
    // The cache holds the override too: the page above read it from Redis.
    expect((await readCachedProduct(rt().redis, product._id))?.priceOverrides?.fr?.price.amountCents).toBe(1234);
    expect((await openProductPage(rt(), product._id, 'it'))?.price?.price).toEqual(product.sellPrices.it?.price);
    const later = await openProductPage(rt(), product._id, 'fr', new Date(now.getTime() + 3_600_001));
    expect(later?.price?.price).toEqual(product.sellPrices.fr?.price);

    const [entry] = await listAudit(rt(), { entityId: product._id, limit: 5 });
    expect(entry).toMatchObject({
      action: 'product.price_overridden',
      actor: { email: agent.email },
      before: { priceOverride: { fr: null } },
      reason: 'price match',
    });
    expect(entry?.after).toMatchObject({ priceOverride: { fr: { price: { amountCents: 1234 } } } });

    expect(await clearOverride(rt(), { productId: product._id, market: 'fr' }, agent)).toMatchObject({ ok: true });
    expect((await openProductPage(rt(), product._id, 'fr'))?.price?.price).toEqual(product.sellPrices.fr?.price);
  });

  it("a writer's older copy (a refresher that read before the override) does not replace the cached override", async () => {
    const { product } = await stored();
    const result = await overridePrice(
      rt(),
      {
        productId: product._id,
        market: 'it',
        priceCents: 4321,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        reason: 'race',
        acceptBelowFloor: true,
      },
      agent,
    );
    expect(result.ok).toBe(true);
    await cacheProduct(rt().redis, product);
    expect((await readCachedProduct(rt().redis, product._id))?.priceOverrides?.it?.price.amountCents).toBe(4321);
    const newer = { ...product, title: 'Renamed by a later scrape', updatedAt: new Date(Date.now() + 1000) };
    await cacheProduct(rt().redis, newer);
    expect((await readCachedProduct(rt().redis, product._id))?.title).toBe('Renamed by a later scrape');
  });

  it('refuses a price that leaves less than the margin floor, saying so, unless the agent accepts it a second time', async () => {
    const { product } = await stored();
    // Sold at what it costs: after VAT and fees, less than nothing.
    const atCost = product.offers.it!.price.amountCents;
    const ask = (acceptBelowFloor?: boolean) =>
      overridePrice(
        rt(),
        {
          productId: product._id,
          market: 'it',
          priceCents: atCost,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          reason: 'clearance',
          acceptBelowFloor,
        },
        agent,
      );
    expect(await ask()).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: expect.stringMatching(
        /^At €[\d,.]+ the margin in it would be -€[\d,.]+, under the floor of €[\d,.]+ .*tick "Accept a margin under the floor"/,
      ),
    });
    expect((await openProductPage(rt(), product._id, 'it'))?.price?.price).toEqual(product.sellPrices.it?.price);
    expect(await ask(true)).toMatchObject({ ok: true });
    expect((await openProductPage(rt(), product._id, 'it'))?.price?.price.amountCents).toBe(atCost);
    // The computed price itself keeps the floor: overriding at it needs no second word.
    const computed = product.sellPrices.it!.price.amountCents;
    expect(
      await overridePrice(
        rt(),
        {
          productId: product._id,
          market: 'it',
          priceCents: computed,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          reason: 'pin',
        },
        agent,
      ),
    ).toMatchObject({ ok: true });
  });

  it('refuses an expiry in the past or too far ahead, and an unknown product', async () => {
    const { product } = await stored();
    const ask = (expiresAt: Date) =>
      overridePrice(
        rt(),
        { productId: product._id, market: 'it', priceCents: 999, expiresAt: expiresAt.toISOString(), reason: 'test' },
        agent,
      );
    expect(await ask(new Date(Date.now() - 1000))).toMatchObject({
      ok: false,
      kind: 'invalid',
      message: expect.stringContaining('expiresAt'),
    });
    expect(await ask(new Date(Date.now() + 91 * 86_400_000))).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await stopSelling(rt(), { productId: 'no_such_product', reason: 'x' }, agent)).toMatchObject({ ok: false, kind: 'not_found' });
  });

  it('a stop hides the price on every market and asks no refresh; resuming brings it back', async () => {
    const { product } = await stored();
    expect(await stopSelling(rt(), { productId: product._id, reason: 'supplier recall' }, agent)).toMatchObject({
      ok: true,
      product: { stopped: true },
    });
    for (const market of ['it', 'fr', 'de', 'es'] as const) {
      const page = await openProductPage(rt(), product._id, market);
      expect(page).toMatchObject({ price: null, salesStopped: true, refreshEnqueued: false });
    }
    expect(await stopSelling(rt(), { productId: product._id, reason: 'again' }, agent)).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await resumeSelling(rt(), { productId: product._id }, agent)).toMatchObject({ ok: true, product: { stopped: false } });
    expect((await openProductPage(rt(), product._id, 'it'))?.price?.price).toEqual(product.sellPrices.it?.price);
    const actions = (await listAudit(rt(), { entityId: product._id, limit: 5 })).map((e) => e.action);
    expect(actions).toEqual(['product.sales_resumed', 'product.sales_stopped']);
  });

  it('the refresher rewrites the computed prices but keeps the override, in MongoDB and in the cache', async () => {
    const { info, product } = await stored();
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    await overridePrice(
      rt(),
      { productId: product._id, market: 'it', priceCents: 777, expiresAt, reason: 'clearance', acceptBelowFloor: true },
      agent,
    );
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { priceCents: info.priceCents + 300 });
    const outcome = await refreshProduct(
      {
        config: rt().config,
        db: rt().db,
        redis: rt().redis,
        gates: marketGates(rt().config),
      },
      { productId: product._id, maxAgeMs: 0, cause: 'agent' },
    );
    expect(outcome).toMatchObject({ kind: 'fresh', changes: 1 });
    const detail = await productAdminDetail(rt(), product._id);
    const it = detail?.perMarket.find((m) => m.market === 'it');
    expect(it?.offer?.priceCents).toBe(info.priceCents + 300);
    expect(it?.computed?.priceCents).toBeGreaterThan(product.sellPrices.it!.price.amountCents);
    expect(it?.selling).toEqual({ priceCents: 777, overridden: true });
    expect(it?.margin?.grossCents).toBe(777);
    expect(it?.history.at(-1)?.priceCents).toBe(info.priceCents + 300);
    expect((await openProductPage(rt(), product._id, 'it'))?.price?.price.amountCents).toBe(777);
  });
});

describe('refresh now', () => {
  it('goes through the refresher queue and answers with the new price, or the failure reason', async () => {
    const connection = createQueueRedis({ url: rt().config.REDIS_URL, timeoutMs: 3000 });
    const worker = new Worker(QUEUES.refresh, (job) => REFRESH_HANDLERS[job.name]!(job, rt()), {
      connection,
      prefix: QUEUE_PREFIX,
      concurrency: 2,
    });
    try {
      const { info, product } = await stored('es', 5_000);
      await patchSimProduct(sim.controlUrl, 'es', info.sourceId, { priceCents: info.priceCents + 100 });
      const fresh = await refreshNow(rt(), product._id);
      expect(fresh).toMatchObject({ kind: 'fresh', failure: null });
      expect(fresh?.product.perMarket.find((m) => m.market === 'es')?.offer?.priceCents).toBe(info.priceCents + 100);

      await patchSimProduct(sim.controlUrl, 'es', info.sourceId, { faults: { routes: ['offer'], error: { status: 503 } } });
      const failed = await refreshNow(rt(), product._id);
      expect(failed).toMatchObject({ kind: 'stale', failure: { kind: 'http-error' } });
      expect(failed?.product.perMarket.find((m) => m.market === 'es')?.offer?.priceCents).toBe(info.priceCents + 100);
      expect(await refreshNow(rt(), 'no_such_product')).toBeNull();

      // Both calls were timed into the last hour's latency histogram.
      const latency = await readRefreshLatency(rt().redis);
      expect(latency?.count).toBeGreaterThanOrEqual(2);
      expect(latency!.p50).toBeLessThanOrEqual(latency!.p99);
    } finally {
      await worker.close();
      await connection.quit();
    }
  });
});
