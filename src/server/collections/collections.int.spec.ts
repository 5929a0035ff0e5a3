import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { COLLECTIONS, ensureCollections } from '.';
import { ensureIndexes, syncIndexes, collectionIn } from '../platform/db';
import { AGENTS } from '../backoffice';

// The test reads and seeds the collection itself, by its declared spec.
const agentCollection = collectionIn(AGENTS);

const rt = useTestRuntime('indexes');

describe('declared indexes', () => {
  it('every index the code declares exists, with its key and options, after start-up', async () => {
    const { db } = rt();
    for (const spec of Object.values(COLLECTIONS)) {
      const existing = await db.collection(spec.name).indexes();
      for (const declared of spec.indexes) {
        const found = existing.find((index) => index.name === declared.name);
        expect(found, `${spec.name}.${declared.name}`).toBeDefined();
        expect(found?.key).toEqual(declared.key);
        expect(Boolean(found?.unique)).toBe(Boolean(declared.unique));
        if (declared.expireAfterSeconds !== undefined) expect(found?.expireAfterSeconds).toBe(declared.expireAfterSeconds);
      }
    }
  });

  it('creating them again changes nothing and creates none', async () => {
    const { db } = rt();
    const before = await db.collection(COLLECTIONS.products.name).indexes();
    expect(await ensureCollections(db)).toBe(0);
    expect(await db.collection(COLLECTIONS.products.name).indexes()).toEqual(before);
  });

  it('a unique index is enforced', async () => {
    const agents = agentCollection(rt());
    const now = new Date();
    const doc = {
      email: 'anna@digitalsales.example',
      name: 'Anna',
      role: 'agent' as const,
      passwordHash: 'x',
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    await agents.insertOne({ _id: 'agent-a', ...doc });
    await expect(agents.insertOne({ _id: 'agent-b', ...doc })).rejects.toThrow(/duplicate key/i);
  });
});

describe('a changed declaration', () => {
  it('rebuilds an index whose options differ, and reports it', async () => {
    const { db } = rt();
    const spec = {
      name: 'rebuild_probe',
      schema: COLLECTIONS.products.schema,
      shardKey: { _id: 'hashed' as const },
      shardKeyReason: 'test',
    };
    await ensureIndexes(db, [{ ...spec, indexes: [{ name: 'email', key: { email: 1 }, unique: true }] }]);
    const messages: string[] = [];
    await ensureIndexes(db, [{ ...spec, indexes: [{ name: 'email', key: { email: 1 } }] }], (m) => messages.push(m));
    const email = (await db.collection('rebuild_probe').indexes()).find((index) => index.name === 'email');
    expect(email?.unique).toBeFalsy();
    expect(messages).toEqual(['rebuilding index rebuild_probe.email: its key or options differ from the declaration']);
  });

  it('drops an index no longer declared, and reports it', async () => {
    const { db } = rt();
    const spec = {
      name: 'retire_probe',
      schema: COLLECTIONS.products.schema,
      shardKey: { _id: 'hashed' as const },
      shardKeyReason: 'test',
    };
    await ensureIndexes(db, [
      {
        ...spec,
        indexes: [
          { name: 'email', key: { email: 1 } },
          { name: 'slug', key: { slug: 1 } },
        ],
      },
    ]);
    const messages: string[] = [];
    await ensureIndexes(db, [{ ...spec, indexes: [{ name: 'email', key: { email: 1 } }] }], (m) => messages.push(m));
    expect((await db.collection('retire_probe').indexes()).map((index) => index.name).sort()).toEqual(['_id_', 'email']);
    expect(messages).toEqual(['dropping index retire_probe.slug: no longer declared']);
  });
});

describe('indexes on the cluster', () => {
  it('keeps an undeclared index that supports the shard key (the cluster init creates it; MongoDB refuses to drop it)', async () => {
    const { db } = rt();
    const spec = { name: 'shard_probe', schema: COLLECTIONS.orders.schema, shardKey: { customerId: 1 as const }, shardKeyReason: 'test' };
    await db.collection('shard_probe').createIndexes([
      { key: { customerId: 1, createdAt: 1 }, name: 'customerId_1_createdAt_1' },
      { key: { note: 1 }, name: 'note' },
    ]);
    const messages: string[] = [];
    await ensureIndexes(db, [{ ...spec, indexes: [{ name: 'email', key: { email: 1 } }] }], (m) => messages.push(m));
    expect((await db.collection('shard_probe').indexes()).map((index) => index.name).sort()).toEqual([
      '_id_',
      'customerId_1_createdAt_1',
      'email',
    ]);
    expect(messages).toEqual(['dropping index shard_probe.note: no longer declared']);
  });

  it('drops a conflicting index another process created between the listing and the creation, and creates again', async () => {
    const { db } = rt();
    const collection = db.collection('race_probe');
    await collection.insertOne({ number: 'DS-1' });
    // Another process (an older version starting at the same moment) creates the key under its old name.
    let raced = false;
    const racing = new Proxy(collection, {
      get(target, property) {
        if (property === 'createIndexes' && !raced) {
          return async (...args: Parameters<typeof target.createIndexes>) => {
            raced = true;
            await target.createIndex({ number: 1 }, { name: 'number_old' });
            return target.createIndexes(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const messages: string[] = [];
    expect(
      await syncIndexes(racing, { indexes: [{ name: 'number', key: { number: 1 } }], shardKey: { _id: 'hashed' } }, (m) =>
        messages.push(m),
      ),
    ).toBe(1);
    expect((await collection.indexes()).map((index) => index.name).sort()).toEqual(['_id_', 'number']);
    expect(messages).toEqual([
      expect.stringMatching(
        /^dropping index race_probe\.number_old: it holds the key of a declared index under another name \(IndexOptionsConflict: /,
      ),
    ]);
  });
});
