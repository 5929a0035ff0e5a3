// The image route's service against the marketplace simulator over HTTP: a product page is
// scraped and stored as the scrapers do, then its photo comes back resized and cached; hosts
// that are not a known shop's (another port of the same machine, a redirect elsewhere) are
// refused, and so are slow, oversized, cut and non-photo answers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalPath } from '../../../infra/marketplace-simulator/catalog-generator';
import { findProduct as findSimProduct, useSimulator } from '../../../infra/marketplace-simulator/simulator-testing';
import { useTestRuntime } from '../../../infra/local/testing';
import { originOf } from '../platform/outbound';
import { extractPage, writeListings, type Listing } from '../scraping';
import { imageCacheKey } from './image-request';
import { fetchSourceImage, imageSettings, productImage, type ImageDeps, type ImageSettings } from './image.service';
import { PRODUCTS } from '../catalog';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const { sim } = useSimulator({ productsPerMarket: 200 });
const rt = useTestRuntime('images', {
  env: () => ({ MARKETPLACE_URL_IT: sim().urls.it, MARKETPLACE_URL_FR: sim().urls.fr }),
});
const deps = (): ImageDeps => ({ db: rt().db, redis: rt().redis, settings: imageSettings(rt().config) });

/** Scrapes a simulator page and stores it the way the scraper workers do; the product's id. */
async function scrape(url: string, market: 'it' | 'fr', change: Partial<Listing> = {}): Promise<string> {
  const html = await (await fetch(url)).text();
  const result = extractPage({ html, url, market });
  if (result.kind !== 'listing') throw new Error(`no listing on ${url}: ${JSON.stringify(result)}`);
  const listing = { ...result.listing, ...change };
  await writeListings({ db: rt().db }, [listing]);
  const stored = await productCollection(rt()).findOne({ [`offers.${market}.sourceId`]: listing.sourceId });
  if (!stored) throw new Error(`listing of ${url} not stored`);
  return stored._id;
}

/** A shop that answers slowly, redirects to another host, or sends something else: what the simulator does not do. */
let odd: Server;
let oddUrl = '';
/** The start of a real photo: a readable header, then nothing. */
let cutPhoto: Buffer;
beforeAll(async () => {
  const photo = Buffer.from(await (await fetch(`${sim().urls.it}${sim().catalog.product('it', 2).imagePaths[0]}`)).arrayBuffer());
  cutPhoto = photo.subarray(0, 4_000);
  odd = createServer((req, res) => {
    if (req.url === '/cut.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(cutPhoto);
      return;
    }
    if (req.url === '/slow.jpg') return; // never answers
    if (req.url === '/elsewhere.jpg') {
      res.writeHead(302, { location: `${sim().urls.de}/images/x/1.jpg` }).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'image/svg+xml' })
      .end('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><image href="file:///etc/passwd"/></svg>');
  });
  await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
  oddUrl = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
});
afterAll(async () => {
  odd.closeAllConnections();
  await new Promise((resolve) => odd.close(resolve));
});

