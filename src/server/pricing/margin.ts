// Margin rules: what we sell a product for in a market, from what its source offers cost.
// Pure integer arithmetic on cents (no floats, no I/O); the refresher and the scrapers call
// `computeSellPrices` after every change of an offer. Settings come from config (MARGIN_*).
import { MARKET_CODES, MARKETS, type MarketCode } from '../markets';
import type { Money } from '../money';
import type { Offer, SellPrice } from '../catalog/product.schema';

export interface MarginRules {
  /** Minimum margin over landed cost (source price + shipping), in basis points of that cost. */
  readonly minMarginBasisPoints: number;
  /** Minimum margin in cents; the larger of the two minimums applies. */
  readonly minMarginCents: number;
}

/**
 * How a market's shops end their prices, and so how we round ours. Always upwards, so the
 * rounding never eats into the minimum margin. Below `smallBelowCents` the step is 10 cents:
 * turning 2,31 € into 2,90 € would add a quarter to a cheap item's price.
 */
export interface PriceEnding {
  /** Ending of prices from `smallBelowCents` up, in cents modulo 100. */
  readonly endingCents: number;
  /** Ending of cheaper prices, in cents modulo 10. */
  readonly smallEndingCents: number;
  readonly smallBelowCents: number;
}

/**
 * Decided per market from how the big shops there print prices:
 * - it: 19,90 € — Italian retail (Esselunga, MediaWorld, Unieuro) ends on ,90; cheap items on ,x0.
 * - fr: 19,99 € — French marketplaces and Fnac/Darty end on ,99; cheap items on ,x9.
 * - de: 19,99 € — the German "Schwellenpreis"; cheap items on ,x9.
 * - es: 19,95 € — Spanish retail (El Corte Inglés, PcComponentes) often ends on ,95; cheap items on ,x5.
 */
export const PRICE_ENDINGS: Readonly<Record<MarketCode, PriceEnding>> = {
  it: { endingCents: 90, smallEndingCents: 0, smallBelowCents: 1000 },
  fr: { endingCents: 99, smallEndingCents: 9, smallBelowCents: 1000 },
  de: { endingCents: 99, smallEndingCents: 9, smallBelowCents: 1000 },
  es: { endingCents: 95, smallEndingCents: 5, smallBelowCents: 1000 },
};

/** Ceiling of a / b for non-negative integers, without going through a float quotient. */
export function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** The smallest price ≥ `cents` whose last digits are `ending` modulo `step`. */
function roundUpTo(cents: number, step: number, ending: number): number {
  const base = cents - (((cents % step) + step) % step) + ending;
  return base >= cents ? base : base + step;
}

export function roundToMarketEnding(cents: number, ending: PriceEnding): number {
  if (cents < ending.smallBelowCents) {
    const small = roundUpTo(cents, 10, ending.smallEndingCents);
    if (small < ending.smallBelowCents) return small;
  }
  return roundUpTo(cents, 100, ending.endingCents);
}

export interface SellPriceBreakdown {
  readonly landedCostCents: number;
  readonly marginCents: number;
  readonly netCents: number;
  readonly vatCents: number;
  /** What the shopper pays, VAT included, after rounding to the market's ending. */
  readonly grossCents: number;
}

/** Landed cost → selling price in `market`, VAT included; every step rounds up. */
export function sellPriceFor(landedCostCents: number, market: MarketCode, rules: MarginRules): SellPriceBreakdown {
  if (!Number.isSafeInteger(landedCostCents) || landedCostCents < 0) throw new RangeError(`landed cost must be whole cents ≥ 0, got ${landedCostCents}`);
  const marginCents = Math.max(ceilDiv(landedCostCents * rules.minMarginBasisPoints, 10_000), rules.minMarginCents);
  const netCents = landedCostCents + marginCents;
  const withVat = ceilDiv(netCents * (10_000 + MARKETS[market].vatBasisPoints), 10_000);
  const grossCents = roundToMarketEnding(withVat, PRICE_ENDINGS[market]);
  return { landedCostCents, marginCents, netCents, vatCents: grossCents - netCents, grossCents };
}

/**
 * The same breakdown read backwards from a price the shopper pays (an agent's override): the
 * VAT inside it, rounded to the nearest cent, and what is left over the landed cost. The margin
 * is negative when the price does not cover the cost and the VAT.
 */
export function breakdownAtPrice(grossCents: number, landedCostCents: number, market: MarketCode): SellPriceBreakdown {
  const rate = 10_000 + MARKETS[market].vatBasisPoints;
  const netCents = Math.floor((grossCents * 10_000 + Math.floor(rate / 2)) / rate);
  return { landedCostCents, marginCents: netCents - landedCostCents, netCents, vatCents: grossCents - netCents, grossCents };
}

export function landedCostCents(offer: Pick<Offer, 'price' | 'shipping'>): number {
  return offer.price.amountCents + (offer.shipping?.amountCents ?? 0);
}

/**
 * The offer we would buy from: the cheapest landed cost among offers in stock, else among all
 * offers (the page still shows a price, marked unavailable). Ties go to market order, so the
 * choice is stable between runs.
 */
export function cheapestSource(offers: Partial<Record<MarketCode, Offer>>): { market: MarketCode; offer: Offer } | null {
  const all = MARKET_CODES.flatMap((market) => {
    const offer = offers[market];
    return offer ? [{ market, offer }] : [];
  });
  const inStock = all.filter(({ offer }) => offer.availability !== 'out_of_stock');
  const pool = inStock.length > 0 ? inStock : all;
  let best: { market: MarketCode; offer: Offer } | null = null;
  for (const candidate of pool) {
    if (!best || landedCostCents(candidate.offer) < landedCostCents(best.offer)) best = candidate;
  }
  return best;
}

/** Selling prices in every market from the cheapest source offer; none when there is no offer. */
export function computeSellPrices(
  offers: Partial<Record<MarketCode, Offer>>,
  rules: MarginRules,
  now: Date,
): Partial<Record<MarketCode, SellPrice>> {
  const source = cheapestSource(offers);
  if (!source) return {};
  const cost = landedCostCents(source.offer);
  const currency = source.offer.price.currency;
  return Object.fromEntries(
    MARKET_CODES.map((market) => {
      const price: Money = { amountCents: sellPriceFor(cost, market, rules).grossCents, currency };
      return [market, { price, sourceMarket: source.market, computedAt: now }];
    }),
  );
}
