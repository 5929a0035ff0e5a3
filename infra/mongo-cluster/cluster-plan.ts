// The cluster's initialisation as data: from the topology and the declared collections, the
// ordered commands that turn bare mongod and mongos processes into a sharded cluster with every
// collection indexed and sharded. Pure, so it is tested without servers; init-cluster.ts runs
// it, with the waiting, retrying and timeouts that talking to servers needs. Users come after the
// shards, so they are stored on the config servers and hold on every shard.
import { supportsShardKey, type CollectionSpec, type IndexDefinition, type ShardKey } from '../../src/server/platform/db';
import {
  memberAddresses,
  replicaSetConnectionString,
  replicaSets,
  routerAddresses,
  type ClusterTopology,
  type ReplicaSetSpec,
} from './topology';
import { clusterUsers, type ClusterRole } from './users';

/** What the plan reads from a declared collection; tests build tables of these without schemas. */
export type ShardedCollection = Pick<CollectionSpec, 'name' | 'indexes' | 'shardKey'>;

/**
 * `direct`: one process, with directConnection, since before `replSetInitiate` there is no
 * replica set to discover. `routers`: any of the mongos, which forward to the config servers.
 */
export type Target = { readonly direct: string } | { readonly routers: readonly string[] };

export interface ReplicaSetConfig {
  readonly _id: string;
  readonly configsvr?: true;
  readonly members: readonly { readonly _id: number; readonly host: string }[];
}

/** An index as the `createIndexes` command takes it; `hashed` only for a shard key's own index. */
export type IndexDocument = IndexDefinition;

interface Step<K extends string> {
  readonly kind: K;
  /** One line for the log: what this step does to what. */
  readonly title: string;
  readonly target: Target;
}

interface CommandStep<K extends string, C> extends Step<K> {
  /** The database the command runs on. */
  readonly db: string;
  readonly command: C;
}

export type InitiateStep = CommandStep<'initiate', { readonly replSetInitiate: ReplicaSetConfig }>;
/** Polls until the replica set reports a primary: every later step needs one. */
export type AwaitPrimaryStep = Step<'awaitPrimary'> & { readonly replSet: string };
/** Polls until the router answers, which a mongos does only once the config servers have a primary. */
export type AwaitRouterStep = Step<'awaitRouter'>;
export type AddShardStep = CommandStep<'addShard', { readonly addShard: string; readonly name: string }>;
export type EnableShardingStep = CommandStep<'enableSharding', { readonly enableSharding: string }>;
/** With the collection's shard key: the index that supports it is never dropped as undeclared. */
export type CreateIndexesStep = CommandStep<
  'createIndexes',
  { readonly createIndexes: string; readonly indexes: readonly IndexDocument[] }
> & {
  readonly shardKey: ShardKey;
};
export type ShardCollectionStep = CommandStep<'shardCollection', { readonly shardCollection: string; readonly key: ShardKey }>;
/** Creates the user, or sets its password and roles to these: a rotated password file or a narrowed role takes effect on the next run. */
export type EnsureUserStep = Step<'ensureUser'> & {
  readonly user: string;
  readonly roles: readonly ClusterRole[];
  readonly passwordFile: string;
};

export type PlanStep =
  | InitiateStep
  | AwaitPrimaryStep
  | AwaitRouterStep
  | AddShardStep
  | EnableShardingStep
  | CreateIndexesStep
  | ShardCollectionStep
  | EnsureUserStep;

/**
 * Every step, in the order the cluster needs them: replica sets first (the config servers
 * before the shards, since the routers wait on them), then the routers, the shards, the
 * database, and for each collection its indexes before its shard key.
 */
export function clusterPlan(topology: ClusterTopology, collections: readonly ShardedCollection[], dbName: string): PlanStep[] {
  const routers: Target = { routers: routerAddresses(topology) };
  const steps: PlanStep[] = replicaSets(topology).flatMap(replicaSetSteps);
  for (const address of routerAddresses(topology)) {
    steps.push({ kind: 'awaitRouter', title: `router ${address} answers`, target: { direct: address } });
  }
  for (const shard of topology.shards) {
    const connection = replicaSetConnectionString(shard);
    steps.push({
      kind: 'addShard',
      title: `add shard ${connection}`,
      target: routers,
      db: 'admin',
      command: { addShard: connection, name: shard.name },
    });
  }
  steps.push({
    kind: 'enableSharding',
    title: `enable sharding on ${dbName}`,
    target: routers,
    db: 'admin',
    command: { enableSharding: dbName },
  });
  for (const user of clusterUsers(dbName)) {
    const roles = user.roles.map((r) => `${r.role}@${r.db}`).join(', ');
    steps.push({
      kind: 'ensureUser',
      title: `user ${user.name} (${roles})`,
      target: routers,
      user: user.name,
      roles: user.roles,
      passwordFile: user.passwordFile,
    });
  }
  for (const collection of collections) {
    const namespace = `${dbName}.${collection.name}`;
    const indexes = indexDocuments(collection);
    steps.push({
      kind: 'createIndexes',
      title: `create the indexes of ${namespace} (${indexes.map((index) => index.name).join(', ')})`,
      target: routers,
      db: dbName,
      command: { createIndexes: collection.name, indexes },
      shardKey: collection.shardKey,
    });
    steps.push({
      kind: 'shardCollection',
      title: `shard ${namespace} on ${JSON.stringify(collection.shardKey)}`,
      target: routers,
      db: 'admin',
      command: { shardCollection: namespace, key: collection.shardKey },
    });
  }
  return steps;
}

function replicaSetSteps(replicaSet: ReplicaSetSpec): PlanStep[] {
  const addresses = memberAddresses(replicaSet);
  const [first] = addresses;
  if (first === undefined) throw new Error(`replica set ${replicaSet.name} has no members`);
  const config: ReplicaSetConfig = {
    _id: replicaSet.name,
    ...(replicaSet.role === 'configsvr' ? { configsvr: true as const } : {}),
    members: addresses.map((host, index) => ({ _id: index, host })),
  };
  return [
    {
      kind: 'initiate',
      title: `initiate ${replicaSet.name} (${addresses.join(', ')})`,
      target: { direct: first },
      db: 'admin',
      command: { replSetInitiate: config },
    },
    { kind: 'awaitPrimary', title: `${replicaSet.name} elects a primary`, target: { direct: first }, replSet: replicaSet.name },
  ];
}

/**
 * The declared indexes, plus the shard key's own index when none of them can serve as it: a
 * hashed key always (declared indexes are plain, so the embedded server can build them too).
 * Creating it here rather than leaving it to shardCollection also works on a collection that
 * already holds documents.
 */
function indexDocuments(collection: ShardedCollection): IndexDocument[] {
  const declared: IndexDocument[] = collection.indexes.map((index) => ({ ...index }));
  if (declared.some((index) => supportsShardKey(index, collection.shardKey))) return declared;
  return [...declared, { key: collection.shardKey, name: defaultIndexName(collection.shardKey) }];
}

/** The name MongoDB would give, so a re-run finds the index shardCollection may have made. */
function defaultIndexName(key: ShardKey): string {
  return Object.entries(key)
    .map(([field, kind]) => `${field}_${kind}`)
    .join('_');
}
