import { describe, expect, it } from 'vitest';
import { MarketGate, RateLimiter } from './market-gate';
import { OfferCallError } from './offer-call-error';

const never = new AbortController().signal;

function gate(now: { ms: number }, concurrency = 2) {
  return new MarketGate({
    concurrency,
    rate: { ratePerS: 1000, burst: 1000 },
    breaker: { failureThreshold: 2, openMs: 1000 },
    now: () => now.ms,
  });
}

const fail =
  (kind: ConstructorParameters<typeof OfferCallError>[0] = 'http-error') =>
  () =>
    Promise.reject(new OfferCallError(kind, 'x'));

describe('MarketGate', () => {
  it('opens the breaker after consecutive marketplace failures and refuses without calling', async () => {
    const now = { ms: 0 };
    const g = gate(now);
    await expect(g.run(fail(), never)).rejects.toThrow('http-error');
    await expect(g.run(fail('timeout'), never)).rejects.toThrow('timeout');
    let called = false;
    await expect(
      g.run(async () => {
        called = true;
      }, never),
    ).rejects.toMatchObject({ kind: 'circuit-open' });
    expect(called).toBe(false);
    now.ms = 1000;
    await expect(g.run(async () => 'ok', never)).resolves.toBe('ok');
    expect(g.breakerState).toEqual({ kind: 'closed', failures: 0 });
  });

  it('does not count a missing product against the marketplace', async () => {
    const g = gate({ ms: 0 });
    for (let i = 0; i < 5; i++) await expect(g.run(fail('not-found'), never)).rejects.toThrow();
    expect(g.breakerState.kind).toBe('closed');
  });

  it('caps calls in flight and lets a waiting call go when one finishes', async () => {
    const g = gate({ ms: 0 }, 1);
    let release!: () => void;
    const first = g.run(() => new Promise<string>((r) => (release = () => r('first'))), never);
    let secondStarted = false;
    const second = g.run(async () => {
      secondStarted = true;
      return 'second';
    }, never);
    await new Promise((r) => setTimeout(r, 10));
    expect(secondStarted).toBe(false);
    release();
    await expect(Promise.all([first, second])).resolves.toEqual(['first', 'second']);
  });

  it('gives up waiting for a slot when the time budget ends', async () => {
    const g = gate({ ms: 0 }, 1);
    let release!: () => void;
    const first = g.run(() => new Promise<void>((r) => (release = r)), never);
    await expect(g.run(async () => 'late', AbortSignal.timeout(20))).rejects.toMatchObject({ kind: 'rate-limited' });
    release();
    await first;
    await expect(g.run(async () => 'after', never)).resolves.toBe('after');
  });
});

describe('RateLimiter', () => {
  it('says at once when the next token is further away than the caller will wait, and says how far', async () => {
    const now = { ms: 0 };
    const account = new RateLimiter({ ratePerS: 0.5, burst: 1 }, () => now.ms);
    expect(await account.take(never, 250)).toBe(0);
    await expect(account.take(never, 250)).rejects.toMatchObject({ kind: 'rate-limited', message: expect.stringMatching(/2000 ms away/) });
    // Shortly before the next token, a caller waits for it (the clock moves on while it sleeps).
    now.ms = 1_900;
    const waited = account.take(never, 250);
    now.ms = 2_000;
    expect(await waited).toBe(100);
  });
});
