import { describe, expect, it } from 'vitest';
import { testOffer } from '../catalog/offer.fixture';
import type { Product } from '../catalog/product.schema';
import { bestBuy, formatBasisPoints, opportunities, tradeMargin, type MarginPolicy } from './trade-margin';

const fees = { marketplaceBasisPoints: 500, paymentBasisPoints: 120, paymentFixedCents: 25, shippingAbroadCents: 490 };
const policy: MarginPolicy = { fees: { it: fees, fr: fees, de: fees, es: fees }, floorCents: 100, floorBasisPoints: 300 };
const at = new Date('2026-11-25T10:00:00Z');


describe('the margin of one sale, worked by hand', () => {
  it('buys and sells in Italy: 49.90 gross, 22 % VAT, 30.00 + 3.99 shipping', () => {
    // net ⌊4990 / 1.22⌋ = 4090; fees ⌈249.5⌉ = 250 and ⌈59.88⌉ + 25 = 85; 4090 − 3000 − 399 − 250 − 85 = 356.
    expect(tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 3000, shippingCents: 399, quantity: 1, sellGrossCents: 4990 }, policy)).toEqual({
      buyMarket: 'it',
      sellMarket: 'it',
      sellGrossCents: 4990,
      vatCents: 900,
      sellNetCents: 4090,
      sourceCents: 3000,
      shippingCents: 399,
      marketplaceFeeCents: 250,
      paymentFeeCents: 85,
      marginCents: 356,
      marginBasisPoints: 870, // 356 / 4090 = 8.704 %
      floorCents: 123, // ⌈3 % of 4090⌉ = ⌈122.7⌉, above the 1.00 floor
      meetsFloor: true,
    });
  });

  it('buys in France and sells in Germany (19 % VAT), shipping abroad added', () => {
    // net ⌊4990 / 1.19⌋ = 4193; 4193 − 2800 − (0 + 490) − 250 − 85 = 568.
    const m = tradeMargin({ buyMarket: 'fr', sellMarket: 'de', unitCostCents: 2800, shippingCents: 0, quantity: 1, sellGrossCents: 4990 }, policy);
    expect(m).toMatchObject({ sellNetCents: 4193, vatCents: 797, shippingCents: 490, marginCents: 568, marginBasisPoints: 1354, meetsFloor: true });
    expect(formatBasisPoints(m.marginBasisPoints)).toBe('13.54 %');
  });

  it('buys in Italy and sells in Spain (21 % VAT) at a loss: below the floor', () => {
    // net ⌊1995 / 1.21⌋ = 1648; fees ⌈99.75⌉ = 100 and ⌈23.94⌉ + 25 = 49; 1648 − 1500 − 740 − 100 − 49 = −741.
    const m = tradeMargin({ buyMarket: 'it', sellMarket: 'es', unitCostCents: 1500, shippingCents: 250, quantity: 1, sellGrossCents: 1995 }, policy);
    expect(m).toMatchObject({ sellNetCents: 1648, vatCents: 347, marketplaceFeeCents: 100, paymentFeeCents: 49, marginCents: -741, marginBasisPoints: -4497, floorCents: 100, meetsFloor: false });
  });

  it('buys three in Germany for a French line (20 % VAT): the source price counts three times, shipping once', () => {
    // net ⌊3897 / 1.2⌋ = 3247; fees ⌈194.85⌉ = 195 and ⌈46.764⌉ + 25 = 72; 3247 − 2700 − 490 − 195 − 72 = −210.
    expect(tradeMargin({ buyMarket: 'de', sellMarket: 'fr', unitCostCents: 900, shippingCents: 0, quantity: 3, sellGrossCents: 3897 }, policy)).toMatchObject({
      sellNetCents: 3247,
      sourceCents: 2700,
      shippingCents: 490,
      marketplaceFeeCents: 195,
      paymentFeeCents: 72,
      marginCents: -210,
    });
  });
});

