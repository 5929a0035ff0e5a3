// A tRPC link that makes queries safe for server-side rendering. On the server it holds an
// Angular pending task while a query runs, so the render waits for it, and copies each
// result into TransferState; in the browser it answers a query from that copy once, so
// hydration reuses what the server rendered instead of asking the API a second time.
import { makeStateKey, type StateKey, type TransferState } from '@angular/core';
import type { TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';

export interface TransferStateLinkOptions {
  readonly transferState: TransferState;
  /** Angular's `PendingTasks`: the server render is serialized only once none is left. */
  readonly pendingTasks: { add(): () => void };
  readonly isServer: boolean;
}

/** The key of a query's result: procedure path plus input, object keys sorted. */
export function transferKey(path: string, input: unknown): StateKey<unknown> {
  return makeStateKey<unknown>(`trpc:${path}:${stableJson(input)}`);
}

function stableJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Takes a transferred result out of the state: a later call must reach the API for fresh data. */
export function takeTransferred(transferState: TransferState, key: StateKey<unknown>): { found: true; data: unknown } | { found: false } {
  if (!transferState.hasKey(key)) return { found: false };
  const data = transferState.get(key, null);
  transferState.remove(key);
  return { found: true, data };
}

export function transferStateLink<TRouter extends AnyRouter>(options: TransferStateLinkOptions): TRPCLink<TRouter> {
  const { transferState, pendingTasks, isServer } = options;
  return () =>
    ({ op, next }) => {
      if (op.type !== 'query') return next(op);
      const key = transferKey(op.path, op.input);

      if (!isServer) {
        const transferred = takeTransferred(transferState, key);
        if (!transferred.found) return next(op);
        return observable((observer) => {
          observer.next({ result: { type: 'data', data: transferred.data } });
          observer.complete();
        });
      }

      return observable((observer) => {
        const done = pendingTasks.add();
        let released = false;
        // Released one macrotask after the result, not at once: the caller's `await` and the
        // signal it sets run in later microtasks, and the change detection they schedule must
        // be registered before the render sees no pending task and serializes the page.
        const release = () => {
          if (released) return;
          released = true;
          setTimeout(done, 0);
        };
        const subscription = next(op).subscribe({
          next(envelope) {
            if ('data' in envelope.result) transferState.set(key, envelope.result.data);
            observer.next(envelope);
          },
          error(error) {
            release();
            observer.error(error);
          },
          complete() {
            release();
            observer.complete();
          },
        });
        return () => {
          release();
          subscription.unsubscribe();
        };
      });
    };
}
