// Login counters in Redis: attempts per address and per account in fixed one-minute windows,
// wrong passwords per account, and the lock they set. Shared by every app process.
import type { Redis } from 'ioredis';
import { countInWindow } from '../redis';

const PREFIX = 'ds:bo:login:';
const MINUTE_MS = 60_000;

async function increment(redis: Redis, key: string, windowMs: number): Promise<number> {
  return (await countInWindow(redis, key, windowMs)).count;
}

export async function countLoginAttempt(redis: Redis, ip: string, email: string) {
  const [ipAttemptsThisMinute, accountAttemptsThisMinute, lockTtl] = await Promise.all([
    increment(redis, `${PREFIX}ip:${ip}`, MINUTE_MS),
    increment(redis, `${PREFIX}account:${email}`, MINUTE_MS),
    redis.pttl(`${PREFIX}lock:${email}`),
  ]);
  return { ipAttemptsThisMinute, accountAttemptsThisMinute, lockRemainingMs: Math.max(0, lockTtl) };
}

/** Counts a wrong password; returns the failures in the current window. */
export function countLoginFailure(redis: Redis, email: string, windowMs: number): Promise<number> {
  return increment(redis, `${PREFIX}failures:${email}`, windowMs);
}

export async function lockAccount(redis: Redis, email: string, lockMs: number): Promise<void> {
  await redis.multi().set(`${PREFIX}lock:${email}`, '1', 'PX', lockMs).del(`${PREFIX}failures:${email}`).exec();
}

export async function clearLoginFailures(redis: Redis, email: string): Promise<void> {
  await redis.del(`${PREFIX}failures:${email}`);
}
