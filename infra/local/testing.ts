// For integration tests: a Runtime on the run's MongoDB and Redis with a database of its own,
// dropped afterwards, so test files never see each other's data.
import { afterAll, beforeAll, inject } from 'vitest';
import { parseConfig } from '../../src/server/platform/config';
import { withDatabase } from '../../src/server/platform/db';
import { newId } from '../../src/common/ids';
import { openRuntime, type Runtime } from '../../src/server/platform/runtime';
import { ensureCollections } from '../../src/server/collections';

/**
 * The Redis databases of the test files that run queue workers or read process-wide keys
 * (BullMQ queues and their prefix are otherwise shared by every test file, and one file's worker
 * would take another's jobs). Declared together so that no two files share one.
 */
export const TEST_REDIS_DB = {
  purchaser: 5,
  outboxWorker: 6,
  productAdmin: 7,
  operations: 8,
  orderJourney: 9,
  priceCheck: 10,
  translation: 13,
  translatorWorker: 14,
  systemStatus: 11,
} as const;

export function testRedisUrl(db: number): string {
  return `${inject('redisUrl').replace(/\/\d*$/, '')}/${db}`;
}

export function testEnv(dbName: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    MONGO_URL: withDatabase(inject('mongoUrl'), dbName),
    REDIS_URL: inject('redisUrl'),
  };
}

export interface TestRuntimeOptions {
  /** A Redis database of the file's own (TEST_REDIS_DB), flushed afterwards. */
  readonly redisDb?: number;
  /** More settings, read in beforeAll, after the hooks registered before this one (a simulator's URLs). */
  readonly env?: () => Record<string, string>;
}

/** Opens a runtime before the file's tests and closes it (dropping its database) after. */
export function useTestRuntime(label: string, options: TestRuntimeOptions = {}): () => Runtime {
  let rt: Runtime | undefined;
  beforeAll(async () => {
    const dbName = `t_${label.replace(/\W+/g, '_')}_${newId(4)}`;
    const env = { ...testEnv(dbName), ...options.env?.() };
    if (options.redisDb !== undefined) env['REDIS_URL'] = testRedisUrl(options.redisDb);
    rt = await openRuntime(parseConfig(env), `test-${label}`);
    await ensureCollections(rt.db);
  });
  afterAll(async () => {
    if (!rt) return;
    await rt.db.dropDatabase();
    if (options.redisDb !== undefined) await rt.redis.flushdb();
    await rt.close();
  });
  return () => {
    if (!rt) throw new Error('the test runtime is opened in beforeAll; use it inside a test');
    return rt;
  };
}

export interface UntilOptions {
  /** @defaultValue 30_000 */
  readonly timeoutMs?: number;
  /** @defaultValue 100 */
  readonly intervalMs?: number;
  /** What the other side said, for the failure message. */
  readonly detail?: () => string;
}

/**
 * Polls `probe` until it gives a value (anything but undefined, null or false): how a test waits
 * on another process. Fails after the timeout, saying what it waited for.
 */
export async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, options: UntilOptions = {}): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 100, detail } = options;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${detail ? `; ${detail()}` : ''}`);
}
