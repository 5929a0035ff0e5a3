// Database: the MongoDB connection, the declared collections with their indexes and shard
// keys, and application-generated ids.
export * from './collections';
export * from './mongo';
export * from './ids';
