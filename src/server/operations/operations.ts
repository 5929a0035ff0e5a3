// The operations page's figures, free of I/O: a market's recent scrape runs with their blocked
// rate, and the views of queues and failed jobs sent to the page (plain JSON).
import type { MarketCode } from '../../common/markets';
import type { ScrapeRun, ScrapeRunCounts } from '../scraping';
import type { LatencyPercentiles, SourceCallCounts } from '../pricing';
import type { SignalStats } from '../price-signals';

/** Share of fetched pages that ended as block pages, in per mille (integers); null with no page. */
export function blockedPerMille(counts: Pick<ScrapeRunCounts, 'pages' | 'blocked'>): number | null {
  // A blocked page may not count as handled, so the pages asked for are both together.
  const asked = counts.pages + counts.blocked;
  return asked === 0 ? null : Math.round((counts.blocked * 1000) / asked);
}

export interface ScrapeRunView {
  readonly id: string;
  readonly site: string;
  readonly kind: string;
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly counts: ScrapeRunCounts;
  readonly blockedPerMille: number | null;
  readonly error: string | null;
}

export interface MarketScrapes {
  readonly market: MarketCode;
  readonly runs: readonly ScrapeRunView[];
  /** Over the runs shown. */
  readonly blockedPerMille: number | null;
}

export function toMarketScrapes(market: MarketCode, runs: readonly ScrapeRun[]): MarketScrapes {
  const total = runs.reduce((sum, r) => ({ pages: sum.pages + r.counts.pages, blocked: sum.blocked + r.counts.blocked }), {
    pages: 0,
    blocked: 0,
  });
  return {
    market,
    runs: runs.map((r) => ({
      id: r._id,
      site: r.site,
      kind: r.kind,
      status: r.status,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      counts: r.counts,
      blockedPerMille: blockedPerMille(r.counts),
      error: r.error,
    })),
    blockedPerMille: blockedPerMille(total),
  };
}

/** The BullMQ states the page counts, in the order it shows them. */
export const JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueView {
  readonly queue: string;
  readonly counts: Readonly<Record<JobState, number>>;
}

export interface FailedJobView {
  readonly queue: string;
  readonly id: string;
  readonly name: string;
  readonly failedReason: string;
  readonly attemptsMade: number;
  readonly failedAt: string | null;
}

export interface OperationsView {
  readonly scrapes: readonly MarketScrapes[];
  readonly queues: readonly QueueView[];
  readonly failedJobs: readonly FailedJobView[];
  /** Marketplace-call durations of the refresher over the last hour; null with no refresh. */
  readonly refreshLatency: LatencyPercentiles | null;
  /** The refresher's calls per quote source over the last hour: how many gave a price, why the others did not. */
  readonly quoteSources: readonly SourceCallCounts[];
  /** The offer changes the marketplaces pushed over the last hour, by source and fate. */
  readonly signals: readonly SignalStats[];
  readonly readAt: string;
}
