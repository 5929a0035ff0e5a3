// Crawls the marketplace simulator (infra/marketplace-simulator) over HTTP, as the scraper
// workers do, and checks MongoDB against the simulator's own answer for every product.
import { EVERY_IDENTIFIER } from '../../../../infra/marketplace-simulator/simulator-settings';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../../infra/local/testing';
import { startSimulator, type RunningSimulator } from '../../../../infra/marketplace-simulator/simulator';
import { decodeCachedProduct, productCacheKey, PRODUCTS as PRODUCT_SPEC } from '../../catalog';
import { MARKET_CODES, type MarketCode } from '../../../common/markets';
import { computeSellPrices, DEFAULT_MARGIN_RULES, PRICE_HISTORY } from '../../pricing';
import { originOf } from '../../platform/outbound';
import { runCrawl, type StartUrl } from './crawl.service';
import { testCrawlSettings } from './crawl-settings.fixture';
import { gtinKey } from '../extraction/gtin';
import { marketplaceSites, type SiteConfig } from './sites';
import { scrapeRunCollection } from './scrape-run.collection';
import { collectionIn } from '../../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const priceHistoryCollection = collectionIn(PRICE_HISTORY);
const productCollection = collectionIn(PRODUCT_SPEC);

const rt = useTestRuntime('crawl');
const PRODUCTS = 50;
const RULES = DEFAULT_MARGIN_RULES;
const shopOrigins = new Set<string>();
const settings = testCrawlSettings(shopOrigins, { maxRetries: 5 });

let sim: RunningSimulator;
let sites: Record<MarketCode, SiteConfig>;

interface Truth {
  readonly sourceId: string;
  readonly gtin: string;
  readonly template: string;
  readonly offer: { priceCents: number; availability: 'in_stock' | 'out_of_stock' };
}

