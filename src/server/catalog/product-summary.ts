// The shape of a product in listings: plain JSON (dates as ISO strings), so it crosses
// tRPC and TransferState to the browser unchanged.
import { MARKET_CODES, type MarketCode } from '../markets';
import type { Money } from '../money';
import type { Product } from './product.schema';

export interface MarketPrice {
  readonly market: MarketCode;
  readonly price: Money;
}

export interface ProductSummary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly brand: string | null;
  readonly category: string | null;
  readonly imageUrl: string | null;
  /** Our selling price, VAT included, in each market that has one, in market order. */
  readonly sellPrices: readonly MarketPrice[];
  readonly updatedAt: string;
}

export function toProductSummary(product: Product): ProductSummary {
  return {
    id: product._id,
    slug: product.slug,
    title: product.title,
    brand: product.brand,
    category: product.category,
    imageUrl: product.images[0] ?? null,
    sellPrices: MARKET_CODES.flatMap((market) => {
      const sell = product.sellPrices[market];
      return sell ? [{ market, price: sell.price }] : [];
    }),
    updatedAt: product.updatedAt.toISOString(),
  };
}
