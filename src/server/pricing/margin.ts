// The margin engine, one for what we sell and what we buy: `tradeMargin` is what one sale earns
// when the goods are bought in one market and sold in another, after the source price, the
// shipping to the shopper's country, the selling market's VAT and its marketplace and payment
// fees. The selling price of each market (`sellPriceFor`, `computeSellPrices`) is the cheapest
// price on the market's ending at which `tradeMargin` keeps the target margin and the floor; the
// purchase check (`bestBuy`) and the checkout's floor check ask `tradeMargin` the same question
// at the price the shopper pays. So a computed price passes the purchase check by construction.
// Pure integer cents. Every rounding goes against us (VAT and fees up, the net down, the price
// up), so a margin that passes the floor here is not a rounding artefact. Settings come from
// config (MARGIN_*, FEE_*, SHIPPING_ABROAD_*).
import { SETTINGS, type Config } from '../platform/config';
import { MARKET_CODES, MARKETS, type MarketCode } from '../../common/markets';
import type { Offer, SellPrice } from '../catalog';

export interface MarketFees {
  /** Commission of the marketplace we sell on, in basis points of the gross price. */
  readonly marketplaceBasisPoints: number;
  readonly paymentBasisPoints: number;
  readonly paymentFixedCents: number;
  /** Added to this market's domestic shipping when it ships to another country. */
  readonly shippingAbroadCents: number;
}

export interface MarginRules {
  /**
   * The margin a computed price aims for, in basis points of what the goods cost us delivered
   * (source price, shipping, shipping abroad); what is left after VAT and fees.
   */
  readonly minMarginBasisPoints: number;
  /** The same aim in cents; the larger of the two applies (cheap items still pay their handling). */
  readonly minMarginCents: number;
  /** The least margin for which we still buy. The larger of the two floors applies. */
  readonly floorCents: number;
  /** Of the net (VAT-free) selling price. */
  readonly floorBasisPoints: number;
  readonly fees: Readonly<Record<MarketCode, MarketFees>>;
}

type MarginSettings = Pick<
  Config,
  | 'MARGIN_MIN_BASIS_POINTS'
  | 'MARGIN_MIN_CENTS'
  | 'MARGIN_FLOOR_CENTS'
  | 'MARGIN_FLOOR_BASIS_POINTS'
  | `${'FEE_MARKETPLACE_BASIS_POINTS' | 'FEE_PAYMENT_BASIS_POINTS' | 'FEE_PAYMENT_FIXED_CENTS' | 'SHIPPING_ABROAD_CENTS'}_${Uppercase<MarketCode>}`
>;

export function marginRules(config: MarginSettings): MarginRules {
  const key = (code: MarketCode) => code.toUpperCase() as Uppercase<MarketCode>;
  const fees = Object.fromEntries(
    MARKET_CODES.map((code) => [
      code,
      {
        marketplaceBasisPoints: config[`FEE_MARKETPLACE_BASIS_POINTS_${key(code)}`],
        paymentBasisPoints: config[`FEE_PAYMENT_BASIS_POINTS_${key(code)}`],
        paymentFixedCents: config[`FEE_PAYMENT_FIXED_CENTS_${key(code)}`],
        shippingAbroadCents: config[`SHIPPING_ABROAD_CENTS_${key(code)}`],
      },
    ]),
  ) as Record<MarketCode, MarketFees>;
  return {
    minMarginBasisPoints: config.MARGIN_MIN_BASIS_POINTS,
    minMarginCents: config.MARGIN_MIN_CENTS,
    floorCents: config.MARGIN_FLOOR_CENTS,
    floorBasisPoints: config.MARGIN_FLOOR_BASIS_POINTS,
    fees,
  };
}

/** The rules with the settings' defaults, for callers that run without a configuration (benchmarks, seeds). */
export const DEFAULT_MARGIN_RULES: MarginRules = marginRules(
  new Proxy({} as MarginSettings, {
    get: (_target, name) => {
      const setting = SETTINGS[name as keyof MarginSettings];
      return setting.type.parse(setting.default);
    },
  }),
);

/**
 * How a market's shops end their prices, and so how we round ours. Always upwards, so the
 * rounding never eats into the margin. Below `smallBelowCents` the step is 10 cents:
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

export interface TradeInput {
  readonly buyMarket: MarketCode;
  readonly sellMarket: MarketCode;
  /** What the source charges per unit. */
  readonly unitCostCents: number;
  /** The source's shipping for the parcel, domestic; abroad is added here when the markets differ. */
  readonly shippingCents: number;
  readonly quantity: number;
  /** What the shopper pays for the line, VAT included. */
  readonly sellGrossCents: number;
}

