// The refresher against the marketplace simulator over HTTP, with real MongoDB and Redis:
// a changed price lands everywhere it must, a failing marketplace leaves the last price and
// a stale status, concurrent openings make one job, and the page read path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'bullmq';
import { startSimulator, type RunningSimulator } from '../../../infra/marketplace-simulator/simulator';
import { until, useTestRuntime } from '../../../infra/local/testing';
import { readCachedProduct, PRODUCTS } from '../catalog';
import { QUEUE_PREFIX, QUEUES } from '../platform/queues';
import { createQueueRedis } from '../platform/redis';
import type { Config } from '../platform/config';
import type { MarketCode } from '../../common/markets';
import { offerCallCount, patchSimProduct, simListing, simProductInfo } from '../../../infra/marketplace-simulator/sim-products';
import { stopSelling } from '../catalog-admin';
import { scrapeDeps, scrapeProducts } from '../scraping';
import { closePriceEventHub, listenForPriceEvents, priceEventHub } from './live-price.store';
import type { PriceEvent } from './live-price.schema';
import { MarketGate } from './market-gate';
import { refreshQueue } from './refresh.queue';
import { refreshProduct, sweepPopular, type RefreshDeps } from './refresh.service';
import { openProductPage } from '../product-page';
import { REFRESH_HANDLERS } from './refresh.jobs';
import { pricePoints, refreshInFlight } from './refresh.store';
import { insertPricePoints } from './price-history.store';
import { applyQuotes, marketPrice } from './live-price';
import { DEFAULT_MARGIN_RULES } from './margin';
import { priceHistoryCollection } from './price-history.collection';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const rt = useTestRuntime('refresh');
let sim: RunningSimulator;
let nextIndex = 0;

beforeAll(async () => {
  sim = await startSimulator({ latency: false, productsPerMarket: 500, seed: 7 });
});
afterAll(async () => {
  closePriceEventHub(rt());
  await refreshQueue(rt())
    .obliterate({ force: true })
    .catch(() => undefined);
  await refreshQueue(rt()).close();
  await sim?.stop();
});

function config(overrides: Partial<Config> = {}): Config {
  return {
    ...rt().config,
    MARKETPLACE_URL_IT: sim.urls.it,
    MARKETPLACE_URL_FR: sim.urls.fr,
    MARKETPLACE_URL_DE: sim.urls.de,
    MARKETPLACE_URL_ES: sim.urls.es,
    REFRESH_BUDGET_MS: 400,
    ...overrides,
  };
}

function gates(failureThreshold = 3): Record<MarketCode, MarketGate> {
  const make = () =>
    new MarketGate({ concurrency: 8, rate: { ratePerS: 1000, burst: 1000 }, breaker: { failureThreshold, openMs: 60_000 } });
  return { it: make(), fr: make(), de: make(), es: make() };
}

function deps(overrides: Partial<RefreshDeps> = {}): RefreshDeps {
  const { redis } = rt();
  return {
    config: config(),
    db: rt().db,
    redis,
    gates: gates(),
    ...overrides,
  };
}

const agent = { id: 'agent_refresh', email: 'refresh@example.com', role: 'agent' as const };

/** A simulator product scraped at `scrapedAt` (two minutes ago by default: its price is stale). */
async function staleProduct(market: MarketCode = 'it', scrapedAt = new Date(Date.now() - 120_000)) {
  const info = await simProductInfo(sim.controlUrl, market, nextIndex++);
  const [product] = await scrapeProducts(scrapeDeps(rt()), [simListing(info)], scrapedAt);
  if (!product) throw new Error(`simulator product ${info.sourceId} was not scraped`);
  return { info, product };
}

async function stopSellingIt(productId: string) {
  expect(await stopSelling(rt(), { productId, reason: 'recall' }, agent)).toMatchObject({ ok: true });
}

async function collectEvents(productId: string) {
  const stop = new AbortController();
  const seen: PriceEvent[] = [];
  const events = await listenForPriceEvents(priceEventHub(rt()), productId, stop.signal);
  const done = (async () => {
    for await (const e of events) seen.push(e);
  })();
  return {
    seen,
    async first(timeoutMs = 5000): Promise<PriceEvent> {
      const deadline = Date.now() + timeoutMs;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      if (seen.length === 0) throw new Error('no price event');
      return seen[0] as PriceEvent;
    },
    async stop() {
      stop.abort();
      await done;
    },
  };
}

