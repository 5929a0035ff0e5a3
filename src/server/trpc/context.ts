// What every tRPC procedure receives: the HTTP event it serves, who is calling (the back-office
// agent of the session cookie, resolved on first need) and the process's MongoDB/Redis runtime.
// Procedures reach the database only through `ctx.runtime()`, so tests can hand them another one.
import { getCookie, type H3Event } from 'h3';
import { TRPCError } from '@trpc/server';
import { resolveSession, SESSION_COOKIE, type LiveSession } from '../backoffice';
import { runtime, type Runtime } from '../platform/runtime';
import { describeRuntimeFailure } from '../system';

/** A signed-in back-office agent, resolved from the session cookie; mutations must send its CSRF token back. */
export type SessionContext = Omit<LiveSession, 'createdAt' | 'touchedAt'>;

export interface Context {
  /** Null when a procedure is called in-process with no HTTP request behind it. */
  readonly event: H3Event | null;
  /** Set up front by in-process callers and tests; otherwise `resolveSession` reads the cookie. */
  readonly session: SessionContext | null;
  /** Reads the session cookie once, on the first procedure that needs an agent. */
  readonly resolveSession?: () => Promise<SessionContext | null>;
  readonly runtime: () => Promise<Runtime>;
}

/**
 * `open` defaults to the process's shared runtime. A failure to reach MongoDB or Redis is
 * reported as 503 rather than as a bug (500): the caller may retry once the service is back.
 */
export function createContext(event: H3Event | null, open: () => Promise<Runtime> = runtime): Context {
  const rt = () =>
    open().catch((error: unknown) => {
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: describeRuntimeFailure(error), cause: error });
    });
  let session: Promise<SessionContext | null> | undefined;
  return {
    event,
    session: null,
    runtime: rt,
    resolveSession: () => (session ??= sessionFromCookie(event, rt)),
  };
}

async function sessionFromCookie(event: H3Event | null, rt: () => Promise<Runtime>): Promise<SessionContext | null> {
  const token = event ? getCookie(event, SESSION_COOKIE) : undefined;
  if (!token) return null;
  const live = await resolveSession(await rt(), token);
  if (!live) return null;
  const { sessionId, agentId, email, name, role, csrfToken } = live;
  return { sessionId, agentId, email, name, role, csrfToken };
}
