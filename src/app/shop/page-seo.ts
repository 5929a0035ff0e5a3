// What search engines read in a storefront page's head: title, description, canonical URL,
// hreflang alternates (server/storefront/alternates.ts), robots, and JSON-LD. Prepared on the
// server as plain JSON, applied to the document by seo-head.ts.
import type { Alternate } from '../../server/storefront';
import type { ShopLanguage } from '../../common/markets';

export interface PageSeo {
  readonly language: ShopLanguage;
  readonly title: string;
  readonly description: string;
  readonly canonical: string;
  readonly alternates: readonly Alternate[];
  /** `noindex, follow` for result pages of free text, which would be endless thin duplicates. */
  readonly robots: string | null;
  /** Absolute URL of the page's photo for link previews (og:image), through the image route. */
  readonly image: string | null;
  readonly jsonLd: Record<string, unknown> | null;
}

const SCHEMA_AVAILABILITY = {
  in_stock: 'https://schema.org/InStock',
  out_of_stock: 'https://schema.org/OutOfStock',
  unknown: null,
} as const;

export interface ProductJsonLdInput {
  readonly id: string;
  readonly title: string;
  readonly brand: string | null;
  readonly gtin: string | null;
  readonly imageUrl: string | null;
  readonly url: string;
  readonly offer: {
    readonly amountCents: number;
    readonly currency: string;
    readonly availability: keyof typeof SCHEMA_AVAILABILITY;
  } | null;
}

/** schema.org Product with its Offer, as Google's product rich results read it. */
export function productJsonLd(p: ProductJsonLdInput): Record<string, unknown> {
  const availability = p.offer ? SCHEMA_AVAILABILITY[p.offer.availability] : null;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.title,
    sku: p.id,
    url: p.url,
    ...(p.brand ? { brand: { '@type': 'Brand', name: p.brand } } : {}),
    ...(p.gtin ? { gtin: p.gtin } : {}),
    ...(p.imageUrl ? { image: [p.imageUrl] } : {}),
    ...(p.offer
      ? {
          offers: {
            '@type': 'Offer',
            url: p.url,
            // schema.org wants a decimal with a dot, whatever the page's locale.
            price: (p.offer.amountCents / 100).toFixed(2),
            priceCurrency: p.offer.currency,
            ...(availability ? { availability } : {}),
          },
        }
      : {}),
  };
}
