// Orders as the back office shows them: plain JSON (ISO dates, cents and formatted amounts), so
// a page's server load and a mutation's answer have the same shape.
import type { AgentDirectory, PersonView } from '../backoffice';
import type { Customer } from '../customers';
import { formatMoney } from '../../common/money';
import { refundableCents, refundedCents } from './refund';
import type { Order, OrderStatus } from './order.schema';

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
  readonly paymentMethod: string;
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
  /** Total minus refunds minus known supplier costs; null until every purchase has a cost. */
  readonly margin: string | null;
  readonly timeline: readonly { kind: string; at: string; from: string | null; to: string; actor: PersonView; reason: string }[];
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

export function toOrderView(order: Order, customer: Customer | null, agents: AgentDirectory): OrderView {
  const costs = order.purchases.map((p) => p.cost?.amountCents ?? null);
  const costsKnown = costs.length > 0 && costs.every((c) => c !== null);
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
    margin: costsKnown ? fmt(order.total.amountCents - refunded - costs.reduce<number>((s, c) => s + (c ?? 0), 0)) : null,
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
