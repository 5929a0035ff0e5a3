// The shape of a product in listings: plain JSON (dates as ISO strings), so it crosses
// tRPC and TransferState to the browser unchanged.
import { MARKET_CODES, type MarketCode } from '../markets';
import type { Money } from '../money';
import type { Product } from './product.schema';
import { sellingPrice } from './selling';

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
  /** What a shopper pays, VAT included (an agent's override included), in each market where it is for sale, in market order. */
  readonly sellPrices: readonly MarketPrice[];
  readonly updatedAt: string;
}

export function toProductSummary(product: Product, now = new Date()): ProductSummary {
  return {
    id: product._id,
    slug: product.slug,
    title: product.title,
    brand: product.brand,
    category: product.category,
    imageUrl: product.images[0] ?? null,
    sellPrices: MARKET_CODES.flatMap((market) => {
      const selling = sellingPrice(product, market, now);
      return selling ? [{ market, price: selling.price }] : [];
    }),
    updatedAt: product.updatedAt.toISOString(),
  };
}
