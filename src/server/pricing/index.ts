// Pricing: margin rules, freshness policy, the live refresh of source offers (refresher jobs,
// market gates with rate limit and circuit breaker), price history, and the product page's
// read path with its live price subscription.
export * from './price-history.schema';
export * from './refresh.jobs';
export * from './margin';
export * from './freshness';
export * from './circuit-breaker';
export * from './offer-call-error';
export * from './live-price.schema';
export * from './live-price';
export * from './live-price.store';
export * from './refresh.queue';
export * from './refresh.service';
export * from './pushed-quote';
export * from './push-channels';
export * from './refresh-latency';
export * from './refresh-latency.store';
export * from './source-calls';
export * from './price-check.service';
export * from './marketplace-offer.client';
export * from './price-history.store';
export { PRICE_HISTORY } from './price-history.collection';
export * from './popularity.store';
export { MarketGate, RateLimiter } from './market-gate';
