// The outbox queue carries one repeatable job, the drain: BullMQ gives it the worker's
// heartbeat, clean stops and the operations page's view, and each run drains what is due.
import type { Queue } from 'bullmq';
import type { JobHandler } from '../platform/runtime';
import { drainOutbox, type EffectHandlers } from './outbox-drain.service';
import { outboxBacklog } from './outbox.store';

export const DRAIN_OUTBOX_JOB = 'drain-outbox';

export async function scheduleDrain(queue: Queue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    DRAIN_OUTBOX_JOB,
    { every: everyMs },
    { name: DRAIN_OUTBOX_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  );
}

/** How often the drainer logs the backlog even when it had nothing to do. */
const BACKLOG_REPORT_MS = 60_000;

export function drainJobHandlers(handlers: EffectHandlers): Readonly<Record<string, JobHandler>> {
  let reportedAt = 0;
  return {
    [DRAIN_OUTBOX_JOB]: async (_job, rt) => {
      const counts = await drainOutbox(rt, handlers);
      const worked = counts.done + counts.retried + counts.failed > 0;
      if (worked || Date.now() - reportedAt >= BACKLOG_REPORT_MS) {
        const backlog = await outboxBacklog(rt);
        console.log(
          `[outbox] drained: ${counts.done} done, ${counts.retried} to retry, ${counts.failed} failed; backlog: ${backlog.pending} pending, ${backlog.failed} failed`,
        );
        reportedAt = Date.now();
      }
      return counts;
    },
  };
}
