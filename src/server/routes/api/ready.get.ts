// Readiness: 200 when MongoDB and Redis both answer in time, else 503 naming what failed,
// so a load balancer stops sending shoppers to a process that cannot serve them. Never a
// 500: a configuration or connection failure is reported as not ready, with its reason.
import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3';
import { checkDependencies, describeRuntimeFailure, failedDependency, withTimeout } from '../../system';
import { runtime } from '../../platform/runtime';

/** Budget for each dependency's ping, and for opening the connections on first use. */
const CHECK_TIMEOUT_MS = 2000;
const OPEN_TIMEOUT_MS = 5000;

export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  try {
    const { db, redis } = await withTimeout(runtime(), OPEN_TIMEOUT_MS, 'connecting to MongoDB and Redis');
    const checks = await checkDependencies(db, redis, CHECK_TIMEOUT_MS);
    const failed = checks.filter((check) => !check.ok);
    if (failed.length > 0) setResponseStatus(event, 503);
    return {
      status: failed.length === 0 ? ('ready' as const) : ('unavailable' as const),
      failed: failed.map((check) => check.name),
      checks,
    };
  } catch (error) {
    setResponseStatus(event, 503);
    const failed = failedDependency(error);
    return { status: 'unavailable' as const, failed: failed ? [failed] : [], checks: [], error: describeRuntimeFailure(error) };
  }
});
