// Every MongoDB collection, declared once: its name, its document schema, its indexes and
// its shard key. The application creates the indexes from this table at start, and the
// cluster init script (infra/mongo-cluster) shards each collection from the same table.
import type { Collection, Db } from 'mongodb';
import type { z } from 'zod';

export type IndexKey = Record<string, 1 | -1>;

export interface IndexSpec {
  readonly name: string;
  readonly key: IndexKey;
  readonly unique?: boolean;
  readonly expireAfterSeconds?: number;
  readonly partialFilterExpression?: Record<string, unknown>;
}

/** `hashed` spreads writes evenly; it exists only on the real cluster, where the init script creates it. */
export type ShardKey = Record<string, 1 | 'hashed'>;

/** An index as createIndexes takes it; `hashed` only for a shard key's own index, which the cluster init adds. */
export interface IndexDefinition extends Omit<IndexSpec, 'key'> {
  readonly key: Readonly<Record<string, 1 | -1 | 'hashed'>>;
}

/** MongoDB's rule: the index starts with the shard key's fields, same kind, and covers every document. */
export function supportsShardKey(index: IndexDefinition, shardKey: ShardKey): boolean {
  if (index.partialFilterExpression !== undefined) return false;
  const indexFields = Object.entries(index.key);
  return Object.entries(shardKey).every(([field, kind], position) => {
    const indexField = indexFields[position];
    return indexField !== undefined && indexField[0] === field && indexField[1] === kind;
  });
}

export interface CollectionSpec<S extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly schema: S;
  /** Only plain ascending/descending keys: no text, hashed or wildcard index (SecantusDB has none). */
  readonly indexes: readonly IndexSpec[];
  readonly shardKey: ShardKey;
  /** Why this key: the queries it routes and the writes it spreads. */
  readonly shardKeyReason: string;
}

/** A collection's declaration; its owner declares it beside its schema (src/server/collections assembles them). */
export function collection<S extends z.ZodObject>(spec: CollectionSpec<S>): CollectionSpec<S> {
  return spec;
}

/**
 * What an owner's store functions take from their callers: the database, not a collection, so
 * that only the owner holds its collections' handles (collectionIn) and every read or write of
 * them goes through its functions. The runtime is one.
 */
export interface DbHandle {
  readonly db: Db;
  /** A driver Collection carries its `db` too: this keeps one from being passed as a handle. */
  readonly namespace?: never;
}

/** The typed handle of a declared collection, for its owner's stores only: never exported from the owner's face. */
export function collectionIn<S extends z.ZodObject>(spec: CollectionSpec<S>): (rt: DbHandle) => Collection<z.infer<S>> {
  return (rt) => rt.db.collection<z.infer<S>>(spec.name);
}
