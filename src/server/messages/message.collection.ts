// The messages collection, declared by its owner: schema, indexes and shard key.
import { collection, collectionIn } from '../platform/db';
import { Message } from './message.schema';

export const MESSAGES = collection({
  name: 'messages',
  schema: Message,
  indexes: [{ name: 'customer_order_created', key: { customerId: 1, orderId: 1, createdAt: 1 } }],
  shardKey: { customerId: 'hashed' },
  shardKeyReason:
    "like orders: a shopper's messages are written and read with their orders, by customer id, on one shard; hashing spreads new shoppers",
});

export const messageCollection = collectionIn(MESSAGES);
