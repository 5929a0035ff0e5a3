// Why a call for a source offer did not produce a price. The kind decides two things, in one
// place: whether the failure counts against the marketplace's circuit breaker, and the words
// the page shows after "could not refresh".
export type OfferCallFailure =
  | 'timeout'
  | 'http-error'
  | 'network'
  | 'invalid-answer'
  | 'not-found'
  | 'circuit-open'
  | 'rate-limited'
  | 'not-configured'
  /** The shop answered its block page or a captcha instead of the product page. */
  | 'blocked';

/**
 * Failures that say the marketplace is unwell, or will not have us for now (a block page: the
 * open breaker rests the site, as a block rests it for the scrapers); the others are about us or
 * the one product.
 */
const BREAKER_FAILURES: ReadonlySet<OfferCallFailure> = new Set(['timeout', 'http-error', 'network', 'invalid-answer', 'blocked']);

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
