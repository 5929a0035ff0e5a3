// Which URLs a crawl takes from what a shop serves: only its own (same host, with or without
// `www.`, and same port), whatever else robots.txt, a sitemap or a listing names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../extraction/html-text';
import { classifyUrl, linksOfListing, parseSitemap, sitemapsFromRobots } from './discovery';
import { isOnHosts, marketplaceSites, siteForUrl, STATIC_SITES } from './sites';

const shop = marketplaceSites({
  MARKETPLACE_URL_IT: 'http://127.0.0.1:4100',
  MARKETPLACE_URL_FR: 'https://www.boutique.example',
  MARKETPLACE_URL_DE: undefined,
  MARKETPLACE_URL_ES: undefined,
  SCRAPE_MAX_REQUESTS_PER_MINUTE: 0,
  SCRAPE_MAX_CONCURRENCY: 1,
  SCRAPE_RESPECT_ROBOTS_TXT: true,
});
const it4100 = shop.find((s) => s.market === 'it')!;
const fr = shop.find((s) => s.market === 'fr')!;

const OFF_SITE = [
  'http://127.0.0.1:6379/dp/B000000001',
  'http://127.0.0.1/dp/B000000001',
  'http://localhost:4100/dp/B000000001',
  'http://[::ffff:127.0.0.1]:4100/dp/B000000001',
  'http://127.0.0.1.nip.io:4100/dp/B000000001',
  'http://user@127.0.0.1:4100/dp/B000000001',
  'ftp://127.0.0.1:4100/dp/B000000001',
  'javascript:alert(1)',
];

describe('the hosts of a site', () => {
  it('are its host and port only', () => {
    expect(classifyUrl('http://127.0.0.1:4100/dp/B000000001', it4100)).toBe('product');
    // The URL parser writes this the shop's way: it is the shop.
    expect(classifyUrl('http://0x7f000001:4100/dp/B000000001', it4100)).toBe('product');
    expect(classifyUrl('http://127.0.0.1:4100/c/casa', it4100)).toBe('listing');
    for (const url of OFF_SITE) expect(classifyUrl(url, it4100), url).toBe('other');
    expect(classifyUrl('https://boutique.example/p/lampe-B000000001', fr)).toBe('product');
    expect(classifyUrl('https://www.boutique.example/p/lampe-B000000001', fr)).toBe('product');
    expect(classifyUrl('https://boutique.example:8443/p/lampe-B000000001', fr)).toBe('other');
    expect(classifyUrl('http://boutique.example.evil.example/p/lampe-B000000001', fr)).toBe('other');
    // A real marketplace's row names no port: only the scheme's own.
    expect(siteForUrl('https://www.amazon.it/dp/B000000001')?.name).toBe('amazon.it');
    expect(siteForUrl('https://www.amazon.it:6379/dp/B000000001')).toBeUndefined();
  });

  it('never take in a URL whose host differs, whatever its path', () => {
    const host = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
    );
    const url = fc
      .tuple(host, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), fc.webPath())
      .map(([h, port, path]) => `http://${h}${port ? `:${port}` : ''}${path}`);
    fc.assert(
      fc.property(url, (u) => {
        const onShop = new URL(u).host === '127.0.0.1:4100';
        return isOnHosts(u, it4100.hosts) === onShop && (onShop || classifyUrl(u, it4100) === 'other');
      }),
    );
    expect(STATIC_SITES.every((s) => !isOnHosts('http://127.0.0.1:4100/', s.hosts))).toBe(true);
  });
});

describe('what a hostile shop names', () => {
  it('is read, then left out by host: robots.txt, sitemaps and listing links alike', () => {
    const robots = sitemapsFromRobots(
      'Sitemap: /sitemap.xml\nSitemap: http://127.0.0.1:6379/sitemap.xml\n',
      'http://127.0.0.1:4100/robots.txt',
    );
    expect(robots.filter((u) => isOnHosts(u, it4100.hosts))).toEqual(['http://127.0.0.1:4100/sitemap.xml']);

    const urlset = parseSitemap(
      `<urlset>${['http://127.0.0.1:4100/dp/B000000002', ...OFF_SITE].map((u) => `<url><loc>${u.replace(/&/g, '&amp;')}</loc></url>`).join('')}</urlset>`,
      'http://127.0.0.1:4100/sitemap.xml',
    );
    expect(urlset.pages.filter((u) => classifyUrl(u, it4100) === 'product')).toEqual(['http://127.0.0.1:4100/dp/B000000002']);

    const page = parseHtml(
      `<html><body>${['/dp/B000000003', '/c/casa?page=2', ...OFF_SITE, 'http://localhost:4100/c/casa'].map((h) => `<a href="${h}">x</a>`).join('')}</body></html>`,
    );
    expect(linksOfListing(page, 'http://127.0.0.1:4100/c/casa', it4100)).toEqual({
      products: ['http://127.0.0.1:4100/dp/B000000003'],
      listings: ['http://127.0.0.1:4100/c/casa?page=2'],
    });
  });
});
