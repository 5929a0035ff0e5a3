// The product page's SEO, prepared on the server from the page data: the canonical URL in its
// market, the same product in the other markets, and JSON-LD Product with the Offer the page
// shows (price, currency, availability). Server-only: it reads the public origin from the configuration.
import { loadConfig } from '../../server/config';
import { MARKETS } from '../../server/markets';
import type { ProductPageData } from '../../server/pricing';
import { alternatesFor } from '../../server/storefront/alternates';
import { productPath } from '../../server/storefront/product-url';
import { PRODUCT_PAGE_TEXTS } from '../product-page/product-page-texts';
import { formatMoney } from '../../server/money';
import { productJsonLd, type PageSeo } from './page-seo';

export function productSeo(page: ProductPageData): PageSeo {
  const origin = loadConfig().PUBLIC_URL;
  const { language, locale } = MARKETS[page.market];
  const t = PRODUCT_PAGE_TEXTS[language];
  const path = productPath(page.market, page.product);
  const url = `${origin}${path}`;
  const named = page.product.brand ? `${page.product.brand} ${page.product.title}` : page.product.title;
  const price = page.price;
  return {
    language,
    title: `${page.product.title} · DigitalSales`,
    description: price ? `${named}: ${formatMoney(price.price, locale)}, ${t.vatIncluded}.` : `${named}. ${t.notSoldHere}`,
    canonical: url,
    alternates: alternatesFor(origin, path.slice(`/${page.market}`.length)),
    robots: null,
    jsonLd: productJsonLd({
      id: page.product.id,
      title: page.product.title,
      brand: page.product.brand,
      gtin: page.product.gtin,
      imageUrl: page.product.images[0] ?? null,
      url,
      offer: price ? { amountCents: price.price.amountCents, currency: price.price.currency, availability: price.availability } : null,
    }),
  };
}
