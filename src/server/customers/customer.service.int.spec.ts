// Customers in the back office against a real MongoDB: found by e-mail, phone and name, opened
// with their own orders only, and an agent's note stored, shown newest first and audited.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { listAudit } from '../backoffice/audit.store';
import { seedCustomerWithOrders } from '../orders/order.fixture';
import { addCustomerNote, customerDetail, searchCustomers } from './customer.service';

const rt = useTestRuntime('customers');
const agent = { id: 'agent_customers', email: 'cs@example.com' };

describe('customers in the back office', () => {
  it('are found by e-mail, phone (as typed or normalized) and the start of the name', async () => {
    const { customer } = await seedCustomerWithOrders(rt(), { name: 'Zelda Quintavalle', phone: '+393331112233', orders: [{ unitPriceCents: 1000 }] });
    await seedCustomerWithOrders(rt(), { orders: [{ unitPriceCents: 500 }] });
    const ids = async (q: string) => (await searchCustomers(rt(), { q, limit: 50 })).map((c) => c.id);
    expect(await ids(customer.email.toUpperCase())).toEqual([customer._id]);
    expect(await ids('+39 333 111 2233')).toEqual([customer._id]);
    expect(await ids('zelda quint')).toEqual([customer._id]);
    expect(await ids('')).toEqual([]);
  });

  it('open with their own orders, newest first, and take notes that are audited', async () => {
    const { customer, orders } = await seedCustomerWithOrders(rt(), { orders: [{ unitPriceCents: 1000 }, { unitPriceCents: 2000 }] });
    await seedCustomerWithOrders(rt(), { orders: [{ unitPriceCents: 3000 }] });
    const detail = await customerDetail(rt(), customer._id);
    expect(detail?.orders.map((o) => o.id)).toEqual([orders[1]!._id, orders[0]!._id]);

    await addCustomerNote(rt(), { customerId: customer._id, text: 'prefers e-mail' }, agent, new Date('2026-11-01T10:00:00Z'));
    const after = await addCustomerNote(rt(), { customerId: customer._id, text: '<b>called twice</b>' }, agent, new Date('2026-11-02T10:00:00Z'));
    expect(after?.notes.map((n) => n.text)).toEqual(['<b>called twice</b>', 'prefers e-mail']);
    expect((await customerDetail(rt(), customer._id))?.notes).toHaveLength(2);
    expect(await addCustomerNote(rt(), { customerId: 'c-unknown000', text: 'x' }, agent)).toBeNull();

    const [entry] = await listAudit(rt().collections.auditEntries, { entityId: customer._id, limit: 5 });
    expect(entry).toMatchObject({ action: 'customer.note_added', actor: { email: agent.email }, before: { notes: 1 }, after: { notes: 2, note: '<b>called twice</b>' } });
  });
});
