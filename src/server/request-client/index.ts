// The request's client: its address and protocol, as every rate limit and cookie sees them.
export * from './request-client';
