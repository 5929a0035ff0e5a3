// The shopper's order-status lookup: counted against the limits per client address and per
// order number before the database is asked, so guessing e-mails (or numbers) stops after a few
// tries whatever the answers were. A form post's lookup is kept in Redis behind a random cookie
// for the page it redirects to, which reads the order afresh on every reload without counting
// again: the e-mail is never in a URL, a browser's history or an access log.
import { randomBytes } from 'node:crypto';
import type { MarketCode } from '../../common/markets';
import type { Runtime } from '../platform/runtime';
import { lookUpOrder } from './checkout.service';
import { lookupAllowed, lookupLimitedMessage, type ShopperOrderView } from './order-status';
import { OrderLookupInput, type OrderLookupRecord } from './order-status.schema';
import { countLookup, readLookupRecord, saveLookupRecord } from './order-status.store';

export type OrderLookupResult =
  | { readonly outcome: 'found'; readonly order: ShopperOrderView }
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'invalid'; readonly invalid: readonly ('number' | 'email')[] }
  | { readonly outcome: 'limited'; readonly retryAfterMs: number; readonly message: string };

export interface LookupFields {
  readonly market: MarketCode;
  readonly number: string;
  readonly email: string;
}

/** A malformed number or e-mail is answered without counting: it cannot find anything. */
export async function lookUpOrderLimited(rt: Runtime, fields: LookupFields, client: string): Promise<OrderLookupResult> {
  const parsed = OrderLookupInput.safeParse(fields);
  if (!parsed.success) {
    const invalid = (['number', 'email'] as const).filter((f) => parsed.error.issues.some((i) => i.path[0] === f));
    return { outcome: 'invalid', invalid };
  }
  const { market, number, email } = parsed.data;
  const counts = await countLookup(rt.redis, client, number.toUpperCase(), rt.config.ORDER_STATUS_LOOKUP_WINDOW_MS);
  const allowed = lookupAllowed(counts, rt.config);
  if (!allowed.ok)
    return { outcome: 'limited', retryAfterMs: allowed.retryAfterMs, message: lookupLimitedMessage(market, allowed.retryAfterMs) };
  const order = await lookUpOrder(rt, number, email);
  return order ? { outcome: 'found', order } : { outcome: 'not-found' };
}

/** How long a form post's lookup stays on its page (reloads included). */
export const LOOKUP_RECORD_TTL_MS = 15 * 60_000;

/** 128 random bits, URL-safe: the cookie that names one kept lookup. */
export function newLookupToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Looks up, keeps the lookup under a new token for the page, and answers the token with the outcome. */
export async function recordFormLookup(
  rt: Runtime,
  fields: LookupFields,
  client: string,
): Promise<{ token: string; result: OrderLookupResult }> {
  const result = await lookUpOrderLimited(rt, fields, client);
  const token = newLookupToken();
  await saveLookupRecord(
    rt.redis,
    token,
    {
      market: fields.market,
      number: fields.number.trim().slice(0, 200),
      email: fields.email.trim().slice(0, 400),
      outcome: result.outcome,
      invalid: result.outcome === 'invalid' ? [...result.invalid] : [],
      retryAfterMs: result.outcome === 'limited' ? result.retryAfterMs : null,
    },
    LOOKUP_RECORD_TTL_MS,
  );
  return { token, result };
}

export type ShownLookup = { readonly number: string; readonly email: string } & (
  | { readonly result: 'none' }
  | { readonly result: 'found'; readonly order: ShopperOrderView }
  | { readonly result: 'not-found' }
  | { readonly result: 'invalid'; readonly invalid: readonly ('number' | 'email')[] }
  | { readonly result: 'limited'; readonly retryAfterMs: number; readonly message: string }
);

/**
 * What the page shows for the lookup its cookie names in this market: the order as it is now
 * (a reload shows its progress), or the earlier outcome. Nothing kept, or kept for another
 * market's page: an empty form.
 */
export async function shownLookup(
  rt: Runtime,
  token: string | null,
  market: MarketCode,
  prefill: { number: string },
): Promise<ShownLookup> {
  const record: OrderLookupRecord | null = token ? await readLookupRecord(rt.redis, token) : null;
  if (!record || record.market !== market) return { result: 'none', number: prefill.number, email: '' };
  const { number, email } = record;
  switch (record.outcome) {
    case 'found': {
      const order = await lookUpOrder(rt, number, email);
      return order ? { result: 'found', number, email, order } : { result: 'not-found', number, email };
    }
    case 'limited': {
      const retryAfterMs = record.retryAfterMs ?? rt.config.ORDER_STATUS_LOOKUP_WINDOW_MS;
      return { result: 'limited', number, email, retryAfterMs, message: lookupLimitedMessage(market, retryAfterMs) };
    }
    case 'invalid':
      return { result: 'invalid', number, email, invalid: record.invalid };
    case 'not-found':
      return { result: 'not-found', number, email };
  }
}
