// A counter per key over a fixed window in Redis, shared by every app process: the rate limits
// of sign-in attempts and of order-status lookups.
import type { Redis } from 'ioredis';

export interface WindowCount {
  readonly count: number;
  /** Until the window ends and the count starts again from zero. */
  readonly remainingMs: number;
}

/** Counts one more event under `key`; the window starts with the first and is not pushed back by later ones. */
export async function countInWindow(redis: Redis, key: string, windowMs: number): Promise<WindowCount> {
  const [[, count], , [, ttl]] = (await redis.multi().incr(key).pexpire(key, windowMs, 'NX').pttl(key).exec()) as [
    [null, number],
    [null, number],
    [null, number],
  ];
  return { count, remainingMs: ttl > 0 ? ttl : windowMs };
}
