// The order state machine: the one place that decides which status may follow which. Pure, so
// purchases, refunds and agents' actions all ask it and it is tested without servers. Every
// accepted transition yields the timeline entry to append (actor, time, reason).
import { OrderStatus, type Actor, type TimelineEntry } from './order.schema';

/** For each status, the statuses it may move to. `cancelled` and `refunded` are final. */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  awaiting_payment: ['paid', 'cancelled', 'needs_attention'],
  // Nothing was paid, so a confirmed (cash on delivery) order may be cancelled outright.
  confirmed: ['purchasing', 'cancelled', 'needs_attention'],
  // A paid order is not cancelled outright: the money goes back first (refund_pending / refunded).
  paid: ['purchasing', 'refund_pending', 'refunded', 'needs_attention'],
  // While a supplier purchase is in flight nothing else may happen but its outcome.
  purchasing: ['purchased', 'needs_attention'],
  purchased: ['shipped', 'refund_pending', 'refunded', 'needs_attention'],
  shipped: ['delivered', 'refund_pending', 'refunded', 'needs_attention'],
  delivered: ['refund_pending', 'refunded', 'needs_attention'],
  refund_pending: ['refunded', 'needs_attention'],
  // An agent resolving a problem puts the order wherever it really is.
  needs_attention: OrderStatus.options.filter((status) => status !== 'needs_attention'),
  cancelled: [],
  refunded: [],
};

/** Statuses in which money has been received and not all given back: refunds may be issued. */
export const REFUNDABLE_STATUSES: readonly OrderStatus[] = [
  'paid',
  'purchased',
  'shipped',
  'delivered',
  'refund_pending',
  'needs_attention',
];

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    const allowed = TRANSITIONS[from];
    super(
      `an order that is ${from} cannot become ${to}` +
        (allowed.length > 0 ? ` (it may become: ${allowed.join(', ')})` : ` (${from} is final)`),
    );
    this.name = 'IllegalTransitionError';
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface TransitionRequest {
  readonly to: OrderStatus;
  readonly actor: Actor;
  readonly reason: string;
  readonly at: Date;
}

/** The timeline entry of a legal transition; throws IllegalTransitionError otherwise. */
export function transition(from: OrderStatus, request: TransitionRequest): TimelineEntry {
  if (!canTransition(from, request.to)) throw new IllegalTransitionError(from, request.to);
  if (request.reason.trim() === '') throw new Error('a status change needs a reason');
  return { kind: 'status', at: request.at, from, to: request.to, actor: request.actor, reason: request.reason.trim() };
}
