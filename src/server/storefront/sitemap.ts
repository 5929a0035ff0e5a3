// Our catalog as sitemaps (sitemaps.org): `/sitemap.xml` is an index of one product sitemap per
// market and id range, each at most 50,000 URLs as the protocol allows, plus one of the market
// listing pages. Id ranges come from a walk of the id index (catalog's product-sitemap.store.ts), so a page is a
// keyset range read, never a skip. Pure: names of the sitemap files and their XML.
import { MARKET_CODES, isMarketCode, type MarketCode } from '../../common/markets';

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapUrl {
  readonly loc: string;
  readonly lastmod?: Date;
  /** hreflang → URL of the same page in each market. */
  readonly alternates?: readonly { readonly hreflang: string; readonly href: string }[];
}

export type SitemapFile = { readonly kind: 'pages' } | { readonly kind: 'products'; readonly market: MarketCode; readonly page: number };

export function sitemapFileName(file: SitemapFile): string {
  return file.kind === 'pages' ? 'pages.xml' : `products-${file.market}-${file.page}.xml`;
}

export function parseSitemapFileName(name: string): SitemapFile | null {
  if (name === 'pages.xml') return { kind: 'pages' };
  const match = /^products-([a-z]{2})-(\d{1,6})\.xml$/.exec(name);
  if (!match || !isMarketCode(match[1])) return null;
  return { kind: 'products', market: match[1], page: Number(match[2]) };
}

/** Every file of the index: the listing pages, then each market's product pages. */
export function sitemapFiles(productPages: number): SitemapFile[] {
  return [
    { kind: 'pages' },
    ...MARKET_CODES.flatMap((market) =>
      Array.from({ length: productPages }, (_, page): SitemapFile => ({ kind: 'products', market, page })),
    ),
  ];
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function sitemapIndexXml(locs: readonly string[]): string {
  const entries = locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('\n');
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`;
}

export function urlSetXml(urls: readonly SitemapUrl[]): string {
  const entries = urls
    .map((url) => {
      const lastmod = url.lastmod ? `<lastmod>${url.lastmod.toISOString()}</lastmod>` : '';
      const alternates = (url.alternates ?? [])
        .map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`)
        .join('');
      return `<url><loc>${escapeXml(url.loc)}</loc>${lastmod}${alternates}</url>`;
    })
    .join('\n');
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries}\n</urlset>\n`;
}
