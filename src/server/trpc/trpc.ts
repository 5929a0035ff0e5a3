// The tRPC builders the routers use, created once: public, with the runtime, signed-in, and
// back-office by role (the role table in src/server/backoffice/access.ts), and the one mapping of
// a service's refusal to an HTTP error. Nothing else in the app calls `initTRPC`.
import { initTRPC, TRPCError } from '@trpc/server';
import { getHeader, getRequestHost, type H3Event } from 'h3';
import { z } from 'zod';
import { CSRF_HEADER, minimumRoleFor, roleAtLeast, tokensMatch, type ActingAgent, type MinimumRole } from '../backoffice';
import type { Refusal, RefusalKind } from '../platform/refusal';
import type { Runtime } from '../platform/runtime';
import { internalErrorMessage, requestIdOf } from '../platform/web';
import type { Context, SessionContext } from './context';

/** Stack traces reach API clients only while developing or testing, never in production. */
const exposeStack = process.env['NODE_ENV'] === 'development' || process.env['NODE_ENV'] === 'test';

const t = initTRPC.context<Context>().create({
  isDev: exposeStack,
  errorFormatter({ shape, error, ctx }) {
    const { stack, ...data } = shape.data;
    const invalidInput = error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError ? error.cause : null;
    return {
      ...shape,
      // "✖ expected number, received string → at limit" instead of zod's raw JSON issue list;
      // a fault of ours says only that it failed and the request id its log line carries.
      message: invalidInput
        ? z.prettifyError(invalidInput)
        : error.code === 'INTERNAL_SERVER_ERROR'
          ? internalErrorMessage(requestIdOf(ctx?.event))
          : shape.message,
      data: {
        ...data,
        // A fault's stack carries its message: it stays in the log, even while developing.
        ...(exposeStack && stack && error.code !== 'INTERNAL_SERVER_ERROR' ? { stack } : {}),
        /** Per-field messages for forms: `{ formErrors, fieldErrors: { limit: [...] } }`. */
        zodError: invalidInput ? z.flattenError(invalidInput) : null,
      },
    };
  },
});

/** Groups procedures into a router; one router per capability, composed in `routers/_app.ts`. */
export const router = t.router;
/** Puts two capabilities' routers under one path (the back office's, the shop's cart and checkout). */
export const mergeRouters = t.mergeRouters;

/** A procedure anyone may call: shop pages and platform status. */
export const publicProcedure = t.procedure;

/**
 * A browser sends Origin with every POST; a page of another site posting here names its own.
 * Referer stands in where a privacy setting strips Origin; neither present is refused. Ours is
 * the public origin (PUBLIC_URL), or the host the browser connected to; X-Forwarded-Host is not
 * believed, since whoever sends the request can write it.
 */
function sameOrigin(event: H3Event, publicUrl: string): boolean {
  const claimed = getHeader(event, 'origin') ?? getHeader(event, 'referer');
  if (!claimed) return false;
  try {
    const url = new URL(claimed);
    return url.origin === publicUrl || url.host === getRequestHost(event);
  } catch {
    return false;
  }
}

/**
 * The signed-in agent, or 401. Mutations arriving over HTTP must also come from our own origin
 * and carry the session's CSRF token (403 otherwise); in-process calls have no browser to forge.
 */
async function signedIn(ctx: Context, type: string): Promise<SessionContext> {
  const session = ctx.session ?? (await ctx.resolveSession?.()) ?? null;
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to the back office first.' });
  await refuseCrossSite(ctx, type);
  if (type === 'mutation' && ctx.event && !tokensMatch(getHeader(ctx.event, CSRF_HEADER), session.csrfToken)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Missing or wrong CSRF token: send the session's token in the ${CSRF_HEADER} header.`,
    });
  }
  return session;
}

async function refuseCrossSite(ctx: Context, type: string): Promise<void> {
  if (type === 'mutation' && ctx.event && !sameOrigin(ctx.event, (await ctx.runtime()).config.PUBLIC_URL)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site request refused: the Origin header must name this site.' });
  }
}

