// The outbox worker as a process, as ./stack up starts it: it schedules its drain, stores the
// confirmation checkout recorded through the outbox for an order, reports a heartbeat and its
// counts, and stops cleanly on SIGTERM. Its own Redis database, so no other file's worker interferes.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/paths';
import { TEST_REDIS_DB, testRedisUrl, until, useTestRuntime } from '../../infra/local/testing';
import { seedOrder } from '../../src/server/fulfillment/order.fixture';
import { effectId, OUTBOX } from '../../src/server/outbox';
import { readWorkerHeartbeats } from '../../src/server/platform/runtime';
import { MESSAGES } from '../../src/server/messages';
import { collectionIn } from '../../src/server/platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const messageCollection = collectionIn(MESSAGES);
const outboxCollection = collectionIn(OUTBOX);

const workerEnv = () => ({ REDIS_URL: testRedisUrl(TEST_REDIS_DB.outboxWorker), OUTBOX_POLL_MS: '200' });
const rt = useTestRuntime('outbox_worker', { env: workerEnv });
const children: ChildProcess[] = [];
/** A worker process starts tsx and its connections before it does anything. */
const WAIT = { timeoutMs: 40_000 };
afterAll(() => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));

describe('the outbox worker process', () => {
  it('drains a recorded confirmation into one message and logs what it did', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/outbox/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', MONGO_URL: rt().config.MONGO_URL, ...workerEnv() },
      stdio: 'pipe',
    });
    children.push(child);
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await until(async () => (await readWorkerHeartbeats(rt().redis)).find((h) => h.name === 'outbox'), 'the heartbeat', WAIT);

    // A bank transfer not yet paid: checkout's confirmation is the one effect to drain.
    const { order } = await seedOrder(rt(), { listing: { market: 'es', title: 'Cafetera' }, status: 'awaiting_payment' });
    const id = effectId('order.confirmation', order._id);

    const message = await until(() => messageCollection(rt()).findOne({ orderId: order._id }), 'the message', WAIT);
    expect(message).toMatchObject({ subject: `Confirmación del pedido ${order.number}`, market: 'es' });
    await until(async () => (await outboxCollection(rt()).findOne({ _id: id }))?.status === 'done', 'the entry to be done', WAIT);
    await until(async () => log.includes('[outbox] drained: 1 done'), 'the log line', WAIT);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await messageCollection(rt()).countDocuments({ orderId: order._id })).toBe(1);
  });
});
