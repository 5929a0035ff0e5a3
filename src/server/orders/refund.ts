// Refund arithmetic and who may issue what, free of I/O. Amounts are integer cents; an order's
// refunds never sum above its total, and a refund above the configured limit needs a supervisor.
import type { Role } from '../backoffice/backoffice.schema';
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
  | { readonly ok: false; readonly code: 'BAD_REQUEST' | 'CONFLICT' | 'FORBIDDEN'; readonly message: string };

export interface RefundAsk {
  readonly amountCents: number;
  readonly role: Role;
  /** Refunds above this need a supervisor or an admin. */
  readonly agentLimitCents: number;
}

export function formatCents(cents: number): string {
  return `€${(cents / 100).toFixed(2)}`;
}

export function decideRefund(order: Pick<Order, 'refunds' | 'total' | 'status'>, ask: RefundAsk): RefundDecision {
  if (!Number.isSafeInteger(ask.amountCents) || ask.amountCents <= 0) {
    return { ok: false, code: 'BAD_REQUEST', message: 'amountCents: a refund must be a whole number of cents above 0' };
  }
  if (!REFUNDABLE_STATUSES.includes(order.status)) {
    return { ok: false, code: 'CONFLICT', message: `an order that is ${order.status} cannot be refunded` };
  }
  const remaining = refundableCents(order);
  if (ask.amountCents > remaining) {
    return { ok: false, code: 'CONFLICT', message: `only ${formatCents(remaining)} of this order remains refundable` };
  }
  if (ask.role === 'agent' && ask.amountCents > ask.agentLimitCents) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `refunds above ${formatCents(ask.agentLimitCents)} need a supervisor: ask one to issue this refund`,
    };
  }
  return { ok: true, full: ask.amountCents === remaining };
}
