// The production MongoDB cluster's shape, declared once: its processes, their replica sets,
// roles and ports. init-cluster.ts initiates exactly this, docker-compose.yml runs it (written
// by hand, so cluster.spec.ts fails when the two disagree). Nothing here talks to a server.

export type ReplicaSetRole = 'configsvr' | 'shardsvr';

export interface ReplicaSetSpec {
  /** The `--replSet` name; for a shard it is also the shard's name in the cluster. */
  readonly name: string;
  readonly role: ReplicaSetRole;
  readonly port: number;
  /** Host names as the other members and the routers resolve them: compose service names. */
  readonly members: readonly string[];
}

export interface RouterSpec {
  readonly host: string;
  readonly port: number;
}

export interface ClusterTopology {
  readonly configServers: ReplicaSetSpec;
  readonly shards: readonly ReplicaSetSpec[];
  readonly routers: readonly RouterSpec[];
}

// MongoDB's conventional port per role, so an address alone says what answers there.
const CONFIG_SERVER_PORT = 27019;
const SHARD_PORT = 27018;
const ROUTER_PORT = 27017;

// Three members per replica set: the smallest that keeps a majority, and so a primary,
// through the loss of one member.
export const TOPOLOGY: ClusterTopology = {
  configServers: { name: 'cfgrs', role: 'configsvr', port: CONFIG_SERVER_PORT, members: ['cfg1', 'cfg2', 'cfg3'] },
  shards: [
    { name: 'shard1rs', role: 'shardsvr', port: SHARD_PORT, members: ['shard1a', 'shard1b', 'shard1c'] },
    { name: 'shard2rs', role: 'shardsvr', port: SHARD_PORT, members: ['shard2a', 'shard2b', 'shard2c'] },
  ],
  routers: [
    { host: 'mongos1', port: ROUTER_PORT },
    { host: 'mongos2', port: ROUTER_PORT },
  ],
};

export function replicaSets(topology: ClusterTopology): readonly ReplicaSetSpec[] {
  return [topology.configServers, ...topology.shards];
}

export function memberAddresses(replicaSet: ReplicaSetSpec): string[] {
  return replicaSet.members.map((host) => `${host}:${replicaSet.port}`);
}

/** `name/host:port,...`: the form `addShard` and `mongos --configdb` take. */
export function replicaSetConnectionString(replicaSet: ReplicaSetSpec): string {
  return `${replicaSet.name}/${memberAddresses(replicaSet).join(',')}`;
}

export function routerAddresses(topology: ClusterTopology): string[] {
  return topology.routers.map((router) => `${router.host}:${router.port}`);
}

/**
 * Where every member and router finds the cluster's shared key (internal authentication between
 * members, and access control for clients: with a keyFile, nothing answers but `ping`/`hello`
 * until a user signs in). make-secrets.sh writes it at first start, mode 400, owned by mongodb.
 */
export const KEYFILE_PATH = '/run/mongo-keyfile/keyfile';

/**
 * The host docker-compose.yml is sized for, and what runs on it beside the mongod: the app, eight
 * workers and the init (Node, about 0.4 GB each), Redis (1 GB: queues, caches, sessions), two mongos
 * (0.25 GB each) and the system (1 GB).
 */
export const COMPOSE_HOST = { memoryGB: 32, otherServicesGB: 10 * 0.4 + 1 + 2 * 0.25 + 1 } as const;

/**
 * Every mongod's WiredTiger cache, in GB. Left to itself each mongod takes half of (RAM - 1 GB):
 * nine of them on one 32 GB host would claim 9 x 15.5 = 139.5 GB and the kernel would kill one.
 * MongoDB's own split is kept: half of what the mongod may use is cache, the other half is left to
 * the filesystem cache (compressed collection and index files), connections and aggregation
 * memory. So (32 - 6.5 GB of other services) / 2 = 12.75 GB of caches, / 9 mongod = 1.41, rounded
 * down to 1.4 GB. One value for all nine: a config server needs less (it holds only the cluster's
 * metadata), but one number is one thing to change for another host, and docker-compose.yml must
 * carry it (cluster.spec.ts compares each member's command line with mongodCommand).
 */
export const WIREDTIGER_CACHE_GB = wiredTigerCacheGB(
  COMPOSE_HOST,
  replicaSets(TOPOLOGY).reduce((sum, rs) => sum + rs.members.length, 0),
);

export function wiredTigerCacheGB(host: { readonly memoryGB: number; readonly otherServicesGB: number }, mongods: number): number {
  return Math.floor(((host.memoryGB - host.otherServicesGB) / 2 / mongods) * 10) / 10;
}

/** The command line a member of `replicaSet` runs with. */
export function mongodCommand(replicaSet: ReplicaSetSpec): string[] {
  return [
    'mongod',
    `--${replicaSet.role}`,
    '--replSet',
    replicaSet.name,
    '--port',
    String(replicaSet.port),
    '--bind_ip_all',
    '--wiredTigerCacheSizeGB',
    String(WIREDTIGER_CACHE_GB),
    '--keyFile',
    KEYFILE_PATH,
  ];
}

/** The command line `router` runs with: it finds the shards through the config servers. */
export function mongosCommand(topology: ClusterTopology, router: RouterSpec): string[] {
  return [
    'mongos',
    '--configdb',
    replicaSetConnectionString(topology.configServers),
    '--bind_ip_all',
    '--port',
    String(router.port),
    '--keyFile',
    KEYFILE_PATH,
  ];
}
