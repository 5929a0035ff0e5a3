// @vitest-environment jsdom
// Discovery pages read back as a crawler reads them: robots.txt names the sitemap index, the
// index names every paged sitemap, URLs are escaped, listings paginate with prev/next links.
import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog-generator';
import {
  categoryIndexBySlug,
  categoryPath,
  productSitemapCount,
  renderErrorPage,
  renderHomePage,
  renderListingPage,
  renderRobotsTxt,
  renderSitemapIndex,
  renderUrlSet,
} from './discovery-pages';
import { driftedOffer } from './offer-drift';
import { SHOP_TEXTS } from './shop-texts';
import { CATEGORIES } from './word-lists';

const BASE = 'http://shop.test';
const parseXml = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('robots.txt and sitemaps', () => {
  it('names the sitemap index', () => {
    expect(renderRobotsTxt(BASE)).toMatch(/^Sitemap: http:\/\/shop\.test\/sitemap\.xml$/m);
    expect(renderRobotsTxt(BASE)).toMatch(/^User-agent: \*$/m);
  });

  it('pages sitemaps at the limit asked for', () => {
    expect(productSitemapCount(1_000_000, 50_000)).toBe(20);
    expect(productSitemapCount(1, 50_000)).toBe(1);
    expect(productSitemapCount(101, 50)).toBe(3);
    const index = parseXml(renderSitemapIndex(BASE, 3, '2025-01-31'));
    expect(Array.from(index.querySelectorAll('sitemap > loc')).map((l) => l.textContent)).toEqual([
      `${BASE}/sitemaps/categories.xml`,
      `${BASE}/sitemaps/products-1.xml`,
      `${BASE}/sitemaps/products-2.xml`,
      `${BASE}/sitemaps/products-3.xml`,
    ]);
    expect(index.querySelector('parsererror')).toBeNull();
  });

  it('escapes URLs in a url set', () => {
    const xml = renderUrlSet(BASE, [{ path: '/c/x?page=2&sort=price', lastModified: '2025-01-31' }]);
    expect(xml).toContain('<loc>http://shop.test/c/x?page=2&amp;sort=price</loc>');
    expect(parseXml(xml).querySelector('url > loc')?.textContent).toBe(`${BASE}/c/x?page=2&sort=price`);
  });
});

describe('home and listing pages', () => {
  const catalog = new Catalog({ seed: 1, productsPerMarket: 200, crossMarketShare: 0.6 });

  it('links every category from the home page, by its slug in the market’s language', () => {
    const doc = parseHtml(renderHomePage('fr'));
    const links = Array.from(doc.querySelectorAll('.categories a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(CATEGORIES.map((c) => `/c/${c.slug.fr}`));
    expect(categoryIndexBySlug('fr', CATEGORIES[2]?.slug.fr ?? '')).toBe(2);
    expect(categoryIndexBySlug('fr', CATEGORIES[2]?.slug.it ?? '')).toBeNull();
    expect(categoryPath('de', 0, 3)).toBe(`/c/${CATEGORIES[0]?.slug.de}?page=3`);
  });

  it('lists products with links, prices and pagination both ways', () => {
    const items = [0, 1, 2].map((i) => {
      const product = catalog.product('it', i);
      return { product, offer: driftedOffer(product, 1, 0, { intervalMs: 60_000, amplitudeBasisPoints: 0 }) };
    });
    const doc = parseHtml(renderListingPage({ market: 'it', categoryIndex: 0, page: 2, pages: 3, items, baseUrl: BASE }));
    expect(Array.from(doc.querySelectorAll('.product-card')).map((c) => c.getAttribute('data-asin'))).toEqual(
      items.map((i) => i.product.sourceId),
    );
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(categoryPath('it', 0, 3));
    expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(categoryPath('it', 0, 1));
    expect(doc.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(BASE + categoryPath('it', 0, 3));
    expect(doc.querySelector('.listing__page')?.textContent).toBe(SHOP_TEXTS.it.pageOf(2, 3));
    const last = parseHtml(renderListingPage({ market: 'it', categoryIndex: 0, page: 3, pages: 3, items, baseUrl: BASE }));
    expect(last.querySelector('a[rel="next"]')).toBeNull();
  });

  it('tells a missing page in the market’s language', () => {
    expect(parseHtml(renderErrorPage('es', 404)).querySelector('main p')?.textContent).toBe(SHOP_TEXTS.es.notFound);
  });
});
