// Orders as the back office shows them: plain JSON (ISO dates, cents and formatted amounts), so
// a page's server load and a mutation's answer have the same shape.
import type { AgentDirectory, PersonView } from '../backoffice';
import type { Customer } from '../customers';
import { formatMoney } from '../../common/money';
import { refundableCents, refundedCents } from './refund';
import type { Order, OrderStatus, TimelineEntry } from './order.schema';
import type { MarketCode } from '../../common/markets';
import { formatBasisPoints } from '../pricing';
import type { CostBasis, OrderMargin } from './order-margin';

const LOCALE = 'en-IE';
const fmt = (amountCents: number) => formatMoney({ amountCents, currency: 'EUR' }, LOCALE);

export interface OrderSummaryView {
  readonly id: string;
  readonly number: string;
  readonly email: string;
  readonly customerName: string;
  readonly market: string;
  readonly status: OrderStatus;
  readonly total: string;
  readonly createdAt: string;
}

export function toOrderSummary(order: Order): OrderSummaryView {
  return {
    id: order._id,
    number: order.number,
    email: order.email,
    customerName: order.shippingAddress.name,
    market: order.market,
    status: order.status,
    total: fmt(order.total.amountCents),
    createdAt: order.createdAt.toISOString(),
  };
}

export interface OrderView extends OrderSummaryView {
  readonly customer: {
    readonly id: string;
    readonly name: string;
    readonly email: string;
    readonly phone: string | null;
    readonly phoneE164: string | null;
  } | null;
  readonly paymentMethod: Order['paymentMethod'];
  readonly shippingAddress: Order['shippingAddress'];
  readonly lines: readonly { lineId: string; productId: string; title: string; quantity: number; unitPrice: string; total: string }[];
  readonly totalCents: number;
  readonly refundedCents: number;
  readonly refundableCents: number;
  readonly refunded: string;
  readonly refundable: string;
  readonly refunds: readonly { refundId: string; amount: string; reason: string; at: string; agentId: string }[];
  readonly purchases: readonly {
    lineId: string;
    market: string;
    supplierOrderId: string | null;
    cost: string | null;
    status: string;
    trackingNumber: string | null;
  }[];
  /** The margin engine's figures, per line and for the order (order-margin.ts), formatted. */
  readonly margin: OrderMarginView;
  readonly timeline: readonly (Pick<TimelineEntry, 'kind' | 'from' | 'to' | 'reason'> & { at: string; actor: PersonView })[];
}

/** The agents an order's timeline names, for agentDirectory. */
export function timelineAgentIds(order: Order): string[] {
  return order.timeline.flatMap((t) => (t.actor.kind === 'agent' && t.actor.id ? [t.actor.id] : []));
}

function actorView(actor: Order['timeline'][number]['actor'], order: Order, agents: AgentDirectory): PersonView {
  if (actor.kind === 'agent' && actor.id) return agents(actor.id);
  if (actor.kind === 'shopper') return { name: 'the shopper', email: order.email };
  return { name: 'the platform', email: null };
}

export interface LineMarginView {
  readonly lineId: string;
  readonly basis: CostBasis;
  readonly buyMarket: MarketCode | null;
  readonly sellPrice: string;
  readonly vat: string | null;
  readonly cost: string | null;
  readonly fees: string | null;
  readonly margin: string | null;
  readonly marginPercent: string | null;
  readonly meetsFloor: boolean | null;
}

export interface OrderMarginView {
  readonly lines: readonly LineMarginView[];
  readonly lineTotal: string | null;
  readonly refundsNet: string;
  readonly total: string | null;
  readonly totalCents: number | null;
  readonly estimated: boolean;
}

function marginView(order: Order, margin: OrderMargin): OrderMarginView {
  return {
    lines: margin.lines.map(({ lineId, basis, trade }) => ({
      lineId,
      basis,
      buyMarket: trade?.buyMarket ?? null,
      sellPrice: fmt(order.lines.find((l) => l.lineId === lineId)?.total.amountCents ?? 0),
      vat: trade ? fmt(trade.vatCents) : null,
      cost: trade ? fmt(trade.sourceCents + trade.shippingCents) : null,
      fees: trade ? fmt(trade.marketplaceFeeCents + trade.paymentFeeCents) : null,
      margin: trade ? fmt(trade.marginCents) : null,
      marginPercent: trade ? formatBasisPoints(trade.marginBasisPoints) : null,
      meetsFloor: trade?.meetsFloor ?? null,
    })),
    lineTotal: margin.linesCents === null ? null : fmt(margin.linesCents),
    refundsNet: fmt(margin.refundsNetCents),
    total: margin.totalCents === null ? null : fmt(margin.totalCents),
    totalCents: margin.totalCents,
    estimated: margin.estimated,
  };
}

export function toOrderView(order: Order, customer: Customer | null, agents: AgentDirectory, margin: OrderMargin): OrderView {
  const refunded = refundedCents(order);
  return {
    ...toOrderSummary(order),
    customer: customer
      ? {
          id: customer._id,
          name: customer.name,
          email: customer.email,
          phone: customer.phoneAsTyped ?? customer.phone,
          phoneE164: customer.phone,
        }
      : null,
    paymentMethod: order.paymentMethod,
    shippingAddress: order.shippingAddress,
    lines: order.lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      title: l.title,
      quantity: l.quantity,
      unitPrice: fmt(l.unitPrice.amountCents),
      total: fmt(l.total.amountCents),
    })),
    totalCents: order.total.amountCents,
    refundedCents: refunded,
    refundableCents: refundableCents(order),
    refunded: fmt(refunded),
    refundable: fmt(refundableCents(order)),
    refunds: order.refunds.map((r) => ({
      refundId: r.refundId,
      amount: fmt(r.amount.amountCents),
      reason: r.reason,
      at: r.at.toISOString(),
      agentId: r.agentId,
    })),
    purchases: order.purchases.map((p) => ({
      lineId: p.lineId,
      market: p.market,
      supplierOrderId: p.supplierOrderId,
      cost: p.cost ? fmt(p.cost.amountCents) : null,
      status: p.status,
      trackingNumber: p.trackingNumber,
    })),
    margin: marginView(order, margin),
    // Newest first: what just happened is at the top.
    timeline: [...order.timeline]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((t) => ({
        kind: t.kind,
        at: t.at.toISOString(),
        from: t.from,
        to: t.to,
        actor: actorView(t.actor, order, agents),
        reason: t.reason,
      })),
  };
}
