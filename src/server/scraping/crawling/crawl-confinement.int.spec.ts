// A hostile marketplace: the simulator's "points elsewhere" fault makes the Italian shop name a
// listener of this test (another port of this machine, by address and by name) in its robots.txt,
// its sitemap index, its sitemaps and its listings, and redirect some product pages, its offer
// API and its supplier API there. Real crawls, HTTP and browser, and the refresher's and the
// purchaser's clients run against it: the listener must see no connection at all, nothing
// off-site may be stored, and the shop's own products must still all be.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../../infra/local/testing';
import { canonicalPath } from '../../../../infra/marketplace-simulator/catalog-generator';
import { control, useSimulator } from '../../../../infra/marketplace-simulator/simulator-testing';
import { placeSupplierOrder, readSupplierOrder } from '../../fulfillment';
import { outboundPolicy, type OutboundPolicy } from '../../platform/outbound';
import { fetchOfferQuote } from '../../pricing';
import { runCrawl, type CrawlSettings } from './crawl.service';
import { testCrawlSettings } from './crawl-settings.fixture';
import { gtinKey } from '../extraction/gtin';
import { marketplaceSites, type SiteConfig } from './sites';
import { PRODUCTS as PRODUCT_SPEC } from '../../catalog';
import { collectionIn } from '../../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCT_SPEC);

const PRODUCTS = 24;
const { sim } = useSimulator({ productsPerMarket: PRODUCTS, seed: 21, urlsPerSitemap: 10, productsPerListingPage: 8 });
const rt = useTestRuntime('crawl_confinement');

/** Stands for Redis, a control API, a metadata service: anything on this machine that is not the shop. */
let listener: Server;
let connections: Socket[] = [];
let targets: string[];
let site: SiteConfig;
let outbound: OutboundPolicy;
let settings: CrawlSettings;
/** Products whose page redirects elsewhere; every other product must be stored. */
let redirected: Set<string>;

interface Truth {
  readonly sourceId: string;
  readonly gtin: string;
  readonly template: string;
  readonly offer: { availability: string };
}
let truths: Truth[];

