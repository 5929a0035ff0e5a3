// What every tRPC procedure receives: the HTTP event it serves, who is calling (nobody yet:
// sign-in comes with the back office) and the process's MongoDB/Redis runtime. Procedures
// reach the database only through `ctx.runtime()`, so tests can hand them another one.
import type { H3Event } from 'h3';
import { TRPCError } from '@trpc/server';
import type { Role } from '../backoffice';
import { runtime, type Runtime } from '../runtime';
import { describeRuntimeFailure } from '../system';

/** A signed-in back-office agent, resolved from the session cookie once auth lands. */
export interface SessionContext {
  readonly sessionId: string;
  readonly agentId: string;
  readonly role: Role;
}

export interface Context {
  /** Null when a procedure is called in-process with no HTTP request behind it. */
  readonly event: H3Event | null;
  readonly session: SessionContext | null;
  readonly runtime: () => Promise<Runtime>;
}

/**
 * `open` defaults to the process's shared runtime. A failure to reach MongoDB or Redis is
 * reported as 503 rather than as a bug (500): the caller may retry once the service is back.
 */
export function createContext(event: H3Event | null, open: () => Promise<Runtime> = runtime): Context {
  return {
    event,
    session: null,
    runtime: () =>
      open().catch((error: unknown) => {
        throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: describeRuntimeFailure(error), cause: error });
      }),
  };
}
