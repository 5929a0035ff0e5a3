import { describe, expect, it } from 'vitest';
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import { testOffer } from '../catalog/offer.fixture';
import type { Offer } from '../catalog';
import {
  bestBuy,
  cheapestSource,
  computeSellPrices,
  DEFAULT_MARGIN_RULES,
  formatBasisPoints,
  marginRules,
  offerMargin,
  PRICE_ENDINGS,
  roundToMarketEnding,
  sellPriceFor,
  tradeMargin,
  type MarginRules,
  type MarketFees,
} from './margin';

// Spelled out rather than taken from the settings, so the sums worked by hand below stay true
// whatever the defaults become.
const fees: MarketFees = { marketplaceBasisPoints: 500, paymentBasisPoints: 120, paymentFixedCents: 25, shippingAbroadCents: 490 };
const RULES: MarginRules = {
  minMarginBasisPoints: 1500,
  minMarginCents: 300,
  floorCents: 100,
  floorBasisPoints: 300,
  fees: { it: fees, fr: fees, de: fees, es: fees },
};
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

describe('the margin of one sale, worked by hand', () => {
  it('buys and sells in Italy: 49.90 gross, 22 % VAT, 30.00 + 3.99 shipping', () => {
    // net ⌊4990 / 1.22⌋ = 4090; fees ⌈249.5⌉ = 250 and ⌈59.88⌉ + 25 = 85; 4090 − 3000 − 399 − 250 − 85 = 356.
    expect(
      tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 3000, shippingCents: 399, quantity: 1, sellGrossCents: 4990 }, RULES),
    ).toEqual({
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
    const m = tradeMargin(
      { buyMarket: 'fr', sellMarket: 'de', unitCostCents: 2800, shippingCents: 0, quantity: 1, sellGrossCents: 4990 },
      RULES,
    );
    expect(m).toMatchObject({
      sellNetCents: 4193,
      vatCents: 797,
      shippingCents: 490,
      marginCents: 568,
      marginBasisPoints: 1354,
      meetsFloor: true,
    });
    expect(formatBasisPoints(m.marginBasisPoints)).toBe('13.54 %');
  });

  it('buys in Italy and sells in Spain (21 % VAT) at a loss: below the floor', () => {
    // net ⌊1995 / 1.21⌋ = 1648; fees ⌈99.75⌉ = 100 and ⌈23.94⌉ + 25 = 49; 1648 − 1500 − 740 − 100 − 49 = −741.
    const m = tradeMargin(
      { buyMarket: 'it', sellMarket: 'es', unitCostCents: 1500, shippingCents: 250, quantity: 1, sellGrossCents: 1995 },
      RULES,
    );
    expect(m).toMatchObject({
      sellNetCents: 1648,
      vatCents: 347,
      marketplaceFeeCents: 100,
      paymentFeeCents: 49,
      marginCents: -741,
      marginBasisPoints: -4497,
      floorCents: 100,
      meetsFloor: false,
    });
  });

  it('buys three in Germany for a French line (20 % VAT): the source price counts three times, shipping once', () => {
    // net ⌊3897 / 1.2⌋ = 3247; fees ⌈194.85⌉ = 195 and ⌈46.764⌉ + 25 = 72; 3247 − 2700 − 490 − 195 − 72 = −210.
    expect(
      tradeMargin({ buyMarket: 'de', sellMarket: 'fr', unitCostCents: 900, shippingCents: 0, quantity: 3, sellGrossCents: 3897 }, RULES),
    ).toMatchObject({
      sellNetCents: 3247,
      sourceCents: 2700,
      shippingCents: 490,
      marketplaceFeeCents: 195,
      paymentFeeCents: 72,
      marginCents: -210,
    });
  });
});

