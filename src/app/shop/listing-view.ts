// What the market listing page's server load hands the page (home, category, search results):
// plain JSON with prices and dates already written the market's way, so the browser bundle
// needs no server modules and hydration renders the very same text.
import type { ShopLanguage } from '../../common/markets';
import type { ProductImageView } from '../../server/images';
import type { SearchSort } from '../../server/catalog';
import type { PageSeo } from './page-seo';

export const LISTING_FIELDS = ['q', 'category', 'brand', 'min', 'max', 'stock', 'sort', 'cursor'] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];

export interface ListingCard {
  readonly id: string;
  readonly title: string;
  /** The title's language when it is not the market's (not translated yet): `lang` on its element. */
  readonly titleLang: string | null;
  readonly brand: string | null;
  readonly href: string;
  readonly image: ProductImageView | null;
  readonly priceText: string;
  readonly availability: 'in_stock' | 'out_of_stock' | 'unknown';
  readonly addedText: string;
}

/** A category of the taxonomy as the filter offers it: its id in the URL, its name in the market's language. */
export interface CategoryOption {
  readonly id: string;
  readonly name: string;
}

export interface ListingView {
  readonly market: ShopLanguage;
  readonly language: ShopLanguage;
  /** The form's values as the shopper sent them, to fill the fields again. */
  readonly filters: Partial<Record<ListingField, string>>;
  /** A message next to each field the shopper must correct, in the market's language. */
  readonly fieldErrors: Partial<Record<ListingField, string>>;
  readonly categories: readonly CategoryOption[];
  readonly brands: readonly string[];
  /** The sorts the server knows, in the order offered. */
  readonly sorts: readonly SearchSort[];
  readonly cards: readonly ListingCard[];
  readonly nextHref: string | null;
  /** Back to the first page when this is a later one. */
  readonly firstHref: string | null;
  readonly seo: PageSeo;
}

export type ListingLoad =
  | { readonly status: 'ok'; readonly view: ListingView; readonly httpStatus: 200 | 400 }
  | { readonly status: 'not-found'; readonly language: ShopLanguage }
  | { readonly status: 'unavailable'; readonly language: ShopLanguage };

/** The listing's URL with these values (blank ones left out), in the fields' order. */
export function listingHref(market: string, values: Partial<Record<ListingField, string>>): string {
  const params = new URLSearchParams();
  for (const field of LISTING_FIELDS) {
    const value = values[field];
    if (value) params.set(field, value);
  }
  const query = params.toString();
  return `/${market}${query ? `?${query}` : ''}`;
}
