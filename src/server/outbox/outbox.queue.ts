// The outbox queue carries one repeatable job, the drain: BullMQ gives it the worker's
// heartbeat, clean stops and the operations page's view, and each run drains what is due.
import type { Queue } from 'bullmq';
import type { JobHandler } from '../runtime/worker';
import { drainOutbox, type EffectHandlers } from './outbox-drain.service';

export const DRAIN_OUTBOX_JOB = 'drain-outbox';

export async function scheduleDrain(queue: Queue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(DRAIN_OUTBOX_JOB, { every: everyMs }, { name: DRAIN_OUTBOX_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } });
}

export function drainJobHandlers(handlers: EffectHandlers): Readonly<Record<string, JobHandler>> {
  return {
    [DRAIN_OUTBOX_JOB]: async (_job, rt) => {
      const counts = await drainOutbox(rt, handlers);
      if (counts.done + counts.retried + counts.failed > 0) {
        console.log(`[outbox] drained: ${counts.done} done, ${counts.retried} to retry, ${counts.failed} failed`);
      }
      return counts;
    },
  };
}
