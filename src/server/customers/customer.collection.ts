// The customers collection, declared by its owner: schema, indexes and shard key.
import { collection, collectionIn } from '../platform/db';
import { Customer } from './customer.schema';

export const CUSTOMERS = collection({
  name: 'customers',
  schema: Customer,
  indexes: [
    // Not unique (see shardKeyReason): the id is derived from the normalized e-mail
    // (customers/customer-id.ts), so concurrent checkouts upsert the same document.
    { name: 'email', key: { email: 1 } },
    { name: 'name', key: { name: 1 } },
    { name: 'phone', key: { phone: 1 } },
  ],
  shardKey: { _id: 'hashed' },
  shardKeyReason:
    'orders and the back office open a customer by id; keying by e-mail would send those to every shard and move the document when the e-mail changes',
});

export const customerCollection = collectionIn(CUSTOMERS);
