// What extraction makes of one product page: a normalized listing, whatever the shop's markup,
// with how sure we are and where each field came from. Prices are integer cents in `currency`.
import { z } from 'zod';
import { MarketCode } from '../../../common/markets';
import { Availability, Gtin } from '../../catalog';

/** Where a field was read: structured data first, then the visible page. */
export const FieldSource = z.enum(['json-ld', 'microdata', 'opengraph', 'amazon', 'text']);
export type FieldSource = z.infer<typeof FieldSource>;

export const LISTING_FIELDS = [
  'title',
  'description',
  'brand',
  'gtin',
  'mpn',
  'sourceId',
  'url',
  'price',
  'listPrice',
  'currency',
  'availability',
  'shipping',
  'imageUrl',
  'category',
  'seller',
] as const;
export const ListingField = z.enum(LISTING_FIELDS);
export type ListingField = z.infer<typeof ListingField>;

const cents = z.number().int().nonnegative().safe();

/** One choice on a page with several prices (colours, sizes). */
export const ListingVariant = z.object({
  sourceId: z.string().nullable(),
  name: z.string().nullable(),
  gtin: Gtin.nullable(),
  priceCents: cents,
  availability: Availability,
});
export type ListingVariant = z.infer<typeof ListingVariant>;

export const Listing = z.object({
  /** Null when extraction ran without knowing the market (the extraction command on a stray page). */
  market: MarketCode.nullable(),
  /** The shop, by host without `www.`: `amazon.it`, `shop.example.fr`. */
  site: z.string().min(1),
  /** The shop's own id: an ASIN, a SKU. */
  sourceId: z.string().min(1).nullable(),
  /** Canonical URL when the page names one, else the URL it was fetched from. */
  url: z.string().min(1),
  title: z.string().min(1),
  /** The product's own text as the page shows it (not the shop's boilerplate); null when the page has none. */
  description: z.string().min(1).nullable(),
  brand: z.string().nullable(),
  /** Check digit verified; a GTIN that fails it is dropped. */
  gtin: Gtin.nullable(),
  /** The maker's part number ("HD9867/90"), which with the brand names the item in any shop. */
  mpn: z.string().min(1).max(80).nullable().optional(),
  priceCents: cents.nullable(),
  listPriceCents: cents.nullable(),
  /** ISO 4217. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  availability: Availability,
  shippingCents: cents.nullable(),
  imageUrl: z.string().nullable(),
  category: z.string().nullable(),
  seller: z.string().nullable(),
  variants: z.array(ListingVariant),
  /** 0 to 1: how much the page's sources agree on the fields that matter (price first). */
  confidence: z.number().min(0).max(1),
  sources: z.partialRecord(ListingField, z.array(FieldSource)),
});
export type Listing = z.infer<typeof Listing>;

export const BlockReason = z.enum(['captcha', 'robot_check', 'challenge', 'access_denied', 'rate_limited']);
export type BlockReason = z.infer<typeof BlockReason>;

/** A page is a product, a block page (never to be stored as a product), or neither. */
export type ExtractResult =
  | { readonly kind: 'listing'; readonly listing: Listing }
  | { readonly kind: 'blocked'; readonly reason: BlockReason }
  | { readonly kind: 'no_product'; readonly reason: string };