/**
 * Puts the process's runtime in `ctx.rt` (503 when MongoDB or Redis cannot be reached). Public
 * procedures use it after `.input()`, so a malformed call is refused (400) before the database
 * is touched: `publicProcedure.input(X).use(withRuntime)`.
 */
export const withRuntime = t.middleware(async ({ ctx, next }) => next({ ctx: { rt: await ctx.runtime() } }));

/** The role the table names for a back-office path; a path missing from it is refused to everyone. */
function tableRole(path: string): MinimumRole {
  const minimum = minimumRoleFor(path);
  if (!minimum) throw new TRPCError({ code: 'FORBIDDEN', message: `${path} is missing from the back-office role table` });
  return minimum;
}

/**
 * A back-office procedure by a signed-in agent: the role table decides by path (401 anonymous,
 * 403 below the role), and the procedure gets the runtime (`ctx.rt`) and the acting agent
 * (`ctx.agent`) the services record in the audit log.
 */
export const backofficeProcedure = t.procedure.use(async ({ ctx, path, type, next }) => {
  const minimum = tableRole(path);
  if (minimum === 'public')
    throw new TRPCError({ code: 'FORBIDDEN', message: `${path} is public in the role table: declare it with signInProcedure` });
  const session = await signedIn(ctx, type);
  if (!roleAtLeast(session.role, minimum)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${minimum} role; you are signed in as ${session.role}.` });
  }
  const agent: ActingAgent = { id: session.agentId, email: session.email, role: session.role };
  return next({ ctx: { session, agent, rt: await ctx.runtime() } });
});

/** The back-office procedures the role table leaves public (signing in): same-origin mutations only, with the runtime. */
export const signInProcedure = t.procedure.use(async ({ ctx, path, type, next }) => {
  if (tableRole(path) !== 'public')
    throw new TRPCError({ code: 'FORBIDDEN', message: `${path} needs a signed-in agent: declare it with backofficeProcedure` });
  await refuseCrossSite(ctx, type);
  return next({ ctx: { rt: await ctx.runtime() } });
});

/** The HTTP status of each kind of business refusal: the only place a service's "no" becomes a tRPC error. */
const REFUSAL_STATUS: Readonly<Record<RefusalKind, TRPCError['code']>> = {
  invalid: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  rate_limited: 'TOO_MANY_REQUESTS',
};

/** A service's outcome when it was done; its refusal thrown as the tRPC error its kind names. */
export function accepted<R extends { readonly ok: boolean }>(outcome: R | Refusal): Exclude<R, Refusal> {
  if (isRefusal(outcome)) throw new TRPCError({ code: REFUSAL_STATUS[outcome.kind], message: outcome.message });
  return outcome as Exclude<R, Refusal>;
}

function isRefusal(outcome: { readonly ok: boolean }): outcome is Refusal {
  return outcome.ok === false && 'kind' in outcome;
}

/**
 * The usual back-office mutation: one service action done as the acting agent, its refusal the
 * HTTP error its kind names, and `answer` picking what the page gets back from what was done.
 */
export function agentAction<I extends z.ZodType, R extends { readonly ok: boolean }, A>(
  input: I,
  action: (rt: Runtime, input: z.output<I>, agent: ActingAgent) => Promise<R | Refusal>,
  answer: (done: Exclude<R, Refusal>) => A,
) {
  return backofficeProcedure
    .input(input)
    .mutation(async ({ ctx, input }) => answer(accepted(await action(ctx.rt, input as z.output<I>, ctx.agent))));
}

/** What a look-up found, or 404 with `message` (a page asking for an id that does not exist). */
export function found<T>(value: T | null | undefined, message: string): T {
  if (value === null || value === undefined) throw new TRPCError({ code: 'NOT_FOUND', message });
  return value;
}

/**
 * What the server keeps of a failed call, over HTTP or in-process (the server render's): a fault
 * of ours (500) reaches the log under the request id the client reads (see errorFormatter); a
 * client's mistake (4xx) is the client's to see.
 */
export function logProcedureFault(event: H3Event | null, path: string | undefined, error: TRPCError): void {
  if (error.code === 'INTERNAL_SERVER_ERROR')
    console.error(`[request ${requestIdOf(event)}] tRPC ${path ?? '?'} failed:`, error.cause ?? error);
}