describe('refreshProduct against the simulator', () => {
  it('takes the new price, recomputes every market, appends history, writes the cache and publishes', async () => {
    const { info, product } = await staleProduct();
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { priceCents: info.priceCents + 1000 });
    const events = await collectEvents(product._id);

    const outcome = await refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    expect(outcome).toMatchObject({ kind: 'fresh', changes: 1 });

    const stored = await productCollection(rt()).findOne({ _id: product._id });
    expect(stored?.offers.it?.price.amountCents).toBe(info.priceCents + 1000);
    expect(stored?.offers.it?.lastRefreshedAt).toBeInstanceOf(Date);
    expect(stored?.title).toBe(product.title);
    for (const m of ['it', 'fr', 'de', 'es'] as const)
      expect(stored?.sellPrices[m]?.price.amountCents).toBeGreaterThan(product.sellPrices[m]!.price.amountCents);
    // The scrape's price, then the refresh's.
    expect(await priceHistoryCollection(rt()).find({ productId: product._id }).sort({ at: 1 }).toArray()).toEqual([
      expect.objectContaining({ market: 'it', price: { amountCents: info.priceCents, currency: 'EUR' } }),
      expect.objectContaining({ market: 'it', price: { amountCents: info.priceCents + 1000, currency: 'EUR' } }),
    ]);
    expect(await readCachedProduct(rt().redis, product._id)).toEqual(stored);

    const event = await events.first();
    expect(event).toMatchObject({ kind: 'fresh', failure: null, productId: product._id });
    expect(event.markets.it?.price.amountCents).toBe(stored?.sellPrices.it?.price.amountCents);
    await events.stop();
  });

  it('asks the offer that now undercuts a source gone up, so no price shown comes from an old check', async () => {
    // Both in stock whatever the simulator's stock profile: an offer out of stock is never a source.
    const it_ = await simProductInfo(sim.controlUrl, 'it', nextIndex++);
    const de = await simProductInfo(sim.controlUrl, 'de', nextIndex++);
    await patchSimProduct(sim.controlUrl, 'it', it_.sourceId, { priceCents: 2000, stockQuantity: 50 });
    await patchSimProduct(sim.controlUrl, 'de', de.sourceId, { priceCents: 2600, stockQuantity: 50 });
    // One product sold by both shops (same GTIN), scraped two minutes ago: Italy's offer is the source everywhere.
    const scrapedAt = new Date(Date.now() - 120_000);
    const [product] = await scrapeProducts(
      scrapeDeps(rt()),
      [
        simListing({ ...it_, priceCents: 2000, availability: 'in_stock' }),
        simListing({ ...de, gtin: it_.gtin, priceCents: 2600, availability: 'in_stock' }),
      ],
      scrapedAt,
    );
    expect(Object.values(product!.sellPrices).map((p) => p.sourceMarket)).toEqual(['it', 'it', 'it', 'it']);
    const deCalls = await offerCallCount(sim.controlUrl, 'de', de.sourceId);
    await patchSimProduct(sim.controlUrl, 'it', it_.sourceId, { priceCents: 6000 });

    expect(await refreshProduct(deps(), { productId: product!._id, maxAgeMs: 60_000, cause: 'opening' })).toMatchObject({ kind: 'fresh' });
    expect(await offerCallCount(sim.controlUrl, 'de', de.sourceId)).toBe(deCalls + 1);
    const stored = (await productCollection(rt()).findOne({ _id: product!._id }))!;
    expect(stored.offers.de?.lastRefreshedAt?.getTime()).toBeGreaterThan(scrapedAt.getTime());
    for (const m of ['it', 'fr', 'de', 'es'] as const) {
      expect(stored.sellPrices[m]?.sourceMarket, m).toBe('de');
      expect(Date.parse(marketPrice(stored, m)!.checkedAt), m).toBeGreaterThan(scrapedAt.getTime());
    }
  });

  it('skips the marketplace when the price was refreshed after the job was enqueued, and writes no history twice', async () => {
    const { info, product } = await staleProduct();
    await refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    const calls = await offerCallCount(sim.controlUrl, 'it', info.sourceId);
    const points = await priceHistoryCollection(rt()).countDocuments({ productId: product._id });
    expect(await refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' })).toMatchObject({ kind: 'skipped' });
    expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(calls);
    expect(await priceHistoryCollection(rt()).countDocuments({ productId: product._id })).toBe(points);
  });

  it("a stopped product's price is refreshed only when an agent asks", async () => {
    const { info, product } = await staleProduct();
    await stopSellingIt(product._id);
    const calls = await offerCallCount(sim.controlUrl, 'it', info.sourceId);
    for (const cause of ['opening', 'sweep'] as const) {
      expect(await refreshProduct(deps(), { productId: product._id, maxAgeMs: 45_000, cause })).toMatchObject({ kind: 'skipped' });
    }
    expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(calls);
    expect(await refreshProduct(deps(), { productId: product._id, maxAgeMs: 0, cause: 'agent' })).toMatchObject({ kind: 'fresh' });
    expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(calls + 1);
  });

  it("a sweep's job steps aside for an opening's refresh in flight: one marketplace call", async () => {
    const { info, product } = await staleProduct();
    const before = await offerCallCount(sim.controlUrl, 'it', info.sourceId);
    const opening = refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    await until(() => refreshInFlight(rt().redis, product._id), 'the opening to claim the product');
    const sweep = await refreshProduct(deps(), { productId: product._id, maxAgeMs: 45_000, cause: 'sweep' });
    expect([(await opening).kind, sweep.kind]).toEqual(['fresh', 'skipped']);
    expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(before + 1);
  });

  it("an opening never waits on a sweep's job in flight, which may wait seconds for a batch", async () => {
    const { info, product } = await staleProduct();
    // The marketplace is slow for this product: the sweep's call is still out when the shopper opens the page.
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { faults: { routes: ['offer'], latency: { medianMs: 250, p99Ms: 250 } } });
    const sweep = refreshProduct(deps(), { productId: product._id, maxAgeMs: 45_000, cause: 'sweep' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const opening = await refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    expect(opening.kind).toBe('fresh');
    expect((await sweep).kind).toBe('fresh');
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { faults: { routes: ['offer'], latency: null } });
  });

  it('keeps the last price and publishes a stale status with the reason when the marketplace fails', async () => {
    const { info, product } = await staleProduct();
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, {
      priceCents: info.priceCents + 500,
      faults: { routes: ['offer'], error: { status: 503 } },
    });
    const events = await collectEvents(product._id);

    const outcome = await refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    expect(outcome).toMatchObject({ kind: 'stale', failure: { kind: 'http-error' } });
    const stored = await productCollection(rt()).findOne({ _id: product._id });
    expect(stored?.offers.it?.price.amountCents).toBe(info.priceCents);
    expect(stored?.offers.it?.lastRefreshedAt).toBeNull();
    const event = await events.first();
    expect(event).toMatchObject({ kind: 'stale', failure: { kind: 'http-error', detail: expect.stringContaining('503') } });
    expect(event.markets.it?.price).toEqual(product.sellPrices.it?.price);

    const page = await openProductPage({ ...rt(), config: config() }, product._id, 'fr');
    expect(page).toMatchObject({ state: 'stale', failure: { kind: 'http-error' } });
    await events.stop();
  });

  it('gives up on a hanging marketplace within the time budget', async () => {
    const { info, product } = await staleProduct();
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { faults: { routes: ['offer'], hang: { share: 1 } } });
    // The marketplace never answers: that the refresh returns at all is the budget giving up,
    // and the failure says so. How soon after the budget it returns is the benchmark's measure.
    const outcome = await refreshProduct(deps({ config: config({ REFRESH_BUDGET_MS: 300 }) }), {
      productId: product._id,
      maxAgeMs: 60_000,
      cause: 'opening',
    });
    expect(outcome).toMatchObject({ kind: 'stale', failure: { kind: 'timeout' } });
  });

  it('opens the market’s breaker after repeated failures and stops calling', async () => {
    const shared = deps({ gates: gates(2) });
    const { info, product } = await staleProduct();
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { faults: { routes: ['offer'], error: { status: 500 } } });
    for (let i = 0; i < 2; i++) await refreshProduct(shared, { productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    const calls = await offerCallCount(sim.controlUrl, 'it', info.sourceId);
    expect(await refreshProduct(shared, { productId: product._id, maxAgeMs: 60_000, cause: 'opening' })).toMatchObject({
      kind: 'stale',
      failure: { kind: 'circuit-open' },
    });
    expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(calls);
  });
});

