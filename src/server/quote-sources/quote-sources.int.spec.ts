// Live prices from each kind of source, against the marketplace simulator over HTTP (its shops,
// and its stand-ins for Amazon's SP-API and eBay's Browse API, driven by their real client
// libraries) and real MongoDB and Redis: a shop configured with the `page` source is refreshed
// from its page (never its offer API), a captcha is `blocked` and keeps the last price, a page
// that no longer exists is `not-found`; Germany asked through SP-API and Spain through eBay are
// refreshed from there, within the selling account's rate limit; a source without its
// credentials stops the start; the table refuses an override that names no site or no source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../catalog';
import { eur } from '../../common/money';
import { offerCallCount, patchSimProduct, simListing, simProductInfo } from '../../../infra/marketplace-simulator/sim-products';
import { startSimulator, type RunningSimulator } from '../../../infra/marketplace-simulator/simulator';
import { useTestRuntime } from '../../../infra/local/testing';
import type { MarketCode } from '../../common/markets';
import { findProduct } from '../catalog';
import { parseConfig, type Config } from '../platform/config';
import { outboundPolicy } from '../platform/outbound';
import { marketGates, readSourceCalls, refreshProduct } from '../pricing';
import { scrapeDeps, scrapeProducts, siteTable } from '../scraping';
import { fetchPageQuote } from './page-quote';
import { quoteSources } from './quote-sources';

const rt = useTestRuntime('quote-sources');
let sim: RunningSimulator;
let nextIndex = 0;

let settings: Config;

beforeAll(async () => {
  // Amazon's real rate limit stays on: the account's limiter must keep the refresher under it.
  sim = await startSimulator({ latency: false, productsPerMarket: 300, seed: 5, partnerRateLimits: true });
});
afterAll(async () => {
  await sim?.stop();
});

/** Credentials of the shapes Amazon issues; the stand-in takes any, and holds a client to its first secret. */
const SP_API_CREDENTIALS = {
  SP_API_CLIENT_ID: 'amzn1.application-oa2-client.quotesources',
  SP_API_CLIENT_SECRET: 'amzn1.oa2-cs.v1.right',
  SP_API_REFRESH_TOKEN: 'Atzr|quote-sources-test',
};

/**
 * The test runtime's settings with the simulator's shops: Italy asked through its product pages,
 * Germany through the SP-API stand-in, Spain through the Browse API stand-in. One object for the
 * whole file, as a process has one: the fetchers (tokens, the account's rate limiter) hang off it.
 */
function config(): Config {
  settings ??= {
    ...rt().config,
    MARKETPLACE_URL_IT: sim.urls.it,
    MARKETPLACE_URL_FR: sim.urls.fr,
    MARKETPLACE_URL_DE: sim.urls.de,
    MARKETPLACE_URL_ES: sim.urls.es,
    QUOTE_SOURCE_OVERRIDES: { 'marketplace-it': 'page', 'marketplace-de': 'sp-api', 'marketplace-es': 'ebay-browse' },
    SP_API_URL: sim.partnerApiUrl,
    SP_API_LWA_TOKEN_URL: `${sim.partnerApiUrl}/auth/o2/token`,
    ...SP_API_CREDENTIALS,
    EBAY_API_URL: sim.partnerApiUrl,
    EBAY_CLIENT_ID: 'DigitalS-quotes-PRD-0a1b2c3d4-5e6f7a8b',
    EBAY_CLIENT_SECRET: 'PRD-0a1b2c3d4e5f-6a7b-8c9d-0e1f-2a3b',
    REFRESH_BUDGET_MS: 2_000,
  };
  return settings;
}

/** Waits out the account's limit (0.5 calls a second, burst 1) so that the next SP-API call may go at once. */
const restForSpApi = () => new Promise((resolve) => setTimeout(resolve, 2_100));

async function staleProduct(market: MarketCode) {
  const info = await simProductInfo(sim.controlUrl, market, nextIndex++);
  const [product] = await scrapeProducts(scrapeDeps(rt()), [simListing(info)], new Date(Date.now() - 120_000));
  return { info, product: product! };
}

const refresh = (productId: string, with_: Config = config()) =>
  refreshProduct(
    { config: with_, db: rt().db, redis: rt().redis, gates: marketGates(with_), fetchQuote: quoteSources(with_) },
    { productId, maxAgeMs: 60_000, cause: 'opening' },
  );

