// The opportunities list: for each product and market it is sold in, the best market to buy
// from, by the margin engine of pricing/margin.ts (the same one that priced the product and that
// checks each purchase).
import type { Product } from '../catalog';
import { sellingPrice } from '../catalog';
import { MARKET_CODES } from '../../common/markets';
import { bestBuy, type MarginRules, type TradeMargin } from '../pricing';

export interface Opportunity extends TradeMargin {
  readonly productId: string;
  readonly title: string;
}

/**
 * For each product and each market it is for sale in, the best market to buy from; best margin
 * first (then the larger percentage, then the product id, so the order is stable).
 */
export function opportunities(
  products: readonly Pick<Product, '_id' | 'title' | 'offers' | 'sellPrices' | 'priceOverrides' | 'salesStop'>[],
  rules: MarginRules,
  now: Date,
): Opportunity[] {
  const found: Opportunity[] = [];
  for (const product of products) {
    for (const sellMarket of MARKET_CODES) {
      const price = sellingPrice(product, sellMarket, now);
      if (!price) continue;
      const best = bestBuy(product.offers, { sellMarket, sellGrossCents: price.price.amountCents, quantity: 1 }, rules);
      if (best) found.push({ ...best, productId: product._id, title: product.title });
    }
  }
  return found.sort(
    (a, b) =>
      b.marginCents - a.marginCents ||
      b.marginBasisPoints - a.marginBasisPoints ||
      a.productId.localeCompare(b.productId) ||
      a.sellMarket.localeCompare(b.sellMarket),
  );
}
