// Customers in MongoDB: upserted by checkout, opened by id, found by the
// back office's search box by e-mail, phone or the start of the name; agents' notes appended.
import type { Customer } from './customer.schema';
import { customerCollection } from './customer.collection';
import type { DbHandle } from '../platform/db';

export interface CheckoutContact {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly phone: string | null;
  readonly phoneAsTyped: string | null;
  readonly market: Customer['market'];
}

/**
 * Checkout creates the customer or brings its contact details up to date; agents' notes and
 * the first market stay. Idempotent: the id is derived from the e-mail (customer-id.ts).
 */
export async function upsertCheckoutCustomer(rt: DbHandle, contact: CheckoutContact, now: Date): Promise<void> {
  const customers = customerCollection(rt);
  await customers.updateOne(
    { _id: contact.id },
    {
      $set: { email: contact.email, name: contact.name, phone: contact.phone, phoneAsTyped: contact.phoneAsTyped, updatedAt: now },
      $setOnInsert: { market: contact.market, notes: [], createdAt: now },
    },
    { upsert: true },
  );
}

export function findCustomerById(rt: DbHandle, id: string): Promise<Customer | null> {
  const customers = customerCollection(rt);
  return customers.findOne({ _id: id });
}

/** One atomic push; null when there is no such customer. */
export function appendCustomerNote(rt: DbHandle, customerId: string, note: Customer['notes'][number]): Promise<Customer | null> {
  const customers = customerCollection(rt);
  return customers.findOneAndUpdate(
    { _id: customerId },
    { $push: { notes: note }, $set: { updatedAt: note.at } },
    { returnDocument: 'after' },
  );
}

export interface CustomerSearch {
  readonly email: string | null;
  readonly phones: readonly string[];
  /** Matched case-insensitively at the start of the name. */
  readonly namePrefix: string | null;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function findCustomers(rt: DbHandle, search: CustomerSearch, limit = 50): Promise<Customer[]> {
  const customers = customerCollection(rt);
  const or: Record<string, unknown>[] = [];
  if (search.email) or.push({ email: search.email });
  if (search.phones.length > 0) or.push({ phone: { $in: [...search.phones] } });
  // An anchored case-insensitive regex reads the name index range by range at best; enough for
  // an agent's search over today's customers. A normalized name-token index is the next step.
  if (search.namePrefix) or.push({ name: { $regex: `^${escapeRegex(search.namePrefix)}`, $options: 'i' } });
  if (or.length === 0) return [];
  return customers.find({ $or: or }).limit(limit).toArray();
}

/** Customers' e-mails by id: how the audit log names them. */
export async function customerEmails(rt: DbHandle, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await customerCollection(rt)
    .find({ _id: { $in: [...ids] } }, { projection: { email: 1 } })
    .toArray();
  return new Map(found.map((c) => [c._id, c.email]));
}
