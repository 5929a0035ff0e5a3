// What the running platform is made of and whether its dependencies answer: the data of the
// platform overview on the home page. Readiness for load balancers is `/api/ready`, not this.
import { describePlatform, checkDependencies, readStackManifest } from '../../system';
import { readWorkerHeartbeats } from '../../runtime';
import { publicProcedure, router } from '../trpc';

/** Each dependency gets this long to answer a ping before it is reported down. */
const CHECK_TIMEOUT_MS = 2000;

export const systemRouter = router({
  /** Answers without touching MongoDB or Redis: is the API reachable at all. */
  ping: publicProcedure.query(() => ({ pong: true as const, at: new Date().toISOString() })),

  status: publicProcedure.query(async ({ ctx }) => {
    const { db, redis } = await ctx.runtime();
    const [dependencies, platform, stack, workers] = await Promise.all([
      checkDependencies(db, redis, CHECK_TIMEOUT_MS),
      // A dependency that stopped answering shows in `dependencies`; its version is then unknown.
      describePlatform(db, redis).catch(() => null),
      readStackManifest(redis).catch(() => null),
      readWorkerHeartbeats(redis).catch(() => []),
    ]);
    return { checkedAt: new Date().toISOString(), platform, dependencies, stack, workers };
  }),
});