describe('rounding of a sale', () => {
  it('rounds the net down and so VAT up, and fees up, to the cent', () => {
    const sale = (sellGrossCents: number) =>
      tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 0, shippingCents: 0, quantity: 1, sellGrossCents }, RULES);
    expect(sale(122)).toMatchObject({ sellNetCents: 100, vatCents: 22 });
    expect(sale(123)).toMatchObject({ sellNetCents: 100, vatCents: 23 });
    expect(sale(1)).toMatchObject({ sellNetCents: 0, vatCents: 1, marketplaceFeeCents: 1, paymentFeeCents: 26, marginBasisPoints: 0 });
  });

  it('rounds the percentage down, negative ones too', () => {
    const m = tradeMargin(
      { buyMarket: 'it', sellMarket: 'it', unitCostCents: 0, shippingCents: 0, quantity: 1, sellGrossCents: 366 },
      RULES,
    );
    // net ⌊366 / 1.22⌋ = 300; fees ⌈18.3⌉ = 19 and ⌈4.392⌉ + 25 = 30; margin 251 = 83.666… % → 8366.
    expect(m).toMatchObject({ sellNetCents: 300, marginCents: 251, marginBasisPoints: 8366 });
  });

  it('applies the larger floor and lets a margin equal to it pass', () => {
    const floor = (sellGrossCents: number, unitCostCents: number) =>
      tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents, shippingCents: 0, quantity: 1, sellGrossCents }, RULES);
    // gross 1220: net 1000, fees 61 + 40; the 1.00 floor beats 3 % (30): margin exactly 100 passes, 99 fails.
    expect(floor(1220, 799)).toMatchObject({ floorCents: 100, marginCents: 100, meetsFloor: true });
    expect(floor(1220, 800)).toMatchObject({ marginCents: 99, meetsFloor: false });
  });

  it('refuses fractional or negative cents', () => {
    expect(() =>
      tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 10.5, shippingCents: 0, quantity: 1, sellGrossCents: 100 }, RULES),
    ).toThrow('unitCostCents');
    expect(() =>
      tradeMargin({ buyMarket: 'it', sellMarket: 'it', unitCostCents: 10, shippingCents: -1, quantity: 1, sellGrossCents: 100 }, RULES),
    ).toThrow('shippingCents');
    expect(() => sellPriceFor(testOffer(12.5, 0), 'it', 'it', RULES)).toThrow(RangeError);
  });
});

describe('sellPriceFor: the cheapest price that pays for the sale', () => {
  it('prices a German offer sold in Italy with the shipping abroad and the fees (the sale issue 14 found at a loss)', () => {
    // 20.00 + 3.99 shipping + 4.90 abroad = 28.89 delivered; the aim is 15 % of it, ⌈433.35⌉ = 4.34.
    // At 44.90: net ⌊4490 / 1.22⌋ = 3680, fees ⌈224.5⌉ = 225 and ⌈53.88⌉ + 25 = 79; 3680 − 2889 − 225 − 79 = 487.
    const sale = sellPriceFor(testOffer(2000, 399), 'de', 'it', RULES);
    expect(sale).toMatchObject({
      sellGrossCents: 4490,
      sellNetCents: 3680,
      shippingCents: 889,
      marketplaceFeeCents: 225,
      paymentFeeCents: 79,
      marginCents: 487,
      meetsFloor: true,
    });
    // One ending lower, 43.90: net 3598, fees 220 + 78, margin 411, short of the aim.
    expect(offerMargin(testOffer(2000, 399), 'de', 'it', 4390, RULES).marginCents).toBe(411);
    // Sold where it is bought there is no shipping abroad: 35.99 in Germany.
    expect(sellPriceFor(testOffer(2000, 399), 'de', 'de', RULES)?.sellGrossCents).toBe(3599);
  });

  it('keeps the minimum in cents on a cheap item', () => {
    // 5.00 delivered: 15 % is 0.75, the 3.00 minimum applies. At 11.90: net 975, fees 60 + 40, margin 375.
    expect(sellPriceFor(testOffer(500, 0), 'it', 'it', RULES)).toMatchObject({ sellGrossCents: 1190, marginCents: 375 });
    expect(offerMargin(testOffer(500, 0), 'it', 'it', 1090, RULES).marginCents).toBeLessThan(300);
  });

  it('keeps the percentage floor of the net price when it is the larger one', () => {
    const floorHeavy: MarginRules = { ...RULES, minMarginBasisPoints: 0, minMarginCents: 0, floorBasisPoints: 2000 };
    const sale = sellPriceFor(testOffer(10_000, 0), 'fr', 'fr', floorHeavy);
    expect(sale?.marginCents).toBeGreaterThanOrEqual(Math.ceil((sale!.sellNetCents * 2000) / 10_000));
    expect(sale?.meetsFloor).toBe(true);
  });

  it('has no price when the fees and the floor take the whole net price', () => {
    const greedy: MarginRules = { ...RULES, fees: { ...RULES.fees, es: { ...fees, marketplaceBasisPoints: 8000 } } };
    expect(sellPriceFor(testOffer(1000, 0), 'it', 'es', greedy)).toBeNull();
    expect(computeSellPrices({ it: testOffer(1000, 0) }, greedy, at).es).toBeUndefined();
  });
});

