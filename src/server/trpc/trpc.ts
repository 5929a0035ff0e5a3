// The tRPC builders the routers use, created once. Auth will add `protectedProcedure` and
// the back-office roles here; nothing else in the app calls `initTRPC`.
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import type { Context } from './context';

/** Stack traces reach API clients only while developing or testing, never in production. */
const exposeStack = process.env['NODE_ENV'] === 'development' || process.env['NODE_ENV'] === 'test';

const t = initTRPC.context<Context>().create({
  isDev: exposeStack,
  errorFormatter({ shape, error }) {
    const { stack, ...data } = shape.data;
    const invalidInput = error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError ? error.cause : null;
    return {
      ...shape,
      // "✖ expected number, received string → at limit" instead of zod's raw JSON issue list.
      message: invalidInput ? z.prettifyError(invalidInput) : shape.message,
      data: {
        ...data,
        ...(exposeStack && stack ? { stack } : {}),
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
