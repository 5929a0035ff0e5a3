// Outbox: effects recorded by a write and drained idempotently by a worker.
export * from './outbox.schema';