async function simSummary(): Promise<{
  partnerApis: { lwaTokens: number; spApiThrottled: number; spApiBatches: number; ebayTokens: number };
}> {
  return (await (await fetch(sim.controlUrl)).json()) as never;
}

describe('the page source', () => {
  it('refreshes a price from the product page, never calling the offer API', async () => {
    const { info, product } = await staleProduct('it');
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { priceCents: info.priceCents + 700 });
    const before = await offerCallCount(sim.controlUrl, 'it', info.sourceId);
    expect(await refresh(product._id)).toMatchObject({ kind: 'fresh' });
    expect((await findProduct(rt(), product._id))?.offers.it).toMatchObject({
      price: { amountCents: info.priceCents + 700 },
      refreshedFrom: 'page',
    });
    expect(await offerCallCount(sim.controlUrl, 'it', info.sourceId)).toBe(before);
  });

  it('keeps asking the offer API for a shop left on it', async () => {
    const { info, product } = await staleProduct('fr');
    const before = await offerCallCount(sim.controlUrl, 'fr', info.sourceId);
    expect(await refresh(product._id)).toMatchObject({ kind: 'fresh' });
    expect(await offerCallCount(sim.controlUrl, 'fr', info.sourceId)).toBe(before + 1);
    expect((await findProduct(rt(), product._id))?.offers.fr?.refreshedFrom).toBe('offer-api');
  });

  it('reads a sold-out page without a price as out of stock at the last price, not as a failure', async () => {
    const { info, product } = await staleProduct('it');
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, { stockQuantity: 0 });
    expect(await refresh(product._id)).toMatchObject({ kind: 'fresh' });
    expect((await findProduct(rt(), product._id))?.offers.it).toMatchObject({
      price: { amountCents: info.priceCents },
      availability: 'out_of_stock',
      refreshedFrom: 'page',
    });
  });

  it('calls a captcha `blocked` and keeps the last price', async () => {
    const { info, product } = await staleProduct('it');
    await patchSimProduct(sim.controlUrl, 'it', info.sourceId, {
      priceCents: info.priceCents + 300,
      faults: { routes: ['product'], content: { kind: 'captcha' } },
    });
    expect(await refresh(product._id)).toMatchObject({ kind: 'stale', failure: { kind: 'blocked' } });
    expect((await findProduct(rt(), product._id))?.offers.it?.price.amountCents).toBe(info.priceCents);
  });

  it('calls a page that is gone `not-found`, and one off the shop `not-configured`', async () => {
    const site = siteTable(config()).find((s) => s.name === 'marketplace-it')!;
    const options = { outbound: outboundPolicy(config()), proxyUrls: [] };
    await expect(
      fetchPageQuote(
        site,
        { url: `${sim.urls.it}/dp/B0ZZZZZZZZ`, price: eur(1000), shipping: null },
        'it',
        AbortSignal.timeout(2_000),
        options,
      ),
    ).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(
      fetchPageQuote(
        site,
        { url: `${sim.urls.fr}/dp/B0ZZZZZZZZ`, price: eur(1000), shipping: null },
        'it',
        AbortSignal.timeout(2_000),
        options,
      ),
    ).rejects.toMatchObject({
      kind: 'not-configured',
    });
  });
});

