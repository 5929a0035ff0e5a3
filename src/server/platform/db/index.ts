// Database: the MongoDB connection, how a collection is declared (its owner declares it: schema,
// indexes, shard key) and how declared indexes are created.
export * from './collections';
export * from './mongo';
