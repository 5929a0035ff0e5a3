import { z } from 'zod';
import { MarketCode } from '../../common/markets';
import { Money } from '../../common/money';
import { Id } from '../../common/ids';
import { CategoryId } from './taxonomy';

export const Availability = z.enum(['in_stock', 'out_of_stock', 'unknown']);
export type Availability = z.infer<typeof Availability>;

/** GTIN-8/12/13/14; the check digit is verified by the catalog rules, not by the shape. */
export const Gtin = z.string().regex(/^\d{8}$|^\d{12,14}$/, 'expected a GTIN of 8, 12, 13 or 14 digits');

/**
 * Where a live price is asked (a shop's row of the sites table chooses): `offer-api`, a partner
 * API answering `GET {base}/api/offers/{sourceId}` (the simulator's); `page`, the product page
 * itself, read by the extractors the scrapers use; `sp-api`, Amazon's Selling Partner API
 * (getItemOffers for the ASIN); `ebay-browse`, eBay's Browse API (getItem for the item id).
 */
export const QUOTE_SOURCES = ['offer-api', 'page', 'sp-api', 'ebay-browse'] as const;
export const QuoteSource = z.enum(QUOTE_SOURCES);
export type QuoteSource = z.infer<typeof QuoteSource>;

/** The channels a marketplace pushes offer changes over: Amazon's notifications, eBay's. */
export const PUSH_CHANNELS = ['sp-api', 'ebay'] as const;
export const PushChannel = z.enum(PUSH_CHANNELS);
export type PushChannel = z.infer<typeof PushChannel>;

/** What one source marketplace offers for this product, as last scraped or refreshed. */
export const Offer = z.object({
  site: z.string().min(1),
  /** The marketplace's own id: an ASIN, a SKU. */
  sourceId: z.string().min(1),
  url: z.url(),
  price: Money,
  shipping: Money.nullable(),
  availability: Availability,
  seller: z.string().nullable(),
  lastScrapedAt: z.date(),
  lastRefreshedAt: z.date().nullable(),
  /** Where the last refresh asked the price; absent before one (or on offers stored before it was kept). */
  refreshedFrom: QuoteSource.optional(),
  /**
   * When the marketplace stated the price last written: a pulled answer's arrival, a pushed
   * signal's own timestamp. A signal stating an older price never replaces it.
   */
  quotedAt: z.date().optional(),
  /** When a marketplace last pushed news of this offer, and over which channel: a subscription covers it. */
  pushed: z.object({ at: z.date(), via: PushChannel }).optional(),
});
export type Offer = z.infer<typeof Offer>;

/** Our selling price in one market, VAT included, and where it was computed from. */
export const SellPrice = z.object({
  price: Money,
  sourceMarket: MarketCode,
  computedAt: z.date(),
});
export type SellPrice = z.infer<typeof SellPrice>;

/** An agent's selling price for one market, in force until it expires. */
export const PriceOverride = z.object({
  price: Money,
  expiresAt: z.date(),
  reason: z.string().min(1),
  agentId: Id,
  at: z.date(),
});
export type PriceOverride = z.infer<typeof PriceOverride>;

/** An agent stopped selling the product: it leaves the storefront in every market until resumed. */
export const SalesStop = z.object({
  reason: z.string().min(1),
  agentId: Id,
  at: z.date(),
});
export type SalesStop = z.infer<typeof SalesStop>;

/** A language a product text is written in: the languages of our markets. */
export const TextLanguage = z.enum(['it', 'fr', 'de', 'es']);
export type TextLanguage = z.infer<typeof TextLanguage>;

/**
 * A product's title and description as one market shows them: from that market's own product
 * page (rewritten by every scrape of it), or translated from another market's page once.
 */
export const ProductText = z.object({
  title: z.string().min(1),
  description: z.string().min(1).nullable(),
  language: TextLanguage,
  origin: z.enum(['page', 'translation']),
  at: z.date(),
});
export type ProductText = z.infer<typeof ProductText>;

const byMarket = <T extends z.ZodType>(value: T) => z.partialRecord(MarketCode, value);

/** One real-world product, read whole by the product page; offers are embedded by market. */
export const Product = z.object({
  _id: Id,
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug'),
  gtin: Gtin.nullable(),
  /** The title of the page that first found the product: what the back office shows. */
  title: z.string().min(1),
  /**
   * What each market shows (product-text.ts chooses); absent on products stored before texts
   * were kept per market, which show `title` until their next scrape.
   */
  texts: byMarket(ProductText).optional(),
  brand: z.string().nullable(),
  /** The taxonomy's id the scraped category text maps to (taxonomy.ts). */
  category: CategoryId,
  images: z.array(z.url()),
  attributes: z.record(z.string(), z.string()),
  /** Lowercased, accent-free words of brand and every title shown (productSearchTokens): keyword search without a text index. */
  searchTokens: z.array(z.string()),
  /**
   * Every id the product's listings could have gone by (its GTIN's, ASIN's, brand and part
   * number's, each shop's): a page showing any of them is this product. Absent on products
   * stored before it was kept, which answer to their `_id` alone until their next scrape.
   */
  identities: z.array(Id).optional(),
  offers: byMarket(Offer),
  sellPrices: byMarket(SellPrice),
  /** Absent on most products; see selling.ts for how they combine with sellPrices. */
  priceOverrides: byMarket(PriceOverride).optional(),
  salesStop: SalesStop.nullable().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Product = z.infer<typeof Product>;

/** The ids a product answers to: its `identities`, or its `_id` alone when stored before they were kept. */
export function productIdentities(product: Pick<Product, '_id' | 'identities'>): string[] {
  return product.identities ?? [product._id];
}
