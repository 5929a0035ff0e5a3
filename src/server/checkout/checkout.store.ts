// Orders as checkout writes and reads them, and the no-JavaScript form's round trip in Redis.
import type { Redis } from 'ioredis';
import type { Collection } from 'mongodb';
import { isDuplicateKey } from '../platform/db';
import type { MarketCode } from '../../shared/markets';
import type { Order } from '../orders';

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
 * Numbers are not unique in the database (see orders/order.collection.ts): every match is returned. The
 * shopper's customer id (from the e-mail they typed) is the shard key, so the read goes to one
 * shard; a number alone would ask every shard.
 */
export function findOrdersByNumber(orders: Collection<Order>, customerId: string, number: string): Promise<Order[]> {
  return orders.find({ customerId, number }).limit(5).toArray();
}

/** What a refused form submission carries back to the re-rendered form: its values and errors. */
export interface CheckoutFlash {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

/** Long enough to follow the redirect; a form abandoned since starts blank. */
const FLASH_TTL_S = 600;
const flashKey = (cartId: string, market: MarketCode) => `ds:checkout-flash:${cartId}:${market}`;

export async function saveCheckoutFlash(redis: Redis, cartId: string, market: MarketCode, flash: CheckoutFlash): Promise<void> {
  await redis.set(flashKey(cartId, market), JSON.stringify(flash), 'EX', FLASH_TTL_S);
}

/** Read once: a reload after shows the form as it is, not the old errors. */
export async function takeCheckoutFlash(redis: Redis, cartId: string, market: MarketCode): Promise<CheckoutFlash | null> {
  const raw = await redis.getdel(flashKey(cartId, market));
  return raw ? (JSON.parse(raw) as CheckoutFlash) : null;
}
