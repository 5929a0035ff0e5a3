// An order's margin by the margin engine (pricing/margin.ts, the one that priced the product and
// that checks each purchase): per line, what the shopper paid net of VAT, minus what the goods
// cost delivered and the marketplace and payment fees; then refunds. Pure.
//
// A line's cost is the best known: the supplier's charge once a purchase has one, else the unit
// price the purchase was placed at, else the source offer the purchaser would buy from now (an
// estimate that moves with the offers until the line is bought).
import type { MarketCode } from '../../common/markets';
import { MARKETS } from '../../common/markets';
import type { Offer } from '../catalog';
import { bestBuy, tradeMargin, type MarginRules, type TradeMargin } from '../pricing';
import type { Order } from './order.schema';

export type CostBasis = 'supplier-charge' | 'purchase-price' | 'current-offer' | 'unknown';

export interface LineMargin {
  readonly lineId: string;
  readonly basis: CostBasis;
  /** Null when nothing says what the line costs (no purchase, no offer in stock). */
  readonly trade: TradeMargin | null;
}

export interface OrderMargin {
  readonly lines: readonly LineMargin[];
  /** The lines' margins added up; null while a line's cost is unknown. */
  readonly linesCents: number | null;
  /** Refunds give the shopper's money back and the VAT on it with it: they cost their net amount. */
  readonly refundsNetCents: number;
  readonly totalCents: number | null;
  /** True while any line's cost is an estimate, not the supplier's charge. */
  readonly estimated: boolean;
}

type Offers = Partial<Record<MarketCode, Offer>>;

type Sold = Pick<Order, 'market' | 'lines' | 'purchases' | 'refunds'>;

function lineMargin(order: Sold, line: Order['lines'][number], offers: Offers, rules: MarginRules): LineMargin {
  const sale = { sellMarket: order.market, sellGrossCents: line.total.amountCents, quantity: line.quantity };
  const purchase = order.purchases.find((p) => p.lineId === line.lineId && p.status !== 'failed');
  if (purchase?.cost) {
    // The supplier's charge already counts the units and its own shipping: one amount, once.
    const trade = tradeMargin(
      { buyMarket: purchase.market, ...sale, quantity: 1, unitCostCents: purchase.cost.amountCents, shippingCents: 0 },
      rules,
    );
    return { lineId: line.lineId, basis: 'supplier-charge', trade };
  }
  if (purchase) {
    const shippingCents = offers[purchase.market]?.shipping?.amountCents ?? 0;
    const trade = tradeMargin(
      { buyMarket: purchase.market, ...sale, unitCostCents: purchase.expectedUnitPrice.amountCents, shippingCents },
      rules,
    );
    return { lineId: line.lineId, basis: 'purchase-price', trade };
  }
  const trade = bestBuy(offers, sale, rules);
  return { lineId: line.lineId, basis: trade ? 'current-offer' : 'unknown', trade };
}

/** `offersOf`: the source offers of a line's product, by market (empty for a product gone). */
export function orderMargin(order: Sold, offersOf: (productId: string) => Offers, rules: MarginRules): OrderMargin {
  const lines = order.lines.map((line) => lineMargin(order, line, offersOf(line.productId), rules));
  const vat = MARKETS[order.market].vatBasisPoints;
  const refundsNetCents = order.refunds.reduce((sum, r) => sum + Math.floor((r.amount.amountCents * 10_000) / (10_000 + vat)), 0);
  const known = lines.every((l) => l.trade !== null);
  const linesCents = known ? lines.reduce((sum, l) => sum + l.trade!.marginCents, 0) : null;
  return {
    lines,
    linesCents,
    refundsNetCents,
    totalCents: linesCents === null ? null : linesCents - refundsNetCents,
    estimated: lines.some((l) => l.basis !== 'supplier-charge'),
  };
}
