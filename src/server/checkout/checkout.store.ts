// The no-JavaScript checkout form's round trip in Redis: a refused submission's values and errors.
import type { Redis } from 'ioredis';
import type { MarketCode } from '../../common/markets';

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
