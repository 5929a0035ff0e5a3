// The MongoDB connection and the creation of declared indexes. Nothing else in the
// code opens a MongoClient, so timeouts and the database name are decided here once.
import { MongoClient, MongoServerError, type Collection, type Db, type Document } from 'mongodb';
import { supportsShardKey, type CollectionSpec, type IndexDefinition, type ShardKey } from './collections';

export const DEFAULT_DB_NAME = 'digitalsales';

/** MongoDB's error code for a write refused by a unique index (SecantusDB answers the same). */
export const DUPLICATE_KEY = 11000;

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

export interface MongoOptions {
  readonly url: string;
  readonly timeoutMs: number;
  readonly appName?: string;
}

export async function connectMongo(options: MongoOptions): Promise<MongoClient> {
  const client = new MongoClient(options.url, {
    appName: options.appName ?? 'digitalsales',
    serverSelectionTimeoutMS: options.timeoutMs,
    connectTimeoutMS: options.timeoutMs,
    socketTimeoutMS: Math.max(options.timeoutMs * 6, 30_000),
    // Retried writes are not de-duplicated by the embedded server; our writes are idempotent
    // by design instead, which the real cluster needs anyway.
    retryWrites: false,
  });
  await client.connect();
  return client;
}

/** Replaces the database name in a MongoDB URL, keeping hosts and options. */
export function withDatabase(url: string, dbName: string): string {
  // Not `new URL`: a MongoDB URL may list several hosts, which WHATWG URLs refuse.
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error(`not a MongoDB URL: ${url}`);
  return `${match[1]}/${dbName}${match[2] ?? ''}`;
}

/** The database named in the URL's path, else `digitalsales`. */
export function databaseOf(client: MongoClient): Db {
  const named = client.options.dbName;
  return client.db(named && named !== 'test' ? named : DEFAULT_DB_NAME);
}

/** MongoDB's refusals of an index whose name or key another index already holds with other options (SecantusDB answers the same). */
const INDEX_CONFLICTS = new Set(['IndexOptionsConflict', 'IndexKeySpecsConflict']); // codes 85 and 86

/**
 * Creates the declared indexes that are missing; running it again is a no-op that sends no
 * createIndexes at all. Every process runs this at start, the app and the workers together,
 * and SecantusDB serialises concurrent index creations through write-conflict retries (seen
 * holding it for 41 s over 100,000 products). The declaration is the truth: an index that exists
 * under a declared name with another key or options is rebuilt (how a changed declaration
 * reaches a database made before it), and one no longer declared is dropped, since it would
 * still cost every write; never `_id` or the shard key's own (see syncIndexes). Returns how many
 * indexes were created.
 */
export async function ensureIndexes(
  db: Db,
  specs: readonly CollectionSpec[],
  onRebuild: (message: string) => void = (message) => console.warn(message),
): Promise<number> {
  let created = 0;
  for (const spec of specs) {
    if (spec.indexes.length > 0) created += await syncIndexes(db.collection(spec.name), spec, onRebuild);
  }
  return created;
}

/**
 * ensureIndexes for one collection, also what the cluster init runs through the routers (with
 * the shard key's own index among `indexes`). The index that supports the shard key is kept even
 * when not declared: the app never declares a hashed one (the embedded server cannot build it),
 * the cluster cannot route without it, and MongoDB refuses to drop it. An index a concurrent
 * process created between the listing and the creation makes the server refuse the creation as a
 * conflict (IndexOptionsConflict for a declared key under another name, IndexKeySpecsConflict for
 * a declared name with another key): the index holding the key is dropped and all is done again.
 */
export async function syncIndexes(
  collection: Collection,
  spec: { readonly indexes: readonly IndexDefinition[]; readonly shardKey: ShardKey },
  onRebuild: (message: string) => void,
): Promise<number> {
  const where = collection.collectionName;
  for (let attempt = 1; ; attempt++) {
    const existing = await listIndexes(collection);
    const toCreate: IndexDefinition[] = [];
    for (const index of spec.indexes) {
      const found = existing.find((e) => e['name'] === index.name);
      if (found && sameIndex(found, index)) continue;
      if (found) {
        onRebuild(`rebuilding index ${where}.${index.name}: its key or options differ from the declaration`);
        await collection.dropIndex(index.name);
      }
      toCreate.push(index);
    }
    for (const index of existing) {
      const name = String(index['name']);
      if (name === '_id_' || spec.indexes.some((declared) => declared.name === name)) continue;
      if (supportsShardKey({ name, key: index['key'] as IndexDefinition['key'] }, spec.shardKey)) continue;
      onRebuild(`dropping index ${where}.${name}: no longer declared`);
      await dropIfThere(collection, name);
    }
    if (toCreate.length === 0) return 0;
    try {
      await collection.createIndexes(toCreate.map(({ key, ...options }) => ({ key: { ...key }, ...options })));
      return toCreate.length;
    } catch (error) {
      if (!(error instanceof MongoServerError) || !INDEX_CONFLICTS.has(error.codeName ?? '') || attempt === 3) throw error;
      const holders = (await listIndexes(collection)).filter(
        (e) =>
          e['name'] !== '_id_' &&
          toCreate.some((index) => e['name'] !== index.name && JSON.stringify(e['key']) === JSON.stringify(index.key)),
      );
      for (const holder of holders) {
        const name = String(holder['name']);
        onRebuild(
          `dropping index ${where}.${name}: it holds the key of a declared index under another name (${error.codeName}: ${error.message})`,
        );
        await dropIfThere(collection, name);
      }
    }
  }
}

/** Another process starting at the same time may have dropped it first. */
async function dropIfThere(collection: Collection, name: string): Promise<void> {
  await collection.dropIndex(name).catch((error: unknown) => {
    if (!(error instanceof MongoServerError && error.codeName === 'IndexNotFound')) throw error;
  });
}

async function listIndexes(collection: Collection): Promise<Document[]> {
  return collection.indexes().catch((error: unknown) => {
    if (error instanceof MongoServerError && error.codeName === 'NamespaceNotFound') return [];
    throw error;
  });
}

function sameIndex(found: Document, declared: IndexDefinition): boolean {
  return (
    JSON.stringify(found['key']) === JSON.stringify(declared.key) &&
    Boolean(found['unique']) === Boolean(declared.unique) &&
    found['expireAfterSeconds'] === declared.expireAfterSeconds &&
    JSON.stringify(found['partialFilterExpression'] ?? null) === JSON.stringify(declared.partialFilterExpression ?? null)
  );
}

export async function pingMongo(db: Db): Promise<void> {
  await db.command({ ping: 1 });
}

/** What server answers: name and version, for the readiness page and the logs. */
export async function describeMongo(db: Db): Promise<{ version: string; engine: string }> {
  const info: Document = await db.admin().command({ buildInfo: 1 });
  if (typeof info['secantusVersion'] === 'string') return { engine: 'SecantusDB', version: info['secantusVersion'] };
  return { engine: 'MongoDB', version: String(info['version'] ?? 'unknown') };
}
