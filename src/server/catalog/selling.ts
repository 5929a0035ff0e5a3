import type { Money } from '../../common/money';
import type { MarketCode } from '../../common/markets';
import type { Product } from './product.schema';

export interface SellingPrice {
  readonly price: Money;
  /** The market we buy from; null for an agent's override, which names no source. */
  readonly sourceMarket: MarketCode | null;
  readonly overridden: boolean;
}

/**
 * What a shopper in this market pays, VAT included, or null when the product is not for sale
 * there: stopped by an agent, or no selling price computed. An unexpired override wins.
 */
export function sellingPrice(
  product: Pick<Product, 'sellPrices' | 'priceOverrides' | 'salesStop'>,
  market: MarketCode,
  now = new Date(),
): SellingPrice | null {
  if (product.salesStop) return null;
  const override = product.priceOverrides?.[market];
  if (override && override.expiresAt > now) return { price: override.price, sourceMarket: null, overridden: true };
  const computed = product.sellPrices[market];
  return computed ? { price: computed.price, sourceMarket: computed.sourceMarket, overridden: false } : null;
}

/** The MongoDB filter of products for sale in a market, as sellingPrice decides it (overrides aside). */
export function forSaleIn(market: MarketCode): Record<string, unknown> {
  return { [`sellPrices.${market}`]: { $exists: true }, salesStop: null };
}
