// Redis connections. BullMQ and the cache use separate connections: a blocking queue
// command must never hold up a cache read.
import { Redis, type RedisOptions } from 'ioredis';

export interface RedisConnectOptions {
  readonly url: string;
  readonly timeoutMs: number;
  readonly name?: string;
}

/** A connection for commands that should fail fast (cache, pub, health). */
export function createRedis(options: RedisConnectOptions, extra: RedisOptions = {}): Redis {
  const redis = new Redis(options.url, {
    connectionName: options.name ?? 'digitalsales',
    connectTimeout: options.timeoutMs,
    commandTimeout: options.timeoutMs,
    maxRetriesPerRequest: 2,
    lazyConnect: true,
    ...extra,
  });
  reportErrorsOnce(redis, options.name ?? 'digitalsales');
  return redis;
}

/**
 * ioredis emits an error on every failed reconnect; without a listener each one is printed as
 * unhandled. One line when the connection breaks and one when it is back is what an operator needs.
 */
function reportErrorsOnce(redis: Redis, name: string): void {
  let broken = false;
  redis.on('error', (error: Error) => {
    if (broken) return;
    broken = true;
    console.error(`[redis ${name}] connection lost: ${error.message}; retrying`);
  });
  redis.on('ready', () => {
    if (!broken) return;
    broken = false;
    console.error(`[redis ${name}] connection back`);
  });
}

/** A connection for BullMQ, which blocks on commands and must retry forever (its own rule). */
export function createQueueRedis(options: RedisConnectOptions): Redis {
  return createRedis(options, { maxRetriesPerRequest: null, commandTimeout: undefined, lazyConnect: false });
}

export async function pingRedis(redis: Redis): Promise<void> {
  const answer = await redis.ping();
  if (answer !== 'PONG') throw new Error(`Redis answered ${answer} to PING`);
}

export async function describeRedis(redis: Redis): Promise<{ version: string }> {
  const info = await redis.info('server');
  return { version: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown' };
}
