// For integration tests: a Runtime on the run's MongoDB and Redis with a database of its own,
// dropped afterwards, so test files never see each other's data.
import { afterAll, beforeAll, inject } from 'vitest';
import { parseConfig } from '../../src/server/config';
import { newId, withDatabase } from '../../src/server/db';
import { openRuntime, type Runtime } from '../../src/server/runtime';

export function testEnv(dbName: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    MONGO_URL: withDatabase(inject('mongoUrl'), dbName),
    REDIS_URL: inject('redisUrl'),
  };
}

/**
 * Opens a runtime before the file's tests and closes it (dropping its database) after.
 * `redisDb` gives the file a Redis database of its own: for tests that run queue workers or read
 * process-wide keys (BullMQ queues and their prefix are shared by every test file otherwise).
 */
export function useTestRuntime(label: string, options: { redisDb?: number } = {}): () => Runtime {
  let rt: Runtime | undefined;
  beforeAll(async () => {
    const dbName = `t_${label.replace(/\W+/g, '_')}_${newId(4)}`;
    const env = testEnv(dbName);
    if (options.redisDb !== undefined) {
      env['REDIS_URL'] = `${env['REDIS_URL']!.replace(/\/\d*$/, '')}/${options.redisDb}`;
    }
    rt = await openRuntime(parseConfig(env), `test-${label}`);
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
