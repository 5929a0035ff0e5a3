// Jobs the purchase worker takes, by name: buy one order, and poll the suppliers for tracking.
// Payloads are checked at this trust boundary; each run logs one line for operators (the
// tracking poll's line, every TRACKING_POLL_MS, is the worker's periodic count).
import { jobPayload, type JobHandler } from '../platform/runtime';
import { pollTracking, purchaseOrder, requeueStuckPurchases } from './purchase.service';
import { PURCHASE_ORDER_JOB, PurchaseJobData, purchaseQueue, TRACK_PURCHASES_JOB } from './purchase.queue';

export const PURCHASE_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [PURCHASE_ORDER_JOB]: async (job, rt) => {
    const data = jobPayload(PurchaseJobData, job);
    const outcome = await purchaseOrder(rt, { _id: data.orderId, customerId: data.customerId });
    const detail =
      outcome.kind === 'needs_attention' ? `: ${outcome.reason}` : outcome.kind === 'skipped' ? ` (order is ${outcome.status})` : '';
    console.log(`[purchaser] order ${data.orderId}: ${outcome.kind}${detail}`);
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
