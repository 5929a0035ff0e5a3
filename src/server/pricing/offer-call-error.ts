// Why a call for a source offer did not produce a price. The kind decides two things, in one
// place: whether the failure counts against the marketplace's circuit breaker, and the words
// the page shows after "could not refresh".
export type OfferCallFailure =
  'timeout' | 'http-error' | 'network' | 'invalid-answer' | 'not-found' | 'circuit-open' | 'rate-limited' | 'not-configured';

/** Failures that say the marketplace is unwell; the others are about us or the one product. */
const BREAKER_FAILURES: ReadonlySet<OfferCallFailure> = new Set(['timeout', 'http-error', 'network', 'invalid-answer']);

export class OfferCallError extends Error {
  constructor(
    readonly kind: OfferCallFailure,
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'OfferCallError';
  }

  get countsAgainstBreaker(): boolean {
    return BREAKER_FAILURES.has(this.kind);
  }
}
