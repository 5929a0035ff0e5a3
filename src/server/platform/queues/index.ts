// Queues: the names of every BullMQ queue and the prefix they share.
export * from './queues';