describe('product photos through the image service', () => {
  it('stores the scraped photo URL, and serves it resized to the asked width, then from Redis', async () => {
    const product = sim().catalog.product('it', 0);
    const id = await scrape(`${sim().urls.it}${canonicalPath(product)}`, 'it');
    const stored = await productCollection(rt()).findOne({ _id: id });
    expect(stored?.images).toEqual([`${sim().urls.it}${product.imagePaths[0]}`]);

    const first = await productImage(deps(), { productId: id, number: 1, format: 'webp', width: 320 });
    if (first.kind !== 'image') throw new Error(JSON.stringify(first));
    expect(first.contentType).toBe('image/webp');
    const meta = await sharp(first.body).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 320, height: 320 });

    const key = imageCacheKey(stored!.images[0]!, 320, 'webp');
    expect(await rt().redis.pttl(key)).toBeGreaterThan(0);
    const jpeg = await productImage(deps(), { productId: id, number: 1, format: 'jpg', width: 1024 });
    if (jpeg.kind !== 'image') throw new Error(JSON.stringify(jpeg));
    expect(await sharp(jpeg.body).metadata()).toMatchObject({ format: 'jpeg', width: 1024, height: 1024 });

    // From the cache now: the same bytes, even with the shop gone from the allowed hosts' reach.
    const again = await productImage(
      { ...deps(), settings: { ...deps().settings, fetchTimeoutMs: 1 } },
      { productId: id, number: 1, format: 'webp', width: 320 },
    );
    expect(again.kind === 'image' && again.body.equals(first.body)).toBe(true);
  });

  it('answers not-found for an unknown product or photo number, and for a photo on a host that is no shop of ours', async () => {
    expect(await productImage(deps(), { productId: 'gtin-00000000000000', number: 1, format: 'webp', width: 160 })).toEqual({
      kind: 'not-found',
    });
    const product = findSimProduct(sim(), 'fr', (p) => p.imagePaths.length === 1);
    const redisPort = new URL(rt().config.REDIS_URL).port;
    for (const imageUrl of [
      `http://127.0.0.1:${redisPort}/images/1.jpg`,
      `${sim().urls.de}${product.imagePaths[0]}`,
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      const id = await scrape(`${sim().urls.fr}${canonicalPath(product)}`, 'fr', {
        imageUrl,
        // Another product: no GTIN, no part number (in its field or its title), another shop id.
        gtin: null,
        mpn: null,
        title: `Prodotto ${imageUrl.length}`,
        sourceId: `${product.sourceId}-${imageUrl.length}`,
      });
      expect(await productImage(deps(), { productId: id, number: 1, format: 'webp', width: 160 }), imageUrl).toEqual({ kind: 'not-found' });
    }
    const id = await scrape(`${sim().urls.fr}${canonicalPath(product)}`, 'fr');
    expect(await productImage(deps(), { productId: id, number: 2, format: 'webp', width: 160 })).toEqual({ kind: 'not-found' });
  });

  it('refuses a non-shop host, a redirect to another host, a slow, oversized or cut answer and anything but a raster photo', async () => {
    const settings = (change: Partial<ImageSettings> = {}): ImageSettings => ({
      ...deps().settings,
      hosts: new Set([...deps().settings.hosts, new URL(oddUrl).host]),
      // A shop of this test's own: configured, so the outbound guard lets it be local.
      outbound: { privateOrigins: new Set([...deps().settings.outbound.privateOrigins, originOf(oddUrl)]) },
      ...change,
    });
    const product = sim().catalog.product('it', 1);
    const photo = `${sim().urls.it}${product.imagePaths[0]}`;
    const redisPort = new URL(rt().config.REDIS_URL).port;
    await expect(fetchSourceImage(`http://127.0.0.1:${redisPort}/x.jpg`, settings())).rejects.toThrow(/not an allowed URL/);
    await expect(fetchSourceImage(`${oddUrl}/elsewhere.jpg`, settings())).rejects.toThrow(/off the allowed hosts/);
    // A host on the list whose address is private and not a configured shop's: refused at connect.
    await expect(fetchSourceImage(`${oddUrl}/cut.jpg`, settings({ outbound: deps().settings.outbound }))).rejects.toThrow(
      /loopback address: not connecting/,
    );
    await expect(fetchSourceImage(`${oddUrl}/slow.jpg`, settings({ fetchTimeoutMs: 300 }))).rejects.toThrow('no answer within 300 ms');
    await expect(fetchSourceImage(photo, settings({ maxSourceBytes: 10_000 }))).rejects.toThrow(/above the limit of 10000/);
    // A stale product URL redirects within the shop, to a page: followed, then refused as no photo.
    await expect(fetchSourceImage(`${sim().urls.it}/p/old-slug-${product.sourceId}`, settings())).rejects.toThrow(
      /not a photo: text\/html/,
    );

    const id = await scrape(`${sim().urls.it}${canonicalPath(product)}`, 'it', {
      imageUrl: `${oddUrl}/drawing.svg`,
      gtin: null,
      mpn: null,
      title: 'Disegno',
      sourceId: `${product.sourceId}-svg`,
    });
    const svg = await productImage({ ...deps(), settings: settings() }, { productId: id, number: 1, format: 'webp', width: 160 });
    expect(svg).toEqual({ kind: 'unavailable', reason: 'not a photo format we read: svg' });

    const cutId = await scrape(`${sim().urls.it}${canonicalPath(product)}`, 'it', {
      imageUrl: `${oddUrl}/cut.jpg`,
      gtin: null,
      mpn: null,
      title: 'Foto tagliata',
      sourceId: `${product.sourceId}-cut`,
    });
    const cut = await productImage({ ...deps(), settings: settings() }, { productId: cutId, number: 1, format: 'jpg', width: 160 });
    expect(cut).toMatchObject({ kind: 'unavailable', reason: expect.stringMatching(/^not a readable photo/) });
  });
});
