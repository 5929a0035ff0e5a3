// The MongoDB connection and typed access to the declared collections. Nothing else in the
// code opens a MongoClient, so timeouts and the database name are decided here once.
import { MongoClient, MongoServerError, type Collection, type Db, type Document } from 'mongodb';
import { COLLECTIONS, type CollectionName, type CollectionSpec, type DocumentOf, type IndexSpec } from './collections';

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

export type Collections = { readonly [K in CollectionName]: Collection<DocumentOf<K>> };

export function collections(db: Db): Collections {
  return Object.fromEntries(
    Object.entries(COLLECTIONS).map(([key, spec]) => [key, db.collection(spec.name)]),
  ) as unknown as Collections;
}

/**
 * Creates the declared indexes that are missing; running it again is a no-op that sends no
 * createIndexes at all. Every process runs this at start, the app and the workers together,
 * and SecantusDB serialises concurrent index creations through write-conflict retries (seen
 * holding it for 41 s over 100,000 products). The declaration is the truth: an index that exists
 * under a declared name with another key or options is rebuilt (how a changed declaration
 * reaches a database made before it), and one no longer declared is dropped, since it would
 * still cost every write. Returns how many indexes were created.
 */
export async function ensureIndexes(
  db: Db,
  specs: readonly CollectionSpec[] = Object.values(COLLECTIONS),
  onRebuild: (message: string) => void = (message) => console.warn(message),
): Promise<number> {
  let created = 0;
  for (const spec of specs) {
    if (spec.indexes.length === 0) continue;
    const collection = db.collection(spec.name);
    const existing = await collection.indexes().catch((error: unknown) => {
      if (error instanceof MongoServerError && error.codeName === 'NamespaceNotFound') return [];
      throw error;
    });
    const toCreate: IndexSpec[] = [];
    for (const declared of spec.indexes) {
      const found = existing.find((index) => index.name === declared.name);
      if (found && sameIndex(found, declared)) continue;
      if (found) {
        onRebuild(`rebuilding index ${spec.name}.${declared.name}: its key or options differ from the declaration`);
        await collection.dropIndex(declared.name);
      }
      toCreate.push(declared);
    }
    for (const index of existing) {
      if (index.name === '_id_' || spec.indexes.some((declared) => declared.name === index.name)) continue;
      onRebuild(`dropping index ${spec.name}.${index.name}: no longer declared`);
      // Another process starting at the same time may have dropped it first.
      await collection.dropIndex(index.name!).catch((error: unknown) => {
        if (!(error instanceof MongoServerError && error.codeName === 'IndexNotFound')) throw error;
      });
    }
    if (toCreate.length === 0) continue;
    await collection.createIndexes(toCreate.map(({ key, ...options }) => ({ key, ...options })));
    created += toCreate.length;
  }
  return created;
}

function sameIndex(found: Document, declared: IndexSpec): boolean {
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
