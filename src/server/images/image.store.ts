// Redis access for resized photos. Redis rather than files under a data directory: every app
// process shares one copy, expiry is Redis's own (no sweeper to write), and losing the cache
// costs a refetch, never data. The TTL bounds its memory to the photos shoppers looked at lately.
import type { Redis } from 'ioredis';

export async function readCachedImage(redis: Redis, key: string): Promise<Buffer | null> {
  return redis.getBuffer(key);
}

export async function cacheImage(redis: Redis, key: string, body: Buffer, ttlMs: number): Promise<void> {
  await redis.set(key, body, 'PX', ttlMs);
}