export interface TradeMargin {
  readonly buyMarket: MarketCode;
  readonly sellMarket: MarketCode;
  readonly sellGrossCents: number;
  readonly vatCents: number;
  readonly sellNetCents: number;
  readonly sourceCents: number;
  /** Domestic shipping, plus the shipping abroad when the markets differ. */
  readonly shippingCents: number;
  readonly marketplaceFeeCents: number;
  readonly paymentFeeCents: number;
  readonly marginCents: number;
  /** Of the net selling price, rounded down: 562 is 5.62 %. */
  readonly marginBasisPoints: number;
  /** The least margin this sale must keep (the larger floor). */
  readonly floorCents: number;
  readonly meetsFloor: boolean;
}

/** What one sale earns: the single cost rule behind the selling price, the purchase and the checkout. */
export function tradeMargin(input: TradeInput, rules: MarginRules): TradeMargin {
  for (const [name, value] of Object.entries({
    unitCostCents: input.unitCostCents,
    shippingCents: input.shippingCents,
    sellGrossCents: input.sellGrossCents,
  })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be whole cents ≥ 0, got ${value}`);
  }
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1)
    throw new RangeError(`quantity must be a whole number ≥ 1, got ${input.quantity}`);
  const vatBasisPoints = MARKETS[input.sellMarket].vatBasisPoints;
  const sellNetCents = Math.floor((input.sellGrossCents * 10_000) / (10_000 + vatBasisPoints));
  const fees = rules.fees[input.sellMarket];
  const sourceCents = input.unitCostCents * input.quantity;
  const shippingCents = input.shippingCents + (input.buyMarket === input.sellMarket ? 0 : rules.fees[input.buyMarket].shippingAbroadCents);
  const marketplaceFeeCents = ceilDiv(input.sellGrossCents * fees.marketplaceBasisPoints, 10_000);
  const paymentFeeCents = ceilDiv(input.sellGrossCents * fees.paymentBasisPoints, 10_000) + fees.paymentFixedCents;
  const marginCents = sellNetCents - sourceCents - shippingCents - marketplaceFeeCents - paymentFeeCents;
  const marginBasisPoints = sellNetCents > 0 ? Math.floor((marginCents * 10_000) / sellNetCents) : 0;
  const floorCents = Math.max(rules.floorCents, ceilDiv(sellNetCents * rules.floorBasisPoints, 10_000));
  return {
    buyMarket: input.buyMarket,
    sellMarket: input.sellMarket,
    sellGrossCents: input.sellGrossCents,
    vatCents: input.sellGrossCents - sellNetCents,
    sellNetCents,
    sourceCents,
    shippingCents,
    marketplaceFeeCents,
    paymentFeeCents,
    marginCents,
    marginBasisPoints,
    floorCents,
    meetsFloor: marginCents >= floorCents,
  };
}

/** `562` → `5.62 %`; for the back office, which is in English. */
export function formatBasisPoints(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)} %`;
}

/** One unit of `offer`, bought in `buyMarket`, sold in `sellMarket` at `sellGrossCents`. */
export function offerMargin(
  offer: Pick<Offer, 'price' | 'shipping'>,
  buyMarket: MarketCode,
  sellMarket: MarketCode,
  sellGrossCents: number,
  rules: MarginRules,
  quantity = 1,
): TradeMargin {
  return tradeMargin(
    {
      buyMarket,
      sellMarket,
      unitCostCents: offer.price.amountCents,
      shippingCents: offer.shipping?.amountCents ?? 0,
      quantity,
      sellGrossCents,
    },
    rules,
  );
}

/** What the goods of one unit cost us delivered to a shopper in `sellMarket`, before VAT and fees. */
export function deliveredCostCents(
  offer: Pick<Offer, 'price' | 'shipping'>,
  buyMarket: MarketCode,
  sellMarket: MarketCode,
  rules: MarginRules,
): number {
  return (
    offer.price.amountCents +
    (offer.shipping?.amountCents ?? 0) +
    (buyMarket === sellMarket ? 0 : rules.fees[buyMarket].shippingAbroadCents)
  );
}

/** The margin a computed price must keep at `sale`: the target over the delivered cost, and the floor. */
function requiredMarginCents(sale: TradeMargin, deliveredCents: number, rules: MarginRules): number {
  return Math.max(ceilDiv(deliveredCents * rules.minMarginBasisPoints, 10_000), rules.minMarginCents, sale.floorCents);
}

/**
 * The cheapest price on `sellMarket`'s ending at which one unit of `offer` bought in `buyMarket`
 * keeps the target margin and the floor, with its breakdown; null when no price can (fees and
 * floor together take the whole net price: a configuration no price survives).
 *
 * Solved rather than searched: with the roundings left out, the margin grows linearly with the
 * price, so the price where it reaches the target (and the price where the percentage floor is
 * reached) bounds the answer from below. The roundings cost a few cents, so the walk up the
 * market's price endings from that bound takes a step or two.
 */
export function sellPriceFor(
  offer: Pick<Offer, 'price' | 'shipping'>,
  buyMarket: MarketCode,
  sellMarket: MarketCode,
  rules: MarginRules,
): TradeMargin | null {
  const delivered = deliveredCostCents(offer, buyMarket, sellMarket, rules);
  if (!Number.isSafeInteger(delivered) || delivered < 0) throw new RangeError(`offer cost must be whole cents ≥ 0, got ${delivered}`);
  const vatRate = 10_000 + MARKETS[sellMarket].vatBasisPoints;
  const fees = rules.fees[sellMarket];
  const feeBasisPoints = fees.marketplaceBasisPoints + fees.paymentBasisPoints;
  // Per cent of gross price, scaled by 10⁴ · vatRate: what is left of it after VAT and the fees,
  // and what is left after the percentage floor on top.
  const keptAfterFees = 100_000_000 - feeBasisPoints * vatRate;
  const keptAfterFloor = 10_000 * (10_000 - rules.floorBasisPoints) - feeBasisPoints * vatRate;
  if (keptAfterFees <= 0 || keptAfterFloor <= 0) return null;
  const fixedCents = delivered + fees.paymentFixedCents;
  const aimCents = Math.max(ceilDiv(delivered * rules.minMarginBasisPoints, 10_000), rules.minMarginCents, rules.floorCents);
  let gross = roundToMarketEnding(
    Math.max(ceilDiv((fixedCents + aimCents) * 10_000 * vatRate, keptAfterFees), ceilDiv(fixedCents * 10_000 * vatRate, keptAfterFloor)),
    PRICE_ENDINGS[sellMarket],
  );
  for (let step = 0; step < 100; step++) {
    const sale = offerMargin(offer, buyMarket, sellMarket, gross, rules);
    if (sale.marginCents >= requiredMarginCents(sale, delivered, rules)) return sale;
    gross = roundToMarketEnding(gross + 1, PRICE_ENDINGS[sellMarket]);
  }
  throw new Error(
    `no ${sellMarket} price found near ${gross} cents for an offer delivered at ${delivered} cents: the lower bound is wrong`,
  );
}

/**
 * The offer we would buy from for a sale in `sellMarket`: the cheapest delivered there (shipping
 * abroad counts, so a domestic offer can beat a cheaper foreign one) among offers in stock, else
 * among all offers (the page still shows a price, marked unavailable). Ties go to market order,
 * so the choice is stable between runs.
 */
export function cheapestSource(
  offers: Partial<Record<MarketCode, Offer>>,
  sellMarket: MarketCode,
  rules: MarginRules,
): { market: MarketCode; offer: Offer } | null {
  const all = MARKET_CODES.flatMap((market) => {
    const offer = offers[market];
    return offer ? [{ market, offer, cost: deliveredCostCents(offer, market, sellMarket, rules) }] : [];
  });
  const inStock = all.filter(({ offer }) => offer.availability !== 'out_of_stock');
  const pool = inStock.length > 0 ? inStock : all;
  let best: (typeof all)[number] | null = null;
  for (const candidate of pool) {
    if (!best || candidate.cost < best.cost) best = candidate;
  }
  return best ? { market: best.market, offer: best.offer } : null;
}

/**
 * Selling prices in every market, each from the offer cheapest to deliver there; none in a market
 * no offer can be sold in at a margin, and none at all without an offer.
 */
export function computeSellPrices(
  offers: Partial<Record<MarketCode, Offer>>,
  rules: MarginRules,
  now: Date,
): Partial<Record<MarketCode, SellPrice>> {
  return Object.fromEntries(
    MARKET_CODES.flatMap((market) => {
      const source = cheapestSource(offers, market, rules);
      const sale = source ? sellPriceFor(source.offer, source.market, market, rules) : null;
      if (!source || !sale) return [];
      const sell: SellPrice = {
        price: { amountCents: sale.sellGrossCents, currency: source.offer.price.currency },
        sourceMarket: source.market,
        computedAt: now,
      };
      return [[market, sell]];
    }),
  );
}

/**
 * The purchase check: the best market to buy from for a sale of `quantity` units in `sellMarket`
 * at `sellGrossCents`, the largest margin among offers in stock. Ties go to market order, so the
 * choice is stable. The caller compares it with the floor (`meetsFloor`).
 */
export function bestBuy(
  offers: Partial<Record<MarketCode, Offer>>,
  sale: { readonly sellMarket: MarketCode; readonly sellGrossCents: number; readonly quantity: number },
  rules: MarginRules,
): TradeMargin | null {
  let best: TradeMargin | null = null;
  for (const buyMarket of MARKET_CODES) {
    const offer = offers[buyMarket];
    if (!offer || offer.availability === 'out_of_stock') continue;
    const margin = offerMargin(offer, buyMarket, sale.sellMarket, sale.sellGrossCents, rules, sale.quantity);
    if (!best || margin.marginCents > best.marginCents) best = margin;
  }
  return best;
}
