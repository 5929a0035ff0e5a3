// What the back office does with customers: find them by e-mail, phone or name, open one with
// agents' internal notes, and add a note, audited. (Their orders are added by orders' withOrders.)
import { z } from 'zod';
import { agentDirectory, recordAudit, type AgentDirectory, type PersonView } from '../backoffice';
import { Id } from '../../common/ids';
import type { Runtime } from '../platform/runtime';
import type { Customer } from './customer.schema';
import { searchTerms } from './search-terms';
import { appendCustomerNote, findCustomerById, findCustomers } from './customer.store';

export const CustomerSearchInput = z.object({
  q: z.string().trim().max(200).default(''),
  limit: z.number().int().min(1).max(200).default(50),
});
export const CustomerIdInput = z.object({ customerId: Id });
export const CustomerNoteInput = z.object({ customerId: Id, text: z.string().trim().min(1, 'text: write the note first').max(2000) });

export interface CustomerSummaryView {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** As the shopper typed it. */
  readonly phone: string | null;
  /** The same in E.164, which searches match. */
  readonly phoneE164: string | null;
  readonly market: string;
  readonly createdAt: string;
}

export interface CustomerView extends CustomerSummaryView {
  /** Newest first. */
  readonly notes: readonly { readonly at: string; readonly agent: PersonView; readonly text: string }[];
}

export function toCustomerSummary(customer: Customer): CustomerSummaryView {
  return {
    id: customer._id,
    name: customer.name,
    email: customer.email,
    phone: customer.phoneAsTyped ?? customer.phone,
    phoneE164: customer.phone,
    market: customer.market,
    createdAt: customer.createdAt.toISOString(),
  };
}

export async function searchCustomers(rt: Runtime, input: { q: string; limit: number }): Promise<CustomerSummaryView[]> {
  const terms = searchTerms(input.q);
  return terms ? (await findCustomers(rt, terms, input.limit)).map(toCustomerSummary) : [];
}

function view(customer: Customer, agents: AgentDirectory): CustomerView {
  return {
    ...toCustomerSummary(customer),
    notes: [...customer.notes]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((n) => ({ at: n.at.toISOString(), agent: agents(n.agentId), text: n.text })),
  };
}

export async function customerDetail(rt: Runtime, customerId: string): Promise<CustomerView | null> {
  const customer = await findCustomerById(rt, customerId);
  return customer ? withAgents(rt, customer) : null;
}

export async function addCustomerNote(
  rt: Runtime,
  input: { customerId: string; text: string },
  agent: { id: string; email: string },
  now = new Date(),
): Promise<CustomerView | null> {
  const updated = await appendCustomerNote(rt, input.customerId, { at: now, agentId: agent.id, text: input.text });
  if (!updated) return null;
  await recordAudit(rt, {
    actor: { kind: 'agent', id: agent.id, email: agent.email },
    action: 'customer.note_added',
    entity: { kind: 'customer', id: input.customerId },
    before: { notes: updated.notes.length - 1 },
    after: { notes: updated.notes.length, note: input.text },
    at: now,
  });
  return withAgents(rt, updated);
}

async function withAgents(rt: Runtime, customer: Customer): Promise<CustomerView> {
  return view(
    customer,
    await agentDirectory(
      rt,
      customer.notes.map((n) => n.agentId),
    ),
  );
}
