// The shape of a product in listings: plain JSON (dates as ISO strings), so it crosses
// tRPC and TransferState to the browser unchanged.
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import type { Money } from '../../common/money';
import type { Product } from './product.schema';
import type { CategoryId } from './taxonomy';
import { sellingPrice } from './selling';

export interface MarketPrice {
  readonly market: MarketCode;
  readonly price: Money;
}

/** What every listing shows of a product, whatever else it adds. */
export interface ProductCard {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly brand: string | null;
  readonly category: CategoryId;
  readonly imageUrl: string | null;
}

export function toProductCard(product: Pick<Product, '_id' | 'slug' | 'title' | 'brand' | 'category' | 'images'>): ProductCard {
  return {
    id: product._id,
    slug: product.slug,
    title: product.title,
    brand: product.brand,
    category: product.category,
    imageUrl: product.images[0] ?? null,
  };
}

export interface ProductSummary extends ProductCard {
  /** What a shopper pays, VAT included (an agent's override included), in each market where it is for sale, in market order. */
  readonly sellPrices: readonly MarketPrice[];
  readonly updatedAt: string;
}

export function toProductSummary(product: Product, now = new Date()): ProductSummary {
  return {
    ...toProductCard(product),
    sellPrices: MARKET_CODES.flatMap((market) => {
      const selling = sellingPrice(product, market, now);
      return selling ? [{ market, price: selling.price }] : [];
    }),
    updatedAt: product.updatedAt.toISOString(),
  };
}
