// Readiness and the description of the running platform (which database engine, which Redis),
// and the platform status: up or down for anyone, the details for a supervisor (status.ts).
import type { Db } from 'mongodb';
import type { Redis } from 'ioredis';
import { roleAtLeast, type Role } from '../backoffice';
import { describeMongo, pingMongo } from '../platform/db';
import { describeRedis, pingRedis } from '../platform/redis';
import { readWorkerHeartbeats } from '../platform/runtime';
import { readStackManifest } from './stack-manifest';
import { detailedStatus, publicStatus, type DependencyCheck, type PlatformDescription, type PlatformStatus } from './status';

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

export async function describePlatform(db: Db, redis: Redis): Promise<PlatformDescription> {
  const [mongo, redisInfo] = await Promise.all([describeMongo(db), describeRedis(redis)]);
  return { database: { ...mongo, name: db.databaseName }, redis: redisInfo };
}

/** Each dependency gets this long to answer a ping before it is reported down. */
const CHECK_TIMEOUT_MS = 2000;

/** Who asks decides what the answer holds: a supervisor or an admin sees the details. */
export async function platformStatus(db: Db, redis: Redis, viewer: { readonly role: Role } | null): Promise<PlatformStatus> {
  const detailed = viewer !== null && roleAtLeast(viewer.role, 'supervisor');
  const [dependencies, platform, stack, workers] = await Promise.all([
    checkDependencies(db, redis, CHECK_TIMEOUT_MS),
    // A dependency that stopped answering shows in `dependencies`; its version is then unknown.
    detailed ? describePlatform(db, redis).catch(() => null) : null,
    detailed ? readStackManifest(redis).catch(() => null) : null,
    readWorkerHeartbeats(redis).catch(() => []),
  ]);
  const facts = { checkedAt: new Date(), dependencies, platform, stack, workers };
  return detailed ? detailedStatus(facts) : publicStatus(facts);
}
