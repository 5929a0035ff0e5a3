// Carts in Redis: one JSON value per (cart id, market) that expires when unused for the
// configured time; every read and every write restarts the clock (sliding expiry).
import type { Redis } from 'ioredis';
import type { MarketCode } from '../../common/markets';
import { cartKey } from './cart';
import { Cart } from './cart.schema';

/** The cart with its expiry pushed forward, or null when there is none (never made, or expired). */
export async function readCart(redis: Redis, cartId: string, market: MarketCode, ttlMs: number): Promise<Cart | null> {
  const key = cartKey(cartId, market);
  const [[, raw]] = (await redis.multi().get(key).pexpire(key, ttlMs).exec()) as [[null, string | null], [null, number]];
  if (!raw) return null;
  // A value written by an older version that no longer parses is an empty cart, not an error page.
  const parsed = Cart.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/**
 * Last write wins: a cart belongs to one browser, where two changes at the same instant are a
 * double click whose outcome either way is what the shopper asked for.
 */
export async function writeCart(redis: Redis, cartId: string, cart: Cart, ttlMs: number): Promise<void> {
  await redis.set(cartKey(cartId, cart.market), JSON.stringify(Cart.parse(cart)), 'PX', ttlMs);
}
