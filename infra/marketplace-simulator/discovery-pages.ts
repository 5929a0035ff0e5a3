// How a crawler finds the products of a simulated shop: robots.txt naming the sitemap index, the
// paged sitemaps (at most 50,000 URLs each, the protocol's limit), the home page and the category
// listings with pagination. Pure functions of what the server hands them; all text is escaped.
import { MARKETS, type MarketCode } from '../../src/common/markets';
import { canonicalPath, type SimProduct } from './catalog-generator';
import { escapeHtml, escapeXml } from './html';
import type { OfferState } from './offer-drift';
import { formatPrice } from './price-format';
import { SHOP_TEXTS } from './shop-texts';
import { CATEGORIES } from './word-lists';

/** The sitemaps protocol allows 50,000 URLs per file. */
export const MAX_SITEMAP_URLS = 50_000;

export function renderRobotsTxt(baseUrl: string): string {
  return `User-agent: *
Disallow: /cart/
Disallow: /errors/
Disallow: /s?
Disallow: /api/
Allow: /

User-agent: GPTBot
Disallow: /

Sitemap: ${baseUrl}/sitemap.xml
`;
}

export function productSitemapCount(productsPerMarket: number, urlsPerSitemap: number): number {
  return Math.ceil(productsPerMarket / urlsPerSitemap);
}

export function renderSitemapIndex(baseUrl: string, productSitemaps: number, lastModified: string): string {
  const entry = (path: string) => `<sitemap><loc>${escapeXml(baseUrl + path)}</loc><lastmod>${lastModified}</lastmod></sitemap>`;
  const entries = [entry('/sitemaps/categories.xml')];
  for (let n = 1; n <= productSitemaps; n++) entries.push(entry(`/sitemaps/products-${n}.xml`));
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`;
}

export interface SitemapEntry {
  readonly path: string;
  /** W3C date, `2025-01-31`. */
  readonly lastModified: string;
}

export function renderUrlSet(baseUrl: string, entries: Iterable<SitemapEntry>): string {
  const lines: string[] = [];
  for (const { path, lastModified } of entries)
    lines.push(`<url><loc>${escapeXml(baseUrl + path)}</loc><lastmod>${lastModified}</lastmod></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${lines.join('\n')}
</urlset>
`;
}

export function categoryPath(market: MarketCode, categoryIndex: number, page = 1): string {
  const slug = CATEGORIES[categoryIndex]?.slug[market];
  if (slug === undefined) throw new Error(`no category ${categoryIndex}`);
  return page === 1 ? `/c/${slug}` : `/c/${slug}?page=${page}`;
}

export function categoryIndexBySlug(market: MarketCode, slug: string): number | null {
  const index = CATEGORIES.findIndex((c) => c.slug[market] === slug);
  return index === -1 ? null : index;
}

function page(market: MarketCode, title: string, body: string, headExtra = ''): string {
  const texts = SHOP_TEXTS[market];
  return `<!DOCTYPE html>
<html lang="${MARKETS[market].locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${headExtra}</head>
<body>
<header class="site-header"><a class="logo" href="/">${escapeHtml(texts.shopName)}</a></header>
${body}
</body>
</html>
`;
}

export function renderHomePage(market: MarketCode): string {
  const texts = SHOP_TEXTS[market];
  const links = CATEGORIES.map(
    (c, i) => `<li><a href="${escapeHtml(categoryPath(market, i))}">${escapeHtml(c.name[market])}</a></li>`,
  ).join('\n');
  return page(market, texts.shopName, `<main><h1>${escapeHtml(texts.categories)}</h1>\n<ul class="categories">\n${links}\n</ul></main>`);
}

export interface ListingItem {
  readonly product: SimProduct;
  readonly offer: OfferState;
}

export interface ListingView {
  readonly market: MarketCode;
  readonly categoryIndex: number;
  readonly page: number;
  readonly pages: number;
  readonly items: readonly ListingItem[];
  readonly baseUrl: string;
}

export function renderListingPage(view: ListingView): string {
  const { market, categoryIndex, page: current, pages } = view;
  const texts = SHOP_TEXTS[market];
  const category = CATEGORIES[categoryIndex];
  if (!category) throw new Error(`no category ${categoryIndex}`);
  const cards = view.items
    .map(({ product, offer }) => {
      const href = escapeHtml(canonicalPath(product));
      const price =
        offer.availability === 'in_stock'
          ? `<span class="product-card__price">${escapeHtml(formatPrice(offer.priceCents, product.markup.priceStyle))}</span>`
          : `<span class="product-card__unavailable">${escapeHtml(texts.outOfStock)}</span>`;
      return `<li class="product-card" data-asin="${product.sourceId}"><a class="product-card__link" href="${href}"><img src="${escapeHtml(view.baseUrl + (product.imagePaths[0] ?? ''))}" alt="" loading="lazy"><h2 class="product-card__title">${escapeHtml(product.title)}</h2></a>${price}</li>`;
    })
    .join('\n');
  const link = (n: number) => escapeHtml(categoryPath(market, categoryIndex, n));
  const prev = current > 1 ? `<a class="pagination__prev" rel="prev" href="${link(current - 1)}">${escapeHtml(texts.previous)}</a>` : '';
  const next = current < pages ? `<a class="pagination__next" rel="next" href="${link(current + 1)}">${escapeHtml(texts.next)}</a>` : '';
  const headLinks = [
    `<link rel="canonical" href="${escapeHtml(view.baseUrl + categoryPath(market, categoryIndex, current))}">`,
    current > 1 ? `<link rel="prev" href="${escapeHtml(view.baseUrl + categoryPath(market, categoryIndex, current - 1))}">` : '',
    current < pages ? `<link rel="next" href="${escapeHtml(view.baseUrl + categoryPath(market, categoryIndex, current + 1))}">` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return page(
    market,
    `${category.name[market]} | ${texts.shopName}`,
    `<main class="listing">
<h1>${escapeHtml(category.name[market])}</h1>
<p class="listing__page">${escapeHtml(texts.pageOf(current, pages))}</p>
<ul class="product-grid">
${cards}
</ul>
<nav class="pagination">${prev} <span class="pagination__current">${current}</span> ${next}</nav>
</main>`,
    `${headLinks}\n`,
  );
}

export function renderErrorPage(market: MarketCode, status: number): string {
  const texts = SHOP_TEXTS[market];
  return page(
    market,
    `${status} | ${texts.shopName}`,
    `<main class="error"><h1>${status}</h1><p>${escapeHtml(status === 404 ? texts.notFound : texts.tryAgainLater)}</p></main>`,
  );
}
