// The back office's order actions on the run's real MongoDB: each one's timeline entry, audit
// entry and outbox effect, and the state machine's refusals. Orders are placed through checkout
// and moved on by the real actions, those past paid bought and tracked at the marketplace simulator.
import { beforeAll, describe, expect, it } from 'vitest';
import { marketplaceEnv } from '../../../infra/local/platform';
import { useTestRuntime } from '../../../infra/local/testing';
import { useSimulator } from '../../../infra/marketplace-simulator/simulator-testing';
import { createAgent, listAudit, AuditFilters } from '../backoffice';
import { ORDER_EFFECTS } from '../fulfillment';
import { seedOrder, type SeedStatus } from '../fulfillment/order.fixture';
import { drainOutbox, OUTBOX } from '../outbox';
import { AddressInput } from './address';
import { cancelOrder, editShippingAddress, markPaid, resendConfirmation, retryPurchase } from './order-actions.service';
import { MESSAGES } from '../messages';
import { orderCollection } from './order.collection';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const messageCollection = collectionIn(MESSAGES);
const outboxCollection = collectionIn(OUTBOX);

const simulator = useSimulator({ orders: { failureShare: 0 } });
const rt = useTestRuntime('order_actions', { env: () => marketplaceEnv(simulator.sim().urls) });
const agent = { id: '', email: `agent.${Date.now()}@example.com`, role: 'agent' as const };
beforeAll(async () => {
  // A real agent, so that the timeline can name who acted.
  agent.id = (await createAgent(rt(), { email: agent.email, name: 'Marco Verdi', role: 'agent', password: 'a long enough password' }))._id;
});

async function seed(status: SeedStatus) {
  return (await seedOrder(rt(), { offer: { simulator }, status })).order;
}
const audit = async (orderId: string) => listAudit(rt(), AuditFilters.parse({ entityId: orderId }));
const effects = (orderId: string) => outboxCollection(rt()).find({ 'payload.orderId': orderId }).toArray();
/** The audit entries and outbox effects of the order that `act` added: checkout and the seed's actions left theirs before. */
async function addedBy<T>(orderId: string, act: () => Promise<T>) {
  const earlier = new Set([...(await audit(orderId)), ...(await effects(orderId))].map((e) => e._id));
  const result = await act();
  const added = <E extends { _id: string }>(entries: E[]) => entries.filter((e) => !earlier.has(e._id));
  return { result, audit: added(await audit(orderId)), effects: added(await effects(orderId)) };
}

