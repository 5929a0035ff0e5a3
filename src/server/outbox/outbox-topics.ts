import { z } from 'zod';
import { Id } from '../../common/ids';

// Every effect that may follow a write, with the shape of its payload, declared once: writers
// record them through recordEffect, and the outbox worker dispatches them by topic.
export const OUTBOX_TOPICS = {
  /** The shopper's order confirmation message, in the order's market language. */
  'order.confirmation': z.object({ orderId: Id, customerId: Id }),
  /** A paid order to buy from its sources: the outbox worker enqueues the purchase job. */
  'order.purchase': z.object({ orderId: Id, customerId: Id }),
} as const;

export type OutboxTopic = keyof typeof OUTBOX_TOPICS;
export type OutboxPayload<T extends OutboxTopic> = z.infer<(typeof OUTBOX_TOPICS)[T]>;
