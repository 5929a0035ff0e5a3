// Jobs the refresher takes, by name: the live refresh of one product, and the sweep of popular
// products that enqueues low-priority refreshes. Payloads are checked at this trust boundary.
import { jobPayload, type JobHandler } from '../platform/runtime';
import type { Config } from '../platform/config';
import { refreshProduct, sweepPopular, marketGates, offerApiQuotes, type QuoteFetcher } from './refresh.service';
import { REFRESH_PRODUCT_JOB, RefreshJobData, SWEEP_POPULAR_JOB, refreshQueue } from './refresh.queue';

/** The refresher's handlers, asking prices where `quotes` says (each market's offer API by default). */
export function refreshHandlers(quotes: (config: Config) => QuoteFetcher = offerApiQuotes): Readonly<Record<string, JobHandler>> {
  return {
    [REFRESH_PRODUCT_JOB]: (job, rt) =>
      refreshProduct(
        {
          config: rt.config,
          db: rt.db,
          redis: rt.redis,
          gates: marketGates(rt.config),
          fetchQuote: quotes(rt.config),
        },
        jobPayload(RefreshJobData, job),
      ),
    [SWEEP_POPULAR_JOB]: (_job, rt) => sweepPopular({ config: rt.config, redis: rt.redis, queue: refreshQueue(rt) }),
  };
}

export const REFRESH_HANDLERS = refreshHandlers();
