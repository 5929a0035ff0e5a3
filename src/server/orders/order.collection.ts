// The orders collection, declared by its owner: schema, indexes and shard key.
import { collection, collectionIn } from '../platform/db';
import { Order } from './order.schema';

export const ORDERS = collection({
  name: 'orders',
  schema: Order,
  indexes: [
    { name: 'customer_idempotency', key: { customerId: 1, idempotencyKey: 1 }, unique: true },
    { name: 'customer_created', key: { customerId: 1, createdAt: -1 } },
    // Not unique: a unique index must start with the shard key. Numbers are random and long
    // enough that a collision is not a practical concern. The shopper's lookup by number also
    // names the customer id (derived from the e-mail), so it visits one shard.
    { name: 'number', key: { number: 1 } },
    { name: 'email', key: { email: 1 } },
    { name: 'status_created', key: { status: 1, createdAt: -1 } },
    // The tracking poll (purchased and shipped, oldest news first) and the stuck-purchase sweep:
    // a merge of each status's range in updatedAt order, not a sort of every order in flight.
    { name: 'status_updated', key: { status: 1, updatedAt: 1 } },
    { name: 'market_created', key: { market: 1, createdAt: -1 } },
    // A product merged into another takes its orders' lines along (and a split brings them back).
    { name: 'line_products', key: { 'lines.productId': 1 } },
  ],
  shardKey: { customerId: 'hashed' },
  shardKeyReason:
    "a shopper's orders and the checkout's idempotency check stay on one shard; hashing spreads new orders, whose ids would otherwise all land on the newest chunk",
});

export const orderCollection = collectionIn(ORDERS);
