// The typed tRPC client for pages and components. Calls made while rendering on the server
// run in this process (the link app.config.server.ts provides) and are waited for; their results
// travel to the browser in TransferState, so hydration does not repeat them (see transfer-state-link.ts).
// A page that needs data before it renders is better served by its `.server.ts` `load()`,
// which calls the router in-process.
import { isPlatformServer } from '@angular/common';
import { Injectable, InjectionToken, PLATFORM_ID, PendingTasks, TransferState, inject, signal, type Signal } from '@angular/core';
import { injectAPIPrefix } from '@analogjs/router/tokens';
import { createTRPCClient, httpBatchLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/routers/_app';
import { procedurePath } from './procedure-path';
import { takeTransferred, transferKey, transferStateLink } from './transfer-state-link';

export type Api = TRPCClient<AppRouter>;

/**
 * The server render's way to the API: the router called in-process, with the page request's
 * context. Provided on the server only, so the browser bundle holds no server code.
 */
export const TRPC_SERVER_LINK = new InjectionToken<TRPCLink<AppRouter>>('TRPC_SERVER_LINK');

/** What a query looks like on the typed client: `api.catalog.latest`. */
interface QueryProcedure {
  query(input: never, opts?: never): Promise<unknown>;
}
type QueryInput<Q extends QueryProcedure> = Parameters<Q['query']>[0];
type QueryOutput<Q extends QueryProcedure> = Awaited<ReturnType<Q['query']>>;

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'success'; readonly data: T }
  | { readonly status: 'error'; readonly message: string };

@Injectable({ providedIn: 'root' })
export class TrpcClient {
  private readonly transferState = inject(TransferState);
  private readonly isServer = isPlatformServer(inject(PLATFORM_ID));

  /** The vanilla typed client: `await trpc.api.system.ping.query()`. */
  readonly api: Api = createTRPCClient<AppRouter>({
    links: [
      transferStateLink({ transferState: this.transferState, pendingTasks: inject(PendingTasks), isServer: this.isServer }),
      // In-process on the server: an HTTP call to itself cost each rendered page about 3 ms of CPU.
      inject(TRPC_SERVER_LINK, { optional: true }) ?? httpBatchLink({ url: `/${injectAPIPrefix()}/trpc` }),
    ],
  });

  /**
   * A query as a signal. In the browser, a result the server already rendered is there from
   * the first change detection, so hydration finds the same DOM and no request is made.
   *
   * @example protected readonly status = inject(TrpcClient).query((api) => api.system.status);
   */
  query<Q extends QueryProcedure>(select: (api: Api) => Q, input?: QueryInput<Q>): Signal<QueryState<QueryOutput<Q>>> {
    type Output = QueryOutput<Q>;
    if (!this.isServer) {
      const transferred = takeTransferred(this.transferState, transferKey(procedurePath(select), input));
      if (transferred.found) return signal<QueryState<Output>>({ status: 'success', data: transferred.data as Output }).asReadonly();
    }
    const state = signal<QueryState<Output>>({ status: 'loading' });
    const procedure = select(this.api) as unknown as { query(input: unknown): Promise<Output> };
    procedure.query(input).then(
      (data) => state.set({ status: 'success', data }),
      (error: unknown) => state.set({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return state.asReadonly();
  }
}
