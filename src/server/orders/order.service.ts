// What the back office does with orders: search, open, refund, annotate. Joins the pure rules
// (order-state.ts, refund.ts, order-search.ts) with the stores, and audits every change.
import { formatEuroCents } from '../../common/money';
import { refuse, type Refusal } from '../platform/refusal';
import { agentDirectory, recordAudit, type ActingAgent } from '../backoffice';
import { findCustomerById, findCustomers, searchTerms, type CustomerView } from '../customers';
import { newId } from '../../common/ids';
import type { Runtime } from '../platform/runtime';
import { orderFilter, type OrderSearch } from './order-search';
import { transition } from './order-state';
import { timelineAgentIds, toOrderSummary, toOrderView, type OrderSummaryView, type OrderView } from './order-view';
import type { Order, Refund, TimelineEntry } from './order.schema';
import { appendTimeline, applyRefund, findOrderById, findOrders } from './order.store';
import { orderMargin } from './order-margin';
import { productsByIds } from '../catalog';
import { marginRules } from '../pricing';
import { decideRefund, refundedCents } from './refund';
import type { OrderNoteInput, RefundInput } from './order-actions.schema';

export type OrderActionResult = { readonly ok: true; readonly order: OrderView } | Refusal;

export const notFound = (id: string): Refusal => refuse('not_found', `no order with id ${id}`);

export async function searchOrders(rt: Runtime, search: OrderSearch): Promise<OrderSummaryView[]> {
  const terms = searchTerms(search.q);
  const customers = terms ? await findCustomers(rt, terms) : [];
  const orders = await findOrders(
    rt,
    orderFilter(
      search,
      terms,
      customers.map((c) => c._id),
    ),
    search.limit,
  );
  return orders.map(toOrderSummary);
}

/** The order as the back office shows it, with its customer. */
export async function orderView(rt: Runtime, order: Order): Promise<OrderView> {
  const [customer, agents, products] = await Promise.all([
    findCustomerById(rt, order.customerId),
    agentDirectory(rt, timelineAgentIds(order)),
    productsByIds(
      rt,
      order.lines.map((l) => l.productId),
    ),
  ]);
  const margin = orderMargin(order, (id) => products.get(id)?.offers ?? {}, marginRules(rt.config));
  return toOrderView(order, customer, agents, margin);
}

export async function orderDetail(rt: Runtime, orderId: string): Promise<OrderView | null> {
  const order = await findOrderById(rt, orderId);
  return order ? orderView(rt, order) : null;
}

const auditState = (order: Order) => ({ status: order.status, refundedCents: refundedCents(order), refunds: order.refunds.length });

/** A concurrent change makes the atomic update miss; the refund is then decided again on the fresh order. */
const MAX_ATTEMPTS = 3;

export async function refundOrder(rt: Runtime, input: RefundInput, agent: ActingAgent, now = new Date()): Promise<OrderActionResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const order = await findOrderById(rt, input.orderId);
    if (!order) return notFound(input.orderId);
    const decision = decideRefund(order, {
      amountCents: input.amountCents,
      role: agent.role,
      agentLimitCents: rt.config.BACKOFFICE_REFUND_AGENT_LIMIT_CENTS,
    });
    if (!decision.ok) return decision;

    const actor = { kind: 'agent', id: agent.id } as const;
    const refund: Refund = {
      refundId: newId(),
      amount: { amountCents: input.amountCents, currency: order.total.currency },
      reason: input.reason,
      at: now,
      agentId: agent.id,
    };
    const label = `${decision.full ? 'Full' : 'Partial'} refund of ${formatEuroCents(input.amountCents)}: ${input.reason}`;
    const timeline: TimelineEntry[] = decision.full
      ? [{ ...transition(order.status, { to: 'refunded', actor, reason: label, at: now }), kind: 'refund' }]
      : [{ kind: 'refund', at: now, from: order.status, to: order.status, actor, reason: label }];
    const status = decision.full ? 'refunded' : order.status;
    const updated = await applyRefund(rt, order, { refund, status, timeline, at: now });
    if (!updated) continue;
    await recordAudit(rt, {
      actor: { kind: 'agent', id: agent.id, email: agent.email },
      action: decision.full ? 'order.refunded_full' : 'order.refunded_partial',
      entity: { kind: 'order', id: order._id },
      before: auditState(order),
      after: auditState(updated),
      reason: input.reason,
      at: now,
    });
    return { ok: true, order: await orderView(rt, updated) };
  }
  return refuse('conflict', 'the order keeps changing under this refund; reload it and try again');
}

export async function addOrderNote(rt: Runtime, input: OrderNoteInput, agent: ActingAgent, now = new Date()): Promise<OrderActionResult> {
  const order = await findOrderById(rt, input.orderId);
  if (!order) return notFound(input.orderId);
  const entry: TimelineEntry = {
    kind: 'note',
    at: now,
    from: order.status,
    to: order.status,
    actor: { kind: 'agent', id: agent.id },
    reason: input.text,
  };
  const updated = await appendTimeline(rt, order, entry);
  if (!updated) return notFound(input.orderId);
  await recordAudit(rt, {
    actor: { kind: 'agent', id: agent.id, email: agent.email },
    action: 'order.note_added',
    entity: { kind: 'order', id: order._id },
    before: null,
    after: { note: input.text },
    reason: null,
    at: now,
  });
  return { ok: true, order: await orderView(rt, updated) };
}

/** A customer's orders shown on their page at once; older ones are reached by the orders search. */
const CUSTOMER_ORDERS_SHOWN = 100;

/** A customer's page: the customer with their newest orders (read by customer id, the orders' shard key, so one shard answers). */
export interface CustomerWithOrdersView extends CustomerView {
  readonly orders: readonly OrderSummaryView[];
}

export async function withOrders(rt: Runtime, customer: CustomerView): Promise<CustomerWithOrdersView> {
  const orders = await findOrders(rt, { customerId: customer.id }, CUSTOMER_ORDERS_SHOWN);
  return { ...customer, orders: orders.map(toOrderSummary) };
}
