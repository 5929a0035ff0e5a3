// What the outbox worker does for each order effect. Both are idempotent: the confirmation is
// stored under an id derived from the entry, and the purchase job's id is derived from the
// order. An entry may be recorded just before its order is written (checkout) or paid (the
// back office's mark-paid): until then it is not ready, and it waits.
import { EffectNotReady, type EffectHandlers } from '../outbox';
import { messageIdFor, renderConfirmation, saveMessage } from '../messages';
import type { OrderStatus } from '../orders';
import { bankAccountOf, findOrderById } from '../orders';
import { BUYABLE_STATUSES } from './purchase';
import { enqueuePurchase, purchaseQueue } from './purchase.queue';

/** Statuses in which a purchase job has something to do (it resumes `purchasing`). */
const TO_BUY: readonly OrderStatus[] = [...BUYABLE_STATUSES, 'purchasing'];
/** Not paid yet: the purchase waits for the payment (or the grace period). */
const BEFORE_PAYMENT: readonly OrderStatus[] = ['awaiting_payment'];

export const ORDER_EFFECTS: EffectHandlers = {
  'order.confirmation': async ({ orderId, customerId }, entry, rt) => {
    const order = await findOrderById(rt, orderId, customerId);
    if (!order) throw new EffectNotReady(`order ${orderId} does not exist (yet)`);
    const { subject, body } = renderConfirmation(order, bankAccountOf(rt.config));
    await saveMessage(rt, {
      _id: messageIdFor(entry._id),
      customerId,
      orderId,
      kind: 'order_confirmation',
      to: order.email,
      market: order.market,
      subject,
      body,
      outboxEntryId: entry._id,
      createdAt: new Date(),
    });
  },
  'order.purchase': async ({ orderId, customerId }, _entry, rt) => {
    const order = await findOrderById(rt, orderId, customerId);
    if (!order) throw new EffectNotReady(`order ${orderId} does not exist (yet)`);
    if (BEFORE_PAYMENT.includes(order.status)) throw new EffectNotReady(`order ${orderId} is not paid (yet)`);
    // Any other status (cancelled, refunded, already bought) leaves nothing to buy: done.
    if (TO_BUY.includes(order.status)) await enqueuePurchase(purchaseQueue(rt), { orderId, customerId });
  },
};
