// Refund arithmetic and who may issue what, free of I/O. Amounts are integer cents; an order's
// refunds never sum above its total, and a role's limit bounds the order's running total of
// refunds, not each refund: six refunds of €50 are €300 given back, which one agent alone may not.
//
// The total counts every refund on the order, whoever issued it. Counting only the agent's own
// would let two agents (or one with a second account) split what neither may give back alone;
// and once a supervisor has refunded past the agent limit, any further money back on that order
// is again a supervisor's decision. The service applies the refund with a conditional update on
// the refunds it decided on, so two concurrent refunds cannot both pass under the limit.
import { formatEuroCents } from '../../common/money';
import { refuse, type Refusal } from '../platform/refusal';
import type { Role } from '../backoffice';
import { REFUNDABLE_STATUSES } from './order-state';
import type { Order } from './order.schema';

export function refundedCents(order: Pick<Order, 'refunds'>): number {
  return order.refunds.reduce((sum, r) => sum + r.amount.amountCents, 0);
}

export function refundableCents(order: Pick<Order, 'refunds' | 'total'>): number {
  return Math.max(0, order.total.amountCents - refundedCents(order));
}

export type RefundDecision =
  | { readonly ok: true; /** True when this refund gives back all that remains: the order becomes `refunded`. */ readonly full: boolean }
  | Refusal;

export interface RefundAsk {
  readonly amountCents: number;
  readonly role: Role;
  /** An order's refunds above this in total need a supervisor or an admin. */
  readonly agentLimitCents: number;
}

/** How much of one order, in total, a role may give back; null when it has no limit of its own. */
export function refundLimitCents(role: Role, agentLimitCents: number): number | null {
  return role === 'agent' ? agentLimitCents : null;
}

/** Why an order in a status that takes no refund takes none, and what the agent can do instead. */
const NO_REFUND_BECAUSE: Readonly<Partial<Record<Order['status'], string>>> = {
  awaiting_payment: 'nothing has been paid for it yet: cancel the order instead',
  confirmed: 'it is paid on delivery and nothing has been paid yet: cancel the order instead',
  purchasing:
    'its purchase from the supplier is under way: wait until it is bought (a minute or two), then refund it; if the purchase fails, the order needs attention and can be refunded then',
  cancelled: 'it is cancelled: nothing is left to refund',
  refunded: 'it is refunded in full already',
};

export function decideRefund(order: Pick<Order, 'refunds' | 'total' | 'status'>, ask: RefundAsk): RefundDecision {
  if (!Number.isSafeInteger(ask.amountCents) || ask.amountCents <= 0) {
    return refuse('invalid', 'amountCents: a refund must be a whole number of cents above 0');
  }
  if (!REFUNDABLE_STATUSES.includes(order.status)) {
    const because = NO_REFUND_BECAUSE[order.status] ?? 'its status takes no refund';
    return refuse('conflict', `this order cannot be refunded now: ${because}`);
  }
  const remaining = refundableCents(order);
  if (ask.amountCents > remaining) {
    return refuse('conflict', `only ${formatEuroCents(remaining)} of this order remains refundable`);
  }
  const limit = refundLimitCents(ask.role, ask.agentLimitCents);
  const already = refundedCents(order);
  if (limit !== null && already + ask.amountCents > limit) {
    const so = already > 0 ? ` (${formatEuroCents(already)} of this order is refunded already)` : '';
    return refuse(
      'forbidden',
      `refunds above ${formatEuroCents(limit)} in total on one order need a supervisor${so}: ask one to issue this refund`,
    );
  }
  return { ok: true, full: ask.amountCents === remaining };
}
