// Products made the way production makes them, for tests, seeds and benchmarks: a listing as a
// scraper extracts it, written through the crawl's own batch path (the listing store's plan,
// pricing and guarded upsert, then the cache). Callers change listing fields only, so no product
// holds what a scrape could not have produced: its id, slug, search tokens and selling prices are
// production's, whatever those rules become. Not imported by application code.
import { randomInt } from 'node:crypto';
import type { Product } from '../../catalog';
import { newId } from '../../../common/ids';
import type { MarketCode } from '../../../common/markets';
import { marginRules } from '../../pricing';
import type { Runtime } from '../../platform/runtime';
import type { Listing } from '../extraction/listing.schema';
import { writeListings, type ListingWriteDeps } from './listing.service';
import { productsByIds } from '../../catalog';

/** A GTIN-13 of random digits with its GS1 check digit: a product of its own, identified as scraped ones are. */
export function randomGtin(): string {
  const digits = Array.from({ length: 12 }, () => randomInt(10));
  const sum = digits.reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

/**
 * A listing of an Amazon page in `market` (Italy unless overridden), a new product unless the
 * overrides name one (by `gtin`, or `sourceId` with `gtin: null`).
 */
export function scrapedListing(overrides: Partial<Listing> = {}): Listing {
  const market: MarketCode = overrides.market ?? 'it';
  const sourceId = overrides.sourceId ?? `B0${newId(8).toUpperCase()}`;
  return {
    market,
    site: `amazon.${market}`,
    sourceId,
    url: `https://www.amazon.${market}/dp/${sourceId}`,
    title: 'Bialetti Moka Express 6 tazze',
    description: 'Caffettiera in alluminio per 6 tazze, la moka originale.',
    brand: 'Bialetti',
    gtin: randomGtin(),
    priceCents: 2799,
    listPriceCents: null,
    currency: 'EUR',
    availability: 'in_stock',
    shippingCents: 0,
    imageUrl: null,
    category: 'Caffettiere',
    seller: 'Amazon',
    variants: [],
    confidence: 0.95,
    sources: { price: ['json-ld'], title: ['json-ld'] },
    ...overrides,
  };
}

/** What the scrapers write with: the runtime's stores, cache and margin settings. */
export function scrapeDeps(rt: Pick<Runtime, 'db' | 'redis' | 'config'>): ListingWriteDeps {
  return { db: rt.db, redis: rt.redis, margin: marginRules(rt.config) };
}

/**
 * Writes the listings as one crawl batch scraped at `now`, and answers the products they make,
 * one per product id in the listings' order (listings of one GTIN in several markets make one
 * product with an offer in each). A listing the store would not write is the caller's mistake:
 * it throws, naming why, instead of answering fewer products.
 */
export async function scrapeProducts(deps: ListingWriteDeps, listings: readonly Listing[], now = new Date()): Promise<Product[]> {
  for (const listing of listings)
    if (!listing.market) throw new Error(`listing ${listing.url} names no market: the store would not write it`);
  const result = await writeListings(deps, listings, now);
  // Listings of one product (one GTIN or ASIN in several markets) make one product.
  const ids = [...new Set(result.productIds.filter((id): id is string => id !== null))];
  const skipped = Object.entries(result.skipped);
  if (skipped.length > 0)
    throw new Error(`the listing store refused listings: ${skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}`);
  // Unchanged listings (a seed run again) wrote nothing: those products are read as stored.
  const byId = new Map(result.written.map((p) => [p._id, p]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) for (const [id, p] of await productsByIds(deps, missing)) byId.set(id, p);
  return ids.map((id) => {
    const product = byId.get(id);
    if (!product) throw new Error(`product ${id} was written but cannot be read`);
    return product;
  });
}

/** One product from one listing: `scrapedListing(overrides)` scraped at `now`. */
export async function scrapeProduct(deps: ListingWriteDeps, overrides: Partial<Listing> = {}, now = new Date()): Promise<Product> {
  const [product] = await scrapeProducts(deps, [scrapedListing(overrides)], now);
  return product!;
}
