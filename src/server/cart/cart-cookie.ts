// The cart cookie: a random id, HttpOnly (scripts never see it) and SameSite=Lax (another
// site's form cannot post to a shopper's cart). It lives as long as the cart in Redis and is
// renewed with it on every change.
import { getCookie, type H3Event } from 'h3';
import { setPrivateCookie } from '../platform/web';
import { newId } from '../../common/ids';
import { CartId } from './cart.schema';

export const CART_COOKIE = 'ds_cart';

/** 130 random bits in 26 base-32 characters. */
export function newCartId(): string {
  return newId(26);
}

export function cartIdOf(event: H3Event | null): string | null {
  const value = event ? getCookie(event, CART_COOKIE) : undefined;
  return CartId.safeParse(value).success ? (value as string) : null;
}

/** The request's cart id, or a new one; the cookie is (re)sent either way to slide its expiry. */
export function ensureCartId(event: H3Event | null, ttlMs: number): string {
  const id = cartIdOf(event) ?? newCartId();
  if (event) setPrivateCookie(event, CART_COOKIE, id, ttlMs);
  return id;
}
