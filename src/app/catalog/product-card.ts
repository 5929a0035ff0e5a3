// What a product card shows, prepared on the server: each selling price is formatted the
// way its market writes money ("1.249,50 €" in de-DE). Formatting here rather than in the
// browser keeps zod (which the market table is declared with) out of the browser bundle,
// and the text identical between the server render and hydration.
import { MARKETS, type MarketCode } from '../../common/markets';
import { formatMoney } from '../../common/money';
import type { ProductSummary } from '../../server/catalog';

export interface ProductCardPrice {
  readonly market: MarketCode;
  readonly marketName: string;
  readonly formatted: string;
}

export interface ProductCard {
  readonly id: string;
  readonly title: string;
  readonly brand: string | null;
  readonly category: string | null;
  readonly prices: readonly ProductCardPrice[];
}

export function toProductCard(product: ProductSummary): ProductCard {
  return {
    id: product.id,
    title: product.title,
    brand: product.brand,
    category: product.category,
    prices: product.sellPrices.map(({ market, price }) => ({
      market,
      marketName: MARKETS[market].name,
      formatted: formatMoney(price, MARKETS[market].locale),
    })),
  };
}
