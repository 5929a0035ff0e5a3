// The margin engine: what one sale earns when the goods are bought in one market and sold in
// another, after the source price, shipping to the shopper's country, the selling market's VAT
// and its marketplace and payment fees; the best market to buy from for each market we sell
// in; and the opportunities list. Pure integer cents. Every rounding goes against us (VAT and
// fees up, the net down), so a margin that passes the floor here is not a rounding artefact.
// What we charge (the selling price rules) stays in pricing/margin.ts.
import type { Config } from '../config';
import type { Offer, Product } from '../catalog/product.schema';
import { sellingPrice } from '../catalog/selling';
import { MARKET_CODES, MARKETS, type MarketCode } from '../markets';
import { ceilDiv } from '../pricing/margin';

export interface MarketFees {
  /** Commission of the marketplace we sell on, in basis points of the gross price. */
  readonly marketplaceBasisPoints: number;
  readonly paymentBasisPoints: number;
  readonly paymentFixedCents: number;
  /** Added to this market's domestic shipping when it ships to another country. */
  readonly shippingAbroadCents: number;
}

export interface MarginPolicy {
  readonly fees: Readonly<Record<MarketCode, MarketFees>>;
  readonly floorCents: number;
  /** Of the net (VAT-free) selling price. The larger of the two floors applies. */
  readonly floorBasisPoints: number;
}

export function marginPolicy(config: Config): MarginPolicy {
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
  return { fees, floorCents: config.MARGIN_FLOOR_CENTS, floorBasisPoints: config.MARGIN_FLOOR_BASIS_POINTS };
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

export function tradeMargin(input: TradeInput, policy: MarginPolicy): TradeMargin {
  for (const [name, value] of Object.entries({ unitCostCents: input.unitCostCents, shippingCents: input.shippingCents, sellGrossCents: input.sellGrossCents })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be whole cents ≥ 0, got ${value}`);
  }
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) throw new RangeError(`quantity must be a whole number ≥ 1, got ${input.quantity}`);
  const vatBasisPoints = MARKETS[input.sellMarket].vatBasisPoints;
  const sellNetCents = Math.floor((input.sellGrossCents * 10_000) / (10_000 + vatBasisPoints));
  const fees = policy.fees[input.sellMarket];
  const sourceCents = input.unitCostCents * input.quantity;
  const shippingCents = input.shippingCents + (input.buyMarket === input.sellMarket ? 0 : policy.fees[input.buyMarket].shippingAbroadCents);
  const marketplaceFeeCents = ceilDiv(input.sellGrossCents * fees.marketplaceBasisPoints, 10_000);
  const paymentFeeCents = ceilDiv(input.sellGrossCents * fees.paymentBasisPoints, 10_000) + fees.paymentFixedCents;
  const marginCents = sellNetCents - sourceCents - shippingCents - marketplaceFeeCents - paymentFeeCents;
  const marginBasisPoints = sellNetCents > 0 ? Math.floor((marginCents * 10_000) / sellNetCents) : 0;
  const floorCents = Math.max(policy.floorCents, ceilDiv(sellNetCents * policy.floorBasisPoints, 10_000));
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

/**
 * The best market to buy from for a sale of `quantity` units in `sellMarket` at `sellGrossCents`:
 * the largest margin among offers in stock. Ties go to market order, so the choice is stable.
 */
export function bestBuy(
  offers: Partial<Record<MarketCode, Offer>>,
  sale: { readonly sellMarket: MarketCode; readonly sellGrossCents: number; readonly quantity: number },
  policy: MarginPolicy,
): TradeMargin | null {
  let best: TradeMargin | null = null;
  for (const buyMarket of MARKET_CODES) {
    const offer = offers[buyMarket];
    if (!offer || offer.availability === 'out_of_stock') continue;
    const margin = tradeMargin(
      { buyMarket, sellMarket: sale.sellMarket, unitCostCents: offer.price.amountCents, shippingCents: offer.shipping?.amountCents ?? 0, quantity: sale.quantity, sellGrossCents: sale.sellGrossCents },
      policy,
    );
    if (!best || margin.marginCents > best.marginCents) best = margin;
  }
  return best;
}

export interface Opportunity extends TradeMargin {
  readonly productId: string;
  readonly title: string;
}

/**
 * For each product and each market it is for sale in, the best market to buy from; best margin
 * first (then the larger percentage, then the product id, so the order is stable).
 */
export function opportunities(products: readonly Pick<Product, '_id' | 'title' | 'offers' | 'sellPrices' | 'priceOverrides' | 'salesStop'>[], policy: MarginPolicy, now: Date): Opportunity[] {
  const found: Opportunity[] = [];
  for (const product of products) {
    for (const sellMarket of MARKET_CODES) {
      const price = sellingPrice(product, sellMarket, now);
      if (!price) continue;
      const best = bestBuy(product.offers, { sellMarket, sellGrossCents: price.price.amountCents, quantity: 1 }, policy);
      if (best) found.push({ ...best, productId: product._id, title: product.title });
    }
  }
  return found.sort((a, b) => b.marginCents - a.marginCents || b.marginBasisPoints - a.marginBasisPoints || a.productId.localeCompare(b.productId) || a.sellMarket.localeCompare(b.sellMarket));
}
