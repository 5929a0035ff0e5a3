// The product page's SEO, prepared on the server from the page data: the canonical URL in its
// market, the same product in the other markets, and JSON-LD Product with the Offer the page
// shows (price, currency, availability). Server-only: it reads the public origin from the configuration.
import { loadConfig } from '../../server/platform/config';
import { productImagePath } from '../../server/images';
import { MARKETS } from '../../common/markets';
import type { ProductPageData } from '../../server/product-page';
import { alternatesFor, productPath } from '../../server/storefront';
import { PRODUCT_PAGE_TEXTS } from '../product-page/product-page-texts';
import { formatMoney } from '../../common/money';
import { productJsonLd, type PageSeo } from './page-seo';

export function productSeo(page: ProductPageData): PageSeo {
  const origin = loadConfig().PUBLIC_URL;
  const { language, locale } = MARKETS[page.market];
  const t = PRODUCT_PAGE_TEXTS[language];
  const path = productPath(page.market, page.product);
  const url = `${origin}${path}`;
  const named = page.product.brand ? `${page.product.brand} ${page.product.title}` : page.product.title;
  const price = page.price;
  // JPEG for link previews: some crawlers that read og:image take no WebP.
  const image = page.product.images.length > 0 ? `${origin}${productImagePath(page.product.id, 1, 'jpg', 1024)}` : null;
  return {
    language,
    title: `${page.product.title} · DigitalSales`,
    description: price ? `${named}: ${formatMoney(price.price, locale)}, ${t.vatIncluded}.` : `${named}. ${t.notSoldHere}`,
    canonical: url,
    alternates: alternatesFor(origin, path.slice(`/${page.market}`.length)),
    robots: null,
    image,
    jsonLd: productJsonLd({
      id: page.product.id,
      title: page.product.title,
      brand: page.product.brand,
      gtin: page.product.gtin,
      imageUrl: image,
      url,
      offer: price ? { amountCents: price.price.amountCents, currency: price.price.currency, availability: price.availability } : null,
    }),
  };
}
