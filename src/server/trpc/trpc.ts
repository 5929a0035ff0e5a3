// The tRPC builders the routers use, created once: public, signed-in, and back-office by role
// (the role table in src/server/backoffice/access.ts). Nothing else in the app calls `initTRPC`.
import { initTRPC, TRPCError } from '@trpc/server';
import { getHeader, getRequestHost, type H3Event } from 'h3';
import { z } from 'zod';
import { CSRF_HEADER, minimumRoleFor, roleAtLeast, tokensMatch } from '../backoffice';
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

/** A procedure for any signed-in agent, whatever the role (401 without a session). */
export const protectedProcedure = t.procedure.use(async ({ ctx, type, next }) => {
  return next({ ctx: { session: await signedIn(ctx, type) } });
});

/** A back-office procedure: the role table decides by path (401 anonymous, 403 below the role); unlisted paths are refused. */
export const backofficeProcedure = t.procedure.use(async ({ ctx, path, type, next }) => {
  const minimum = minimumRoleFor(path);
  if (!minimum) throw new TRPCError({ code: 'FORBIDDEN', message: `${path} is missing from the back-office role table` });
  if (minimum === 'public') {
    await refuseCrossSite(ctx, type);
    return next({ ctx: { session: ctx.session } });
  }
  const session = await signedIn(ctx, type);
  if (!roleAtLeast(session.role, minimum)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${minimum} role; you are signed in as ${session.role}.` });
  }
  return next({ ctx: { session } });
});

/**
 * What the server keeps of a failed call, over HTTP or in-process (the server render's): a fault
 * of ours (500) reaches the log under the request id the client reads (see errorFormatter); a
 * client's mistake (4xx) is the client's to see.
 */
export function logProcedureFault(event: H3Event | null, path: string | undefined, error: TRPCError): void {
  if (error.code === 'INTERNAL_SERVER_ERROR')
    console.error(`[request ${requestIdOf(event)}] tRPC ${path ?? '?'} failed:`, error.cause ?? error);
}
