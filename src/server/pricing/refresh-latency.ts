// The refresher's marketplace-call durations over the last hour, as per-minute histograms: a
// bounded structure whatever the traffic (one Redis hash per minute, a field per bucket, expiring
// by itself), from which the operations page reads p50/p90/p99. Pure: keys, buckets, percentiles.

export const REFRESH_LATENCY_PREFIX = 'ds:refresh-latency:';

/** A minute's hash outlives the hour it is read over by a few minutes, then Redis drops it. */
export const REFRESH_LATENCY_TTL_S = 65 * 60;

export const LATENCY_WINDOW_MINUTES = 60;

/** A minute's key under `prefix` (the latency histograms', the source calls'). */
export function latencyMinuteKey(at: Date, prefix = REFRESH_LATENCY_PREFIX): string {
  return `${prefix}${Math.floor(at.getTime() / 60_000)}`;
}

/** The keys of the minutes in the window ending at `now`, oldest first. */
export function latencyWindowKeys(now: Date, minutes = LATENCY_WINDOW_MINUTES, prefix = REFRESH_LATENCY_PREFIX): string[] {
  const last = Math.floor(now.getTime() / 60_000);
  return Array.from({ length: minutes }, (_, i) => `${prefix}${last - minutes + 1 + i}`);
}

/**
 * A duration's bucket, named by its upper bound in ms: 1 ms wide up to 1 s (the refresh budget
 * lives there), 10 ms wide above. So a percentile is at most 1 ms (or 1 %) above the truth, and
 * a minute's hash holds at most a few thousand fields.
 */
export function latencyBucket(ms: number): number {
  const whole = Math.max(0, Math.ceil(ms));
  return whole <= 1000 ? whole : Math.ceil(whole / 10) * 10;
}

export interface LatencyPercentiles {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

/** Adds Redis hashes (bucket → count, as HGETALL returns them) into one histogram. */
export function mergeHistograms(hashes: readonly Record<string, string>[]): Map<number, number> {
  const merged = new Map<number, number>();
  for (const hash of hashes) {
    for (const [bucket, count] of Object.entries(hash)) {
      const b = Number(bucket);
      const n = Number(count);
      if (Number.isFinite(b) && Number.isInteger(n) && n > 0) merged.set(b, (merged.get(b) ?? 0) + n);
    }
  }
  return merged;
}

/** Nearest-rank percentiles of a histogram; null when it holds no sample. */
export function latencyPercentiles(histogram: ReadonlyMap<number, number>): LatencyPercentiles | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const count = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return null;
  const at = (p: number): number => {
    const rank = Math.max(1, Math.ceil((p / 100) * count));
    let seen = 0;
    for (const [bucket, n] of buckets) {
      seen += n;
      if (seen >= rank) return bucket;
    }
    return buckets[buckets.length - 1]![0];
  };
  return { count, p50: at(50), p90: at(90), p99: at(99) };
}
