// Vitest global setup for integration tests: one MongoDB-wire server and one Redis for the
// whole run (or the ones named by MONGO_URL / REDIS_URL), handed to the test files by inject().
import type { TestProject } from 'vitest/node';
import { join } from 'node:path';
import { startMongo } from './mongo';
import { startRedis } from './redis';
import { LOG_DIR } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUrl: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logDir = join(LOG_DIR, 'vitest');
  const mongo = await startMongo({ dbName: 'test', cacheSize: '256M', durable: false, logDir });
  const redis = await startRedis(logDir).catch(async (error: unknown) => {
    await mongo.stop();
    throw error;
  });
  project.provide('mongoUrl', mongo.url);
  project.provide('redisUrl', redis.url);
  return async () => {
    await redis.stop();
    await mongo.stop();
  };
}