describe('opening a product page', () => {
  it('reads a product missing from the cache from MongoDB, caches it, and enqueues one refresh for twenty openings', async () => {
    const { info, product } = await staleProduct();
    // Its cached copy has expired since the scrape.
    await rt().redis.del(`ds:product:${product._id}`);
    const runtime = { ...rt(), config: config() };
    const pages = await Promise.all(Array.from({ length: 20 }, () => openProductPage(runtime, product._id, 'de')));
    expect(pages.every((p) => p?.state === 'refreshing' && p.refreshEnqueued)).toBe(true);
    expect(pages[0]?.price?.price).toEqual(product.sellPrices.de?.price);
    expect(await readCachedProduct(rt().redis, product._id)).toEqual(product);
    const queue = refreshQueue(rt());
    expect((await queue.getJob(product._id))?.data).toEqual({ productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    const waiting = await queue.getJobs(['prioritized', 'wait']);
    expect(waiting.filter((job) => job.data.productId === product._id)).toHaveLength(1);

    // A refresher takes it: one marketplace call, the job removed, the price fresh.
    const connection = createQueueRedis({ url: rt().config.REDIS_URL, timeoutMs: 3000 });
    const worker = new Worker(QUEUES.refresh, (job) => REFRESH_HANDLERS[job.name]!(job, runtime), {
      connection,
      prefix: QUEUE_PREFIX,
      concurrency: 4,
    });
    try {
      const deadline = Date.now() + 10_000;
      while ((await queue.getJob(product._id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await queue.getJob(product._id)).toBeUndefined();
      expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(1);
      const again = await openProductPage(runtime, product._id, 'de');
      expect(again).toMatchObject({ state: 'fresh', refreshEnqueued: false });
    } finally {
      await worker.close();
      await connection.quit();
    }
  });

  it('a product missing from the cache gets its refresh enqueued while MongoDB is read; a fresh one’s job skips the marketplace', async () => {
    const { info, product } = await staleProduct('it', new Date());
    await rt().redis.del(`ds:product:${product._id}`);
    const page = await openProductPage({ ...rt(), config: config() }, product._id, 'it');
    // The page does not wait for that job: its price is fresh.
    expect(page).toMatchObject({ state: 'fresh', refreshEnqueued: false });
    const job = await refreshQueue(rt()).getJob(product._id);
    expect(job?.data).toEqual({ productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    const calls = await offerCallCount(sim.controlUrl, 'it', info.sourceId);
    expect(await refreshProduct(deps(), job!.data)).toMatchObject({ kind: 'skipped' });
    expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(calls);
    await job!.remove();
  });

  it('answers null for an unknown product, and caches nothing', async () => {
    expect(await openProductPage({ ...rt(), config: config() }, 'nosuchproduct', 'it')).toBeNull();
    expect(await rt().redis.exists('ds:product:nosuchproduct')).toBe(0);
  });
});

describe('the sweep', () => {
  it('enqueues a low-priority refresh for a popular product in the last quarter of its window, and none for a fresh or a stopped one', async () => {
    const runtime = { ...rt(), config: config() };
    const fiftySecondsAgo = new Date(Date.now() - 50_000);
    const { product: aging } = await staleProduct('it', fiftySecondsAgo);
    const { product: fresh } = await staleProduct('it', new Date());
    const { product: stopped } = await staleProduct('it', fiftySecondsAgo);
    await stopSellingIt(stopped._id);
    await rt().redis.del(`ds:product:${aging._id}`, `ds:product:${fresh._id}`, `ds:product:${stopped._id}`);
    // Openings count the products as popular (and put them in the cache).
    expect(await openProductPage(runtime, aging._id, 'it')).toMatchObject({ state: 'fresh' });
    expect(await openProductPage(runtime, fresh._id, 'it')).toMatchObject({ state: 'fresh' });
    expect(await openProductPage(runtime, stopped._id, 'it')).toMatchObject({ price: null, salesStopped: true });

    const queue = refreshQueue(rt());
    await sweepPopular({ config: config(), redis: rt().redis, queue });
    const sweepJob = await queue.getJob(`sweep-${aging._id}`);
    expect(sweepJob?.data).toEqual({ productId: aging._id, maxAgeMs: 45_000, cause: 'sweep' });
    expect(sweepJob?.opts.priority).toBe(100);
    expect(await queue.getJob(`sweep-${fresh._id}`)).toBeUndefined();
    expect(await queue.getJob(`sweep-${stopped._id}`)).toBeUndefined();
  });
});

describe('price history', () => {
  it('writes a change once, however often a retried job writes it', async () => {
    const { product } = await staleProduct();
    const applied = applyQuotes(
      product,
      { it: { priceCents: 4242, shippingCents: 0, availability: 'in_stock', source: 'offer-api' } },
      DEFAULT_MARGIN_RULES,
      new Date(),
    );
    const history = priceHistoryCollection(rt());
    const scraped = await history.countDocuments({ productId: product._id });
    expect(await insertPricePoints(rt(), pricePoints(product._id, applied.changes))).toBe(1);
    expect(await insertPricePoints(rt(), pricePoints(product._id, applied.changes))).toBe(0);
    expect(await history.countDocuments({ productId: product._id })).toBe(scraped + 1);
  });

  it('a refresh retried after dying between its history and product writes writes the same point: same id, same shard key', async () => {
    const { info, product } = await staleProduct();
    const offer = product.offers.it!;
    const newPriceCents = info.priceCents + 500;
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { priceCents: newPriceCents });
    const history = priceHistoryCollection(rt());
    // The first attempt saw the new price half a minute ago, wrote its point and died before the product update.
    const quote = {
      priceCents: newPriceCents,
      shippingCents: offer.shipping?.amountCents ?? null,
      availability: offer.availability,
      source: 'offer-api' as const,
    };
    const [written] = pricePoints(
      product._id,
      applyQuotes(product, { it: quote }, DEFAULT_MARGIN_RULES, new Date(Date.now() - 30_000)).changes,
    );
    expect(await insertPricePoints(rt(), [written!])).toBe(1);

    // The retry calls the marketplace again, now, and finds the same change against the same stored offer.
    expect(await refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' })).toMatchObject({
      kind: 'fresh',
      changes: 0,
    });
    expect((await productCollection(rt()).findOne({ _id: product._id }))?.offers.it?.price.amountCents).toBe(newPriceCents);
    expect(await history.find({ productId: product._id, 'price.amountCents': newPriceCents }).toArray()).toEqual([written]);
    // Its time is the change's, not either attempt's: just after the check at the old price. So
    // whenever a refresh sees this change it writes this document, whose shard key routes it to
    // the shard that already holds it (the embedded server, one shard, cannot show the routing).
    expect(written!.at.getTime()).toBe(offer.lastScrapedAt.getTime() + 1);
    expect(pricePoints(product._id, applyQuotes(product, { it: quote }, DEFAULT_MARGIN_RULES, new Date()).changes)).toEqual([written]);
  });
});

describe('a refresher that died between its MongoDB and Redis writes', () => {
  it('leaves a stale cached copy that the next opening’s job repairs without calling the marketplace', async () => {
    const { info, product } = await staleProduct();
    await refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' });
    const stored = await productCollection(rt()).findOne({ _id: product._id });
    // Simulate the crash: the cache still holds the document from before the refresh.
    await rt().redis.set(`ds:product:${product._id}`, JSON.stringify(product));
    const runtime = { ...rt(), config: config() };
    expect(await openProductPage(runtime, product._id, 'it')).toMatchObject({ state: 'refreshing', refreshEnqueued: true });
    const calls = await offerCallCount(sim.controlUrl, 'it', info.sourceId);
    expect(await refreshProduct(deps(), { productId: product._id, maxAgeMs: 60_000, cause: 'opening' })).toMatchObject({ kind: 'skipped' });
    expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(calls);
    expect(await readCachedProduct(rt().redis, product._id)).toEqual(stored);
  });
});
