import { describe, expect, it } from 'vitest';
import { MARKET_CODES, MARKETS } from '../markets';
import { testOffer } from '../catalog/offer.fixture';
import { breakdownAtPrice, cheapestSource, computeSellPrices, PRICE_ENDINGS, roundToMarketEnding, sellPriceFor, type MarginRules } from './margin';

const RULES: MarginRules = { minMarginBasisPoints: 1500, minMarginCents: 300 };
const at = new Date('2026-11-25T10:00:00Z');


describe('roundToMarketEnding', () => {
  it('rounds up to the ending the market prints', () => {
    expect(roundToMarketEnding(1912, PRICE_ENDINGS.it)).toBe(1990);
    expect(roundToMarketEnding(1912, PRICE_ENDINGS.fr)).toBe(1999);
    expect(roundToMarketEnding(1912, PRICE_ENDINGS.de)).toBe(1999);
    expect(roundToMarketEnding(1912, PRICE_ENDINGS.es)).toBe(1995);
    expect(roundToMarketEnding(1996, PRICE_ENDINGS.es)).toBe(2095);
  });

  it('keeps a price that already has the ending', () => {
    expect(roundToMarketEnding(1990, PRICE_ENDINGS.it)).toBe(1990);
    expect(roundToMarketEnding(1999, PRICE_ENDINGS.de)).toBe(1999);
  });

  it('uses ten-cent steps below 10 €, so a cheap item does not gain most of a euro', () => {
    expect(roundToMarketEnding(231, PRICE_ENDINGS.it)).toBe(240);
    expect(roundToMarketEnding(231, PRICE_ENDINGS.fr)).toBe(239);
    expect(roundToMarketEnding(236, PRICE_ENDINGS.es)).toBe(245);
    // 9,95 still fits under 10 € in de (9,99); 9,99 in it has no ,x0 left below 10 €, so it takes the ,90 of 10,90.
    expect(roundToMarketEnding(995, PRICE_ENDINGS.de)).toBe(999);
    expect(roundToMarketEnding(999, PRICE_ENDINGS.it)).toBe(1090);
  });

  it('never rounds down, for any price up to 200 € in every market', () => {
    for (const code of MARKET_CODES) {
      for (let cents = 0; cents <= 20_000; cents += 7) {
        const rounded = roundToMarketEnding(cents, PRICE_ENDINGS[code]);
        expect(rounded).toBeGreaterThanOrEqual(cents);
        expect(rounded - cents).toBeLessThan(100);
        expect(Number.isInteger(rounded)).toBe(true);
      }
    }
  });
});

describe('sellPriceFor', () => {
  it('adds the percentage margin, the market VAT, and rounds the way the market rounds', () => {
    // cost 100,00 € → margin 15,00 → net 115,00 → +22 % = 140,30 → ,90 ending → 140,90
    expect(sellPriceFor(10_000, 'it', RULES)).toEqual({ landedCostCents: 10_000, marginCents: 1500, netCents: 11_500, vatCents: 2590, grossCents: 14_090 });
    // +19 % = 136,85 → 136,99
    expect(sellPriceFor(10_000, 'de', RULES).grossCents).toBe(13_699);
    // +20 % = 138,00 → 138,99
    expect(sellPriceFor(10_000, 'fr', RULES).grossCents).toBe(13_899);
    // +21 % = 139,15 → 139,95
    expect(sellPriceFor(10_000, 'es', RULES).grossCents).toBe(13_995);
  });

  it('applies the minimum margin in cents when the percentage is smaller', () => {
    // cost 5,00 € → 15 % is 0,75, the floor is 3,00 → net 8,00 → +22 % = 9,76 → 9,80
    const price = sellPriceFor(500, 'it', RULES);
    expect(price.marginCents).toBe(300);
    expect(price.grossCents).toBe(980);
  });

  it('rounds VAT and margin up, never leaving a fraction of a cent', () => {
    // 15 % of 3,33 is 0,4995 → the floor of 3,00 applies; VAT of 6,33 at 19 % is 1,2027 → 7,54 → 7,59
    expect(sellPriceFor(333, 'de', RULES).grossCents).toBe(759);
    const odd = sellPriceFor(33_333, 'it', { minMarginBasisPoints: 1111, minMarginCents: 0 });
    expect(odd.marginCents).toBe(3704); // 3703,29… rounded up
  });

  it('keeps the margin at or above the minimum after VAT for every market and many costs', () => {
    for (const code of MARKET_CODES) {
      for (let cost = 0; cost <= 500_000; cost += 1237) {
        const { grossCents } = sellPriceFor(cost, code, RULES);
        const netOfVat = (grossCents * 10_000) / (10_000 + MARKETS[code].vatBasisPoints);
        const minimum = Math.max((cost * RULES.minMarginBasisPoints) / 10_000, RULES.minMarginCents);
        expect(netOfVat - cost).toBeGreaterThanOrEqual(minimum - 1e-9);
      }
    }
  });

  it('refuses a cost in fractional cents', () => {
    expect(() => sellPriceFor(12.5, 'it', RULES)).toThrow(RangeError);
  });
});

describe('breakdownAtPrice', () => {
  it('takes the VAT out of a price the shopper pays and leaves the margin over the landed cost', () => {
    // 24.40 € in Italy: 20.00 € net + 4.40 € VAT (22 %); over a 15.00 € landed cost, 5.00 € margin.
    expect(breakdownAtPrice(2440, 1500, 'it')).toEqual({ landedCostCents: 1500, marginCents: 500, netCents: 2000, vatCents: 440, grossCents: 2440 });
  });

  it('finds at least the minimum margin in a computed price (its rounding up adds to it), and goes negative below cost', () => {
    for (const market of MARKET_CODES) {
      const forward = sellPriceFor(4321, market, RULES);
      const back = breakdownAtPrice(forward.grossCents, 4321, market);
      expect(back.vatCents + back.netCents).toBe(forward.grossCents);
      expect(back.marginCents).toBeGreaterThanOrEqual(forward.marginCents);
    }
    expect(breakdownAtPrice(1000, 1500, 'de').marginCents).toBeLessThan(0);
  });
});

describe('cheapestSource and computeSellPrices', () => {
  it('buys from the cheapest landed cost, shipping included', () => {
    const offers = { it: testOffer(2000, 500), fr: testOffer(2300, 0) };
    expect(cheapestSource(offers)?.market).toBe('fr');
  });

  it('prefers an offer in stock over a cheaper one out of stock', () => {
    const offers = { it: testOffer(1000, 0, 'out_of_stock'), de: testOffer(1500, 0) };
    expect(cheapestSource(offers)?.market).toBe('de');
    expect(cheapestSource({ it: testOffer(1000, 0, 'out_of_stock') })?.market).toBe('it');
  });

  it('prices every market from the same source with that market’s VAT and ending', () => {
    const prices = computeSellPrices({ de: testOffer(8000, 499) }, RULES, at);
    expect(Object.keys(prices).sort()).toEqual(['de', 'es', 'fr', 'it']);
    expect(prices.it).toEqual({ price: { amountCents: 11_990, currency: 'EUR' }, sourceMarket: 'de', computedAt: at });
    expect(prices.de?.price.amountCents).toBe(11_699);
  });

  it('has no price without an offer', () => {
    expect(computeSellPrices({}, RULES, at)).toEqual({});
  });
});
