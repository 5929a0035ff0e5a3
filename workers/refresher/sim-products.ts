// Catalog products made from the marketplace simulator's products, for the refresher's tests,
// the e2e tests and the benchmark: what a scraper would have stored, with a price checked at
// a time of the caller's choosing (an old one makes the price stale).
import type { Product } from '../../src/server/catalog/product.schema';
import { searchTokens } from '../../src/server/catalog/search-tokens';
import { categoryIdOf } from '../../src/server/catalog/taxonomy';
import type { MarketCode } from '../../src/server/markets';
import { computeSellPrices, DEFAULT_MARGIN_RULES, type MarginRules } from '../../src/server/pricing';

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


function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return slug || 'product';
}

export function productFromSim(info: SimProductInfo, id: string, checkedAt: Date, rules: MarginRules = DEFAULT_MARGIN_RULES): Product {
  const offers = {
    [info.market]: {
      site: new URL(info.url).host,
      sourceId: info.sourceId,
      url: info.url,
      price: { amountCents: info.priceCents, currency: 'EUR' as const },
      shipping: { amountCents: info.shippingCents, currency: 'EUR' as const },
      availability: info.availability,
      seller: null,
      lastScrapedAt: checkedAt,
      lastRefreshedAt: null,
    },
  };
  return {
    _id: id,
    slug: slugOf(info.title),
    gtin: info.gtin,
    title: info.title,
    brand: info.brand,
    // The simulator's category text, mapped as the scrapers map what they read.
    category: categoryIdOf(info.category),
    images: [],
    attributes: { GTIN: info.gtin },
    searchTokens: searchTokens(info.title, info.brand),
    offers,
    sellPrices: computeSellPrices(offers, rules, checkedAt),
    createdAt: checkedAt,
    updatedAt: checkedAt,
  };
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
export async function patchSimProduct(controlUrl: string, market: MarketCode, sourceId: string, patch: Record<string, unknown>): Promise<void> {
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
