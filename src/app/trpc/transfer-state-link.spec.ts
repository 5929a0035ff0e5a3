import { TransferState } from '@angular/core';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { initTRPC, type AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { transferKey, transferStateLink } from './transfer-state-link';

const t = initTRPC.create();
const router = t.router({
  latest: t.procedure.input(z.object({ limit: z.number() })).query(({ input }) => ({ limit: input.limit })),
  touch: t.procedure.mutation(() => 'touched'),
});
type Router = typeof router;

/** Stands in for httpBatchLink: answers from the router and counts what reached it. */
function terminatingLink(calls: string[]): TRPCLink<Router> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        calls.push(op.path);
        const caller = t.createCallerFactory(router)({});
        const run = op.type === 'query' ? caller.latest(op.input as { limit: number }) : caller.touch();
        run.then(
          (data) => {
            observer.next({ result: { type: 'data', data } });
            observer.complete();
          },
          (error: unknown) => observer.error(error as never),
        );
      });
}

function pendingTasks() {
  const tasks = { open: 0, added: 0 };
  return {
    tasks,
    add() {
      tasks.open += 1;
      tasks.added += 1;
      return () => {
        tasks.open -= 1;
      };
    },
  };
}

function client<R extends AnyRouter>(links: TRPCLink<R>[]) {
  return createTRPCClient<R>({ links });
}

describe('transferStateLink', () => {
  it('on the server, holds a pending task until after the result and stores it by path and input', async () => {
    const transferState = new TransferState();
    const tasks = pendingTasks();
    const calls: string[] = [];
    const api = client<Router>([transferStateLink({ transferState, pendingTasks: tasks, isServer: true }), terminatingLink(calls)]);

    const result = api.latest.query({ limit: 3 });
    expect(tasks.tasks.open).toBe(1);
    await expect(result).resolves.toEqual({ limit: 3 });
    expect(tasks.tasks.open).toBe(1); // released a macrotask later, after the caller's continuations
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(tasks.tasks.open).toBe(0);
    expect(transferState.get(transferKey('latest', { limit: 3 }), null)).toEqual({ limit: 3 });
    expect(calls).toEqual(['latest']);
  });

  it('in the browser, answers once from the transferred result without a request, then asks again', async () => {
    const transferState = new TransferState();
    transferState.set(transferKey('latest', { limit: 3 }), { limit: 3, fromServer: true });
    const calls: string[] = [];
    const api = client<Router>([
      transferStateLink({ transferState, pendingTasks: pendingTasks(), isServer: false }),
      terminatingLink(calls),
    ]);

    await expect(api.latest.query({ limit: 3 })).resolves.toEqual({ limit: 3, fromServer: true });
    expect(calls).toEqual([]);
    await expect(api.latest.query({ limit: 3 })).resolves.toEqual({ limit: 3 });
    expect(calls).toEqual(['latest']);
  });

  it('keys by input with object keys in any order', () => {
    expect(transferKey('a.b', { x: 1, y: { b: 2, a: 1 } })).toBe(transferKey('a.b', { y: { a: 1, b: 2 }, x: 1 }));
    expect(transferKey('a.b', { limit: 1 })).not.toBe(transferKey('a.b', { limit: 2 }));
  });

  it('leaves mutations alone', async () => {
    const transferState = new TransferState();
    const tasks = pendingTasks();
    const calls: string[] = [];
    const api = client<Router>([transferStateLink({ transferState, pendingTasks: tasks, isServer: true }), terminatingLink(calls)]);
    await expect(api.touch.mutate()).resolves.toBe('touched');
    expect(tasks.tasks.added).toBe(0);
    expect(transferState.isEmpty).toBe(true);
  });
});
