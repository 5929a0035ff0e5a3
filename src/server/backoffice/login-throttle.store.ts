// Login counters in Redis, shared by every app process: attempts per address (one-minute
// windows), wrong passwords per e-mail and address and per e-mail alone, the lock of an e-mail
// for one address, the account's growing delay and the addresses an agent signed in from.
import type { Redis } from 'ioredis';
import { countInWindow } from '../platform/redis';
import type { LoginCounts } from './login-throttle';

const PREFIX = 'ds:bo:login:';
const MINUTE_MS = 60_000;
/** How long an address an agent signed in from stays known (exempt from the account delay). */
const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;

const pair = (email: string, ip: string) => `${email}|${ip}`;

async function increment(redis: Redis, key: string, windowMs: number): Promise<number> {
  return (await countInWindow(redis, key, windowMs)).count;
}

export async function countLoginAttempt(redis: Redis, ip: string, email: string): Promise<LoginCounts> {
  const [ipAttemptsThisMinute, lockTtl, waitTtl, known] = await Promise.all([
    increment(redis, `${PREFIX}ip:${ip}`, MINUTE_MS),
    redis.pttl(`${PREFIX}lock:${pair(email, ip)}`),
    redis.pttl(`${PREFIX}wait:${email}`),
    redis.sismember(`${PREFIX}known:${email}`, ip),
  ]);
  return {
    ipAttemptsThisMinute,
    lockRemainingMs: Math.max(0, lockTtl),
    accountWaitRemainingMs: Math.max(0, waitTtl),
    knownAddress: known === 1,
  };
}

/** Counts a wrong password; returns the failures in the window from this address and from all. */
export async function countLoginFailure(
  redis: Redis,
  email: string,
  ip: string,
  windowMs: number,
): Promise<{ fromAddress: number; onAccount: number }> {
  const [fromAddress, onAccount] = await Promise.all([
    increment(redis, `${PREFIX}failures:${pair(email, ip)}`, windowMs),
    increment(redis, `${PREFIX}failures:${email}`, windowMs),
  ]);
  return { fromAddress, onAccount };
}

export async function lockAccountForAddress(redis: Redis, email: string, ip: string, lockMs: number): Promise<void> {
  await redis
    .multi()
    .set(`${PREFIX}lock:${pair(email, ip)}`, '1', 'PX', lockMs)
    .del(`${PREFIX}failures:${pair(email, ip)}`)
    .exec();
}

export async function delayAccount(redis: Redis, email: string, delayMs: number): Promise<void> {
  await redis.set(`${PREFIX}wait:${email}`, '1', 'PX', delayMs);
}

/** A right password: this address's failures are forgiven and the address is known from now on. */
export async function rememberSignIn(redis: Redis, email: string, ip: string): Promise<void> {
  const known = `${PREFIX}known:${email}`;
  await redis
    .multi()
    .del(`${PREFIX}failures:${pair(email, ip)}`)
    .sadd(known, ip)
    .pexpire(known, KNOWN_ADDRESS_MS)
    .exec();
}
