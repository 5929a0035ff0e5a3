// How every BullMQ worker process runs: boots from the same configuration as the app,
// dispatches jobs by name to its capability's handlers, reports a heartbeat that operators
// (and the home page) read, and closes cleanly on SIGTERM so that no job is cut in half.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { loadConfigOrExit, type Config } from '../config';
import { ensureIndexes, type CollectionSpec } from '../db';
import { QUEUE_PREFIX } from '../queues';
import { createQueueRedis } from '../redis';
import { openRuntime, type Runtime } from './runtime';

export type JobHandler = (job: Job, runtime: Runtime) => Promise<unknown>;

/** A job's data checked at the trust boundary: a bad payload fails the job at once, never retried. */
export function jobPayload<T extends z.ZodType>(schema: T, job: Job): z.output<T> {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success)
    throw new UnrecoverableError(`job ${job.id ?? '?'} (${job.name}) has a bad payload: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface WorkerDefinition {
  /** Unique among running workers, e.g. `scraper-it`. */
  readonly name: string;
  readonly queue: string;
  /** Job name to handler; a job with another name fails at once, without retries. */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** The collections whose indexes it makes sure of before taking jobs: every worker passes them all (src/server/collections). */
  readonly collections: readonly CollectionSpec[];
  /** @defaultValue 1 */
  readonly concurrency?: number;
  /**
   * How long a job stays claimed without the worker renewing it; a worker that died is noticed
   * after this, and its job is taken again. @defaultValue 30_000 (BullMQ's)
   */
  readonly lockDurationMs?: number;
}

export const WORKER_HEARTBEAT_PREFIX = 'ds:workers:';
const HEARTBEAT_MS = 5_000;
/** How long a stopping worker waits for its active jobs; with cleanup, below `./stack`'s 10 s before SIGKILL. */
const CLOSE_GRACE_MS = 5_000;

export interface WorkerHeartbeat {
  readonly name: string;
  readonly queue: string;
  readonly pid: number;
  readonly startedAt: string;
  readonly seenAt: string;
  readonly completed: number;
  readonly failed: number;
  readonly active: number;
  readonly jobNames: readonly string[];
}

export async function readWorkerHeartbeats(redis: Redis): Promise<WorkerHeartbeat[]> {
  // SCAN, not KEYS: KEYS blocks Redis for the whole keyspace, cache and queues included.
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${WORKER_HEARTBEAT_PREFIX}*`, count: 500 })) keys.push(...(batch as string[]));
  if (keys.length === 0) return [];
  const values = await redis.mget(keys);
  return values
    .filter((v): v is string => v !== null)
    .map((v) => JSON.parse(v) as WorkerHeartbeat)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Opens the runtime, waiting for MongoDB and Redis as long as it takes: a worker started
 * beside a database that is still starting (or busy building an index) waits for it, as the
 * app does, instead of dying and leaving its queue unserved. A stop signal meanwhile exits.
 */
async function openRuntimeWhenReachable(config: Config, name: string): Promise<Runtime> {
  const exitNow = () => process.exit(0);
  process.once('SIGTERM', exitNow);
  process.once('SIGINT', exitNow);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await openRuntime(config, name);
      } catch (error) {
        const delayMs = Math.min(1_000 * 2 ** (attempt - 1), 10_000);
        console.error(`[${name}] MongoDB or Redis not reachable yet (${(error as Error).message}); trying again in ${delayMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  } finally {
    process.off('SIGTERM', exitNow);
    process.off('SIGINT', exitNow);
  }
}

export async function runWorker(definition: WorkerDefinition): Promise<void> {
  const config = loadConfigOrExit();
  const rt = await openRuntimeWhenReachable(config, definition.name);
  await ensureIndexes(rt.db, definition.collections);
  const connection = createQueueRedis({ url: config.REDIS_URL, timeoutMs: config.REDIS_TIMEOUT_MS, name: definition.name });
  const counts = { completed: 0, failed: 0, active: 0 };
  const startedAt = new Date().toISOString();

  const worker = new Worker(
    definition.queue,
    async (job) => {
      const handler = definition.handlers[job.name];
      if (!handler) {
        throw new UnrecoverableError(
          `${definition.name} has no handler for job "${job.name}" (knows: ${Object.keys(definition.handlers).join(', ') || 'none yet'})`,
        );
      }
      return handler(job, rt);
    },
    {
      connection,
      prefix: QUEUE_PREFIX,
      concurrency: definition.concurrency ?? 1,
      lockDuration: definition.lockDurationMs ?? 30_000,
      stalledInterval: definition.lockDurationMs ?? 30_000,
    },
  );
  worker.on('active', () => (counts.active += 1));
  worker.on('completed', () => {
    counts.active -= 1;
    counts.completed += 1;
  });
  worker.on('failed', (job, error) => {
    if (job) counts.active -= 1;
    counts.failed += 1;
    console.error(`[${definition.name}] job ${job?.id ?? '?'} (${job?.name ?? '?'}) failed: ${error.message}`);
  });
  worker.on('error', (error) => console.error(`[${definition.name}] ${error.message}`));

  const key = `${WORKER_HEARTBEAT_PREFIX}${definition.name}`;
  const beat = async () => {
    const heartbeat: WorkerHeartbeat = {
      name: definition.name,
      queue: definition.queue,
      pid: process.pid,
      startedAt,
      seenAt: new Date().toISOString(),
      ...counts,
      jobNames: Object.keys(definition.handlers),
    };
    // Expires after three missed beats, so a dead worker disappears from the list.
    await rt.redis.set(key, JSON.stringify(heartbeat), 'PX', HEARTBEAT_MS * 3).catch(() => undefined);
  };
  await beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  console.log(`[${definition.name}] waiting for jobs on queue ${definition.queue}`);

  const stop = async (signal: string) => {
    console.log(`[${definition.name}] ${signal}: finishing active jobs (up to ${CLOSE_GRACE_MS / 1000} s), then exiting`);
    clearInterval(timer);
    // Whatever still holds the process after the grace period (a request in flight, a socket)
    // must not outlive the supervisor's patience either.
    setTimeout(() => process.exit(0), CLOSE_GRACE_MS + 2_000).unref();
    // A crawl can run for minutes; a supervisor will not wait that long. Past the grace period
    // the worker lets go, and the job, whose lock then expires, is taken again later: jobs are
    // idempotent, so a cut one is repeated, never half-applied.
    const graceful = worker.close().then(() => true);
    const inTime = await Promise.race([graceful, new Promise<boolean>((r) => setTimeout(() => r(false), CLOSE_GRACE_MS).unref())]);
    if (!inTime) await worker.close(true);
    await rt.redis.del(key).catch(() => undefined);
    await connection.quit().catch(() => undefined);
    await rt.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
