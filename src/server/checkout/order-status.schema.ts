import { z } from 'zod';
import { MarketCode } from '../../common/markets';

/** What a shopper types to see an order: its number and the e-mail it was placed with. */
export const OrderLookupInput = z.object({
  market: MarketCode,
  number: z.string().trim().min(1, 'required').max(40),
  email: z.string().trim().max(200).pipe(z.email('expected an e-mail address')),
});
export type OrderLookupInput = z.infer<typeof OrderLookupInput>;

/** The order-status page's read of the lookup its form made; `number` prefills an empty form. */
export const LookedUpInput = z.object({ market: MarketCode, number: z.string().trim().max(40).default('') });

/**
 * A lookup made by a form post, kept in Redis behind a random HttpOnly cookie so the page it
 * redirects to (and its reloads) can show it: the e-mail never travels in a URL.
 */
export const OrderLookupRecord = z.object({
  market: MarketCode,
  number: z.string().max(200),
  email: z.string().max(400),
  outcome: z.enum(['found', 'not-found', 'invalid', 'limited']),
  invalid: z.array(z.enum(['number', 'email'])),
  retryAfterMs: z.number().int().min(0).nullable(),
});
export type OrderLookupRecord = z.infer<typeof OrderLookupRecord>;
