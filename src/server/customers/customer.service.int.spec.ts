// Customers in the back office against a real MongoDB: found by e-mail, phone and name, opened
// with their own orders only, and an agent's note stored, shown newest first and audited. The
// customers are the ones checkout made from the forms shoppers typed.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { createAgent, listAudit } from '../backoffice';
import { seedOrder } from '../fulfillment/order.fixture';
import { withOrders } from '../orders';
import { addCustomerNote, customerDetail, searchCustomers } from './customer.service';

const rt = useTestRuntime('customers');
const agent = { id: 'agent_customers', email: 'cs@example.com' };

describe('customers in the back office', () => {
  it('are found by e-mail, phone (as typed or normalized) and the start of the name', async () => {
    const { order, form } = await seedOrder(rt(), { form: { name: 'Zelda Quintavalle', phone: '+39 333 111 2233' } });
    await seedOrder(rt());
    const ids = async (q: string) => (await searchCustomers(rt(), { q, limit: 50 })).map((c) => c.id);
    expect(await ids(form['email']!.toUpperCase())).toEqual([order.customerId]);
    expect(await ids('+39 333 111 2233')).toEqual([order.customerId]);
    expect(await ids('+393331112233')).toEqual([order.customerId]);
    expect(await ids('+39 333-111-2233')).toEqual([order.customerId]);
    expect(await ids('zelda quint')).toEqual([order.customerId]);
    expect(await ids('')).toEqual([]);
  });

  it("show each note's author by name, with the e-mail, and one whose agent is unknown as such", async () => {
    const { order } = await seedOrder(rt());
    const author = await createAgent(rt(), {
      email: `giulia.${Date.now()}@digitalsales.example`,
      name: 'Giulia Bianchi',
      role: 'agent',
      password: 'a long enough password',
    });
    await addCustomerNote(
      rt(),
      { customerId: order.customerId, text: 'asked for an invoice' },
      { id: author._id, email: author.email },
      new Date('2026-11-03T10:00:00Z'),
    );
    const shown = await addCustomerNote(
      rt(),
      { customerId: order.customerId, text: 'imported' },
      { id: 'agent_gone', email: 'x@example.com' },
    );
    expect(shown?.notes.map((n) => n.agent)).toEqual([
      { name: 'unknown agent agent_gone', email: null },
      { name: 'Giulia Bianchi', email: author.email },
    ]);
  });

  it('open with their own orders, newest first, and take notes that are audited', async () => {
    const first = await seedOrder(rt());
    // The same shopper again, the e-mail typed in other capitals: checkout finds the same customer.
    const again = await seedOrder(rt(), { form: { email: first.form['email']!.toUpperCase() } });
    await seedOrder(rt());
    const customerId = first.order.customerId;
    expect(again.order.customerId).toBe(customerId);
    const detail = await withOrders(rt(), (await customerDetail(rt(), customerId))!);
    expect(detail.orders.map((o) => o.id)).toEqual([again.order._id, first.order._id]);

    await addCustomerNote(rt(), { customerId, text: 'prefers e-mail' }, agent, new Date('2026-11-01T10:00:00Z'));
    const after = await addCustomerNote(rt(), { customerId, text: '<b>called twice</b>' }, agent, new Date('2026-11-02T10:00:00Z'));
    expect(after?.notes.map((n) => n.text)).toEqual(['<b>called twice</b>', 'prefers e-mail']);
    expect((await customerDetail(rt(), customerId))?.notes).toHaveLength(2);
    expect(await addCustomerNote(rt(), { customerId: 'c-unknown000', text: 'x' }, agent)).toBeNull();

    const [entry] = await listAudit(rt(), { entityId: customerId, limit: 5 });
    expect(entry).toMatchObject({
      action: 'customer.note_added',
      actor: { email: agent.email },
      before: { notes: 1 },
      after: { notes: 2, note: '<b>called twice</b>' },
    });
  });
});
