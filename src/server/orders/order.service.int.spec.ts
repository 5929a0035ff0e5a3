// Order actions against real MongoDB: search by the one box, refunds with their audit entries,
// and two concurrent refunds of the same money, of which exactly one may succeed. Orders are
// placed through checkout; the delivered one is bought and tracked at the marketplace simulator.
import { describe, expect, it } from 'vitest';
import { marketplaceEnv } from '../../../infra/local/platform';
import { useTestRuntime } from '../../../infra/local/testing';
import { useSimulator } from '../../../infra/marketplace-simulator/simulator-testing';
import { AuditFilters, listAudit, AUDIT_ENTRIES } from '../backoffice';
import { newId } from '../../common/ids';
import { seedOrder } from '../fulfillment/order.fixture';
import { OrderSearch } from './order-search';
import { addOrderNote, refundOrder, searchOrders } from './order.service';
import { orderCollection } from './order.collection';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const auditCollection = collectionIn(AUDIT_ENTRIES);

const simulator = useSimulator({ orders: { failureShare: 0 } });
const rt = useTestRuntime('orders', { env: () => marketplaceEnv(simulator.sim().urls) });
const agent = { id: 'agent_test1', email: 'agent@example.com', role: 'agent' } as const;
const supervisor = { id: 'super_test1', email: 'super@example.com', role: 'supervisor' } as const;

describe('order search', () => {
  it('finds a customer’s orders by number, e-mail, name and phone', async () => {
    const tag = newId(6);
    const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
    // One shopper, two orders: from the Italian shop and, on holiday, from the Spanish one.
    const shopper = {
      email: `Maria.${tag}@Example.com`,
      name: `Maria ${tag} Lopez`,
      phone: `+34 60 ${digits.slice(0, 3)} ${digits.slice(3)}`,
    };
    const orders = [
      (await seedOrder(rt(), { listing: { market: 'it' }, form: shopper })).order,
      (await seedOrder(rt(), { listing: { market: 'es' }, form: shopper })).order,
    ];
    const ids = (q: string) => searchOrders(rt(), OrderSearch.parse({ q })).then((r) => r.map((o) => o.id).sort());
    const all = orders.map((o) => o._id).sort();
    expect(await ids(orders[0]!.number)).toEqual([orders[0]!._id]);
    expect(await ids(shopper.email.toUpperCase())).toEqual(all);
    expect(await ids(`maria ${tag}`)).toEqual(all);
    expect(await ids(shopper.phone)).toEqual(all);
    expect(await ids(`+3460${digits}`)).toEqual(all);
    expect((await searchOrders(rt(), OrderSearch.parse({ q: shopper.email, market: 'es' }))).map((o) => o.id)).toEqual([orders[1]!._id]);
  });
});

describe('refunds', () => {
  it('records a partial refund in the order, its timeline and the audit log', async () => {
    const { order } = await seedOrder(rt());
    const result = await refundOrder(rt(), { orderId: order._id, amountCents: 1500, reason: 'scratched lid' }, agent);
    if (!result.ok) throw new Error(result.message);
    expect(result.order).toMatchObject({ status: 'paid', refundedCents: 1500, refundableCents: order.total.amountCents - 1500 });
    expect(result.order.timeline[0]).toMatchObject({ kind: 'refund', reason: 'Partial refund of €15.00: scratched lid' });
    const refunds = await listAudit(rt(), AuditFilters.parse({ entityId: order._id, action: 'order.refunded_partial' }));
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      action: 'order.refunded_partial',
      actor: { kind: 'agent', id: agent.id, email: agent.email },
      before: { status: 'paid', refundedCents: 0 },
      after: { status: 'paid', refundedCents: 1500 },
      reason: 'scratched lid',
    });
  });

  it('moves the order to refunded when the last cent goes back', async () => {
    const { order } = await seedOrder(rt(), { offer: { simulator }, status: 'delivered' });
    const refund = (amountCents: number, reason: string) => refundOrder(rt(), { orderId: order._id, amountCents, reason }, supervisor);
    expect(await refund(1000, 'part')).toMatchObject({ ok: true, order: { status: 'delivered' } });
    expect(await refund(order.total.amountCents - 1000, 'rest')).toMatchObject({
      ok: true,
      order: { status: 'refunded', refundableCents: 0 },
    });
    expect(await refund(1, 'more')).toMatchObject({ ok: false, kind: 'conflict' });
  });

  it('refuses an agent above the limit and lets a supervisor', async () => {
    const { order } = await seedOrder(rt(), { listing: { priceCents: 15_000 } });
    const input = { orderId: order._id, amountCents: 6000, reason: 'broken on arrival' };
    expect(await refundOrder(rt(), input, agent)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await refundOrder(rt(), input, supervisor)).toMatchObject({ ok: true, order: { refundedCents: 6000 } });
  });

  it('lets only one of two concurrent refunds of the whole remainder through', async () => {
    const { order } = await seedOrder(rt());
    const input = { orderId: order._id, amountCents: order.total.amountCents, reason: 'never arrived' };
    const results = await Promise.all([refundOrder(rt(), input, agent), refundOrder(rt(), input, { ...agent, id: 'agent_test2' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ kind: 'conflict' });
    const stored = await orderCollection(rt()).findOne({ _id: order._id });
    expect(stored?.refunds).toHaveLength(1);
    expect(stored?.status).toBe('refunded');
    expect(await auditCollection(rt()).countDocuments({ 'entity.id': order._id, action: /^order\.refunded/ })).toBe(1);
  });

  it("holds agents to the limit on the order's total refunds, also when they refund at the same time", async () => {
    const { order } = await seedOrder(rt(), { listing: { priceCents: 15_000 } });
    const orderId = order._id;
    const limit = rt().config.BACKOFFICE_REFUND_AGENT_LIMIT_CENTS;
    expect(order.total.amountCents).toBeGreaterThan(2 * limit);
    const part = Math.ceil(limit / 2) + 1;
    // Two agents, each under the limit alone, together above it: exactly one gets through.
    const results = await Promise.all([
      refundOrder(rt(), { orderId, amountCents: part, reason: 'dent' }, agent),
      refundOrder(rt(), { orderId, amountCents: part, reason: 'scratch' }, { ...agent, id: 'agent_test2' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ kind: 'forbidden' });
    // The probe in sequence: refunds of the limit each, of which only what fits is taken.
    const more = await refundOrder(rt(), { orderId, amountCents: limit - part, reason: 'rest of the dent' }, agent);
    expect(more).toMatchObject({ ok: true, order: { refundedCents: limit } });
    expect(await refundOrder(rt(), { orderId, amountCents: 1, reason: 'one more' }, agent)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await refundOrder(rt(), { orderId, amountCents: limit, reason: 'goodwill' }, supervisor)).toMatchObject({
      ok: true,
      order: { refundedCents: 2 * limit },
    });
    const stored = await orderCollection(rt()).findOne({ _id: orderId });
    expect(stored?.refunds.map((r) => r.amount.amountCents).reduce((a, b) => a + b, 0)).toBe(2 * limit);
  });

  it('adds an internal note to the timeline', async () => {
    const { order } = await seedOrder(rt());
    const result = await addOrderNote(rt(), { orderId: order._id, text: 'shopper will call back' }, agent);
    expect(result).toMatchObject({ ok: true, order: { timeline: [{ kind: 'note', reason: 'shopper will call back' }, {}, {}] } });
  });
});
