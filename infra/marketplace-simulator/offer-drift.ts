// How a product's price and stock move over time: a pure function of (product, time). Time is cut
// into buckets of a few drift intervals per product, staggered so that products do not all change
// at once; within a bucket nothing moves, so the same time always gives the same answer.
// Overrides set through the control API and stock taken by orders are applied by the server state.
import { z } from 'zod';
import { snapPrice, type SimProduct } from './catalog-generator';
import { hashKey, unitFromHash } from './seeded-random';

export const DriftOptions = z.strictObject({
  /** Shortest time between two changes of one product's price. */
  intervalMs: z.int().positive(),
  /** Largest move away from the base price, in basis points (500 = ±5 %); 0 keeps prices fixed. */
  amplitudeBasisPoints: z.int().min(0).max(5_000),
});
export type DriftOptions = z.infer<typeof DriftOptions>;

export type Availability = 'in_stock' | 'out_of_stock';

export interface OfferState {
  readonly priceCents: number;
  readonly listPriceCents: number | null;
  readonly shippingCents: number;
  readonly stockQuantity: number;
  readonly availability: Availability;
  /** When the price or stock last changed. */
  readonly updatedAtMs: number;
}

export function driftedOffer(product: SimProduct, seed: number, timeMs: number, drift: DriftOptions): OfferState {
  const periodMs = drift.intervalMs * product.driftPeriods;
  const phaseMs = Math.floor(product.driftPhase * periodMs);
  const bucket = Math.floor((timeMs + phaseMs) / periodMs);
  const priceRoll = unitFromHash(hashKey(seed, 'price', product.market, product.index, bucket));
  const deltaBasisPoints = Math.round(drift.amplitudeBasisPoints * (2 * priceRoll - 1));
  const priceCents = snapPrice(Math.round((product.basePriceCents * (10_000 + deltaBasisPoints)) / 10_000), product.priceEnding);
  const stockQuantity = stockAt(product, hashKey(seed, 'stock', product.market, product.index, bucket));
  return {
    priceCents,
    listPriceCents: product.listPriceCents !== null && product.listPriceCents > priceCents ? product.listPriceCents : null,
    shippingCents: product.shippingCents,
    stockQuantity,
    availability: stockQuantity > 0 ? 'in_stock' : 'out_of_stock',
    updatedAtMs: bucket * periodMs - phaseMs,
  };
}

function stockAt(product: SimProduct, hash: number): number {
  switch (product.stockProfile) {
    case 'steady':
      return 6 + (hash % 495);
    case 'discontinued':
      return 0;
    case 'volatile': {
      // Out of stock in about a third of its buckets, nearly sold out in another third.
      const roll = unitFromHash(hash);
      return roll < 0.3 ? 0 : roll < 0.6 ? 1 + (hash % 5) : 6 + (hash % 55);
    }
  }
}
