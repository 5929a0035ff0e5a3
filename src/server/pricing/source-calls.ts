// The refresher's calls per quote source over the last hour, for the operations page: how many,
// how many gave a price, why the others did not (a rate limit that gave no slot in time, an open
// breaker, a block page, a timeout …), and how many waited for a rate limit or a free slot first,
// and how long. One Redis hash per minute, a field per source and outcome (and the waits'),
// expiring by itself like the latency histograms. Pure: fields and the summary.
import type { QuoteSource } from '../catalog';
import type { OfferCallFailure } from './offer-call-error';

export const SOURCE_CALLS_PREFIX = 'ds:refresh-sources:';

/** One call to a source, as a refresh made it. */
export interface SourceCall {
  readonly source: QuoteSource;
  readonly outcome: 'ok' | OfferCallFailure;
  /** Before it was sent (or gave up): waiting for the market's or the source's rate limit, or a free slot. */
  readonly waitedMs: number;
}

/** A wait shorter than this is the event loop's, not a limit's. */
const WAIT_NOTICED_MS = 5;
const WAITED = 'waited';
const WAITED_MS = 'waited-ms';

export interface SourceCallCounts {
  readonly source: string;
  readonly calls: number;
  readonly ok: number;
  /** Failures by kind, most frequent first. */
  readonly failures: readonly { readonly kind: string; readonly count: number }[];
  /** Calls that waited for a rate limit or a slot first, and their mean wait. */
  readonly waits: { readonly count: number; readonly meanMs: number | null };
}

/** The hash fields a call adds to, and by how much. */
export function sourceCallFields(call: SourceCall): readonly (readonly [string, number])[] {
  const outcome = [`${call.source}|${call.outcome}`, 1] as const;
  if (call.waitedMs < WAIT_NOTICED_MS) return [outcome];
  return [outcome, [`${call.source}|${WAITED}`, 1], [`${call.source}|${WAITED_MS}`, Math.round(call.waitedMs)]];
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
        .filter(([kind]) => kind !== 'ok' && kind !== WAITED && kind !== WAITED_MS)
        .map(([kind, count]) => ({ kind, count }))
        .sort((a, b) => b.count - a.count);
      const waited = outcomes.get(WAITED) ?? 0;
      const waits = { count: waited, meanMs: waited > 0 ? Math.round((outcomes.get(WAITED_MS) ?? 0) / waited) : null };
      return { source, calls: ok + failures.reduce((sum, f) => sum + f.count, 0), ok, failures, waits };
    })
    .sort((a, b) => a.source.localeCompare(b.source));
}