describe('cheapestSource and computeSellPrices', () => {
  it('buys from the offer cheapest to deliver to the market, shipping abroad included', () => {
    const offers = { it: testOffer(3000, 399), fr: testOffer(2800, 200) };
    // To Germany: it 3000 + 399 + 490, fr 2800 + 200 + 490. To Italy: it 3399 at home beats fr's 3490.
    expect(cheapestSource(offers, 'de', RULES)?.market).toBe('fr');
    expect(cheapestSource(offers, 'it', RULES)?.market).toBe('it');
  });

  it('prefers an offer in stock over a cheaper one out of stock', () => {
    const offers = { it: testOffer(1000, 0, 'out_of_stock'), de: testOffer(1500, 0) };
    expect(cheapestSource(offers, 'it', RULES)?.market).toBe('de');
    expect(cheapestSource({ it: testOffer(1000, 0, 'out_of_stock') }, 'fr', RULES)?.market).toBe('it');
  });

  it('prices each market from its own cheapest source, with that market’s VAT, fees and ending', () => {
    const prices = computeSellPrices({ de: testOffer(8000, 499), it: testOffer(8200, 499) }, RULES, at);
    expect(Object.keys(prices).sort()).toEqual(['de', 'es', 'fr', 'it']);
    expect(prices.it).toEqual({
      price: { amountCents: sellPriceFor(testOffer(8200, 499), 'it', 'it', RULES)!.sellGrossCents, currency: 'EUR' },
      sourceMarket: 'it',
      computedAt: at,
    });
    expect(prices.de?.sourceMarket).toBe('de');
    expect(prices.fr?.price.amountCents).toBe(sellPriceFor(testOffer(8000, 499), 'de', 'fr', RULES)!.sellGrossCents);
  });

  it('has no price without an offer', () => {
    expect(computeSellPrices({}, RULES, at)).toEqual({});
  });
});

describe('the best market to buy from', () => {
  const offers = { it: testOffer(3000, 399), fr: testOffer(2800, 0), es: testOffer(2000, 0, 'out_of_stock') };

  it('takes the largest margin among offers in stock, shipping abroad included', () => {
    // For Germany: it costs 3000 + 399 + 490, fr 2800 + 490; es is cheaper but out of stock.
    expect(bestBuy(offers, { sellMarket: 'de', sellGrossCents: 4990, quantity: 1 }, RULES)).toMatchObject({
      buyMarket: 'fr',
      marginCents: 568,
    });
    // For Italy the domestic offer saves the 4.90 abroad: 3399 against 3290, fr still wins by 1.09.
    expect(bestBuy(offers, { sellMarket: 'it', sellGrossCents: 4990, quantity: 1 }, RULES)).toMatchObject({
      buyMarket: 'fr',
      marginCents: 356 + 109,
    });
    expect(
      bestBuy({ it: testOffer(3000, 399), fr: testOffer(2800, 200) }, { sellMarket: 'it', sellGrossCents: 4990, quantity: 1 }, RULES),
    ).toMatchObject({ buyMarket: 'it' });
  });

  it('finds none when nothing is in stock', () => {
    expect(bestBuy({ es: testOffer(2000, 0, 'out_of_stock') }, { sellMarket: 'es', sellGrossCents: 4990, quantity: 1 }, RULES)).toBeNull();
  });
});

describe('marginRules', () => {
  it('reads the settings, and the defaults are the settings’ defaults', () => {
    expect(DEFAULT_MARGIN_RULES).toEqual(RULES);
    const rules = marginRules({
      ...settingsOf(DEFAULT_MARGIN_RULES),
      FEE_MARKETPLACE_BASIS_POINTS_ES: 1000,
      SHIPPING_ABROAD_CENTS_IT: 700,
    });
    expect(rules.fees.es.marketplaceBasisPoints).toBe(1000);
    expect(rules.fees.it.shippingAbroadCents).toBe(700);
    expect(rules.fees.fr).toEqual(fees);
  });
});

function settingsOf(rules: MarginRules): Parameters<typeof marginRules>[0] {
  const perMarket = Object.fromEntries(
    MARKET_CODES.flatMap((code) => {
      const key = code.toUpperCase();
      const f = rules.fees[code];
      return [
        [`FEE_MARKETPLACE_BASIS_POINTS_${key}`, f.marketplaceBasisPoints],
        [`FEE_PAYMENT_BASIS_POINTS_${key}`, f.paymentBasisPoints],
        [`FEE_PAYMENT_FIXED_CENTS_${key}`, f.paymentFixedCents],
        [`SHIPPING_ABROAD_CENTS_${key}`, f.shippingAbroadCents],
      ];
    }),
  );
  return {
    ...perMarket,
    MARGIN_MIN_BASIS_POINTS: rules.minMarginBasisPoints,
    MARGIN_MIN_CENTS: rules.minMarginCents,
    MARGIN_FLOOR_CENTS: rules.floorCents,
    MARGIN_FLOOR_BASIS_POINTS: rules.floorBasisPoints,
  } as Parameters<typeof marginRules>[0];
}

