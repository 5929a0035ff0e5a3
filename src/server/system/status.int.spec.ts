// The platform status through the tRPC procedure, as a browser's request reaches it: anonymous,
// an agent's session cookie and a supervisor's, against real MongoDB and Redis, with a stack
// manifest whose URLs carry credentials (as MONGO_URL and REDIS_URL may) and a worker's heartbeat.
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { createEvent } from 'h3';
import { describe, expect, it } from 'vitest';
import { TEST_REDIS_DB, useTestRuntime } from '../../../infra/local/testing';
import { createAgent, login, SESSION_COOKIE } from '../backoffice';
import { newId } from '../../common/ids';
import { WORKER_HEARTBEAT_PREFIX } from '../platform/runtime';
import { createContext } from '../trpc/context';
import { appRouter } from '../trpc/routers/_app';
import { writeStackManifest } from './stack-manifest';

const rt = useTestRuntime('system-status', { redisDb: TEST_REDIS_DB.systemStatus });

function statusAs(cookie: string | null) {
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  req.url = '/api/trpc/system.status';
  req.headers = { host: 'shop.example', ...(cookie ? { cookie } : {}) };
  return appRouter.createCaller(createContext(createEvent(req, new ServerResponse(req)), async () => rt())).system.status();
}

async function sessionCookie(role: 'agent' | 'supervisor' | 'admin'): Promise<string> {
  const password = 'a long enough password';
  const agent = await createAgent(rt(), { email: `${role}-${newId(6)}@example.com`, name: `Status ${role}`, role, password });
  const result = await login(rt(), { email: agent.email, password, ip: '10.1.2.3', userAgent: 'vitest' });
  if (!result.ok) throw new Error(result.message);
  return `${SESSION_COOKIE}=${result.token}`;
}

async function seedPlatform() {
  await writeStackManifest(rt().redis, {
    startedAt: new Date().toISOString(),
    services: [
      {
        name: 'mongodb',
        detail: 'MongoDB from MONGO_URL',
        url: 'mongodb://app:s3cret-pw@mongos1:27017,mongos2:27017/digitalsales',
        pid: null,
      },
      { name: 'marketplace-simulator', detail: 'four simulated shops and their control API', url: 'http://127.0.0.1:4104', pid: 31337 },
    ],
  });
  const seen = new Date().toISOString();
  await rt().redis.set(
    `${WORKER_HEARTBEAT_PREFIX}refresher`,
    JSON.stringify({
      name: 'refresher',
      queue: 'refresh',
      pid: 4242,
      startedAt: seen,
      seenAt: seen,
      completed: 0,
      failed: 0,
      active: 0,
      jobNames: ['refresh'],
    }),
    'PX',
    60_000,
  );
}

describe('system.status', () => {
  it('tells anyone, and an agent, only whether each part is up', async () => {
    await seedPlatform();
    for (const cookie of [null, await sessionCookie('agent')]) {
      const status = await statusAs(cookie);
      expect(status.view).toBe('public');
      expect(status.components).toEqual(
        expect.arrayContaining([
          { name: 'mongodb', up: true },
          { name: 'redis', up: true },
          { name: 'refresh', up: true },
          { name: 'purchase', up: false },
        ]),
      );
      expect(Object.keys(status).sort()).toEqual(['checkedAt', 'components', 'view']);
      const text = JSON.stringify(status);
      for (const leak of ['://', '4104', '31337', '4242', 's3cret', 'simulator', 'SecantusDB', 'MongoDB']) expect(text).not.toContain(leak);
    }
  });

  it('shows a signed-in supervisor the processes and addresses, without the credentials in them', async () => {
    await seedPlatform();
    for (const role of ['supervisor', 'admin'] as const) {
      const status = await statusAs(await sessionCookie(role));
      if (status.view !== 'detailed') throw new Error(`a ${role} got the public status`);
      expect(status.stack?.services).toEqual([
        { name: 'mongodb', detail: 'MongoDB from MONGO_URL', url: 'mongodb://mongos1:27017,mongos2:27017/digitalsales', pid: null },
        { name: 'marketplace-simulator', detail: 'four simulated shops and their control API', url: 'http://127.0.0.1:4104', pid: 31337 },
      ]);
      expect(status.workers).toEqual([expect.objectContaining({ name: 'refresher', pid: 4242 })]);
      expect(status.platform?.database.name).toBe(rt().db.databaseName);
      expect(status.dependencies.map((d) => [d.name, d.ok])).toEqual([
        ['mongodb', true],
        ['redis', true],
      ]);
      expect(JSON.stringify(status)).not.toContain('s3cret');
    }
  });
});