describe('the sp-api source', () => {
  it('refreshes a price from getItemOffers, never calling the offer API, with one token for many calls', async () => {
    const { info, product } = await staleProduct('de');
    // In stock whatever the simulator's drift made of it: the answer must hold a buyable offer.
    await patchSimProduct(sim.controlUrl, 'de', info.sourceId, { priceCents: info.priceCents + 250, stockQuantity: 5 });
    const before = await offerCallCount(sim.controlUrl, 'de', info.sourceId);
    const tokensBefore = (await simSummary()).partnerApis.lwaTokens;
    expect(await refresh(product._id)).toMatchObject({ kind: 'fresh' });
    expect((await findProduct(rt(), product._id))?.offers.de).toMatchObject({
      price: { amountCents: info.priceCents + 250 },
      availability: 'in_stock',
      refreshedFrom: 'sp-api',
    });
    expect(await offerCallCount(sim.controlUrl, 'de', info.sourceId)).toBe(before);

    await restForSpApi();
    const sold = await staleProduct('de');
    await patchSimProduct(sim.controlUrl, 'de', sold.info.sourceId, { stockQuantity: 0 });
    expect(await refresh(sold.product._id)).toMatchObject({ kind: 'fresh' });
    // Nothing buyable: out of stock, at the last price Amazon showed.
    expect((await findProduct(rt(), sold.product._id))?.offers.de).toMatchObject({
      price: { amountCents: sold.info.priceCents },
      availability: 'out_of_stock',
      refreshedFrom: 'sp-api',
    });
    expect((await simSummary()).partnerApis.lwaTokens - tokensBefore).toBeLessThanOrEqual(1);
  });

  it("holds the account to Amazon's rate: a second call at once is rate-limited without waiting out its budget", async () => {
    await restForSpApi();
    const throttledBefore = (await simSummary()).partnerApis.spApiThrottled;
    const first = await staleProduct('de');
    const second = await staleProduct('de');
    const tight = { ...config(), REFRESH_BUDGET_MS: 500 };
    expect(await refresh(first.product._id, tight)).toMatchObject({ kind: 'fresh' });
    expect(await refresh(second.product._id, tight)).toMatchObject({ kind: 'stale', failure: { kind: 'rate-limited' } });
    // Our limiter refused it: Amazon never had to.
    expect((await simSummary()).partnerApis.spApiThrottled).toBe(throttledBefore);
  });

  it("calls Amazon's own 429 rate-limited, when the account's rate is set above what Amazon grants", async () => {
    await restForSpApi();
    const eager = { ...config(), SP_API_RATE_PER_S: 20 };
    const first = await staleProduct('de');
    const second = await staleProduct('de');
    expect(await refresh(first.product._id, eager)).toMatchObject({ kind: 'fresh' });
    expect(await refresh(second.product._id, eager)).toMatchObject({
      kind: 'stale',
      failure: { kind: 'rate-limited', detail: expect.stringMatching(/429: QuotaExceeded/) },
    });
  });

  it("gathers the sweep's refreshes into one getItemOffersBatch, leaving getItemOffers to shoppers", async () => {
    await restForSpApi();
    const before = (await simSummary()).partnerApis;
    const popular = await Promise.all([staleProduct('de'), staleProduct('de'), staleProduct('de')]);
    await Promise.all(
      popular.map(({ info }, i) =>
        patchSimProduct(sim.controlUrl, 'de', info.sourceId, { priceCents: info.priceCents + 10 * (i + 1), stockQuantity: 5 }),
      ),
    );
    const sweep = (productId: string) =>
      refreshProduct(
        { config: config(), db: rt().db, redis: rt().redis, gates: marketGates(config()), fetchQuote: quoteSources(config()) },
        { productId, maxAgeMs: 60_000, cause: 'sweep' },
      );
    const outcomes = await Promise.all(popular.map(({ product }) => sweep(product._id)));
    expect(outcomes.map((o) => o.kind)).toEqual(['fresh', 'fresh', 'fresh']);
    for (const [i, { info, product }] of popular.entries()) {
      expect((await findProduct(rt(), product._id))?.offers.de).toMatchObject({
        price: { amountCents: info.priceCents + 10 * (i + 1) },
        refreshedFrom: 'sp-api',
      });
    }
    const after = (await simSummary()).partnerApis;
    expect(after.spApiBatches - before.spApiBatches).toBe(1);
    // The single-call quota was left alone: a shopper's refresh goes at once.
    const opened = await staleProduct('de');
    expect(await refresh(opened.product._id, { ...config(), REFRESH_BUDGET_MS: 500 })).toMatchObject({ kind: 'fresh' });
    expect(after.spApiThrottled).toBe(before.spApiThrottled);
  });

  it('calls credentials Login with Amazon refuses not-configured', async () => {
    await restForSpApi();
    const wrong = { ...config(), SP_API_CLIENT_SECRET: 'amzn1.oa2-cs.v1.wrong' };
    const { product } = await staleProduct('de');
    expect(await refresh(product._id, wrong)).toMatchObject({
      kind: 'stale',
      failure: { kind: 'not-configured', detail: expect.stringMatching(/Login with Amazon refused/) },
    });
    expect(JSON.stringify(await findProduct(rt(), product._id))).not.toMatch(/oa2-cs/);
  });
});

