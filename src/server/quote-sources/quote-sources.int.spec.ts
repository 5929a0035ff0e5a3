// Live prices read from the shop's product page, against the marketplace simulator over HTTP and
// real MongoDB and Redis: a shop configured with the `page` source is refreshed from its page
// (never its offer API), a captcha is `blocked` and keeps the last price, a page that no longer
// exists is `not-found`, and the table refuses an override that names no site or no source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  sim = await startSimulator({ latency: false, productsPerMarket: 300, seed: 5 });
});
afterAll(async () => {
  await sim?.stop();
});

/** The test runtime's settings with the simulator's shops, Italy's asked through its product pages. */
function config(): Config {
  return {
    ...rt().config,
    MARKETPLACE_URL_IT: sim.urls.it,
    MARKETPLACE_URL_FR: sim.urls.fr,
    MARKETPLACE_URL_DE: sim.urls.de,
    MARKETPLACE_URL_ES: sim.urls.es,
    QUOTE_SOURCE_OVERRIDES: { 'marketplace-it': 'page' },
    REFRESH_BUDGET_MS: 2_000,
  };
}

async function staleProduct(market: MarketCode) {
  const info = await simProductInfo(sim.controlUrl, market, nextIndex++);
  const [product] = await scrapeProducts(scrapeDeps(rt()), [simListing(info)], new Date(Date.now() - 120_000));
  return { info, product: product! };
}

const refresh = (productId: string) =>
  refreshProduct(
    { config: config(), db: rt().db, redis: rt().redis, gates: marketGates(config()), fetchQuote: quoteSources(config()) },
    { productId, maxAgeMs: 60_000, cause: 'opening' },
  );

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
    await expect(fetchPageQuote(site, `${sim.urls.it}/dp/B0ZZZZZZZZ`, 'it', AbortSignal.timeout(2_000), options)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(fetchPageQuote(site, `${sim.urls.fr}/dp/B0ZZZZZZZZ`, 'it', AbortSignal.timeout(2_000), options)).rejects.toMatchObject({
      kind: 'not-configured',
    });
  });
});

describe('the operations page', () => {
  it('counts the last hour’s calls per source, with why the failed ones failed', async () => {
    const counts = await readSourceCalls(rt().redis);
    const page = counts.find((c) => c.source === 'page');
    expect(page?.ok).toBeGreaterThanOrEqual(1);
    expect(page?.failures).toContainEqual({ kind: 'blocked', count: 1 });
    expect(counts.find((c) => c.source === 'offer-api')?.ok).toBeGreaterThanOrEqual(1);
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
    expect(() => siteTable({ ...config(), QUOTE_SOURCE_OVERRIDES: { 'amazon.de': 'sp-api' } })).toThrow(/expected one of offer-api, page/);
  });
});
