// Drift: price and stock as a pure function of (product, time), still within a bucket, moving
// within the amplitude from one bucket to the next, always in integer cents.
import { describe, expect, it } from 'vitest';
import { Catalog, type SimProduct } from './catalog-generator';
import { driftedOffer, type DriftOptions } from './offer-drift';

const SEED = 1;
const catalog = new Catalog({ seed: SEED, productsPerMarket: 1_000, crossMarketShare: 0.6 });
const DRIFT: DriftOptions = { intervalMs: 600_000, amplitudeBasisPoints: 500 };
const T0 = Date.UTC(2025, 0, 1);
const products = Array.from({ length: 200 }, (_, i) => catalog.product('de', i));

describe('driftedOffer', () => {
  it('answers the same for the same time', () => {
    for (const p of products) expect(driftedOffer(p, SEED, T0 + 1234, DRIFT)).toEqual(driftedOffer(p, SEED, T0 + 1234, DRIFT));
  });

  it('keeps still within a bucket and says when it last changed', () => {
    for (const p of products) {
      const offer = driftedOffer(p, SEED, T0, DRIFT);
      expect(offer.updatedAtMs).toBeLessThanOrEqual(T0);
      expect(T0 - offer.updatedAtMs).toBeLessThan(DRIFT.intervalMs * p.driftPeriods);
      expect(driftedOffer(p, SEED, offer.updatedAtMs, DRIFT)).toEqual(offer);
      expect(driftedOffer(p, SEED, offer.updatedAtMs + DRIFT.intervalMs * p.driftPeriods - 1, DRIFT)).toEqual(offer);
    }
  });

  it('moves prices within the amplitude, in integer cents, over a day', () => {
    let changed = 0;
    for (const p of products) {
      const prices = new Set<number>();
      for (let t = T0; t < T0 + 86_400_000; t += DRIFT.intervalMs) {
        const { priceCents, listPriceCents } = driftedOffer(p, SEED, t, DRIFT);
        expect(Number.isSafeInteger(priceCents)).toBe(true);
        // ±5 % plus the shop's rounding to its price ending (at most one euro).
        expect(Math.abs(priceCents - p.basePriceCents)).toBeLessThanOrEqual(Math.ceil(p.basePriceCents * 0.05) + 100);
        if (listPriceCents !== null) expect(listPriceCents).toBeGreaterThan(priceCents);
        prices.add(priceCents);
      }
      if (prices.size > 1) changed++;
    }
    expect(changed / products.length).toBeGreaterThan(0.8);
  });

  it('keeps the base price when the amplitude is 0', () => {
    for (const p of products)
      expect(driftedOffer(p, SEED, T0 + 5e9, { ...DRIFT, amplitudeBasisPoints: 0 }).priceCents).toBe(p.basePriceCents);
  });

  it('follows each product’s stock profile', () => {
    const byProfile = (profile: SimProduct['stockProfile']) => products.filter((p) => p.stockProfile === profile);
    const times = Array.from({ length: 48 }, (_, i) => T0 + i * DRIFT.intervalMs);
    for (const p of byProfile('steady')) for (const t of times) expect(driftedOffer(p, SEED, t, DRIFT).availability).toBe('in_stock');
    for (const p of byProfile('discontinued'))
      for (const t of times) expect(driftedOffer(p, SEED, t, DRIFT)).toMatchObject({ stockQuantity: 0, availability: 'out_of_stock' });
    const volatile = byProfile('volatile').flatMap((p) => times.map((t) => driftedOffer(p, SEED, t, DRIFT).availability));
    expect(volatile).toContain('in_stock');
    expect(volatile).toContain('out_of_stock');
  });
});
