// Orders as checkout places and finds them: inserted once per submitted form (the id derives from
// the form's idempotency key), read by customer id, the shard key.
import type { Collection } from 'mongodb';
import { isDuplicateKey } from '../platform/db';
import type { Order } from './order.schema';

/** customerId is the shard key: the read goes to one shard. */
export function findPlacedOrder(orders: Collection<Order>, customerId: string, orderId: string): Promise<Order | null> {
  return orders.findOne({ _id: orderId, customerId });
}

/** False when the order was already there: a concurrent submit of the same form inserted it first. */
export async function insertPlacedOrder(orders: Collection<Order>, order: Order): Promise<boolean> {
  try {
    await orders.insertOne(order);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Numbers are not unique in the database (see order.collection.ts): every match is returned. The
 * shopper's customer id (from the e-mail they typed) is the shard key, so the read goes to one
 * shard; a number alone would ask every shard.
 */
export function findOrdersByNumber(orders: Collection<Order>, customerId: string, number: string): Promise<Order[]> {
  return orders.find({ customerId, number }).limit(5).toArray();
}
