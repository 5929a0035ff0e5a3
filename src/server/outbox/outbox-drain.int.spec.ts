// The drainer on the run's real MongoDB and Redis: claims one by one, confirmations stored once
// however often they are delivered, entries waiting for their order, purchase jobs added once.
// Orders are placed through checkout, which records their confirmation in the outbox itself.
import { type Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { newId } from '../../common/ids';
import { ORDER_EFFECTS, purchaseJobId, purchaseQueue } from '../fulfillment';
import { seedOrder } from '../fulfillment/order.fixture';
import type { Order } from '../orders';
import { drainOutbox } from './outbox-drain.service';
import { claimEntry, effectId, recordEffect } from './outbox.store';
import { MESSAGES } from '../messages';
import { outboxCollection } from './outbox.collection';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const messageCollection = collectionIn(MESSAGES);

const rt = useTestRuntime('outbox_drain');
const later = (ms: number) => () => new Date(Date.now() + ms);

async function placedOrder(status: 'awaiting_payment' | 'paid' = 'awaiting_payment'): Promise<Order> {
  return (await seedOrder(rt(), { listing: { market: 'de', title: 'Espressokocher' }, status })).order;
}

describe('the outbox drainer', () => {
  it('claims an entry once: a second drainer finds it leased', async () => {
    const order = await placedOrder();
    const id = effectId('order.confirmation', `${order._id}_claim`);
    await recordEffect(rt(), {
      id,
      topic: 'order.confirmation',
      payload: { orderId: order._id, customerId: order.customerId },
    });
    const claims = await Promise.all([1, 2, 3].map(() => claimEntry(rt(), new Date(), 30_000)));
    // Other tests' entries may be claimed too; this one only once.
    expect(claims.filter((c) => c?._id === id)).toHaveLength(1);
    await outboxCollection(rt()).deleteMany({});
  });

  it('stores the confirmation once, in the market language, however often the entry is delivered', async () => {
    const order = await placedOrder();
    // The confirmation checkout recorded; a drainer that claimed it, wrote the message and died before marking it done...
    const id = effectId('order.confirmation', order._id);
    const claimed = (await claimEntry(rt(), new Date(), 30_000))!;
    expect(claimed._id).toBe(id);
    await ORDER_EFFECTS['order.confirmation']({ orderId: order._id, customerId: order.customerId }, claimed, rt());
    expect(await drainOutbox(rt(), ORDER_EFFECTS)).toMatchObject({ done: 0 });
    // ...lets it go when its lease runs out: delivered again, it writes no second message.
    expect(await drainOutbox(rt(), ORDER_EFFECTS, 500, later(31_000))).toMatchObject({ done: 1 });
    const messages = await messageCollection(rt()).find({ orderId: order._id }).toArray();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ _id: `msg_${id}`, to: order.email, market: 'de', subject: `Bestellbestätigung ${order.number}` });
    const euros = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(order.total.amountCents / 100);
    expect(messages[0]!.body).toContain(`1 × Espressokocher: ${euros}`);
    // A bank transfer: the account to pay to (the settings' demo defaults) and the reference.
    expect(messages[0]!.body).toContain('IBAN: IT60 X054 2811 1010 0000 0123 456');
    expect(messages[0]!.body).toContain(`Verwendungszweck: ${order.number}`);
    expect(await outboxCollection(rt()).findOne({ _id: id })).toMatchObject({ status: 'done', attempts: 2, doneAt: expect.any(Date) });
  });

  it('waits for an order recorded after its effect, then gives the entry up after the grace period', async () => {
    const orderId = `o_${newId()}`;
    const customerId = `c_${newId()}`;
    const id = effectId('order.confirmation', orderId);
    await recordEffect(rt(), { id, topic: 'order.confirmation', payload: { orderId, customerId } });
    expect(await drainOutbox(rt(), ORDER_EFFECTS)).toMatchObject({ retried: 1, failed: 0 });
    expect(await outboxCollection(rt()).findOne({ _id: id })).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: `order ${orderId} does not exist (yet)`,
    });
    // Past the grace period (10 minutes by default) and still no order.
    expect(await drainOutbox(rt(), ORDER_EFFECTS, 500, later(11 * 60_000))).toMatchObject({ failed: 1 });
    expect(await outboxCollection(rt()).findOne({ _id: id })).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/^gave up after \d+ s: order .* does not exist/),
    });
  });

  it('delivers an entry whose order arrived meanwhile', async () => {
    const order = await placedOrder();
    const id = effectId('order.confirmation', `${order._id}_late`);
    await outboxCollection(rt()).insertOne({
      _id: id,
      topic: 'order.confirmation',
      payload: { orderId: 'o_notyet00', customerId: order.customerId },
      status: 'pending',
      attempts: 0,
      availableAt: new Date(),
      createdAt: new Date(),
      doneAt: null,
      lastError: null,
    });
    expect(await drainOutbox(rt(), ORDER_EFFECTS)).toMatchObject({ retried: 1 });
    await outboxCollection(rt()).updateOne({ _id: id }, { $set: { 'payload.orderId': order._id } });
    expect(await drainOutbox(rt(), ORDER_EFFECTS, 500, later(60_000))).toMatchObject({ done: 1 });
    expect(await messageCollection(rt()).findOne({ _id: `msg_${id}` })).toMatchObject({ orderId: order._id });
  });

  it('adds one purchase job per paid order, and waits while the order is unpaid', async () => {
    const queue: Queue = purchaseQueue(rt());
    const unpaid = await placedOrder('awaiting_payment');
    const paid = await placedOrder('paid');
    // The effects checkout and marking it paid recorded go first: what follows are this test's own.
    await drainOutbox(rt(), ORDER_EFFECTS);
    for (const order of [unpaid, paid]) {
      for (const cause of ['a', 'b']) {
        await recordEffect(rt(), {
          id: effectId('order.purchase', `${order._id}_${cause}`),
          topic: 'order.purchase',
          payload: { orderId: order._id, customerId: order.customerId },
        });
      }
    }
    expect(await drainOutbox(rt(), ORDER_EFFECTS)).toEqual({ done: 2, retried: 2, failed: 0 });
    expect(await queue.getJob(purchaseJobId(paid._id))).toMatchObject({
      name: 'purchase-order',
      data: { orderId: paid._id, customerId: paid.customerId },
    });
    expect(await queue.getJob(purchaseJobId(unpaid._id))).toBeUndefined();
    expect((await queue.getJobs(['waiting'])).filter((j) => j.data.orderId === paid._id)).toHaveLength(1);
    await queue.obliterate({ force: true });
  });
});
