// The refresher's gate in front of one marketplace: a rate limit, a cap on calls in flight and
// a circuit breaker. State lives in the refresher process (each process is polite on its own;
// N processes make N times the rate, which the settings account for). No I/O of its own: the
// call is handed in, and the clock can be.
import { breakerAllows, breakerFailed, breakerSucceeded, CLOSED, type BreakerOptions, type BreakerState } from './circuit-breaker';
import { fullBucket, takeToken, type RateOptions, type TokenBucket } from './rate-limit';
import { OfferCallError } from './offer-call-error';

export interface MarketGateOptions {
  readonly concurrency: number;
  readonly rate: RateOptions;
  readonly breaker: BreakerOptions;
  /** @defaultValue Date.now */
  readonly now?: () => number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A token bucket one waits on: the market gates hold one each, and a source whose limit is the
 * selling account's (SP-API: 0.5 calls a second for the four markets together) holds its own.
 */
export class RateLimiter {
  private bucket: TokenBucket;

  constructor(
    private readonly rate: RateOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = fullBucket(rate, now());
  }

  /**
   * Resolves, with the milliseconds it waited, once a call may start; fails as rate-limited when
   * `signal` (the budget) ends first, or at once when the next token is further than `maxWaitMs`
   * away: a limit as tight as SP-API's (a token every 2 s) would otherwise hold every caller for
   * its whole budget, only for one of them to get the token, and keep the others' pages waiting
   * for a "could not refresh" they could have had at once.
   */
  async take(signal: AbortSignal, maxWaitMs = Number.POSITIVE_INFINITY): Promise<number> {
    const asked = this.now();
    for (;;) {
      const taken = takeToken(this.bucket, this.now(), this.rate);
      this.bucket = taken.bucket;
      if (taken.ok) return this.now() - asked;
      if (taken.waitMs > maxWaitMs)
        throw new OfferCallError('rate-limited', `rate limit of the marketplace: the next call is ${taken.waitMs} ms away`);
      await sleep(taken.waitMs, signal).catch(() => {
        throw new OfferCallError('rate-limited', 'rate limit of the marketplace reached within the time budget');
      });
    }
  }
}

export class MarketGate {
  private breaker: BreakerState = CLOSED;
  private readonly limiter: RateLimiter;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly options: MarketGateOptions) {
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter(options.rate, this.now);
  }

  get breakerState(): BreakerState {
    return this.breaker;
  }

  /**
   * Runs `call` once the rate and the concurrency cap allow, unless the breaker is open or
   * `signal` (the refresh's time budget) ends first. Failures of the call feed the breaker.
   */
  async run<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    // Checked up front too, so that an open breaker costs no waiting for a token or a slot.
    if (this.breaker.kind === 'open' && this.now() < this.breaker.untilMs) throw this.circuitOpen(this.breaker.untilMs - this.now());
    await this.limiter.take(signal);
    await this.acquireSlot(signal);
    try {
      const decision = breakerAllows(this.breaker, this.now());
      this.breaker = decision.state;
      if (!decision.allowed) throw this.circuitOpen(decision.retryInMs);
      try {
        const result = await call();
        this.breaker = breakerSucceeded(this.breaker);
        return result;
      } catch (error) {
        if (!(error instanceof OfferCallError) || error.countsAgainstBreaker) {
          this.breaker = breakerFailed(this.breaker, this.now(), this.options.breaker);
        } else if (this.breaker.kind === 'half-open') {
          // The probe learned nothing about the marketplace's health: let the next call probe.
          this.breaker = { kind: 'open', untilMs: this.now() };
        }
        throw error;
      }
    } finally {
      this.releaseSlot();
    }
  }

  private circuitOpen(retryInMs: number): OfferCallError {
    return new OfferCallError('circuit-open', `marketplace circuit open, next try in ${Math.ceil(retryInMs / 1000)} s`);
  }

  private async acquireSlot(signal: AbortSignal): Promise<void> {
    if (this.inFlight < this.options.concurrency) {
      this.inFlight += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new OfferCallError('rate-limited', 'too many calls in flight to the marketplace within the time budget'));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
    // The slot is handed over by releaseSlot without decrementing, so inFlight already counts it.
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
  }
}