describe('rounding', () => {
  it('rounds the net down and so VAT up, and fees up, to the cent', () => {
    const sale = (sellGrossCents: number) => tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 0, shippingCents: 0, quantity: 1, sellGrossCents }, policy);
    expect(sale(122)).toMatchObject({ sellNetCents: 100, vatCents: 22 });
    expect(sale(123)).toMatchObject({ sellNetCents: 100, vatCents: 23 });
    expect(sale(1)).toMatchObject({ sellNetCents: 0, vatCents: 1, marketplaceFeeCents: 1, paymentFeeCents: 26, marginBasisPoints: 0 });
  });

  it('rounds the percentage down, negative ones too', () => {
    const m = tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 0, shippingCents: 0, quantity: 1, sellGrossCents: 366 }, policy);
    // net ⌊366 / 1.22⌋ = 300; fees ⌈18.3⌉ = 19 and ⌈4.392⌉ + 25 = 30; margin 251 = 83.666… % → 8366.
    expect(m).toMatchObject({ sellNetCents: 300, marginCents: 251, marginBasisPoints: 8366 });
  });

  it('applies the larger floor and lets a margin equal to it pass', () => {
    const floor = (sellGrossCents: number, unitCostCents: number) =>
      tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents, shippingCents: 0, quantity: 1, sellGrossCents }, policy);
    // gross 1220: net 1000, fees 61 + 40; the 1.00 floor beats 3 % (30): margin exactly 100 passes, 99 fails.
    expect(floor(1220, 799)).toMatchObject({ floorCents: 100, marginCents: 100, meetsFloor: true });
    expect(floor(1220, 800)).toMatchObject({ marginCents: 99, meetsFloor: false });
  });

  it('refuses fractional or negative cents', () => {
    expect(() => tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 10.5, shippingCents: 0, quantity: 1, sellGrossCents: 100 }, policy)).toThrow('unitCostCents');
    expect(() => tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 10, shippingCents: -1, quantity: 1, sellGrossCents: 100 }, policy)).toThrow('shippingCents');
  });
});

describe('the best market to buy from', () => {
  const offers = { it: testOffer(3000, 399), fr: testOffer(2800, 0), es: testOffer(2000, 0, 'out_of_stock') };

  it('takes the largest margin among offers in stock, shipping abroad included', () => {
    // For Germany: it costs 3000 + 399 + 490, fr 2800 + 490; es is cheaper but out of stock.
    expect(bestBuy(offers, { sellMarket: 'de', sellGrossCents: 4990, quantity: 1 }, policy)).toMatchObject({ buyMarket: 'fr', marginCents: 568 });
    // For Italy the domestic offer saves the 4.90 abroad: 3399 against 3290, fr still wins by 1.09.
    expect(bestBuy(offers, { sellMarket: 'it', sellGrossCents: 4990, quantity: 1 }, policy)).toMatchObject({ buyMarket: 'fr', marginCents: 356 + 109 });
    expect(bestBuy({ it: testOffer(3000, 399), fr: testOffer(2800, 200) }, { sellMarket: 'it', sellGrossCents: 4990, quantity: 1 }, policy)).toMatchObject({ buyMarket: 'it' });
  });

  it('finds none when nothing is in stock', () => {
    expect(bestBuy({ es: testOffer(2000, 0, 'out_of_stock') }, { sellMarket: 'es', sellGrossCents: 4990, quantity: 1 }, policy)).toBeNull();
  });
});

describe('the opportunities list', () => {
  const product = (id: string, sellCents: Partial<Record<'it' | 'fr' | 'de' | 'es', number>>, offers: Product['offers']) => ({
    _id: id,
    title: `Product ${id}`,
    offers,
    sellPrices: Object.fromEntries(Object.entries(sellCents).map(([m, c]) => [m, { price: { amountCents: c, currency: 'EUR' as const }, sourceMarket: 'fr' as const, computedAt: at }])),
    salesStop: null,
  });

  it('lists each market a product is sold in with its best source, best margin first', () => {
    const list = opportunities(
      [product('p_aaaaaa', { it: 4990, de: 4990 }, { it: testOffer(3000, 399), fr: testOffer(2800, 0) }), product('p_bbbbbb', { es: 9990 }, { es: testOffer(5000, 0) })],
      policy,
      at,
    );
    expect(list.map((o) => `${o.productId} ${o.buyMarket}→${o.sellMarket}`)).toEqual(['p_bbbbbb es→es', 'p_aaaaaa fr→de', 'p_aaaaaa fr→it']);
    expect(list.map((o) => o.marginCents)).toEqual([...list.map((o) => o.marginCents)].sort((a, b) => b - a));
  });

  it('leaves out products stopped by an agent and markets without a price', () => {
    const stopped = { ...product('p_cccccc', { it: 4990 }, { it: testOffer(3000, 0) }), salesStop: { reason: 'recall', agentId: 'agent_1', at } };
    expect(opportunities([stopped], policy, at)).toEqual([]);
    expect(opportunities([product('p_dddddd', {}, { it: testOffer(3000, 0) })], policy, at)).toEqual([]);
  });
});
