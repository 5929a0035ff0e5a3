// The init program's index steps against the embedded database (a MongoDB-wire server without
// access control, so the program connects without the keyFile): a declaration changed since an
// earlier run, which a plain createIndexes refuses with IndexOptionsConflict or
// IndexKeySpecsConflict, is dropped and rebuilt, logged, and the run goes on to the next step.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../local/testing';
import { clusterPlan, type ShardedCollection } from './cluster-plan';
import { runPlan, type InitOptions } from './init-cluster';
import { TOPOLOGY } from './topology';

const rt = useTestRuntime('init_cluster');

function hostOf(): string {
  const { db } = rt();
  // The runtime's client knows the address it reached: the test server's, on a free port.
  const [host] = db.client.options.hosts;
  if (host === undefined) throw new Error('the test runtime has no host');
  return `${host.host ?? '127.0.0.1'}:${String(host.port ?? 27017)}`;
}

/** Only the plan's index steps: the embedded server has no replica sets, routers or sharding to set up. */
async function createIndexes(collections: readonly ShardedCollection[], log: string[]): Promise<void> {
  const { db } = rt();
  const steps = clusterPlan(TOPOLOGY, collections, db.databaseName)
    .filter((step) => step.kind === 'createIndexes')
    .map((step) => ({ ...step, target: { routers: [hostOf()] } }));
  const options: InitOptions = {
    dbName: db.databaseName,
    deadlineMs: 30_000,
    connectTimeoutMs: 5_000,
    commandTimeoutMs: 30_000,
    electionTimeoutMs: 5_000,
    keyFile: null,
    secretsDir: '/nonexistent',
    log: (line) => log.push(line),
  };
  await runPlan(steps, options);
}

// A range shard key (the embedded server builds no hashed index): the plan adds no index of its own.
const declared = (indexes: ShardedCollection['indexes']): ShardedCollection => ({
  name: 'init_probe',
  indexes,
  shardKey: { customerId: 1 },
});

describe('the init job on a changed index declaration', () => {
  it('rebuilds an index whose options changed, drops one renamed (same key: a plain createIndexes would fail with IndexOptionsConflict), logs both, and a third run changes nothing', async () => {
    const first = declared([
      { name: 'customer', key: { customerId: 1 } },
      { name: 'email', key: { email: 1 }, unique: true },
      { name: 'number_old', key: { number: 1 } },
    ]);
    const log: string[] = [];
    await createIndexes([first], log);
    expect(log.at(-1)).toMatch(/create the indexes of .*init_probe.*: 3 created/);

    await rt()
      .db.collection('init_probe')
      .insertMany([
        { customerId: 'c1', email: 'a@example.com', number: 'DS-1' },
        { customerId: 'c2', email: 'b@example.com', number: 'DS-2' },
      ]);

    // email is no longer unique (IndexKeySpecsConflict for a plain createIndexes); number_old is now
    // called number (same key: IndexOptionsConflict).
    const changed = declared([
      { name: 'customer', key: { customerId: 1 } },
      { name: 'email', key: { email: 1 } },
      { name: 'number', key: { number: 1 } },
    ]);
    const again: string[] = [];
    await createIndexes([changed], again);
    expect(again.filter((line) => /rebuilding|dropping/.test(line))).toEqual([
      '  rebuilding index init_probe.email: its key or options differ from the declaration',
      '  dropping index init_probe.number_old: no longer declared',
    ]);
    expect(again.at(-1)).toMatch(/: 2 created/);
    const indexes = await rt().db.collection('init_probe').indexes();
    expect(indexes.map((index) => [index.name, index.key, Boolean(index.unique)])).toEqual([
      ['_id_', { _id: 1 }, false],
      ['customer', { customerId: 1 }, false],
      ['email', { email: 1 }, false],
      ['number', { number: 1 }, false],
    ]);

    const third: string[] = [];
    await createIndexes([changed], third);
    expect(third).toEqual([expect.stringMatching(/^1\/1 create the indexes .* \.\.\.$/), expect.stringMatching(/: all present \(/)]);
  });
});
