// The opportunities list over products in the run's real MongoDB: only products offered in two
// markets or more, each selling market with its best source, best margin first.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import type { Offer, Product } from '../catalog';
import { testOffer, testProduct } from '../catalog/offer.fixture';
import { upsertProduct } from '../catalog';
import { computeSellPrices, DEFAULT_MARGIN_RULES } from '../pricing';
import { listOpportunities } from './opportunities.service';

const rt = useTestRuntime('opportunities');
const now = new Date();

const offer = (priceCents: number, shippingCents: number): Offer => ({
  ...testOffer(priceCents, shippingCents, 'in_stock', now),
  lastRefreshedAt: now,
});

const product = (id: string, offers: Product['offers']): Product =>
  testProduct(id, offers, computeSellPrices(offers, DEFAULT_MARGIN_RULES, now), now);

describe('the opportunities list', () => {
  it('lists products offered in several markets, best margin first, optionally for one selling market', async () => {
    await upsertProduct(rt(), product('p_cheapfr', { it: offer(2000, 300), fr: offer(1500, 0) }));
    await upsertProduct(rt(), product('p_dearde', { de: offer(20_000, 0), es: offer(21_000, 500) }));
    await upsertProduct(rt(), product('p_onlyit', { it: offer(1000, 0) }));

    const all = await listOpportunities(rt(), { limit: 100 }, now);
    expect(new Set(all.map((o) => o.productId))).toEqual(new Set(['p_cheapfr', 'p_dearde']));
    expect(all).toHaveLength(8);
    expect(all.map((o) => o.marginCents)).toEqual([...all.map((o) => o.marginCents)].sort((a, b) => b - a));
    // Selling in Germany, the German offer beats the Spanish one and its shipping abroad.
    expect(all.find((o) => o.productId === 'p_dearde' && o.sellMarket === 'de')).toMatchObject({
      buyMarket: 'de',
      meetsFloor: true,
      marginPercent: expect.stringMatching(/ %$/),
    });

    const spain = await listOpportunities(rt(), { sellMarket: 'es', limit: 1 }, now);
    expect(spain).toHaveLength(1);
    expect(spain[0]).toMatchObject({ sellMarket: 'es', productId: 'p_dearde' });
  });
});
