// Why an agent's order action does not apply to an order where it stands, and what to do
// instead: the back office says this rather than the state machine's bare "cannot become".
// Pure; a status missing here falls back to the state machine's message.
import type { OrderStatus } from './order.schema';

type Advice = Readonly<Partial<Record<OrderStatus, string>>>;

const MONEY_BACK = 'its money has gone back to the shopper, or is going back';

const ADVICE: Readonly<Record<string, { readonly verb: string; readonly because: Advice }>> = {
  'order.cancelled': {
    verb: 'cancelled',
    because: {
      paid: 'it is paid: refund it in full instead, which closes it',
      purchasing: 'its purchase from the supplier is under way: wait until it is bought, then refund it',
      purchased: 'the goods are bought from the supplier already: refund the order instead',
      shipped: 'the goods are on their way: refund the order instead (the shopper returns them)',
      delivered: 'the goods are delivered: refund the order instead (the shopper returns them)',
      refund_pending: 'a refund is pending: it ends refunded',
      cancelled: 'it is cancelled already',
      refunded: 'it is refunded in full: nothing is left to cancel',
    },
  },
  'order.marked_paid': {
    verb: 'marked paid',
    because: {
      confirmed: 'it is paid on delivery: the courier collects the money',
      paid: 'it is paid already',
      purchasing: 'it is paid already (its purchase is under way)',
      purchased: 'it is paid already',
      shipped: 'it is paid already',
      delivered: 'it is paid already',
      cancelled: 'it is cancelled: if a transfer arrived for it anyway, send it back from the bank',
      refund_pending: MONEY_BACK,
      refunded: MONEY_BACK,
    },
  },
  'order.purchase_retried': {
    verb: 'bought again',
    because: {
      awaiting_payment: 'it is not paid yet: mark it paid first, and its purchase follows',
      purchasing: 'its purchase is under way: wait for its outcome (a minute or two)',
      purchased: 'it is bought already',
      shipped: 'it is bought and shipped already',
      delivered: 'it is delivered already',
      cancelled: 'it is cancelled: nothing is to be bought',
      refund_pending: `${MONEY_BACK}: nothing is to be bought`,
      refunded: `${MONEY_BACK}: nothing is to be bought`,
    },
  },
};

/** `this order cannot be cancelled: it is paid: refund it in full instead, …`; null when the table says nothing. */
export function refusedActionAdvice(action: string, status: OrderStatus): string | null {
  const advice = ADVICE[action];
  const because = advice?.because[status];
  return advice && because ? `this order cannot be ${advice.verb}: ${because}` : null;
}
