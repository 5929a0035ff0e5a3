import { describe, expect, it } from 'vitest';
import { testOffer } from '../catalog/offer.fixture';
import type { Product } from '../catalog';
import type { MarginRules } from '../pricing';
import { opportunities } from './trade-margin';

const fees = { marketplaceBasisPoints: 500, paymentBasisPoints: 120, paymentFixedCents: 25, shippingAbroadCents: 490 };
const policy: MarginRules = {
  minMarginBasisPoints: 1500,
  minMarginCents: 300,
  fees: { it: fees, fr: fees, de: fees, es: fees },
  floorCents: 100,
  floorBasisPoints: 300,
};
const at = new Date('2026-11-25T10:00:00Z');

describe('the opportunities list', () => {
  const product = (id: string, sellCents: Partial<Record<'it' | 'fr' | 'de' | 'es', number>>, offers: Product['offers']) => ({
    _id: id,
    title: `Product ${id}`,
    offers,
    sellPrices: Object.fromEntries(
      Object.entries(sellCents).map(([m, c]) => [
        m,
        { price: { amountCents: c, currency: 'EUR' as const }, sourceMarket: 'fr' as const, computedAt: at },
      ]),
    ),
    salesStop: null,
  });

  it('lists each market a product is sold in with its best source, best margin first', () => {
    const list = opportunities(
      [
        product('p_aaaaaa', { it: 4990, de: 4990 }, { it: testOffer(3000, 399), fr: testOffer(2800, 0) }),
        product('p_bbbbbb', { es: 9990 }, { es: testOffer(5000, 0) }),
      ],
      policy,
      at,
    );
    expect(list.map((o) => `${o.productId} ${o.buyMarket}→${o.sellMarket}`)).toEqual([
      'p_bbbbbb es→es',
      'p_aaaaaa fr→de',
      'p_aaaaaa fr→it',
    ]);
    expect(list.map((o) => o.marginCents)).toEqual([...list.map((o) => o.marginCents)].sort((a, b) => b - a));
  });

  it('leaves out products stopped by an agent and markets without a price', () => {
    const stopped = {
      ...product('p_cccccc', { it: 4990 }, { it: testOffer(3000, 0) }),
      salesStop: { reason: 'recall', agentId: 'agent_1', at },
    };
    expect(opportunities([stopped], policy, at)).toEqual([]);
    expect(opportunities([product('p_dddddd', {}, { it: testOffer(3000, 0) })], policy, at)).toEqual([]);
  });
});
