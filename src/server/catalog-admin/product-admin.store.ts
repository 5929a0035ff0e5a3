// MongoDB access of the back office's product work: the search, a product's price history, and
// the agent's changes, each one atomic update of the one product that also moves `updatedAt`
// (a scraper's guarded replace of a copy read before then fails and plans again, keeping them).
import type { Collection } from 'mongodb';
import type { MarketCode } from '../../shared/markets';
import type { PriceOverride, Product, SalesStop } from '../catalog';
import type { PricePoint } from '../pricing';

export function findProductsBy(products: Collection<Product>, filter: Record<string, unknown>, limit: number): Promise<Product[]> {
  return products.find(filter).limit(limit).toArray();
}

/** The last `perMarket` changes in each market: four index range reads on (productId, market, at). */
export async function priceHistoryOf(
  history: Collection<PricePoint>,
  productId: string,
  markets: readonly MarketCode[],
  perMarket = 200,
): Promise<PricePoint[]> {
  const reads = markets.map((market) => history.find({ productId, market }).sort({ at: -1 }).limit(perMarket).toArray());
  return (await Promise.all(reads)).flat();
}

export function setPriceOverride(
  products: Collection<Product>,
  productId: string,
  market: MarketCode,
  override: PriceOverride,
): Promise<Product | null> {
  return products.findOneAndUpdate(
    { _id: productId },
    { $set: { [`priceOverrides.${market}`]: override, updatedAt: override.at } },
    { returnDocument: 'after' },
  );
}

export function clearPriceOverride(
  products: Collection<Product>,
  productId: string,
  market: MarketCode,
  at: Date,
): Promise<Product | null> {
  return products.findOneAndUpdate(
    { _id: productId },
    { $unset: { [`priceOverrides.${market}`]: '' }, $set: { updatedAt: at } },
    { returnDocument: 'after' },
  );
}

export function setSalesStop(products: Collection<Product>, productId: string, stop: SalesStop | null, at: Date): Promise<Product | null> {
  return products.findOneAndUpdate({ _id: productId }, { $set: { salesStop: stop, updatedAt: at } }, { returnDocument: 'after' });
}
