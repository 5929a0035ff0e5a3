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

/** Rejects with "`what` took longer than N ms" when the promise has not settled in time. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function timed(name: DependencyCheck['name'], check: () => Promise<unknown>, timeoutMs: number): Promise<DependencyCheck> {
  const started = performance.now();
  try {
    await withTimeout(check(), timeoutMs, name);
    return { name, ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { name, ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
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
