// The sitemap documents, from the store's reads and the pure XML: what the h3 routes serve.
import { catalogFacets, sitemapBoundaries, sitemapProducts } from '../catalog';
import { MARKET_CODES } from '../../common/markets';
import type { Runtime } from '../platform/runtime';
import { alternatesFor } from './alternates';
import { productPath } from './product-url';
import { SITEMAP_MAX_URLS, sitemapFileName, sitemapFiles, sitemapIndexXml, urlSetXml, type SitemapFile, type SitemapUrl } from './sitemap';

const SITEMAPS_PATH = '/sitemaps';

export async function sitemapIndex(rt: Runtime, origin: string): Promise<string> {
  const boundaries = await sitemapBoundaries(rt, rt.redis, SITEMAP_MAX_URLS);
  // An empty catalog still has its (empty) first page, which catches the first products.
  return sitemapIndexXml(sitemapFiles(Math.max(1, boundaries.length)).map((file) => `${origin}${SITEMAPS_PATH}/${sitemapFileName(file)}`));
}

/** A listing path in every market, as hreflang alternates of each other. */
function listingUrls(origin: string, rest: string): SitemapUrl[] {
  const alternates = alternatesFor(origin, rest);
  return MARKET_CODES.map((m) => ({ loc: `${origin}/${m}${rest}`, alternates }));
}

/** One sitemap file, or null when it does not exist (a page beyond the last). */
export async function sitemapFile(rt: Runtime, origin: string, file: SitemapFile): Promise<string | null> {
  if (file.kind === 'pages') {
    const { categories } = await catalogFacets(rt, rt.redis);
    return urlSetXml([...listingUrls(origin, ''), ...categories.flatMap((c) => listingUrls(origin, `?category=${encodeURIComponent(c)}`))]);
  }
  const boundaries = await sitemapBoundaries(rt, rt.redis, SITEMAP_MAX_URLS);
  if (file.page >= Math.max(1, boundaries.length)) return null;
  const from = file.page === 0 ? null : (boundaries[file.page] ?? null);
  const products = await sitemapProducts(rt, file.market, from, boundaries[file.page + 1] ?? null);
  return urlSetXml(
    products.map((p) => ({ loc: `${origin}${productPath(file.market, { slug: p.slug, id: p._id })}`, lastmod: p.updatedAt })),
  );
}
