import { describe, expect, it } from 'vitest';
import { breakerAllows, breakerFailed, breakerSucceeded, CLOSED, type BreakerState } from './circuit-breaker';

const OPTIONS = { failureThreshold: 3, openMs: 10_000 };

function failTimes(state: BreakerState, times: number, nowMs: number): BreakerState {
  for (let i = 0; i < times; i++) state = breakerFailed(state, nowMs, OPTIONS);
  return state;
}

describe('circuit breaker', () => {
  it('stays closed below the threshold, and a success resets the count', () => {
    let state = failTimes(CLOSED, 2, 0);
    expect(state).toEqual({ kind: 'closed', failures: 2 });
    state = breakerSucceeded(state);
    expect(failTimes(state, 2, 0)).toEqual({ kind: 'closed', failures: 2 });
  });

  it('opens at the threshold and refuses calls, saying for how long', () => {
    const open = failTimes(CLOSED, 3, 1_000);
    expect(open).toEqual({ kind: 'open', untilMs: 11_000 });
    expect(breakerAllows(open, 5_000)).toEqual({ allowed: false, state: open, retryInMs: 6_000 });
  });

  it('lets one probe through after the open period, and only one', () => {
    const open = failTimes(CLOSED, 3, 0);
    const probe = breakerAllows(open, 10_000);
    expect(probe).toEqual({ allowed: true, state: { kind: 'half-open' } });
    expect(breakerAllows(probe.state, 10_001).allowed).toBe(false);
  });

  it('closes when the probe succeeds and reopens for a full period when it fails', () => {
    const halfOpen: BreakerState = { kind: 'half-open' };
    expect(breakerSucceeded(halfOpen)).toEqual(CLOSED);
    expect(breakerFailed(halfOpen, 20_000, OPTIONS)).toEqual({ kind: 'open', untilMs: 30_000 });
  });

  it('ignores late failures while open', () => {
    const open: BreakerState = { kind: 'open', untilMs: 5_000 };
    expect(breakerFailed(open, 4_000, OPTIONS)).toBe(open);
  });
});
