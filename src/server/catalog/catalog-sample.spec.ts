import { describe, expect, it } from 'vitest';
import { catalogSample, msPerProductHolding, priceSpanHolding, productsHolding, rarestWord, shareHoldingAll } from './catalog-sample';

const eur = (euros: number) => ({ price: { amountCents: euros * 100 } });
const at = (minutesAgo: number) => new Date(Date.UTC(2026, 11, 1) - minutesAgo * 60_000);
const sample = catalogSample(
  [
    { searchTokens: ['bosch', 'bohrmaschine', 'akku'], createdAt: at(0), sellPrices: { de: eur(100), it: eur(90) } },
    { searchTokens: ['bosch', 'akku', 'schrauber'], createdAt: at(1), sellPrices: { de: eur(40) } },
    { searchTokens: ['makita', 'akku', 'schrauber'], createdAt: at(2), sellPrices: { de: eur(60) } },
    { searchTokens: ['makita', 'bohrmaschine'], createdAt: at(4), sellPrices: { de: eur(20) } },
  ],
  400,
);

describe('what a sample of the newest products says of the catalog', () => {
  it('picks the word with the fewest sampled products, a word never sampled first, the longer on a tie', () => {
    expect(rarestWord(sample, ['akku', 'bosch'])).toBe('bosch');
    expect(rarestWord(sample, ['akku', 'kettle'])).toBe('kettle');
    expect(rarestWord(sample, ['bosch', 'schrauber'])).toBe('schrauber');
    // Without a sample, the longer word: it tends to name the item.
    expect(rarestWord(null, ['akku', 'bohrmaschine'])).toBe('bohrmaschine');
  });

  it('scales the sample to the catalog, and counts a word it never saw as half a sampled product', () => {
    expect(productsHolding(sample, 'akku')).toBe(300);
    expect(productsHolding(sample, 'kettle')).toBe(50);
    expect(shareHoldingAll(sample, ['bosch', 'akku'])).toBe(0.5);
    expect(shareHoldingAll(sample, ['bosch', 'makita'])).toBe(0.125);
  });

  it('measures the time between the newest products, and none from products of one instant', () => {
    expect(sample.msPerProduct).toBe(80_000);
    // Products holding both words are one in two: twice as far apart.
    expect(msPerProductHolding(sample, ['bosch', 'akku'])).toBe(160_000);
    const still = { searchTokens: [], createdAt: at(0), sellPrices: {} };
    expect(catalogSample([still, still], 2).msPerProduct).toBeUndefined();
    expect(catalogSample([], 0).catalogSize).toBe(0);
  });

  it('finds the price span that holds a number of the catalog’s products, from a price in either direction', () => {
    // Sampled German prices 20, 40, 60, 100 €, each standing for 100 products of the catalog.
    expect(priceSpanHolding(sample, 'de', 2000, 1, 100)).toBe(2000);
    expect(priceSpanHolding(sample, 'de', 1000, 1, 150)).toBe(4000);
    expect(priceSpanHolding(sample, 'de', 10_000, -1, 200)).toBe(6000);
    // Past the last sampled price: as far as it, the window takes the rest.
    expect(priceSpanHolding(sample, 'de', 5000, 1, 1000)).toBe(5001);
    expect(priceSpanHolding(sample, 'de', 20_000, 1, 10)).toBeUndefined();
    expect(priceSpanHolding(sample, 'es', 0, 1, 10)).toBeUndefined();
  });
});
