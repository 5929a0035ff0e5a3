// The server half of every back-office page's load: calls the router in-process as the agent
// of the request's session cookie. No session becomes `signed-out` (the page redirects to the
// sign-in page); other refusals an error state with their HTTP status. It never throws, which
// Analog would answer as an empty page with 200.
import { getHeader, getQuery, type H3Event } from 'h3';
import { timeZoneFromCookies } from '../../common/time';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import { createContext } from '../../server/trpc/context';
import { appRouter } from '../../server/trpc/routers/_app';
import { internalErrorMessage, requestIdOf } from '../../server/platform/web';
import { loginUrlFor, type BackofficeLoad } from './backoffice-load';

type Caller = ReturnType<typeof appRouter.createCaller>;

export async function backofficeLoad<T>(
  event: H3Event,
  pagePath: string,
  read: (caller: Caller) => Promise<T>,
): Promise<BackofficeLoad<T>> {
  const caller = appRouter.createCaller(createContext(event));
  let agent;
  try {
    agent = await caller.backoffice.auth.me();
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return { status: 'signed-out', loginUrl: loginUrlFor(pagePath) };
    console.error(`back office ${pagePath}: the session could not be read`, error);
    return { status: 'signed-out', loginUrl: loginUrlFor(pagePath) };
  }
  try {
    return { status: 'ok', agent, data: await read(caller) };
  } catch (error) {
    const trpc = error instanceof TRPCError ? error : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
    if (trpc.code !== 'INTERNAL_SERVER_ERROR')
      return { status: 'error', agent, message: trpc.message, httpStatus: getHTTPStatusCodeFromError(trpc) };
    // A fault of ours: its message (a driver's, with hosts in it) stays in the log.
    const requestId = requestIdOf(event);
    console.error(`[request ${requestId}] back office ${pagePath} failed:`, trpc.cause ?? trpc);
    return { status: 'error', agent, message: internalErrorMessage(requestId), httpStatus: 500 };
  }
}

/**
 * A GET form's filters from the query string, blank ones dropped, and the page's URL with
 * them, where the sign-in page sends the agent back to.
 */
export function readFilters(event: H3Event, path: string, names: readonly string[]): { filters: Record<string, string>; pagePath: string } {
  const query = getQuery(event);
  const filters: Record<string, string> = {};
  for (const name of names) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') filters[name] = value.trim();
  }
  const search = new URLSearchParams(filters).toString();
  return { filters, pagePath: `${path}${search ? `?${search}` : ''}` };
}

/** The agent's time zone, which their browser leaves in a cookie: date filters are its days. */
export function agentTimeZoneOf(event: H3Event): string {
  return timeZoneFromCookies(getHeader(event, 'cookie'));
}
