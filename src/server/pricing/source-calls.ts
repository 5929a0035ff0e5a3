// The refresher's calls per quote source over the last hour, for the operations page: how many,
// how many gave a price, and why the others did not (a rate limit that gave no slot in time, an
// open breaker, a block page, a timeout …). One Redis hash per minute, a field per source and
// outcome, expiring by itself like the latency histograms. Pure: fields and the summary.
import type { QuoteSource } from '../catalog';
import type { OfferCallFailure } from './offer-call-error';

export const SOURCE_CALLS_PREFIX = 'ds:refresh-sources:';

/** One call to a source, as a refresh made it. */
export interface SourceCall {
  readonly source: QuoteSource;
  readonly outcome: 'ok' | OfferCallFailure;
}

export interface SourceCallCounts {
  readonly source: string;
  readonly calls: number;
  readonly ok: number;
  /** Failures by kind, most frequent first. */
  readonly failures: readonly { readonly kind: string; readonly count: number }[];
}

export function sourceCallField(call: SourceCall): string {
  return `${call.source}|${call.outcome}`;
}

/** Adds the minutes' hashes (field → count, as HGETALL returns them) into counts per source. */
export function sourceCallCounts(hashes: readonly Record<string, string>[]): SourceCallCounts[] {
  const bySource = new Map<string, Map<string, number>>();
  for (const hash of hashes)
    for (const [field, count] of Object.entries(hash)) {
      const [source, outcome] = field.split('|') as [string, string];
      const outcomes = bySource.get(source) ?? new Map<string, number>();
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + Number(count));
      bySource.set(source, outcomes);
    }
  return [...bySource.entries()]
    .map(([source, outcomes]) => {
      const ok = outcomes.get('ok') ?? 0;
      const failures = [...outcomes.entries()]
        .filter(([kind]) => kind !== 'ok')
        .map(([kind, count]) => ({ kind, count }))
        .sort((a, b) => b.count - a.count);
      return { source, calls: ok + failures.reduce((sum, f) => sum + f.count, 0), ok, failures };
    })
    .sort((a, b) => a.source.localeCompare(b.source));
}