/** mulberry32: a small seeded generator, so a failure replays with the seed it prints. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('contract: every price the pricing produces passes the purchase check', () => {
  const SEED = 20261207;
  const random = seeded(SEED);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  // Prices spread over four orders of magnitude, as a catalog's are: 0.01 € to 2,000 €.
  const cents = () => Math.max(1, Math.round(10 ** (random() * 5.3)));
  const randomOffers = (): Partial<Record<MarketCode, Offer>> => {
    const markets = MARKET_CODES.filter(() => random() < 0.5);
    const chosen = markets.length > 0 ? markets : [pick(MARKET_CODES)];
    return Object.fromEntries(
      chosen.map((m) => [
        m,
        testOffer(cents(), pick([null, 0, int(1, 999), int(1, 2500)]), pick(['in_stock', 'in_stock', 'unknown', 'out_of_stock'] as const)),
      ]),
    );
  };
  const randomFees = (): MarketFees => ({
    marketplaceBasisPoints: int(0, 2000),
    paymentBasisPoints: int(0, 400),
    paymentFixedCents: pick([0, int(0, 100)]),
    shippingAbroadCents: pick([0, int(0, 2000)]),
  });
  const randomRules = (): MarginRules => ({
    minMarginBasisPoints: pick([0, int(0, 4000)]),
    minMarginCents: pick([0, int(0, 1000)]),
    floorCents: pick([0, int(0, 500)]),
    floorBasisPoints: pick([0, int(0, 1500)]),
    fees: { it: randomFees(), fr: randomFees(), de: randomFees(), es: randomFees() },
  });

  it(`holds for 3,000 products under the default settings and 3,000 under random ones (seed ${SEED})`, () => {
    const failures: string[] = [];
    let checked = 0;
    for (let i = 0; i < 6_000; i++) {
      const rules = i < 3_000 ? DEFAULT_MARGIN_RULES : randomRules();
      const offers = randomOffers();
      const prices = computeSellPrices(offers, rules, at);
      const anyBuyable = Object.values(offers).some((o) => o.availability !== 'out_of_stock');
      for (const market of MARKET_CODES) {
        const sell = prices[market];
        if (!sell) continue;
        const unit = sell.price.amountCents;
        const fail = (what: string) => failures.push(`product ${i}, ${market} at ${unit}: ${what} ${JSON.stringify({ offers, rules })}`);
        if (roundToMarketEnding(unit, PRICE_ENDINGS[market]) !== unit) fail('not on the market ending');
        // The priced source itself passes, even when out of stock (the shop shows it, the cart refuses it).
        if (!offerMargin(offers[sell.sourceMarket]!, sell.sourceMarket, market, unit, rules).meetsFloor)
          fail('its own source is below the floor');
        if (!anyBuyable) continue;
        for (const quantity of [1, int(2, 10)]) {
          if (!bestBuy(offers, { sellMarket: market, sellGrossCents: unit * quantity, quantity }, rules)?.meetsFloor)
            fail(`the purchase of ${quantity} is below the floor`);
          checked++;
        }
      }
    }
    expect(failures.slice(0, 3)).toEqual([]);
    // The generator must reach the check often enough for the contract to mean something.
    expect(checked).toBeGreaterThan(15_000);
  });

  it('prices no higher than it must: one ending lower misses the aim or the floor', () => {
    const cheaper: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const offers = randomOffers();
      const prices = computeSellPrices(offers, DEFAULT_MARGIN_RULES, at);
      for (const market of MARKET_CODES) {
        const sell = prices[market]!;
        const offer = offers[sell.sourceMarket]!;
        const lower = sell.price.amountCents - (sell.price.amountCents > PRICE_ENDINGS[market].smallBelowCents ? 100 : 10);
        if (lower < 0) continue;
        const sale = offerMargin(offer, sell.sourceMarket, market, roundToMarketEnding(lower, PRICE_ENDINGS[market]), DEFAULT_MARGIN_RULES);
        const delivered = sale.sourceCents + sale.shippingCents;
        const aim = Math.max(
          Math.ceil((delivered * DEFAULT_MARGIN_RULES.minMarginBasisPoints) / 10_000),
          DEFAULT_MARGIN_RULES.minMarginCents,
          sale.floorCents,
        );
        if (sale.sellGrossCents < sell.price.amountCents && sale.marginCents >= aim)
          cheaper.push(`product ${i} in ${market}: ${sale.sellGrossCents} would do`);
      }
    }
    expect(cheaper.slice(0, 3)).toEqual([]);
  });
});
