// The four shops over HTTP, as a crawler meets them: robots.txt → sitemap index → paged sitemaps
// → product pages in every template; category listings with pagination; redirects to canonical
// URLs; images; and the request counters that record all of it.
import { EVERY_IDENTIFIER } from './simulator-settings';
import { get as httpGet } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MARKET_CODES } from '../../src/common/markets';
import { canonicalPath, TEMPLATE_KINDS, JSON_LD_SHAPES } from './catalog-generator';
import { formatPrice } from './price-format';
import { SHOP_TEXTS } from './shop-texts';
import { control, findProduct, useSimulator } from './simulator-testing';
import { CATEGORIES } from './word-lists';

const { sim } = useSimulator({ productsPerMarket: 2_000, urlsPerSitemap: 700, productsPerListingPage: 24, identifiers: EVERY_IDENTIFIER });

async function get(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));

describe('discovery', () => {
  it.each(MARKET_CODES)('%s: robots.txt names the sitemap index, which names every paged sitemap', async (market) => {
    const base = sim().urls[market];
    const robots = await get(`${base}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    const sitemapUrl = /^Sitemap: (\S+)$/m.exec(robots.text)?.[1];
    expect(sitemapUrl).toBe(`${base}/sitemap.xml`);
    const index = await get(sitemapUrl as string);
    expect(index.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(locs(index.text)).toEqual([
      `${base}/sitemaps/categories.xml`,
      `${base}/sitemaps/products-1.xml`,
      `${base}/sitemaps/products-2.xml`,
      `${base}/sitemaps/products-3.xml`,
    ]);
  });

  it('lists every product exactly once across the paged sitemaps, at its canonical URL', async () => {
    const base = sim().urls.de;
    const urls = (await Promise.all([1, 2, 3].map((n) => get(`${base}/sitemaps/products-${n}.xml`)))).flatMap((r) => locs(r.text));
    expect(urls).toHaveLength(2_000);
    expect(new Set(urls).size).toBe(2_000);
    expect(urls[0]).toBe(`${base}${canonicalPath(sim().catalog.product('de', 0))}`);
    expect(urls[1_999]).toBe(`${base}${canonicalPath(sim().catalog.product('de', 1_999))}`);
    expect((await get(`${base}/sitemaps/products-4.xml`)).status).toBe(404);
    expect((await get(`${base}/sitemaps/products-0.xml`)).status).toBe(404);
  });

  it('lists the categories, and each listing pages through its products with next links', async () => {
    const base = sim().urls.it;
    const categories = locs((await get(`${base}/sitemaps/categories.xml`)).text);
    expect(categories).toEqual(CATEGORIES.map((c) => `${base}/c/${c.slug.it}`));
    const seen: string[] = [];
    let next: string | undefined = categories[0];
    let pages = 0;
    while (next) {
      const page = await get(next);
      expect(page.status).toBe(200);
      seen.push(...[...page.text.matchAll(/data-asin="(B0[0-9A-Z]{8})"/g)].map((m) => m[1] as string));
      const href = /<a class="pagination__next" rel="next" href="([^"]+)"/.exec(page.text)?.[1];
      next = href ? `${base}${href}` : undefined;
      pages++;
    }
    const inCategory = Array.from({ length: 2_000 }, (_, i) => sim().catalog.product('it', i)).filter(
      (p) => p.category.key === CATEGORIES[0]?.key,
    );
    expect(seen).toEqual(inCategory.map((p) => p.sourceId));
    expect(pages).toBe(Math.ceil(inCategory.length / 24));
    expect((await get(`${base}/c/${CATEGORIES[0]?.slug.it}?page=${pages + 1}`)).status).toBe(404);
    expect((await get(`${base}/c/${CATEGORIES[0]?.slug.it}?page=abc`)).status).toBe(404);
    expect((await get(`${base}/c/no-such-category`)).status).toBe(404);
  });

  it('links the categories from the home page in the market’s language', async () => {
    const home = await get(`${sim().urls.es}/`);
    expect(home.text).toContain('<html lang="es-ES">');
    for (const c of CATEGORIES) expect(home.text).toContain(`href="/c/${c.slug.es}"`);
  });

  it('writes absolute URLs for the host the client asked for', async () => {
    // fetch() will not send a Host header of its own choosing; node:http will, as a proxy does.
    const robots = await new Promise<string>((resolve, reject) => {
      const request = httpGet(`${sim().urls.fr}/robots.txt`, { headers: { host: 'simulator.internal:8080' } }, (response) => {
        let body = '';
        response
          .setEncoding('utf8')
          .on('data', (chunk: string) => (body += chunk))
          .on('end', () => resolve(body));
      });
      request.on('error', reject);
    });
    expect(robots).toContain('Sitemap: http://simulator.internal:8080/sitemap.xml');
  });
});

describe('product pages', () => {
  it.each(MARKET_CODES.flatMap((m) => TEMPLATE_KINDS.map((t) => [m, t] as const)))(
    '%s serves the %s template with its fields',
    async (market, template) => {
      const product = findProduct(sim(), market, (p) => p.markup.template === template);
      const page = await get(`${sim().urls[market]}${canonicalPath(product)}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const { offer } = (await control(sim(), 'GET', `/markets/${market}/products/${product.sourceId}`)).body as {
        offer: { priceCents: number; stockQuantity: number; availability: string };
      };
      const inStock = offer.availability === 'in_stock';
      const price = formatPrice(offer.priceCents, product.markup.priceStyle);
      switch (template) {
        case 'amazon':
          expect(page.text).toContain(`data-asin="${product.sourceId}"`);
          expect(page.text).toMatch(/<span id="productTitle"[^>]*>\s+[^<]+<\/span>/);
          if (inStock) {
            expect(page.text).toContain(`<span class="a-offscreen">${price}</span>`);
            expect(page.text).toContain('<span class="a-price-fraction">');
          }
          break;
        case 'amazon-legacy':
          expect(page.text).toContain(`id="averageCustomerReviews" data-asin="${product.sourceId}"`);
          if (inStock)
            expect(page.text).toContain(
              `id="priceblock_ourprice" class="a-size-medium a-color-price priceBlockBuyingPriceString">${price}</span>`,
            );
          break;
        case 'json-ld': {
          const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.text)?.[1];
          expect(JSON.stringify(JSON.parse(json as string))).toContain(product.gtin);
          expect(page.text).toContain(`<span class="price">${price}</span>`);
          break;
        }
        case 'microdata':
          expect(page.text).toContain(`itemprop="gtin13" content="${product.gtin}"`);
          expect(page.text).toMatch(/<meta property="(product|og):price:amount" content="\d+\.\d\d">/);
          break;
      }
      const texts = SHOP_TEXTS[market];
      const n = offer.stockQuantity;
      expect(page.text).toContain(n === 0 ? texts.outOfStock : n <= 5 ? texts.lowStock(n) : texts.inStock);
    },
  );

  it.each(JSON_LD_SHAPES)('serves JSON-LD with the %s shape', async (shape) => {
    const product = findProduct(sim(), 'fr', (p) => p.markup.template === 'json-ld' && p.markup.jsonLdShape === shape);
    const page = await get(`${sim().urls.fr}${canonicalPath(product)}`);
    const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.text)?.[1] as string) as Record<
      string,
      unknown
    >;
    const text = JSON.stringify(json);
    expect(text).toContain(
      { offer: '"Offer"', aggregate: '"AggregateOffer"', offers: 'UsedCondition"', variants: '"ProductGroup"' }[shape],
    );
  });

  it('redirects the other URL scheme and stale slugs to the canonical URL', async () => {
    const amazon = findProduct(sim(), 'it', (p) => p.markup.template === 'amazon');
    const shop = findProduct(sim(), 'it', (p) => p.markup.template === 'json-ld');
    const viaDp = await get(`${sim().urls.it}/dp/${shop.sourceId}`);
    expect(viaDp.status).toBe(301);
    expect(viaDp.headers.get('location')).toBe(canonicalPath(shop));
    const staleSlug = await get(`${sim().urls.it}/p/old-name-${shop.sourceId}`);
    expect(staleSlug.headers.get('location')).toBe(canonicalPath(shop));
    expect((await get(`${sim().urls.it}/p/x-${amazon.sourceId}`)).headers.get('location')).toBe(`/dp/${amazon.sourceId}`);
    const followed = await fetch(`${sim().urls.it}/dp/${shop.sourceId}`);
    expect(followed.url).toBe(`${sim().urls.it}${canonicalPath(shop)}`);
  });

  it('answers 404 for products of another market, unknown ids and unknown paths', async () => {
    const itProduct = sim().catalog.product('it', 0);
    expect((await get(`${sim().urls.fr}/dp/${itProduct.sourceId}`)).status).toBe(404);
    expect((await get(`${sim().urls.fr}/dp/B0ZZZZZZZZ`)).status).toBe(404);
    const missing = await get(`${sim().urls.fr}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.text).toContain(SHOP_TEXTS.fr.notFound);
  });

  it('serves product images, answers HEAD without a body, refuses other methods', async () => {
    const product = sim().catalog.product('es', 3);
    const image = await get(`${sim().urls.es}${product.imagePaths[0]}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(Number(image.headers.get('content-length'))).toBeGreaterThan(40_000);
    expect((await get(`${sim().urls.es}/images/${product.sourceId}/9.jpg`)).status).toBe(404);
    const head = await get(`${sim().urls.es}${canonicalPath(product)}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    const post = await get(`${sim().urls.es}${canonicalPath(product)}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('request counters', () => {
  it('count each market’s requests by route and by path, and reset', async () => {
    await control(sim(), 'DELETE', '/requests');
    const product = sim().catalog.product('de', 5);
    const path = canonicalPath(product);
    await get(`${sim().urls.de}${path}`);
    await get(`${sim().urls.de}${path}`);
    await get(`${sim().urls.de}/api/offers/${product.sourceId}`);
    await get(`${sim().urls.de}/robots.txt`);
    await get(`${sim().urls.de}/nowhere`);
    await get(`${sim().urls.it}/robots.txt`);
    const counts = (await control(sim(), 'GET', '/requests')).body as Record<
      string,
      { total: number; byRoute: Record<string, number>; byPath: Record<string, number> }
    >;
    expect(counts['de']).toEqual({
      total: 5,
      byRoute: { product: 2, offer: 1, discovery: 1, unknown: 1 },
      byPath: { [path]: 2, [`/api/offers/${product.sourceId}`]: 1, '/robots.txt': 1, '/nowhere': 1 },
      untrackedPaths: 0,
    });
    expect(counts['it']?.total).toBe(1);
    expect(counts['fr']?.total).toBe(0);
    const reset = (await control(sim(), 'DELETE', '/requests')).body as Record<string, { total: number }>;
    expect(reset['de']?.total).toBe(0);
  });
});
