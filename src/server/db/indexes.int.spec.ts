import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { COLLECTIONS } from './collections';
import { ensureIndexes } from './mongo';

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

  it('creating them again changes nothing', async () => {
    const { db } = rt();
    const before = await db.collection(COLLECTIONS.products.name).indexes();
    await ensureIndexes(db);
    expect(await db.collection(COLLECTIONS.products.name).indexes()).toEqual(before);
  });

  it('a unique index is enforced', async () => {
    const { customers } = rt().collections;
    const now = new Date();
    const doc = { email: 'anna@example.it', name: 'Anna', phone: null, market: 'it' as const, notes: [], createdAt: now, updatedAt: now };
    await customers.insertOne({ _id: 'customer-a', ...doc });
    await expect(customers.insertOne({ _id: 'customer-b', ...doc })).rejects.toThrow(/duplicate key/i);
  });
});
