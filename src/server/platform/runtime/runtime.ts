// The process's shared connections (MongoDB, Redis), opened once from the configuration and
// closed once. The app's routes and the workers reach the database and Redis only through here.
import type { Db, MongoClient } from 'mongodb';
import type { Redis } from 'ioredis';
import { loadConfig, type Config } from '../config';
import { connectMongo, databaseOf } from '../db';
import { createRedis } from '../redis';

export interface Runtime {
  readonly config: Config;
  readonly mongo: MongoClient;
  readonly db: Db;
  readonly redis: Redis;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, appName: string): Promise<Runtime> {
  const mongo = await connectMongo({ url: config.MONGO_URL, timeoutMs: config.MONGO_TIMEOUT_MS, appName });
  const redis = createRedis({ url: config.REDIS_URL, timeoutMs: config.REDIS_TIMEOUT_MS, name: appName });
  try {
    await redis.connect();
    const db = databaseOf(mongo);
    return {
      config,
      mongo,
      db,
      redis,
      async close() {
        await Promise.allSettled([mongo.close(), redis.quit()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([mongo.close(), redis.quit()]);
    throw error;
  }
}

let shared: Promise<Runtime> | undefined;

/**
 * The runtime of this process, opened on first use. A failed open is not cached, so the
 * next request tries again once MongoDB or Redis is back.
 */
export function runtime(): Promise<Runtime> {
  shared ??= openRuntime(loadConfig(), 'digitalsales-app').catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
