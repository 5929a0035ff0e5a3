import { describe, expect, it } from 'vitest';
import type { Offer, Product } from '../catalog';
import { testOffer } from '../catalog/offer.fixture';
import { applyQuotes, deliveryEstimate, marketPrice, refreshSources, uncheckedSources } from './live-price';
import { DEFAULT_MARGIN_RULES } from './margin';

const RULES = DEFAULT_MARGIN_RULES;
const then = new Date('2026-11-25T09:00:00Z');
const now = new Date('2026-11-25T10:00:00Z');

const offer = (priceCents: number, shippingCents: number | null = 0): Offer => testOffer(priceCents, shippingCents, 'in_stock', then);

const product: Pick<Product, 'offers' | 'sellPrices'> = {
  offers: { it: offer(2000), de: offer(2500) },
  sellPrices: {
    fr: { price: { amountCents: 2999, currency: 'EUR' }, sourceMarket: 'it', computedAt: then },
    es: { price: { amountCents: 2995, currency: 'EUR' }, sourceMarket: 'it', computedAt: then },
  },
};

describe('refreshSources', () => {
  it('calls only the offers our prices come from', () => {
    expect(refreshSources(product)).toEqual(['it']);
  });

  it('calls every offer of a product that has no price yet', () => {
    expect(refreshSources({ offers: product.offers, sellPrices: {} })).toEqual(['it', 'de']);
  });
});

describe('uncheckedSources', () => {
  const raised = { it: { priceCents: 9000, shippingCents: 0, availability: 'in_stock' as const, source: 'offer-api' as const } };

  it('names the offer a raised source lost to when nobody checked it within the window', () => {
    expect(uncheckedSources(applyQuotes(product, raised, RULES, now), product, ['it'], now, 60_000)).toEqual(['de']);
  });

  it('names nothing when that offer was checked within the window, was called, or the source still wins', () => {
    const checked = { ...product, offers: { ...product.offers, de: testOffer(2500, 0, 'in_stock', new Date(now.getTime() - 30_000)) } };
    expect(uncheckedSources(applyQuotes(checked, raised, RULES, now), checked, ['it'], now, 60_000)).toEqual([]);
    expect(uncheckedSources(applyQuotes(product, raised, RULES, now), product, ['it', 'de'], now, 60_000)).toEqual([]);
    const lower = { it: { priceCents: 1900, shippingCents: 0, availability: 'in_stock' as const, source: 'offer-api' as const } };
    expect(uncheckedSources(applyQuotes(product, lower, RULES, now), product, ['it'], now, 60_000)).toEqual([]);
  });
});

describe('applyQuotes', () => {
  it('updates the answered offer, stamps it, recomputes every market and records the change', () => {
    const applied = applyQuotes(
      product,
      { it: { priceCents: 1800, shippingCents: 0, availability: 'in_stock', source: 'offer-api' } },
      RULES,
      now,
    );
    expect(applied.offers.it).toMatchObject({ price: { amountCents: 1800 }, lastRefreshedAt: now });
    expect(applied.offers.de).toBe(product.offers.de);
    expect(applied.changes.map((c) => c.market)).toEqual(['it']);
    expect(applied.refreshed).toEqual(['it']);
    expect(Object.keys(applied.sellPrices).sort()).toEqual(['de', 'es', 'fr', 'it']);
    expect(applied.sellPrices.it?.sourceMarket).toBe('it');
  });

  it('records no change when only the check time moved', () => {
    const applied = applyQuotes(
      product,
      { it: { priceCents: 2000, shippingCents: 0, availability: 'out_of_stock', source: 'offer-api' } },
      RULES,
      now,
    );
    expect(applied.changes).toEqual([]);
    // Out of stock at the source: the in-stock German offer becomes the source.
    expect(applied.sellPrices.fr?.sourceMarket).toBe('de');
  });

  it('treats a shipping change as a price change', () => {
    expect(
      applyQuotes(product, { it: { priceCents: 2000, shippingCents: 499, availability: 'in_stock', source: 'offer-api' } }, RULES, now)
        .changes,
    ).toHaveLength(1);
  });
});

describe('marketPrice', () => {
  it('gives the price, its source, its age and a delivery estimate', () => {
    expect(marketPrice(product, 'fr')).toEqual({
      price: { amountCents: 2999, currency: 'EUR' },
      sourceMarket: 'it',
      availability: 'in_stock',
      delivery: { minDays: 3, maxDays: 6 },
      checkedAt: then.toISOString(),
    });
    expect(marketPrice(product, 'it')).toBeNull();
  });

  it("shows an agent's unexpired override as the price, and nothing once selling is stopped", () => {
    const override = {
      price: { amountCents: 2490, currency: 'EUR' as const },
      expiresAt: new Date(then.getTime() + 3_600_000),
      reason: 'promo',
      agentId: 'agent_1',
      at: then,
    };
    const overridden = { ...product, priceOverrides: { fr: override } };
    expect(marketPrice(overridden, 'fr', then)?.price.amountCents).toBe(2490);
    expect(marketPrice(overridden, 'fr', then)?.sourceMarket).toBe('it');
    expect(marketPrice(overridden, 'fr', new Date(then.getTime() + 3_600_001))?.price.amountCents).toBe(2999);
    expect(marketPrice({ ...overridden, salesStop: { reason: 'recall', agentId: 'agent_1', at: then } }, 'fr', then)).toBeNull();
  });

  it('ships faster within the source country and not at all when out of stock', () => {
    expect(deliveryEstimate('it', 'it', { availability: 'in_stock' })).toEqual({ minDays: 1, maxDays: 3 });
    expect(deliveryEstimate('it', 'fr', { availability: 'out_of_stock' })).toBeNull();
  });
});
