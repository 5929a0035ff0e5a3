// The platform status: whether its parts answer, for anyone; what they are and where they run,
// for a signed-in supervisor (src/server/system/status.ts). Readiness for load balancers is
// `/api/ready`, not this.
import { platformStatus } from '../../system';
import { publicProcedure, router, withRuntime } from '../trpc';

export const systemRouter = router({
  /** Answers without touching MongoDB or Redis: is the API reachable at all. */
  ping: publicProcedure.query(() => ({ pong: true as const, at: new Date().toISOString() })),

  status: publicProcedure.use(withRuntime).query(async ({ ctx }) => {
    const viewer = ctx.session ?? (await ctx.resolveSession?.()) ?? null;
    return platformStatus(ctx.rt.db, ctx.rt.redis, viewer);
  }),
});
