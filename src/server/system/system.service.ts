// Readiness and the description of the running platform (which database engine, which Redis).
import type { Db } from 'mongodb';
import type { Redis } from 'ioredis';
import { describeMongo, pingMongo } from '../db';
import { describeRedis, pingRedis } from '../redis';

export interface DependencyCheck {
  readonly name: 'mongodb' | 'redis';
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

export async function timed(name: DependencyCheck['name'], check: () => Promise<unknown>, timeoutMs: number): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { name, ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { name, ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkDependencies(db: Db, redis: Redis, timeoutMs: number): Promise<DependencyCheck[]> {
  return Promise.all([timed('mongodb', () => pingMongo(db), timeoutMs), timed('redis', () => pingRedis(redis), timeoutMs)]);
}

export interface PlatformDescription {
  readonly database: { engine: string; version: string; name: string };
  readonly redis: { version: string };
}

export async function describePlatform(db: Db, redis: Redis): Promise<PlatformDescription> {
  const [mongo, redisInfo] = await Promise.all([describeMongo(db), describeRedis(redis)]);
  return { database: { ...mongo, name: db.databaseName }, redis: redisInfo };
}
