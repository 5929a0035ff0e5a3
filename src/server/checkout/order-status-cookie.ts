// The order-lookup cookie: a random token naming one lookup kept in Redis, HttpOnly (scripts
// never see it) and SameSite=Lax, for as long as the lookup is kept.
import { getCookie, type H3Event } from 'h3';
import { setPrivateCookie } from '../platform/web';
import { LOOKUP_RECORD_TTL_MS } from './order-status.service';

export const ORDER_LOOKUP_COOKIE = 'ds_order_lookup';

export function lookupTokenOf(event: H3Event | null): string | null {
  const value = event ? getCookie(event, ORDER_LOOKUP_COOKIE) : undefined;
  return value && /^[\w-]{22}$/.test(value) ? value : null;
}

export function setLookupCookie(event: H3Event, token: string): void {
  setPrivateCookie(event, ORDER_LOOKUP_COOKIE, token, LOOKUP_RECORD_TTL_MS);
}
