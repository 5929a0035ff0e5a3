// Where a crawl finds product pages: the sitemaps robots.txt names, the URLs a sitemap (or a
// sitemap index) lists, and the product and listing links of a category page. Written to survive
// the sloppy files sites serve (a closing tag missing, "Sitemap" without its colon).
// Pure: text in, URLs out.
import type { CheerioAPI } from 'cheerio';
import { absoluteUrl } from '../extraction/html-text';
import { isOnHosts, type SiteConfig } from './sites';

export function sitemapsFromRobots(robotsTxt: string, base: string): string[] {
  const urls: string[] = [];
  for (const line of robotsTxt.split(/\r?\n/)) {
    const match = /^\s*sitemap\s*:?\s*(\S+)/i.exec(line);
    const url = match ? absoluteUrl(match[1], base) : undefined;
    if (url) urls.push(url);
  }
  return [...new Set(urls)];
}

export interface SitemapContent {
  /** Child sitemaps of a sitemap index. */
  readonly sitemaps: string[];
  /** Page URLs of a urlset. */
  readonly pages: string[];
}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** `<loc>`s read one by one, not through an XML parser, so a file missing a closing tag still yields them. */
export function parseSitemap(xml: string, base: string): SitemapContent {
  const isIndex = /<sitemapindex\b/i.test(xml);
  const locs: string[] = [];
  for (const match of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)) {
    const url = absoluteUrl(
      match[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e]!),
      base,
    );
    if (url) locs.push(url);
  }
  return isIndex ? { sitemaps: locs, pages: [] } : { sitemaps: [], pages: locs };
}

export type PageKind = 'product' | 'listing' | 'other';

/** Product or listing page of this site, by path; other hosts are never followed. */
export function classifyUrl(url: string, site: Pick<SiteConfig, 'hosts' | 'productPath' | 'listingPath'>): PageKind {
  if (!isOnHosts(url, site.hosts)) return 'other';
  const parsed = new URL(url);
  if (site.productPath.test(parsed.pathname)) return 'product';
  if (site.listingPath.test(parsed.pathname)) return 'listing';
  return 'other';
}

/** Product links and further listing pages (pagination, subcategories) of a listing page. */
export function linksOfListing(
  $: CheerioAPI,
  pageUrl: string,
  site: Pick<SiteConfig, 'hosts' | 'productPath' | 'listingPath'>,
): { products: string[]; listings: string[] } {
  const products = new Set<string>();
  const listings = new Set<string>();
  $('a[href], link[rel="next"][href]').each((_, el) => {
    const url = absoluteUrl($(el).attr('href'), pageUrl);
    if (!url) return;
    const clean = url.replace(/#.*$/, '');
    const kind = classifyUrl(clean, site);
    if (kind === 'product') products.add(clean.replace(/\?.*$/, ''));
    else if (kind === 'listing') listings.add(clean);
  });
  return { products: [...products], listings: [...listings] };
}
