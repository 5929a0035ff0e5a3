// Reads for the operations page (recent scrape runs per market, every queue's job counts and
// failed jobs, the refresher's latency and the pushed prices over the last hour) and the one action it offers: retry
// a failed job, audited. Queues are opened on the runtime's Redis connection: counts, listings
// and retries are plain commands, never the blocking ones a worker needs a connection of its own for.
import { refuse, type Outcome } from '../platform/refusal';
import { Queue } from 'bullmq';
import { z } from 'zod';
import { recordAudit } from '../backoffice';
import { MARKET_CODES } from '../../common/markets';
import { readRefreshLatency, readSourceCalls } from '../pricing';
import { ALL_QUEUES, QUEUE_PREFIX } from '../platform/queues';
import type { Runtime } from '../platform/runtime';
import { JOB_STATES, toMarketScrapes, type FailedJobView, type JobState, type OperationsView, type QueueView } from './operations';
import { recentScrapeRuns } from '../scraping';
import { signalStats } from '../price-signals';

export const RetryJobInput = z.object({
  queue: z.enum(ALL_QUEUES as [string, ...string[]]),
  jobId: z.string().trim().min(1, 'jobId: which job?').max(200),
});

const RUNS_PER_MARKET = 10;
const FAILED_PER_QUEUE = 20;

const queuesByRuntime = new WeakMap<Runtime, Map<string, Queue>>();

function queueOf(rt: Runtime, name: string): Queue {
  let queues = queuesByRuntime.get(rt);
  if (!queues) {
    queues = new Map();
    queuesByRuntime.set(rt, queues);
  }
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: rt.redis, prefix: QUEUE_PREFIX });
    queues.set(name, queue);
  }
  return queue;
}

export async function operationsOverview(rt: Runtime, now = new Date()): Promise<OperationsView> {
  const [scrapes, queues, failed, refreshLatency, quoteSources, signals] = await Promise.all([
    Promise.all(MARKET_CODES.map(async (market) => toMarketScrapes(market, await recentScrapeRuns(rt, market, RUNS_PER_MARKET)))),
    Promise.all(
      ALL_QUEUES.map(async (name): Promise<QueueView> => {
        const counts = await queueOf(rt, name).getJobCounts(...JOB_STATES);
        return { queue: name, counts: Object.fromEntries(JOB_STATES.map((s) => [s, counts[s] ?? 0])) as Record<JobState, number> };
      }),
    ),
    Promise.all(
      ALL_QUEUES.map(async (name): Promise<FailedJobView[]> => {
        const jobs = await queueOf(rt, name).getFailed(0, FAILED_PER_QUEUE - 1);
        return jobs.flatMap((job) =>
          job?.id
            ? [
                {
                  queue: name,
                  id: job.id,
                  name: job.name,
                  failedReason: job.failedReason ?? '',
                  attemptsMade: job.attemptsMade,
                  failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
                },
              ]
            : [],
        );
      }),
    ),
    readRefreshLatency(rt.redis, now),
    readSourceCalls(rt.redis, now),
    signalStats(rt.redis, now),
  ]);
  return { scrapes, queues, failedJobs: failed.flat(), refreshLatency, quoteSources, signals, readAt: now.toISOString() };
}

export type RetryResult = Outcome;

/** Moves a failed job back to waiting; the job handlers are idempotent, so a second run is safe. */
export async function retryFailedJob(
  rt: Runtime,
  input: z.infer<typeof RetryJobInput>,
  agent: { id: string; email: string },
  now = new Date(),
): Promise<RetryResult> {
  const job = await queueOf(rt, input.queue).getJob(input.jobId);
  if (!job) return refuse('not_found', `no job ${input.jobId} in ${input.queue}`);
  const state = await job.getState();
  if (state !== 'failed') return refuse('conflict', `job ${input.jobId} is ${state}, not failed`);
  await job.retry('failed');
  await recordAudit(rt, {
    actor: { kind: 'agent', id: agent.id, email: agent.email },
    action: 'job.retried',
    entity: { kind: 'job', id: `${input.queue}/${input.jobId}` },
    before: { state, failedReason: job.failedReason ?? null, attemptsMade: job.attemptsMade },
    after: { state: 'waiting' },
    at: now,
  });
  return { ok: true };
}
