// The purchase worker as a process: killed with SIGKILL while the simulator holds its supplier
// call, then started again, it makes exactly one supplier order (the simulator's own count).
// Its own Redis database, so no other test file's worker takes its jobs.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/paths';
import { marketplaceEnv } from '../../infra/local/platform';
import { TEST_REDIS_DB, testRedisUrl, until, useTestRuntime } from '../../infra/local/testing';
import { control, useSimulator } from '../../infra/marketplace-simulator/simulator-testing';
import { enqueuePurchase, purchaseQueue } from '../../src/server/fulfillment';
import { seedOrder } from '../../src/server/fulfillment/order.fixture';
import { findOrderById } from '../../src/server/orders';
import { readWorkerHeartbeats } from '../../src/server/platform/runtime';

const HOLD_MS = 4_000;
const simulator = useSimulator({ orders: { failureShare: 0 } });
const { sim } = simulator;
const workerEnv = () => ({
  REDIS_URL: testRedisUrl(TEST_REDIS_DB.purchaser),
  ...marketplaceEnv(sim().urls),
  // A killed worker's job is taken again once its lock runs out.
  PURCHASE_LOCK_MS: '2000',
  PURCHASE_SUPPLIER_TIMEOUT_MS: '20000',
});
const rt = useTestRuntime('purchaser_kill', { env: workerEnv });
const children: ChildProcess[] = [];
/** A worker process starts tsx and its connections before it does anything. */
const WAIT = { timeoutMs: 40_000 };
afterAll(() => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));

function startWorker(): ChildProcess {
  // node with tsx's loader, not the tsx command: that one runs the script in a child of its own,
  // which a SIGKILL of the command would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/purchaser/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'test', MONGO_URL: rt().config.MONGO_URL, ...workerEnv() },
    stdio: 'pipe',
  });
  children.push(child);
  return child;
}

interface Counts {
  byRoute: Record<string, number>;
}

describe('the purchase worker process', () => {
  it('killed in the middle of a supplier call and restarted, makes exactly one supplier order', { timeout: 90_000 }, async () => {
    const { order } = await seedOrder(rt(), { offer: { simulator }, listing: { market: 'it' } });
    const ordersBefore = ((await control(sim(), 'GET', '')).body as { orders: Record<string, number> }).orders['it']!;
    await control(sim(), 'DELETE', '/requests');
    // The supplier holds every order call for 4 s before answering (and placing the order).
    await control(sim(), 'PATCH', '/faults', { markets: ['it'], routes: ['order'], latency: { medianMs: HOLD_MS, p99Ms: HOLD_MS } });

    const first = startWorker();
    await until(async () => (await readWorkerHeartbeats(rt().redis)).find((h) => h.name === 'purchaser'), 'the worker to start', WAIT);
    await enqueuePurchase(purchaseQueue(rt()), { orderId: order._id, customerId: order.customerId });
    await until(
      async () => {
        const counts = (await control(sim(), 'GET', '/requests')).body as Record<string, Counts>;
        return (counts['it']!.byRoute['order'] ?? 0) >= 1;
      },
      'the supplier call',
      WAIT,
    );
    const held = (await findOrderById(rt(), order._id))!;
    expect(held.status).toBe('purchasing');
    expect(held.purchases).toMatchObject([{ status: 'pending', supplierOrderId: null }]);

    const killed = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await killed;
    await control(sim(), 'DELETE', '/faults');

    const second = startWorker();
    const bought = await until(
      async () => {
        const o = await findOrderById(rt(), order._id);
        return o?.status === 'purchased' ? o : undefined;
      },
      'the restarted worker to finish the purchase',
      WAIT,
    );
    const requests = ((await control(sim(), 'GET', '/requests')).body as Record<string, Counts>)['it']!.byRoute['order'];
    const ordersAfter = ((await control(sim(), 'GET', '')).body as { orders: Record<string, number> }).orders['it']!;

    // Two calls (the held one and the restarted worker's), one order: the second was a replay under the same key.
    expect(requests).toBe(2);
    expect(ordersAfter - ordersBefore).toBe(1);
    expect(bought.purchases).toMatchObject([
      { status: 'accepted', idempotencyKey: `${order._id}-l1-1`, supplierOrderId: expect.stringMatching(/^SO-IT-/) },
    ]);
    expect(bought.timeline.filter((t) => t.kind === 'purchase')).toHaveLength(1);

    const stopped = new Promise<number | null>((resolve) => second.once('exit', resolve));
    second.kill('SIGTERM');
    expect(await stopped).toBe(0);
    await purchaseQueue(rt()).obliterate({ force: true });
  });
});
