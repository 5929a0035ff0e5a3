// The marketplace simulator's products as a scraper reads them, for the refresher's tests, the
// e2e tests and the benchmarks: listings to write through scraping's product factory, at a scrape
// time of the caller's choosing (an old one makes the price stale).
import { canonicalPath, type SimProduct } from './catalog-generator';
import type { MarketCode } from '../../src/common/markets';
import { scrapedListing, type Listing } from '../../src/server/scraping';

/** The fields of a simulator product (control API `GET /__control/markets/{m}/products/{id}`) used here. */
export interface SimProductInfo {
  readonly market: MarketCode;
  readonly sourceId: string;
  readonly gtin: string;
  readonly title: string;
  readonly brand: string;
  readonly category: string;
  readonly url: string;
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly availability: 'in_stock' | 'out_of_stock';
}

/** What a scraper extracts from the product's page on the simulator. */
export function simListing(info: SimProductInfo, overrides: Partial<Listing> = {}): Listing {
  return scrapedListing({
    market: info.market,
    site: new URL(info.url).host,
    sourceId: info.sourceId,
    url: info.url,
    title: info.title,
    brand: info.brand,
    gtin: info.gtin,
    priceCents: info.priceCents,
    shippingCents: info.shippingCents,
    availability: info.availability,
    category: info.category,
    seller: null,
    ...overrides,
  });
}

/** A product of the simulator's catalog (generated in this process) as read from its page on the shop at `origin`. */
export function simCatalogListing(
  product: SimProduct,
  market: MarketCode,
  origin: string,
  availability: SimProductInfo['availability'] = 'in_stock',
): Listing {
  return simListing({
    market,
    sourceId: product.sourceId,
    gtin: product.gtin,
    title: product.title,
    brand: product.brand,
    category: product.category.name[market],
    url: `${origin}${canonicalPath(product)}`,
    priceCents: product.basePriceCents,
    shippingCents: product.shippingCents,
    availability,
  });
}

/** Reads a simulator product through its control API, as a test in another process must. */
export async function simProductInfo(controlUrl: string, market: MarketCode, index: number): Promise<SimProductInfo> {
  const response = await fetch(`${controlUrl}/markets/${market}/products?index=${index}`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`simulator control API answered ${response.status}`);
  const body = (await response.json()) as {
    market: MarketCode;
    sourceId: string;
    gtin: string;
    title: string;
    brand: string;
    category: string;
    url: string;
    offer: { priceCents: number; shippingCents: number; availability: 'in_stock' | 'out_of_stock' };
  };
  return { ...body, ...body.offer };
}

/** Sets a product's price or faults through the control API. */
export async function patchSimProduct(
  controlUrl: string,
  market: MarketCode,
  sourceId: string,
  patch: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${controlUrl}/markets/${market}/products/${sourceId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`simulator control API answered ${response.status}: ${await response.text()}`);
}

/** How many offer API calls the simulator received for one product. */
export async function offerCallCount(controlUrl: string, market: MarketCode, sourceId: string): Promise<number> {
  const response = await fetch(`${controlUrl}/requests`, { signal: AbortSignal.timeout(5000) });
  const counts = (await response.json()) as Record<MarketCode, { byPath: Record<string, number> }>;
  return counts[market].byPath[`/api/offers/${sourceId}`] ?? 0;
}
