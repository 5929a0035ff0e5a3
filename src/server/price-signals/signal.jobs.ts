// The job the refresher takes for a pushed price: the signal, checked at this trust boundary, applied.
import { jobPayload, type JobHandler } from '../platform/runtime';
import { refreshQueue } from '../pricing';
import { PriceSignal } from './signal-formats';
import { applyPriceSignal, PRICE_SIGNAL_JOB } from './signal.service';

export const SIGNAL_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [PRICE_SIGNAL_JOB]: (job, rt) =>
    applyPriceSignal({ config: rt.config, db: rt.db, redis: rt.redis, queue: refreshQueue(rt) }, jobPayload(PriceSignal, job)),
};