describe('the ebay-browse source', () => {
  it('refreshes a price from getItem, the client fetching its own application token', async () => {
    const { info, product } = await staleProduct('es');
    await patchSimProduct(sim.controlUrl, 'es', info.sourceId, { priceCents: info.priceCents + 90 });
    const tokensBefore = (await simSummary()).partnerApis.ebayTokens;
    expect(await refresh(product._id)).toMatchObject({ kind: 'fresh' });
    expect((await findProduct(rt(), product._id))?.offers.es).toMatchObject({
      price: { amountCents: info.priceCents + 90 },
      refreshedFrom: 'ebay-browse',
    });
    const again = await staleProduct('es');
    expect(await refresh(again.product._id)).toMatchObject({ kind: 'fresh' });
    expect((await simSummary()).partnerApis.ebayTokens - tokensBefore).toBeLessThanOrEqual(1);
  });

  it('calls an item eBay does not know not-found', async () => {
    const { product } = await staleProduct('es');
    const gone: Offer = { ...product.offers.es!, sourceId: '999999999999' };
    await expect(quoteSources(config()).quote(gone, 'es', AbortSignal.timeout(2_000), 'opening')).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});

describe('credentials', () => {
  it('stop the start when a site uses a source whose credentials are missing, naming each setting', () => {
    const { SP_API_REFRESH_TOKEN: _, ...withoutToken } = config();
    expect(() => quoteSources({ ...withoutToken, EBAY_CLIENT_SECRET: undefined } as Config)).toThrow(
      /SP_API_REFRESH_TOKEN not set: marketplace-de take their live price from sp-api[\s\S]*EBAY_CLIENT_SECRET not set: marketplace-es/,
    );
    // Without a site on those sources, none is needed.
    expect(() =>
      quoteSources({ ...rt().config, SP_API_CLIENT_ID: undefined, SP_API_CLIENT_SECRET: undefined, SP_API_REFRESH_TOKEN: undefined }),
    ).not.toThrow();
  });
});

describe('the operations page', () => {
  it('counts the last hour’s calls per source, with why the failed ones failed', async () => {
    const counts = await readSourceCalls(rt().redis);
    const page = counts.find((c) => c.source === 'page');
    expect(page?.ok).toBeGreaterThanOrEqual(1);
    expect(page?.failures).toContainEqual({ kind: 'blocked', count: 1 });
    expect(counts.find((c) => c.source === 'offer-api')?.ok).toBeGreaterThanOrEqual(1);
    // SP-API's account limiter held calls back (the rate tests), and said so.
    const spApi = counts.find((c) => c.source === 'sp-api');
    expect(spApi?.failures).toContainEqual({ kind: 'rate-limited', count: expect.any(Number) });
    expect(spApi?.waits.count).toBeGreaterThanOrEqual(1);
    expect(spApi?.waits.meanMs).toBeGreaterThan(0);
  });
});

describe('QUOTE_SOURCE_OVERRIDES', () => {
  it('is read as site=source pairs, and a site or source the table lacks is refused by name', () => {
    const env = { NODE_ENV: 'test', MONGO_URL: 'mongodb://127.0.0.1:1/t', REDIS_URL: 'redis://127.0.0.1:1' };
    expect(parseConfig({ ...env, QUOTE_SOURCE_OVERRIDES: 'amazon.de=page, marketplace-it=offer-api' }).QUOTE_SOURCE_OVERRIDES).toEqual({
      'amazon.de': 'page',
      'marketplace-it': 'offer-api',
    });
    expect(() => parseConfig({ ...env, QUOTE_SOURCE_OVERRIDES: 'amazon.de' })).toThrow(/QUOTE_SOURCE_OVERRIDES/);
    expect(() => siteTable({ ...config(), QUOTE_SOURCE_OVERRIDES: { 'amazon.nl': 'page' } })).toThrow(
      /QUOTE_SOURCE_OVERRIDES names amazon.nl/,
    );
    expect(() => siteTable({ ...config(), QUOTE_SOURCE_OVERRIDES: { 'amazon.de': 'pigeon' } })).toThrow(
      /expected one of offer-api, page, sp-api, ebay-browse/,
    );
  });
});
