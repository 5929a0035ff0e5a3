// Order-status lookups in Redis: the rate-limit counters (per client address, per order number)
// and the lookup a form post made, kept for the page it redirects to.
import type { Redis } from 'ioredis';
import { countInWindow } from '../platform/redis';
import type { LookupCounts } from './order-status';
import { OrderLookupRecord } from './order-status.schema';

const PREFIX = 'ds:order-lookup:';

export async function countLookup(redis: Redis, client: string, number: string, windowMs: number): Promise<LookupCounts> {
  const [address, order] = await Promise.all([
    countInWindow(redis, `${PREFIX}address:${client}`, windowMs),
    countInWindow(redis, `${PREFIX}order:${number}`, windowMs),
  ]);
  return { address, order };
}

const recordKey = (token: string) => `${PREFIX}record:${token}`;

export async function saveLookupRecord(redis: Redis, token: string, record: OrderLookupRecord, ttlMs: number): Promise<void> {
  await redis.set(recordKey(token), JSON.stringify(OrderLookupRecord.parse(record)), 'PX', ttlMs);
}

export async function readLookupRecord(redis: Redis, token: string): Promise<OrderLookupRecord | null> {
  const raw = await redis.get(recordKey(token));
  if (raw === null) return null;
  const parsed = OrderLookupRecord.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}
