// Order statuses as agents read them: the words, and the family that gives the colour (waiting
// on someone, in progress, done, a problem). One table for every page that shows a status, and
// for the tests that read one. Pure, no Angular: the browser tests import it too.
import type { OrderStatus } from '../../server/orders';

export type StatusFamily = 'waiting' | 'in-progress' | 'done' | 'problem';

export const ORDER_STATUS_WORDS: Readonly<Record<OrderStatus, { readonly words: string; readonly family: StatusFamily }>> = {
  awaiting_payment: { words: 'Awaiting payment', family: 'waiting' },
  confirmed: { words: 'Confirmed, paid on delivery', family: 'in-progress' },
  paid: { words: 'Paid', family: 'in-progress' },
  purchasing: { words: 'Buying from the supplier', family: 'in-progress' },
  purchased: { words: 'Bought from the supplier', family: 'in-progress' },
  shipped: { words: 'Shipped', family: 'in-progress' },
  delivered: { words: 'Delivered', family: 'done' },
  cancelled: { words: 'Cancelled', family: 'done' },
  refund_pending: { words: 'Refund pending', family: 'waiting' },
  refunded: { words: 'Refunded', family: 'done' },
  needs_attention: { words: 'Needs attention', family: 'problem' },
};
