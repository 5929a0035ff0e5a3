// Jobs the purchase worker takes, by name: buy one order, and poll the suppliers for tracking.
// Payloads are checked at this trust boundary; each run logs one line for operators (the
// tracking poll's line, every TRACKING_POLL_MS, is the worker's periodic count).
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import type { JobHandler } from '../platform/runtime';
import { pollTracking, purchaseOrder, requeueStuckPurchases } from './purchase.service';
import { PURCHASE_ORDER_JOB, PurchaseJobData, purchaseQueue, TRACK_PURCHASES_JOB } from './purchase.queue';

export const PURCHASE_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [PURCHASE_ORDER_JOB]: async (job, rt) => {
    const parsed = PurchaseJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id ?? '?'} has a bad payload: ${z.prettifyError(parsed.error)}`);
    const outcome = await purchaseOrder(rt, { _id: parsed.data.orderId, customerId: parsed.data.customerId });
    const detail =
      outcome.kind === 'needs_attention' ? `: ${outcome.reason}` : outcome.kind === 'skipped' ? ` (order is ${outcome.status})` : '';
    console.log(`[purchaser] order ${parsed.data.orderId}: ${outcome.kind}${detail}`);
    return outcome;
  },
  [TRACK_PURCHASES_JOB]: async (_job, rt) => {
    const counts = await pollTracking(rt);
    const requeued = await requeueStuckPurchases(rt, purchaseQueue(rt));
    console.log(
      `[purchaser] tracking: ${counts.orders} order(s) polled, ${counts.shipped} shipped, ${counts.delivered} delivered, ` +
        `${counts.needsAttention} need attention, ${counts.errors} error(s); ${requeued} stuck purchase(s) enqueued again`,
    );
    return { ...counts, requeued };
  },
};