beforeAll(async () => {
  listener = createServer((socket) => {
    connections.push(socket);
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.address() as { port: number }).port;
  targets = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

  const config = {
    MARKETPLACE_URL_IT: sim().urls.it,
    MARKETPLACE_URL_FR: undefined,
    MARKETPLACE_URL_DE: undefined,
    MARKETPLACE_URL_ES: undefined,
    DEEPL_SERVER_URL: undefined,
    OUTBOUND_ALLOW_PRIVATE_SHOPS: true,
    SCRAPE_MAX_REQUESTS_PER_MINUTE: 0,
    SCRAPE_MAX_CONCURRENCY: 4,
    SCRAPE_RESPECT_ROBOTS_TXT: true,
  };
  site = marketplaceSites(config)[0]!;
  outbound = outboundPolicy(config);
  settings = testCrawlSettings(new Set(), { requestTimeoutMs: 3_000, batchSize: 10, outbound });

  expect(
    (
      await control(sim(), 'PATCH', '/faults', {
        markets: ['it'],
        routes: ['discovery', 'listing', 'offer', 'order'],
        elsewhere: { targets },
      })
    ).status,
  ).toBe(200);
  truths = [];
  for (let index = 0; index < PRODUCTS; index++)
    truths.push((await control(sim(), 'GET', `/markets/it/products?index=${index}`)).body as Truth);
  redirected = new Set(truths.filter((_, i) => i % 5 === 2).map((t) => t.sourceId));
  for (const sourceId of redirected) {
    const reply = await control(sim(), 'PATCH', `/markets/it/products/${sourceId}`, {
      faults: { routes: ['product'], elsewhere: { targets } },
    });
    expect(reply.status).toBe(200);
  }
});

afterAll(async () => {
  await new Promise((resolve) => listener?.close(resolve));
});

beforeEach(() => {
  connections = [];
});

/** Amazon-like pages show no price while out of stock: such a product is never stored. */
const priceShown = (t: Truth) => !(t.template.startsWith('amazon') && t.offer.availability !== 'in_stock');

async function expectOnlyTheShopsProducts(): Promise<void> {
  const stored = await productCollection(rt())
    .find({ 'offers.it': { $exists: true } })
    .toArray();
  for (const doc of stored) expect(doc.offers.it!.url.startsWith(`${sim().urls.it}/`), doc.offers.it!.url).toBe(true);
  const expected = truths.filter((t) => priceShown(t) && !redirected.has(t.sourceId));
  expect(stored.map((d) => d.offers.it!.sourceId).sort()).toEqual(expected.map((t) => t.sourceId).sort());
  for (const t of truths.filter((t) => redirected.has(t.sourceId))) {
    expect(await productCollection(rt()).findOne({ _id: `gtin-${gtinKey(t.gtin)}` }), t.sourceId).toBeNull();
  }
}

describe('a crawl of a marketplace that points elsewhere', () => {
  it('from robots.txt and the sitemaps: fetches nothing off the shop, and stores every product of the shop', async () => {
    const run = await runCrawl(
      { db: rt().db, log: () => undefined },
      { site, kind: 'discovery', start: [{ url: `${sim().urls.it}/robots.txt`, kind: 'robots' }] },
      settings,
    );
    expect(connections).toHaveLength(0);
    expect(run.status).toBe('finished');
    // The two targets' sitemaps (named by robots.txt and again by the index), the shop's own
    // sitemap that redirects, two off-site products per target in each of the four sitemaps
    // (categories and three of products), and the redirected product pages.
    expect(run.failedByReason['off_site']).toBe(2 + 1 + 4 * 2 * 2 + redirected.size);
    expect(run.failedByReason['sitemap'] ?? 0).toBe(0);
    await expectOnlyTheShopsProducts();
  });

  it('through the listings: follows none of their links elsewhere', async () => {
    await productCollection(rt()).deleteMany({});
    const run = await runCrawl(
      { db: rt().db, log: () => undefined },
      { site, kind: 'category', start: [{ url: site.baseUrl, kind: 'listing' }] },
      settings,
    );
    expect(connections).toHaveLength(0);
    expect(run.status).toBe('finished');
    expect(run.failedByReason['off_site']).toBe(redirected.size);
    await expectOnlyTheShopsProducts();
  });

  it('with Chromium: the redirected page and any request off the shop are never made', async () => {
    const start = truths.slice(0, 5).map((t, i) => ({
      url: `${sim().urls.it}${canonicalPath(sim().catalog.product('it', i))}`,
      kind: 'product' as const,
      sourceId: t.sourceId,
    }));
    expect(start.some((s) => redirected.has(s.sourceId))).toBe(true);
    const run = await runCrawl(
      { db: rt().db, log: () => undefined },
      { site: { ...site, name: 'marketplace-it-browser', browser: true }, kind: 'urls', start },
      { ...settings, requestTimeoutMs: 15_000 },
    );
    expect(connections).toHaveLength(0);
    expect(run.failedByReason).toEqual({ off_site: start.filter((s) => redirected.has(s.sourceId)).length });
    expect(run.counts.products).toBe(start.filter((s) => !redirected.has(s.sourceId)).length);
  });
});

describe("the workers' other clients against that marketplace", () => {
  it('the refresher does not follow the offer API elsewhere', async () => {
    await expect(fetchOfferQuote(sim().urls.it, truths[0]!.sourceId, AbortSignal.timeout(3_000), outbound)).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringContaining('off the allowed hosts'),
    });
    expect(connections).toHaveLength(0);
  });

  it('the purchaser neither places nor reads an order elsewhere', async () => {
    const order = {
      sourceId: truths[0]!.sourceId,
      quantity: 1,
      expectedPriceCents: 100,
      shipTo: { country: 'IT', name: 'A', line1: 'Via Roma 1', postalCode: '00100', city: 'Roma' },
    };
    await expect(placeSupplierOrder(sim().urls.it, 'key-elsewhere-1', order, 3_000, outbound)).rejects.toMatchObject({
      kind: 'refused',
      retryable: false,
    });
    await expect(readSupplierOrder(sim().urls.it, 'SO-1', 3_000, outbound)).rejects.toMatchObject({ kind: 'refused' });
    expect(connections).toHaveLength(0);
  });
});
