// Orders as checkout places and finds them: inserted once per submitted form (the id derives from
// the form's idempotency key), read by customer id, the shard key.
import { isDuplicateKey } from '../platform/db';
import type { Order } from './order.schema';
import { orderCollection } from './order.collection';
import type { DbHandle } from '../platform/db';

/** customerId is the shard key: the read goes to one shard. */
export function findPlacedOrder(rt: DbHandle, customerId: string, orderId: string): Promise<Order | null> {
  const orders = orderCollection(rt);
  return orders.findOne({ _id: orderId, customerId });
}

/** False when the order was already there: a concurrent submit of the same form inserted it first. */
export async function insertPlacedOrder(rt: DbHandle, order: Order): Promise<boolean> {
  const orders = orderCollection(rt);
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
export function findOrdersByNumber(rt: DbHandle, customerId: string, number: string): Promise<Order[]> {
  const orders = orderCollection(rt);
  return orders.find({ customerId, number }).limit(5).toArray();
}
