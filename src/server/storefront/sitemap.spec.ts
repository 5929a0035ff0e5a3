import { describe, expect, it } from 'vitest';
import { parseSitemapFileName, sitemapFileName, sitemapFiles, sitemapIndexXml, urlSetXml } from './sitemap';

describe('sitemap file names', () => {
  it('name the listing pages and each market’s product pages, and read back', () => {
    const files = sitemapFiles(2);
    expect(files.map(sitemapFileName)).toEqual([
      'pages.xml',
      'products-it-0.xml',
      'products-it-1.xml',
      'products-fr-0.xml',
      'products-fr-1.xml',
      'products-de-0.xml',
      'products-de-1.xml',
      'products-es-0.xml',
      'products-es-1.xml',
    ]);
    for (const file of files) expect(parseSitemapFileName(sitemapFileName(file))).toEqual(file);
  });

  it('refuse what is not one', () => {
    for (const name of ['products-uk-0.xml', 'products-it-x.xml', 'products-it-0.xml.gz', '../etc/passwd', ''])
      expect(parseSitemapFileName(name)).toBeNull();
  });
});

describe('sitemap XML', () => {
  it('escapes URLs and writes lastmod in UTC, alternates as xhtml links', () => {
    const xml = urlSetXml([
      {
        loc: 'https://shop.example/it?category=a&b',
        lastmod: new Date('2026-11-25T10:00:00Z'),
        alternates: [{ hreflang: 'fr', href: 'https://shop.example/fr?category=a&b' }],
      },
    ]);
    expect(xml).toContain('<url><loc>https://shop.example/it?category=a&amp;b</loc><lastmod>2026-11-25T10:00:00.000Z</lastmod>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="fr" href="https://shop.example/fr?category=a&amp;b"/>');
    expect(sitemapIndexXml(['https://shop.example/sitemaps/pages.xml'])).toContain(
      '<sitemap><loc>https://shop.example/sitemaps/pages.xml</loc></sitemap>',
    );
  });
});
