import { z } from 'zod';
import { Id } from '../../common/ids';
import { MarketCode } from '../../common/markets';

// A message to a shopper, as it would be sent: no mail server can be reached from here, so the
// message is stored, in the shopper's language, for the back office and a future sender. Its id
// is derived from the outbox entry that caused it, so a redelivered entry writes one message.
export const Message = z.object({
  _id: Id,
  customerId: Id,
  orderId: Id,
  kind: z.enum(['order_confirmation']),
  to: z.email(),
  market: MarketCode,
  subject: z.string().min(1),
  body: z.string().min(1),
  outboxEntryId: Id,
  createdAt: z.date(),
});
export type Message = z.infer<typeof Message>;