describe('order actions', () => {
  it('marks an awaiting order paid: timeline, audit, and the purchase effect', async () => {
    const order = await seed('awaiting_payment');
    const {
      result,
      audit: audited,
      effects: recorded,
    } = await addedBy(order._id, () => markPaid(rt(), { orderId: order._id, reason: 'transfer received, ref 4471' }, agent));
    expect(result).toMatchObject({
      ok: true,
      order: {
        status: 'paid',
        timeline: [
          {
            kind: 'status',
            from: 'awaiting_payment',
            to: 'paid',
            actor: { name: 'Marco Verdi', email: agent.email },
            reason: 'marked paid: transfer received, ref 4471',
          },
          {},
        ],
      },
    });
    expect(audited).toMatchObject([
      {
        action: 'order.marked_paid',
        before: { status: 'awaiting_payment' },
        after: { status: 'paid' },
        reason: 'transfer received, ref 4471',
      },
    ]);
    expect(recorded).toMatchObject([
      { topic: 'order.purchase', status: 'pending', payload: { orderId: order._id, customerId: order.customerId } },
    ]);
  });

  it('refuses what the state machine refuses, saying why and what to do instead, and changes nothing', async () => {
    const order = await seed('paid');
    const { audit: audited, effects: recorded } = await addedBy(order._id, async () => {
      expect(await markPaid(rt(), { orderId: order._id, reason: 'again' }, agent)).toEqual({
        ok: false,
        kind: 'conflict',
        message: 'this order cannot be marked paid: it is paid already',
      });
      expect(await cancelOrder(rt(), { orderId: order._id, reason: 'shopper asked' }, agent)).toEqual({
        ok: false,
        kind: 'conflict',
        message: 'this order cannot be cancelled: it is paid: refund it in full instead, which closes it',
      });
    });
    expect(recorded).toHaveLength(0);
    expect(audited).toHaveLength(0);
    expect((await orderCollection(rt()).findOne({ _id: order._id }))?.timeline).toHaveLength(order.timeline.length);
    const delivered = await seed('delivered');
    expect(await retryPurchase(rt(), { orderId: delivered._id, reason: 'try' }, agent)).toMatchObject({
      ok: false,
      message: 'this order cannot be bought again: it is delivered already',
    });
    expect(await markPaid(rt(), { orderId: 'o_nosuchorder', reason: 'x' }, agent)).toMatchObject({ ok: false, kind: 'not_found' });
  });

  it('cancels an unpaid order', async () => {
    const order = await seed('awaiting_payment');
    expect(await cancelOrder(rt(), { orderId: order._id, reason: 'shopper changed their mind' }, agent)).toMatchObject({
      ok: true,
      order: { status: 'cancelled' },
    });
    expect(await audit(order._id)).toMatchObject([{ action: 'order.cancelled' }]);
  });

  it('retries the purchase of an order that needs attention', async () => {
    const order = await seed('needs_attention');
    const { result, effects: recorded } = await addedBy(order._id, () =>
      retryPurchase(rt(), { orderId: order._id, reason: 'supplier back up' }, agent),
    );
    expect(result).toMatchObject({ ok: true, order: { status: 'purchasing' } });
    expect(recorded).toMatchObject([{ topic: 'order.purchase' }]);
  });

  it('edits the shipping address before purchase, within the order’s country', async () => {
    const order = await seed('paid');
    const address = AddressInput.parse({ name: 'Marco Bianchi', line1: 'Via Po 12', postalCode: '10123', city: 'Torino', country: 'IT' });
    const { result, audit: audited } = await addedBy(order._id, () =>
      editShippingAddress(rt(), { orderId: order._id, address, reason: 'shopper moved' }, agent),
    );
    expect(result).toMatchObject({
      ok: true,
      order: {
        shippingAddress: address,
        timeline: [
          { kind: 'address', reason: 'shipping address changed to Marco Bianchi, Via Po 12, 10123 Torino, IT: shopper moved' },
          {},
          {},
        ],
      },
    });
    expect(audited).toMatchObject([
      { action: 'order.address_changed', before: { shippingAddress: order.shippingAddress }, after: { shippingAddress: address } },
    ]);

    const abroad = AddressInput.parse({ ...address, country: 'FR', postalCode: '75011', city: 'Paris' });
    expect(await editShippingAddress(rt(), { orderId: order._id, address: abroad, reason: 'x' }, agent)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^country: /),
    });
    const shipped = await seed('shipped');
    expect(await editShippingAddress(rt(), { orderId: shipped._id, address, reason: 'x' }, agent)).toMatchObject({
      ok: false,
      message: expect.stringContaining('that is shipped cannot be changed'),
    });
  });

  it('resends the confirmation as a new effect each time: two resends, two more messages', async () => {
    const order = await seed('paid');
    // The confirmation checkout sent is delivered first: what follows is the resends' own.
    await drainOutbox(rt(), ORDER_EFFECTS);
    const messages = () => messageCollection(rt()).countDocuments({ orderId: order._id });
    const sentBefore = await messages();
    const { result, effects: recorded } = await addedBy(order._id, async () => {
      await resendConfirmation(rt(), { orderId: order._id, reason: 'not received' }, agent);
      return resendConfirmation(rt(), { orderId: order._id, reason: 'still not received' }, agent);
    });
    expect(result).toMatchObject({
      ok: true,
      order: { timeline: [{ kind: 'message', reason: 'order confirmation sent again: still not received' }, { kind: 'message' }, {}, {}] },
    });
    expect(recorded.map((e) => e.topic)).toEqual(['order.confirmation', 'order.confirmation']);
    expect(new Set(recorded.map((e) => e._id)).size).toBe(2);
    await drainOutbox(rt(), ORDER_EFFECTS);
    expect(await messages()).toBe(sentBefore + 2);
  });
});
