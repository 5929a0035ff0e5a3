// Pricing: price history, freshness and margin rules.
export * from './price-history.schema';
export * from './refresh.jobs';
