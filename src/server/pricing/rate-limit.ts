// Token bucket: at most `ratePerS` calls a second on average, bursts up to `burst`. Pure: the
// refresher's market gate keeps one bucket per marketplace and passes the clock in.
export interface TokenBucket {
  readonly tokens: number;
  readonly updatedMs: number;
}

export interface RateOptions {
  readonly ratePerS: number;
  readonly burst: number;
}

export function fullBucket(options: RateOptions, nowMs: number): TokenBucket {
  return { tokens: options.burst, updatedMs: nowMs };
}

/** Takes one token if there is one; otherwise says how long until there is. */
export function takeToken(
  bucket: TokenBucket,
  nowMs: number,
  options: RateOptions,
): { ok: true; bucket: TokenBucket } | { ok: false; bucket: TokenBucket; waitMs: number } {
  const elapsedMs = Math.max(0, nowMs - bucket.updatedMs);
  const tokens = Math.min(options.burst, bucket.tokens + (elapsedMs * options.ratePerS) / 1000);
  if (tokens >= 1) return { ok: true, bucket: { tokens: tokens - 1, updatedMs: nowMs } };
  return { ok: false, bucket: { tokens, updatedMs: nowMs }, waitMs: Math.ceil(((1 - tokens) * 1000) / options.ratePerS) };
}
