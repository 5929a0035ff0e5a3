// Jobs the refresher takes, by name: the live refresh of one product, and the sweep of popular
// products that enqueues low-priority refreshes. Payloads are checked at this trust boundary.
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import type { JobHandler } from '../platform/runtime';
import { refreshProduct, sweepPopular, marketGates } from './refresh.service';
import { REFRESH_PRODUCT_JOB, RefreshJobData, SWEEP_POPULAR_JOB, refreshQueue } from './refresh.queue';

function payload<T extends z.ZodType>(schema: T, job: Job): z.output<T> {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success)
    throw new UnrecoverableError(`job ${job.id ?? '?'} (${job.name}) has a bad payload: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const REFRESH_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [REFRESH_PRODUCT_JOB]: (job, rt) =>
    refreshProduct(
      {
        config: rt.config,
        db: rt.db,
        redis: rt.redis,
        gates: marketGates(rt.config),
      },
      payload(RefreshJobData, job),
    ),
  [SWEEP_POPULAR_JOB]: (_job, rt) => sweepPopular({ config: rt.config, redis: rt.redis, queue: refreshQueue(rt) }),
};
