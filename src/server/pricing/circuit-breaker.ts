// Circuit breaker of one marketplace, as a pure state machine (the clock is an argument):
// after `failureThreshold` consecutive failures it opens and refuses calls for `openMs`, so a
// marketplace that is down costs shoppers no waiting and gets no hammering; then one probe
// call is let through (half-open), whose outcome closes or reopens it.
export interface BreakerOptions {
  /** Consecutive failures that open the breaker. @defaultValue 5 (REFRESH_BREAKER_FAILURES) */
  readonly failureThreshold: number;
  /** How long it stays open. @defaultValue 10_000 (REFRESH_BREAKER_OPEN_MS) */
  readonly openMs: number;
}

export type BreakerState =
  | { readonly kind: 'closed'; readonly failures: number }
  | { readonly kind: 'open'; readonly untilMs: number }
  /** One probe is in flight; everything else is refused until it reports. */
  | { readonly kind: 'half-open' };

export const CLOSED: BreakerState = { kind: 'closed', failures: 0 };

export type BreakerDecision =
  | { readonly allowed: true; readonly state: BreakerState }
  | { readonly allowed: false; readonly state: BreakerState; readonly retryInMs: number };

/** May a call go out now? Moves open → half-open when the open period is over (that call is the probe). */
export function breakerAllows(state: BreakerState, nowMs: number): BreakerDecision {
  switch (state.kind) {
    case 'closed':
      return { allowed: true, state };
    case 'open':
      if (nowMs >= state.untilMs) return { allowed: true, state: { kind: 'half-open' } };
      return { allowed: false, state, retryInMs: state.untilMs - nowMs };
    case 'half-open':
      return { allowed: false, state, retryInMs: 0 };
  }
}

export function breakerSucceeded(_state: BreakerState): BreakerState {
  return CLOSED;
}

export function breakerFailed(state: BreakerState, nowMs: number, options: BreakerOptions): BreakerState {
  switch (state.kind) {
    case 'closed': {
      const failures = state.failures + 1;
      return failures >= options.failureThreshold ? { kind: 'open', untilMs: nowMs + options.openMs } : { kind: 'closed', failures };
    }
    case 'half-open':
      return { kind: 'open', untilMs: nowMs + options.openMs };
    case 'open':
      // A call let through before the breaker opened reports late: the open period stands.
      return state;
  }
}
