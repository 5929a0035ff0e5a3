// Outbox: effects recorded by a write and carried out idempotently by a worker, which is how
// a change that needs a follow-up (a message, a purchase job) survives a crash between the two
// steps without a multi-document transaction. The drainer claims entries one by one with a lease.
export * from './outbox.schema';
export * from './outbox-topics';
export * from './outbox.store';
export * from './outbox-drain';
export * from './outbox-drain.service';
export * from './outbox.queue';
export { OUTBOX } from './outbox.collection';
