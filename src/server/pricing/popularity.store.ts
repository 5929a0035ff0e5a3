// Which products shoppers open most, for the background sweep: a Redis sorted set per hour,
// incremented on every opening (in the page's own round trip) and expiring after two hours,
// so that popularity follows what is opened now, not what was opened last month.
import type { ChainableCommander, Redis } from 'ioredis';

const POPULAR_PREFIX = 'ds:popular:';
const BUCKET_MS = 60 * 60 * 1000;

function bucketKey(nowMs: number, back = 0): string {
  return `${POPULAR_PREFIX}${Math.floor(nowMs / BUCKET_MS) - back}`;
}

export function queueOpening(pipeline: ChainableCommander, productId: string, nowMs: number): ChainableCommander {
  const key = bucketKey(nowMs);
  return pipeline.zincrby(key, 1, productId).pexpire(key, 2 * BUCKET_MS);
}

/** The `limit` most opened products of this hour and the last, most opened first. */
export async function popularProducts(redis: Redis, limit: number, nowMs: number): Promise<string[]> {
  if (limit <= 0) return [];
  const [current, previous] = await Promise.all([
    redis.zrevrange(bucketKey(nowMs), 0, limit - 1),
    redis.zrevrange(bucketKey(nowMs, 1), 0, limit - 1),
  ]);
  return [...new Set([...current, ...previous])].slice(0, limit);
}
