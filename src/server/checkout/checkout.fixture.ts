// Test data for the cart and checkout tests: products for sale, scraped into the catalog by the
// crawl's own write path (scraping's product factory), so that their selling prices in every
// market are the pricing's, and scraped again when a test needs the price to move. Not imported
// by application code.
import type { Product } from '../catalog/product.schema';
import { sellingPrice } from '../catalog/selling';
import type { MarketCode } from '../markets';
import type { Runtime } from '../runtime';
import { scrapedListing, scrapeDeps, scrapeProducts, type Listing } from '../scraping';

export interface ProductForSale {
  readonly product: Product;
  /** What the scraper read: scrape it again with changed fields to move the price. */
  readonly listing: Listing;
}

/** A product scraped just now from `overrides` (an Italian Amazon page by default): fresh, so opening it refreshes nothing. */
export async function productForSale(rt: Runtime, overrides: Partial<Listing> = {}): Promise<ProductForSale> {
  const listing = scrapedListing(overrides);
  const [product] = await scrapeProducts(scrapeDeps(rt), [listing]);
  return { product: product!, listing };
}

/** The same page scraped again with `changes` (a new price), as the next crawl writes it. */
export async function rescrape(rt: Runtime, seed: ProductForSale, changes: Partial<Listing>): Promise<ProductForSale> {
  const listing = { ...seed.listing, ...changes };
  const [product] = await scrapeProducts(scrapeDeps(rt), [listing]);
  return { product: product!, listing };
}

/** What a shopper in `market` pays for one unit. */
export function unitCents(product: Product, market: MarketCode): number {
  const selling = sellingPrice(product, market);
  if (!selling) throw new Error(`product ${product._id} is not for sale in ${market}`);
  return selling.price.amountCents;
}
