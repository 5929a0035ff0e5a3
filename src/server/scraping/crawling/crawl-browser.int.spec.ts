// The Playwright path of a crawl: a site configured as needing a browser is fetched by Debian's
// Chromium through Crawlee's Playwright crawler, and its products land in MongoDB exactly as the
// marketplace simulator sells them.
import { EVERY_IDENTIFIER } from '../../../../infra/marketplace-simulator/simulator-settings';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../../infra/local/testing';
import { startSimulator, type RunningSimulator } from '../../../../infra/marketplace-simulator/simulator';
import { originOf } from '../../platform/outbound';
import { runCrawl } from './crawl.service';
import { testCrawlSettings } from './crawl-settings.fixture';
import { gtinKey } from '../extraction/gtin';
import { marketplaceSites, type SiteConfig } from './sites';
import { PRODUCTS } from '../../catalog';
import { collectionIn } from '../../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const rt = useTestRuntime('crawl_browser');
const shopOrigins = new Set<string>();
const settings = testCrawlSettings(shopOrigins, { requestTimeoutMs: 20_000 });

interface Truth {
  readonly url: string;
  readonly sourceId: string;
  readonly gtin: string;
  readonly template: string;
  readonly offer: { priceCents: number; availability: 'in_stock' | 'out_of_stock' };
}

let sim: RunningSimulator;
let site: SiteConfig;
let spa: Server;
let spaUrl: string;

/** A shop page that is empty until its script runs, as single-page shops are. */
const SPA_PAGE = `<!doctype html><html><head><title>Boutique</title></head><body><div id="app"></div><script>
  const product = { '@context': 'https://schema.org', '@type': 'Product', name: 'Lampe de bureau Arc', sku: 'ARC-7', gtin13: '4006381333931',
    offers: { '@type': 'Offer', price: '49.90', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' } };
  const ld = document.createElement('script'); ld.type = 'application/ld+json'; ld.textContent = JSON.stringify(product); document.head.appendChild(ld);
  document.getElementById('app').innerHTML = '<h1>Lampe de bureau Arc</h1><p class="price">49,90 €</p>';
</script></body></html>`;

beforeAll(async () => {
  sim = await startSimulator({ productsPerMarket: 20, latency: false, seed: 3, identifiers: EVERY_IDENTIFIER });
  shopOrigins.add(originOf(sim.urls.fr));
  const fr = marketplaceSites({
    MARKETPLACE_URL_IT: undefined,
    MARKETPLACE_URL_FR: sim.urls.fr,
    MARKETPLACE_URL_DE: undefined,
    MARKETPLACE_URL_ES: undefined,
    SCRAPE_MAX_REQUESTS_PER_MINUTE: 0,
    SCRAPE_MAX_CONCURRENCY: 2,
    SCRAPE_RESPECT_ROBOTS_TXT: true,
  })[0]!;
  site = { ...fr, name: 'marketplace-fr-browser', browser: true };

  spa = createServer((req, res) => {
    if (req.url === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SPA_PAGE);
  });
  await new Promise<void>((resolve) => spa.listen(0, '127.0.0.1', resolve));
  spaUrl = `http://127.0.0.1:${(spa.address() as AddressInfo).port}`;
  shopOrigins.add(originOf(spaUrl));
});
afterAll(async () => {
  await sim?.stop();
  await new Promise((resolve) => spa?.close(resolve));
});

describe('crawling a site that needs a browser', () => {
  it('fetches the pages with Chromium and stores every product with its exact price', async () => {
    const truths: Truth[] = [];
    for (let index = 0; truths.length < 6 && index < 20; index++) {
      const truth = (await (
        await fetch(`${sim.controlUrl}/markets/fr/products?index=${index}`, { signal: AbortSignal.timeout(5000) })
      ).json()) as Truth;
      // Amazon-like pages show no price while out of stock: nothing to compare.
      if (!(truth.template.startsWith('amazon') && truth.offer.availability !== 'in_stock')) truths.push(truth);
    }
    expect(new Set(truths.map((t) => t.template)).size, 'several templates among the pages').toBeGreaterThan(1);

    const run = await runCrawl(
      { db: rt().db, log: () => undefined },
      { site, kind: 'urls', start: truths.map((t) => ({ url: t.url, kind: 'product' as const })) },
      settings,
    );
    expect(run).toMatchObject({
      status: 'finished',
      site: 'marketplace-fr-browser',
      counts: { pages: truths.length, products: truths.length, inserted: truths.length, blocked: 0, failed: 0 },
    });
    for (const truth of truths) {
      const doc = await productCollection(rt()).findOne({ _id: `gtin-${gtinKey(truth.gtin)}` });
      expect(
        {
          site: doc?.offers.fr?.site,
          sourceId: doc?.offers.fr?.sourceId,
          price: doc?.offers.fr?.price.amountCents,
          availability: doc?.offers.fr?.availability,
        },
        `${truth.sourceId} (${truth.template})`,
      ).toEqual({
        site: 'marketplace-fr-browser',
        sourceId: truth.sourceId,
        price: truth.offer.priceCents,
        availability: truth.offer.availability,
      });
    }
  });

  it('reads a page that only its script fills, which the HTTP crawler finds empty', async () => {
    const shop = (browser: boolean): SiteConfig => ({
      ...site,
      name: `spa-${browser}`,
      hosts: [new URL(spaUrl).host],
      baseUrl: `${spaUrl}/`,
      browser,
    });
    const start = [{ url: `${spaUrl}/p/arc-7`, kind: 'product' as const }];
    const plain = await runCrawl({ db: rt().db, log: () => undefined }, { site: shop(false), kind: 'urls', start }, settings);
    expect(plain.counts).toMatchObject({ pages: 1 + settings.maxRetries, products: 0 });
    expect(plain.failedByReason).toEqual({ no_product: 1 });

    const rendered = await runCrawl({ db: rt().db, log: () => undefined }, { site: shop(true), kind: 'urls', start }, settings);
    expect(rendered.counts).toMatchObject({ pages: 1, products: 1, inserted: 1, failed: 0 });
    const doc = await productCollection(rt()).findOne({ _id: `gtin-${gtinKey('4006381333931')}` });
    expect({ site: doc?.offers.fr?.site, sourceId: doc?.offers.fr?.sourceId, price: doc?.offers.fr?.price.amountCents }).toEqual({
      site: 'spa-true',
      sourceId: 'ARC-7',
      price: 4990,
    });
  });
});