async function control(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${sim.controlUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function truthOf(market: MarketCode): Promise<Truth[]> {
  const all: Truth[] = [];
  for (let index = 0; index < PRODUCTS; index++) all.push((await control(`/markets/${market}/products?index=${index}`)) as Truth);
  return all;
}

/** Amazon-like pages show no price while out of stock: such a product is never offered for sale. */
const priceShown = (t: Truth) => !(t.template.startsWith('amazon') && t.offer.availability !== 'in_stock');

async function expectCatalogMatches(market: MarketCode, truths: Truth[]): Promise<void> {
  const products = productCollection(rt());
  for (const truth of truths) {
    const doc = await products.findOne({ _id: `gtin-${gtinKey(truth.gtin)}` });
    if (!priceShown(truth)) {
      expect(doc?.offers[market], `${market} ${truth.sourceId} has no price to store`).toBeUndefined();
      continue;
    }
    expect(doc, `${market} ${truth.sourceId} (${truth.template})`).not.toBeNull();
    expect(doc!.gtin).toBe(truth.gtin);
    expect({
      sourceId: doc!.offers[market]?.sourceId,
      price: doc!.offers[market]?.price.amountCents,
      availability: doc!.offers[market]?.availability,
    }).toEqual({
      sourceId: truth.sourceId,
      price: truth.offer.priceCents,
      availability: truth.offer.availability,
    });
  }
}

const robots = (site: SiteConfig): StartUrl => ({ url: new URL('/robots.txt', site.baseUrl).href, kind: 'robots' });

beforeAll(async () => {
  const now = Date.UTC(2026, 10, 25, 12);
  sim = await startSimulator({
    productsPerMarket: PRODUCTS,
    latency: false,
    seed: 11,
    urlsPerSitemap: 20,
    productsPerListingPage: 12,
    // Every page shows its GTIN: the test checks that each one is read.
    identifiers: EVERY_IDENTIFIER,
    clock: () => now,
  });
  for (const url of Object.values(sim.urls)) shopOrigins.add(originOf(url));
  sites = Object.fromEntries(
    marketplaceSites({
      MARKETPLACE_URL_IT: sim.urls.it,
      MARKETPLACE_URL_FR: sim.urls.fr,
      MARKETPLACE_URL_DE: sim.urls.de,
      MARKETPLACE_URL_ES: sim.urls.es,
      SCRAPE_MAX_REQUESTS_PER_MINUTE: 0,
      SCRAPE_MAX_CONCURRENCY: 8,
      SCRAPE_RESPECT_ROBOTS_TXT: true,
    }).map((s) => [s.market, s]),
  ) as Record<MarketCode, SiteConfig>;
});
afterAll(async () => sim?.stop());
beforeEach(async () => {
  await control('/reset', { method: 'POST' });
  await productCollection(rt()).deleteMany({});
  await priceHistoryCollection(rt()).deleteMany({});
});

describe('crawling the simulated marketplaces', () => {
  it('from robots.txt and the sitemaps: every product with its exact price, GTIN and availability; a second crawl adds nothing', async () => {
    const products = productCollection(rt()),
      priceHistory = priceHistoryCollection(rt()),
      scrapeRuns = scrapeRunCollection(rt());
    for (const market of MARKET_CODES) {
      const truths = await truthOf(market);
      const deps = { db: rt().db, margin: RULES, redis: rt().redis, log: () => undefined };
      const run = await runCrawl(deps, { site: sites[market], kind: 'discovery', start: [robots(sites[market])] }, settings);
      const hidden = truths.filter((t) => !priceShown(t)).length;
      expect(run).toMatchObject({ status: 'finished', counts: { products: PRODUCTS, blocked: 0 } });
      expect(run.counts.inserted).toBe(PRODUCTS - hidden);
      expect(run.failedByReason).toEqual(hidden > 0 ? { no_price: hidden } : {});
      await expectCatalogMatches(market, truths);
      const stored = await scrapeRuns.findOne({ _id: run._id });
      expect(stored?.counts).toEqual(run.counts);
    }
    const productCount = await products.countDocuments({});
    // Every product is priced from its offers and the cache holds the document as stored.
    const docs = await products.find({}).toArray();
    const cached = await rt().redis.mget(docs.map((d) => productCacheKey(d._id)));
    docs.forEach((doc, i) => {
      expect(doc.sellPrices).toEqual(computeSellPrices(doc.offers, RULES, doc.updatedAt));
      expect(decodeCachedProduct(cached[i] ?? 'null'), doc._id).toEqual(doc);
    });
    const historyCount = await priceHistory.countDocuments({});
    // Products sold in several markets are one document each, found by GTIN.
    expect(await products.countDocuments({ 'offers.it': { $exists: true }, 'offers.fr': { $exists: true } })).toBeGreaterThan(0);

    for (const market of MARKET_CODES) {
      const again = await runCrawl(
        { db: rt().db, log: () => undefined },
        { site: sites[market], kind: 'discovery', start: [robots(sites[market])] },
        settings,
      );
      expect(again.counts).toMatchObject({ inserted: 0, updated: 0, blocked: 0 });
      expect(again.counts.unchanged).toBe(again.counts.products - (again.failedByReason['no_price'] ?? 0));
    }
    expect(await products.countDocuments({})).toBe(productCount);
    expect(await priceHistory.countDocuments({})).toBe(historyCount);
  });

  it('from the home page through the category listings and their pagination', async () => {
    for (const market of MARKET_CODES) {
      const truths = await truthOf(market);
      const run = await runCrawl(
        { db: rt().db, log: () => undefined },
        { site: sites[market], kind: 'category', start: [{ url: sites[market].baseUrl, kind: 'listing' }] },
        settings,
      );
      expect(run).toMatchObject({ status: 'finished', counts: { products: PRODUCTS, blocked: 0 } });
      await expectCatalogMatches(market, truths);
    }
  });

  it('429, 503, captcha, truncated and malformed pages are retried or recorded, and the crawl finishes', async () => {
    const market: MarketCode = 'de';
    const truths = await truthOf(market);
    const faults = [
      { error: { status: 429, retryAfterSeconds: 1, share: 0.3 }, content: { kind: 'captcha', share: 0.2 } },
      { error: { status: 503, retryAfterSeconds: 0, share: 0.3 }, content: { kind: 'malformed', share: 1 } },
      { hang: { share: 0.05 }, content: { kind: 'truncated', share: 0.3 } },
    ];
    for (const fault of faults) {
      await control('/reset', { method: 'POST' });
      await control('/faults', {
        method: 'PATCH',
        body: JSON.stringify({ markets: [market], routes: ['product', 'listing', 'discovery'], ...fault }),
      });
      await productCollection(rt()).deleteMany({});
      const run = await runCrawl(
        { db: rt().db, log: () => undefined },
        { site: sites[market], kind: 'discovery', start: [robots(sites[market])] },
        settings,
      );
      expect(run.status, JSON.stringify(fault)).toBe('finished');
      // Every product page ends as a listing, a block or a recorded failure: nothing is lost silently.
      const failedPages = Object.entries(run.failedByReason)
        .filter(([r]) => r !== 'no_price' && r !== 'robots_txt')
        .reduce((n, [, c]) => n + c, 0);
      expect(run.counts.products + run.counts.blocked + failedPages, JSON.stringify({ fault, run })).toBeGreaterThanOrEqual(PRODUCTS);
      // Never a block page or a cut page stored as a product: what is stored is exact.
      const stored = truths.filter(priceShown);
      const products = productCollection(rt());
      for (const truth of stored) {
        const doc = await products.findOne({ _id: `gtin-${gtinKey(truth.gtin)}` });
        if (!doc?.offers[market]) continue;
        expect(doc.offers[market]?.price.amountCents).toBe(truth.offer.priceCents);
        expect(doc.offers[market]?.availability).toBe(truth.offer.availability);
      }
      // With retries, nearly all of them made it.
      expect(await products.countDocuments({ [`offers.${market}`]: { $exists: true } }), JSON.stringify(run)).toBeGreaterThanOrEqual(
        stored.length * 0.9,
      );
    }
  });
});
