// The production cluster, checked without servers: the init plan shards every declared
// collection on its declared key, the declarations obey MongoDB's rules for sharded collections,
// and docker-compose.yml and the Dockerfile run the topology that topology.ts declares, with
// access control (a keyFile generated at first start, users with the least roles, no secret in
// the compose file). Each check is a function returning problems, shown to bite on a
// deliberately broken input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { type IndexKey, DEFAULT_DB_NAME } from '../../src/server/platform/db';
import { MARKET_CODES } from '../../src/common/markets';
import { collectionProblems, planProblems } from './cluster-checks';
import { clusterPlan, type PlanStep, type ShardedCollection } from './cluster-plan';
import { CLUSTER_WIDE_ROLES, clusterUsers, type ClusterUser } from './users';
import {
  COMPOSE_HOST,
  KEYFILE_PATH,
  TOPOLOGY,
  WIREDTIGER_CACHE_GB,
  memberAddresses,
  mongodCommand,
  mongosCommand,
  replicaSetConnectionString,
  replicaSets,
  routerAddresses,
  wiredTigerCacheGB,
  type ClusterTopology,
} from './topology';
import { COLLECTIONS } from '../../src/server/collections';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const DB = DEFAULT_DB_NAME;
const DECLARED: readonly ShardedCollection[] = Object.values(COLLECTIONS);

// ---------------------------------------------------------------------------------------------
// docker-compose.yml, read loosely: only the fields these checks look at.

const Environment = z
  .union([z.record(z.string(), z.union([z.string(), z.number()])), z.array(z.string())])
  .transform((env): Record<string, string> =>
    Array.isArray(env)
      ? Object.fromEntries(env.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]))
      : Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)])),
  );
const Words = z.union([z.string().transform((line) => line.split(/\s+/).filter(Boolean)), z.array(z.string())]);
const ComposeService = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  user: z.string().optional(),
  entrypoint: Words.optional(),
  command: Words.optional(),
  restart: z.string().optional(),
  profiles: z.array(z.string()).optional(),
  environment: Environment.optional(),
  depends_on: z
    .union([
      z.array(z.string()).transform((names) => Object.fromEntries(names.map((name) => [name, 'service_started']))),
      z.record(
        z.string(),
        z.object({ condition: z.string().default('service_started') }).transform((d) => d.condition),
      ),
    ])
    .optional(),
  healthcheck: z.object({ test: Words }).optional(),
  volumes: z.array(z.string()).optional(),
  ports: z.array(z.union([z.string(), z.number()])).optional(),
});
type ComposeService = z.infer<typeof ComposeService>;
const ComposeFile = z.object({
  services: z.record(z.string(), ComposeService),
  volumes: z.record(z.string(), z.unknown()).optional(),
});
type ComposeFile = z.infer<typeof ComposeFile>;

function loadCompose(text: string): ComposeFile {
  // Anchors and merge keys (`<<: *mongo`) are how the file avoids copies; Compose resolves them too.
  const parsed = ComposeFile.safeParse(parse(text, { merge: true, maxAliasCount: -1 }));
  if (!parsed.success) throw new Error(`docker-compose.yml: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const CONFIG_DATA_PATH = '/data/configdb'; // where `mongod --configsvr` keeps its data by default
const SHARD_DATA_PATH = '/data/db';
const INIT_SCRIPT = 'infra/mongo-cluster/init-cluster.ts';
const APP_SERVICES = ['app', ...MARKET_CODES.map((code) => `scraper-${code}`), 'refresher', 'purchaser', 'outbox', 'translator'];

function same(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((word, index) => word === b[index]);
}

/** Every way docker-compose.yml can disagree with the topology, the markets or the start order. */
function composeProblems(compose: ComposeFile, topology: ClusterTopology, marketCodes: readonly string[]): string[] {
  const problems: string[] = [];
  const { services } = compose;
  const service = (name: string): ComposeService | undefined => {
    const found = services[name];
    if (found === undefined) problems.push(`no service ${name}`);
    return found;
  };
  const usedVolumes = new Map<string, string>();

  for (const replicaSet of replicaSets(topology)) {
    for (const member of replicaSet.members) {
      const s = service(member);
      if (s === undefined) continue;
      if (!s.image?.startsWith('mongo:')) problems.push(`${member} does not run a mongo image`);
      if (!same(s.command, mongodCommand(replicaSet))) {
        problems.push(`${member} runs \`${s.command?.join(' ')}\`, expected \`${mongodCommand(replicaSet).join(' ')}\``);
      }
      const test = s.healthcheck?.test.join(' ') ?? '';
      if (!test.includes('mongosh') || !test.includes(String(replicaSet.port))) {
        problems.push(`${member} has no mongosh healthcheck on port ${replicaSet.port}`);
      }
      const dataPath = replicaSet.role === 'configsvr' ? CONFIG_DATA_PATH : SHARD_DATA_PATH;
      const volume = s.volumes?.map((mount) => mount.split(':')).find(([, target]) => target === dataPath)?.[0];
      if (volume === undefined || compose.volumes?.[volume] === undefined) {
        problems.push(`${member} keeps ${dataPath} on no named volume`);
      } else if (usedVolumes.has(volume)) {
        problems.push(`${member} and ${usedVolumes.get(volume)} share the volume ${volume}`);
      } else {
        usedVolumes.set(volume, member);
      }
    }
  }
  for (const router of topology.routers) {
    const s = service(router.host);
    if (s === undefined) continue;
    if (!same(s.command, mongosCommand(topology, router))) {
      problems.push(`${router.host} runs \`${s.command?.join(' ')}\`, expected \`${mongosCommand(topology, router).join(' ')}\``);
    }
    if (!(s.healthcheck?.test.join(' ') ?? '').includes(String(router.port)))
      problems.push(`${router.host} has no healthcheck on its port`);
  }
  const declared = new Set([...replicaSets(topology).flatMap((rs) => rs.members), ...topology.routers.map((r) => r.host)]);
  for (const [name, s] of Object.entries(services)) {
    if ((s.command?.[0] === 'mongod' || s.command?.[0] === 'mongos') && !declared.has(name)) {
      problems.push(`${name} runs ${s.command[0]} but topology.ts does not declare it`);
    }
  }

  const init = service('mongo-init');
  if (init !== undefined) {
    if (!init.command?.includes(INIT_SCRIPT)) problems.push(`mongo-init does not run ${INIT_SCRIPT}`);
    // Any other policy restarts the init after it succeeds, and its dependents never start.
    if (init.restart !== undefined && init.restart !== 'no' && init.restart !== 'on-failure') {
      problems.push(`mongo-init has restart: ${init.restart}`);
    }
    for (const member of replicaSets(topology).flatMap((rs) => rs.members)) {
      if (init.depends_on?.[member] !== 'service_healthy') problems.push(`mongo-init does not wait for ${member} to be healthy`);
    }
    for (const router of topology.routers) {
      if (init.depends_on?.[router.host] === undefined) problems.push(`mongo-init does not depend on ${router.host}`);
    }
  }

  const scrapers = Object.keys(services).filter((name) => name.startsWith('scraper-'));
  const expectedScrapers = marketCodes.map((code) => `scraper-${code}`);
  if (!same([...scrapers].sort(), [...expectedScrapers].sort())) {
    problems.push(`scraper services are ${scrapers.join(', ')}, expected one per market: ${expectedScrapers.join(', ')}`);
  }
  for (const code of marketCodes) {
    const command = services[`scraper-${code}`]?.command ?? [];
    const at = command.indexOf('--market');
    if (!command.includes('workers/scrapers/main.ts') || command[at + 1] !== code) {
      problems.push(`scraper-${code} does not run workers/scrapers/main.ts --market ${code}`);
    }
  }
  if (!services['refresher']?.command?.includes('workers/refresher/main.ts'))
    problems.push('refresher does not run workers/refresher/main.ts');

  for (const name of APP_SERVICES) {
    const s = service(name);
    if (s === undefined) continue;
    if (s.depends_on?.['mongo-init'] !== 'service_completed_successfully')
      problems.push(`${name} does not wait for mongo-init to complete`);
    if (s.depends_on?.['redis'] !== 'service_healthy') problems.push(`${name} does not wait for redis to be healthy`);
    if (s.environment?.['REDIS_URL'] === undefined) problems.push(`${name} has no REDIS_URL`);
    if (s.profiles !== undefined) problems.push(`${name} is in profiles ${s.profiles.join(', ')}; it belongs to the default stack`);
  }

  const app = services['app'];
  if (!same(app?.command, ['node', 'dist/analog/server/index.mjs'])) problems.push('app does not run node dist/analog/server/index.mjs');
  if (!(app?.healthcheck?.test.join(' ') ?? '').includes('/api/health')) problems.push('app has no healthcheck on /api/health');
  if (!app?.ports?.some((port) => String(port).endsWith(':3000'))) problems.push('app does not publish port 3000');

  const redis = service('redis');
  if (redis !== undefined) {
    if (!redis.image?.startsWith('redis:7')) problems.push(`redis runs ${redis.image}, expected redis:7`);
    if (!(redis.healthcheck?.test.join(' ') ?? '').includes('redis-cli ping')) problems.push('redis has no redis-cli ping healthcheck');
  }

  const simulator = service('simulator');
  if (simulator !== undefined) {
    if (!simulator.profiles?.includes('demo')) problems.push('simulator is not under the demo profile');
    if (!simulator.command?.includes('infra/marketplace-simulator/main.ts'))
      problems.push('simulator does not run infra/marketplace-simulator/main.ts');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Access control: the keyFile, the secrets and who sees which, the users' roles.

const SECRETS_SCRIPT = 'infra/mongo-cluster/make-secrets.sh';
const KEYFILE_VOLUME_TARGET = KEYFILE_PATH.slice(0, KEYFILE_PATH.lastIndexOf('/'));
const MONGODB_UID = '999';
/** The secrets volume each service that signs in to the cluster mounts, by the user it signs in as. */
const SECRETS_VOLUME_OF_USER: Readonly<Record<string, string>> = { app: 'app-secrets', workers: 'worker-secrets' };
const USER_OF_SERVICE = (name: string) => (name === 'app' ? 'app' : 'workers');

function mounts(s: ComposeService | undefined): { volume: string; target: string; readOnly: boolean }[] {
  return (s?.volumes ?? []).map((mount) => {
    const [volume = '', target = '', mode] = mount.split(':');
    return { volume, target, readOnly: mode === 'ro' };
  });
}

/** Every way docker-compose.yml, make-secrets.sh and the users can leave the cluster open or a secret exposed. */
function accessProblems(compose: ComposeFile, topology: ClusterTopology, users: readonly ClusterUser[], secretsScript: string): string[] {
  const problems: string[] = [];
  const { services } = compose;
  const secrets = services['cluster-secrets'];
  if (secrets === undefined) problems.push('no service cluster-secrets generates the keyFile and the passwords');
  else {
    if (!(secrets.entrypoint ?? secrets.command ?? []).some((word) => word.endsWith('make-secrets.sh')))
      problems.push(`cluster-secrets does not run ${SECRETS_SCRIPT}`);
    if (secrets.restart !== 'no') problems.push(`cluster-secrets has restart: ${secrets.restart ?? 'unset'}, expected "no"`);
  }

  const keyFileHolders = [...replicaSets(topology).flatMap((rs) => rs.members), ...topology.routers.map((r) => r.host)];
  for (const name of keyFileHolders) {
    const s = services[name];
    const command = s?.command ?? [];
    if (command[command.indexOf('--keyFile') + 1] !== KEYFILE_PATH || !command.includes('--keyFile'))
      problems.push(`${name} runs without --keyFile ${KEYFILE_PATH}`);
    const keyMount = mounts(s).find((m) => m.target === KEYFILE_VOLUME_TARGET);
    if (keyMount?.volume !== 'mongo-keyfile' || !keyMount.readOnly)
      problems.push(`${name} does not mount mongo-keyfile read-only at ${KEYFILE_VOLUME_TARGET}`);
    if (s?.depends_on?.['cluster-secrets'] !== 'service_completed_successfully')
      problems.push(`${name} does not wait for cluster-secrets to complete`);
  }

  const init = services['mongo-init'];
  if (init !== undefined) {
    if (init.user?.split(':')[0] !== MONGODB_UID)
      problems.push(`mongo-init runs as ${init.user ?? 'the image user'}, not the keyFile's owner (${MONGODB_UID})`);
    if (init.environment?.['MONGO_KEYFILE'] !== KEYFILE_PATH)
      problems.push(`mongo-init has MONGO_KEYFILE=${init.environment?.['MONGO_KEYFILE']}, expected ${KEYFILE_PATH}`);
    const initDir = init.environment?.['MONGO_INIT_SECRETS_DIR'];
    if (!mounts(init).some((m) => m.volume === 'init-secrets' && m.target === initDir && m.readOnly))
      problems.push('mongo-init does not mount init-secrets read-only at its MONGO_INIT_SECRETS_DIR');
    if (init.depends_on?.['cluster-secrets'] !== 'service_completed_successfully')
      problems.push('mongo-init does not wait for cluster-secrets to complete');
  }

  for (const [name, s] of Object.entries(services)) {
    // A connection string with a password, or any password, in clear in the compose file.
    for (const [key, value] of Object.entries(s.environment ?? {})) {
      // A secret's name with a value written here, not taken from the host's environment (`${VAR}`).
      const secretName = /(PASSWORD|PASS|SECRET|TOKEN|KEY)$/.test(key) && !/^\$\{[^}]+\}$/.test(value);
      if (/mongodb(\+srv)?:\/\/[^/@\s]*@/.test(value) || secretName) {
        problems.push(`${name} has ${key} in clear in the compose file`);
      }
    }
    if (s.environment?.['MONGO_URL'] !== undefined)
      problems.push(`${name} sets MONGO_URL in the compose file; it comes from its secrets volume (MONGO_URL_FILE)`);
    const mounted = new Set(mounts(s).map((m) => m.volume));
    if (name !== 'cluster-secrets' && name !== 'mongo-init' && mounted.has('init-secrets'))
      problems.push(`${name} mounts init-secrets, which holds every user's password`);
    if (name !== 'cluster-secrets' && name !== 'mongo-init' && !keyFileHolders.includes(name) && mounted.has('mongo-keyfile'))
      problems.push(`${name} mounts the cluster keyFile`);
  }

  for (const name of APP_SERVICES) {
    const s = services[name];
    if (s === undefined) continue;
    const volume = SECRETS_VOLUME_OF_USER[USER_OF_SERVICE(name)];
    const file = s.environment?.['MONGO_URL_FILE'];
    const mount = mounts(s).find((m) => file !== undefined && file.startsWith(`${m.target}/`));
    if (file === undefined) problems.push(`${name} has no MONGO_URL_FILE`);
    else if (mount === undefined || mount.volume !== volume || !mount.readOnly)
      problems.push(
        `${name} reads ${file} from ${mount ? `${mount.volume}${mount.readOnly ? '' : ' (writable)'}` : 'no volume'}, expected ${volume} read-only`,
      );
    for (const other of Object.values(SECRETS_VOLUME_OF_USER).filter((v) => v !== volume)) {
      if (mounts(s).some((m) => m.volume === other)) problems.push(`${name} mounts ${other}, another user's secrets`);
    }
  }
  for (const volume of ['mongo-keyfile', 'init-secrets', ...Object.values(SECRETS_VOLUME_OF_USER)]) {
    if (compose.volumes?.[volume] === undefined) problems.push(`no named volume ${volume}`);
    if (secrets !== undefined && !mounts(secrets).some((m) => m.volume === volume && !m.readOnly))
      problems.push(`cluster-secrets does not write ${volume}`);
  }

  // The script: a keyFile of random base64, mode 400, owned by mongodb, generated only when missing.
  const script = secretsScript;
  if (!/head -c 756 \/dev\/urandom \| base64/.test(script))
    problems.push(`${SECRETS_SCRIPT} does not make the keyFile from 756 random bytes in base64`);
  if (!/chmod 400/.test(script) || !new RegExp(`MONGODB_UID=${MONGODB_UID}\\b`).test(script))
    problems.push(`${SECRETS_SCRIPT} does not leave its files mode 400, owned by uid ${MONGODB_UID}`);
  if (!/if \[ ! -s "\$ROOT\/keyfile\/keyfile" \]/.test(script)) problems.push(`${SECRETS_SCRIPT} does not keep an existing keyFile`);
  const scriptUsers = /for user in ([\w ]+); do\n {2}if \[ ! -s/.exec(script)?.[1]?.split(' ') ?? [];
  if (!same([...scriptUsers].sort(), users.map((u) => u.passwordFile.replace(/-password$/, '')).sort())) {
    problems.push(
      `${SECRETS_SCRIPT} makes passwords for ${scriptUsers.join(', ')}, users.ts declares ${users.map((u) => u.name).join(', ')}`,
    );
  }

  // Least roles: only the operator's user reaches past the app's database.
  const dbName = init?.environment?.['MONGO_DB'] ?? DEFAULT_DB_NAME;
  for (const user of users) {
    for (const role of user.roles) {
      const wide = CLUSTER_WIDE_ROLES.has(role.role) || role.db !== dbName;
      if (wide && user.name !== 'admin') problems.push(`user ${user.name} has ${role.role}@${role.db}, beyond ${dbName}`);
      if (!['read', 'readWrite'].includes(role.role) && user.name !== 'admin')
        problems.push(`user ${user.name} has ${role.role}, more than reading and writing data`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile: stages, user, and that the runtime stage holds every file a service runs.

interface Stage {
  readonly from: string;
  readonly name: string | undefined;
  readonly instructions: readonly { readonly op: string; readonly args: string }[];
}

function dockerStages(text: string): Stage[] {
  const stages: { from: string; name: string | undefined; instructions: { op: string; args: string }[] }[] = [];
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  for (const line of lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))) {
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op.toUpperCase() === 'FROM') {
      const [from = '', as, name] = args.replace(/--platform=\S+\s*/, '').split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** The image a stage finally rests on, following `FROM <earlier stage>`. */
function baseImage(stages: readonly Stage[], stage: Stage): string {
  const parent = stages.find((s) => s.name === stage.from);
  return parent === undefined || parent === stage ? stage.from : baseImage(stages, parent);
}

/** Paths under WORKDIR that the stage's COPY instructions fill. */
function copiedPaths(stage: Stage): string[] {
  return stage.instructions
    .filter((i) => i.op === 'COPY')
    .flatMap(({ args }) => {
      const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const destination = (words.pop() ?? '').replace(/^\.\//, '').replace(/\/$/, '');
      return destination === '' || destination === '.' ? words.map((source) => source.split('/').at(-1) ?? source) : [destination];
    });
}

function dockerfileProblems(text: string, compose: ComposeFile): string[] {
  const problems: string[] = [];
  const stages = dockerStages(text);
  const runtime = stages.at(-1);
  if (stages.length < 3 || runtime === undefined) return [`${stages.length} FROM stages: expected dependencies, build and runtime stages`];
  if (baseImage(stages, runtime) !== 'node:20-bookworm-slim') problems.push(`the runtime stage rests on ${baseImage(stages, runtime)}`);
  const user = runtime.instructions.filter((i) => i.op === 'USER').at(-1)?.args;
  if (user === undefined || ['root', '0', '0:0'].includes(user)) problems.push(`the runtime stage runs as ${user ?? 'root (no USER)'}`);
  if (!runtime.instructions.some((i) => i.op === 'ENV' && /NODE_ENV=production/.test(i.args)))
    problems.push('the runtime stage does not set NODE_ENV=production');
  if (!stages.some((s) => s.instructions.some((i) => i.op === 'ENV' && /PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1/.test(i.args)))) {
    problems.push('no stage sets PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1');
  }
  const copied = copiedPaths(runtime);
  for (const [name, s] of Object.entries(compose.services)) {
    if (s.build === undefined) continue;
    for (const script of (s.command ?? []).filter((word) => /\.(ts|mjs|js)$/.test(word))) {
      if (!copied.some((path) => script === path || script.startsWith(`${path}/`)))
        problems.push(`${name} runs ${script}, which the runtime stage does not copy`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

const shardings = (plan: readonly PlanStep[]) =>
  plan.flatMap((step) => (step.kind === 'shardCollection' ? [[step.command.shardCollection, step.command.key] as const] : []));

describe('topology', () => {
  it('is 3 config servers, 2 shards of 3 members and 2 routers on the conventional ports', () => {
    expect(TOPOLOGY.configServers).toEqual({ name: 'cfgrs', role: 'configsvr', port: 27019, members: ['cfg1', 'cfg2', 'cfg3'] });
    expect(TOPOLOGY.shards.map((s) => [s.name, s.role, s.port, s.members])).toEqual([
      ['shard1rs', 'shardsvr', 27018, ['shard1a', 'shard1b', 'shard1c']],
      ['shard2rs', 'shardsvr', 27018, ['shard2a', 'shard2b', 'shard2c']],
    ]);
    expect(routerAddresses(TOPOLOGY)).toEqual(['mongos1:27017', 'mongos2:27017']);
    expect(mongosCommand(TOPOLOGY, TOPOLOGY.routers[0]!).join(' ')).toBe(
      'mongos --configdb cfgrs/cfg1:27019,cfg2:27019,cfg3:27019 --bind_ip_all --port 27017 --keyFile /run/mongo-keyfile/keyfile',
    );
  });
});

describe('WiredTiger caches', () => {
  const mongods = replicaSets(TOPOLOGY).flatMap((rs) => rs.members).length;

  it('fit the nine mongod in half of what the compose host leaves them, and every member sets its cache', () => {
    expect(mongods).toBe(9);
    expect(WIREDTIGER_CACHE_GB).toBe(1.4);
    expect(mongods * WIREDTIGER_CACHE_GB).toBeLessThanOrEqual((COMPOSE_HOST.memoryGB - COMPOSE_HOST.otherServicesGB) / 2);
    for (const replicaSet of replicaSets(TOPOLOGY)) {
      const command = mongodCommand(replicaSet);
      expect(command[command.indexOf('--wiredTigerCacheSizeGB') + 1]).toBe('1.4');
    }
  });

  it('shrink with the host and never round up past it', () => {
    expect(wiredTigerCacheGB({ memoryGB: 64, otherServicesGB: 6.5 }, 9)).toBe(3.1);
    expect(wiredTigerCacheGB({ memoryGB: 16, otherServicesGB: 6.5 }, 9)).toBe(0.5);
  });
});

describe('clusterPlan', () => {
  const plan = clusterPlan(TOPOLOGY, DECLARED, DB);
  const kinds = plan.map((step) => step.kind);

  it('shards every declared collection on exactly its declared key', () => {
    expect(planProblems(plan, DECLARED, DB)).toEqual([]);
    expect(Object.fromEntries(shardings(plan))).toEqual(
      Object.fromEntries(Object.values(COLLECTIONS).map((c) => [`${DB}.${c.name}`, c.shardKey])),
    );
  });

  it('initiates each replica set on its first member with all its members, then waits for its primary', () => {
    for (const replicaSet of replicaSets(TOPOLOGY)) {
      const at = plan.findIndex((step) => step.kind === 'initiate' && step.command.replSetInitiate._id === replicaSet.name);
      const initiate = plan[at];
      expect(initiate?.kind).toBe('initiate');
      if (initiate?.kind !== 'initiate') continue;
      expect(initiate.target).toEqual({ direct: memberAddresses(replicaSet)[0] });
      expect(initiate.command.replSetInitiate.members.map((m) => m.host)).toEqual(memberAddresses(replicaSet));
      expect(initiate.command.replSetInitiate.configsvr).toBe(replicaSet.role === 'configsvr' ? true : undefined);
      expect(plan[at + 1]).toMatchObject({ kind: 'awaitPrimary', replSet: replicaSet.name });
    }
  });

  it('adds each shard by its replica set connection string once the routers answer, before sharding anything', () => {
    expect(plan.flatMap((step) => (step.kind === 'addShard' ? [step.command] : []))).toEqual(
      TOPOLOGY.shards.map((shard) => ({ addShard: replicaSetConnectionString(shard), name: shard.name })),
    );
    expect(kinds.lastIndexOf('awaitPrimary')).toBeLessThan(kinds.indexOf('awaitRouter'));
    expect(kinds.lastIndexOf('awaitRouter')).toBeLessThan(kinds.indexOf('addShard'));
    expect(kinds.lastIndexOf('addShard')).toBeLessThan(kinds.indexOf('enableSharding'));
    expect(kinds.indexOf('enableSharding')).toBeLessThan(kinds.indexOf('shardCollection'));
    expect(plan.find((step) => step.kind === 'enableSharding')).toMatchObject({ command: { enableSharding: DB } });
  });

  it('creates the hashed index of a hashed key, and no second index where a declared one supports a range key', () => {
    const indexesOf = (name: string) =>
      plan.flatMap((step) => (step.kind === 'createIndexes' && step.command.createIndexes === name ? step.command.indexes : []));
    expect(indexesOf(COLLECTIONS.products.name)).toContainEqual({ key: { _id: 'hashed' }, name: '_id_hashed' });
    expect(indexesOf(COLLECTIONS.priceHistory.name)).toContainEqual({
      key: { productId: 'hashed', market: 1, at: 1 },
      name: 'productId_hashed_market_1_at_1',
    });

    const ranged: ShardedCollection = {
      name: 'visits',
      indexes: [{ name: 'product_at', key: { productId: 1, at: 1 } }],
      shardKey: { productId: 1 },
    };
    const rangedPlan = clusterPlan(TOPOLOGY, [ranged], DB);
    const created = rangedPlan.flatMap((step) => (step.kind === 'createIndexes' ? step.command.indexes : []));
    expect(created).toEqual(ranged.indexes);
  });

  it('detects a plan that leaves a declared collection unsharded, shards on another key, or shards before indexing', () => {
    const extra: ShardedCollection = {
      name: 'wishlists',
      indexes: [{ name: 'customer', key: { customerId: 1 } }],
      shardKey: { customerId: 'hashed' },
    };
    expect(planProblems(plan, [...DECLARED, extra], DB)).toEqual([`${DB}.wishlists is declared but the plan does not shard it`]);

    const rekeyed = plan.map((step) =>
      step.kind === 'shardCollection' && step.command.shardCollection === `${DB}.orders`
        ? { ...step, command: { ...step.command, key: { _id: 'hashed' as const } } }
        : step,
    );
    expect(planProblems(rekeyed, DECLARED, DB)).toEqual([
      `the plan shards ${DB}.orders on {"_id":"hashed"}, declared {"customerId":"hashed"}`,
    ]);

    const reordered = [...plan].sort((a, b) => Number(b.kind === 'shardCollection') - Number(a.kind === 'shardCollection'));
    expect(planProblems(reordered, DECLARED, DB)).toContain(
      `the plan does not create ${DB}.price_history.product_market_at before sharding it`,
    );
  });
});

describe('declared collections', () => {
  it('obey the rules for sharded collections', () => {
    expect(collectionProblems(DECLARED)).toEqual([]);
  });

  it('detect a unique index off the shard key, a range key without its index, and a text index', () => {
    const broken: ShardedCollection[] = [
      { name: 'a', indexes: [{ name: 'code', key: { code: 1 }, unique: true }], shardKey: { _id: 'hashed' } },
      { name: 'b', indexes: [{ name: 'at', key: { at: 1 }, partialFilterExpression: { at: { $exists: true } } }], shardKey: { at: 1 } },
      { name: 'c', indexes: [{ name: 'words', key: { title: 'text' } as unknown as IndexKey }], shardKey: { _id: 'hashed' } },
    ];
    expect(collectionProblems(broken)).toEqual([
      'a.code: a unique index must start with the shard key fields (_id), this one starts with code',
      'b: the range shard key {"at":1} has no declared non-partial index starting with it',
      'c.words: title is a "text" index, only 1 and -1 are allowed',
    ]);
  });
});

describe('init-cluster', () => {
  it('can be imported without running', async () => {
    const init = await import('./init-cluster');
    expect(init.parseInitSettings({}).dbName).toBe(DEFAULT_DB_NAME);
    expect(() => init.parseInitSettings({ MONGO_DB: 'bad.name', MONGO_INIT_DEADLINE_MS: '-1' })).toThrow(
      /MONGO_DB[\s\S]*MONGO_INIT_DEADLINE_MS/,
    );
  });
});

describe('docker-compose.yml', () => {
  const compose = loadCompose(read('../../docker-compose.yml'));

  it('runs the declared topology, starts it in order, and runs one scraper per market', () => {
    expect(composeProblems(compose, TOPOLOGY, MARKET_CODES)).toEqual([]);
  });

  it('detects a member that is not a config server, a member without its cache size, a missing market and an app that does not wait for the init', () => {
    const broken = structuredClone(compose);
    broken.services['cfg2'] = { ...broken.services['cfg2'], command: ['mongod', '--replSet', 'cfgrs', '--port', '27019', '--bind_ip_all'] };
    broken.services['shard1b'] = {
      ...broken.services['shard1b'],
      command: mongodCommand(TOPOLOGY.shards[0]!).filter(
        (word, i, all) => word !== '--wiredTigerCacheSizeGB' && all[i - 1] !== '--wiredTigerCacheSizeGB',
      ),
    };
    delete broken.services['scraper-es'];
    broken.services['app'] = { ...broken.services['app'], depends_on: { redis: 'service_healthy' } };
    expect(composeProblems(broken, TOPOLOGY, MARKET_CODES)).toEqual([
      'cfg2 runs `mongod --replSet cfgrs --port 27019 --bind_ip_all`, expected `mongod --configsvr --replSet cfgrs --port 27019 --bind_ip_all --wiredTigerCacheSizeGB 1.4 --keyFile /run/mongo-keyfile/keyfile`',
      'shard1b runs `mongod --shardsvr --replSet shard1rs --port 27018 --bind_ip_all --keyFile /run/mongo-keyfile/keyfile`, expected `mongod --shardsvr --replSet shard1rs --port 27018 --bind_ip_all --wiredTigerCacheSizeGB 1.4 --keyFile /run/mongo-keyfile/keyfile`',
      'scraper services are scraper-it, scraper-fr, scraper-de, expected one per market: scraper-it, scraper-fr, scraper-de, scraper-es',
      'scraper-es does not run workers/scrapers/main.ts --market es',
      'app does not wait for mongo-init to complete',
      'no service scraper-es',
    ]);
  });
});

describe('access control', () => {
  const compose = loadCompose(read('../../docker-compose.yml'));
  const script = read('./make-secrets.sh');
  const users = clusterUsers(DB);

  it('runs every member and router with the keyFile, hands each service only its own secret, and gives users the least roles', () => {
    expect(accessProblems(compose, TOPOLOGY, users, script)).toEqual([]);
    expect(users.map((u) => [u.name, u.roles.map((r) => `${r.role}@${r.db}`)])).toEqual([
      ['admin', ['root@admin']],
      ['app', [`readWrite@${DB}`]],
      ['workers', [`readWrite@${DB}`]],
    ]);
  });

  it('creates the users through the routers once the shards are in, before any collection is used', () => {
    const plan = clusterPlan(TOPOLOGY, DECLARED, DB);
    const kinds = plan.map((step) => step.kind);
    expect(plan.flatMap((step) => (step.kind === 'ensureUser' ? [[step.user, step.passwordFile, step.target]] : []))).toEqual(
      users.map((u) => [u.name, u.passwordFile, { routers: routerAddresses(TOPOLOGY) }]),
    );
    expect(kinds.lastIndexOf('addShard')).toBeLessThan(kinds.indexOf('ensureUser'));
    expect(kinds.lastIndexOf('ensureUser')).toBeLessThan(kinds.indexOf('createIndexes'));
    // No password in the plan: the init reads each from its file when it runs the step.
    expect(JSON.stringify(plan)).not.toContain('pwd');
  });

  it("makes a keyFile mode 400 owned by mongodb, passwords per user, and each service's MONGO_URL, keeping them on a second start", async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync: readText, statSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    if (process.getuid?.() !== 0) return; // chown needs root, as the cluster-secrets service runs
    const root = mkdtempSync(join(tmpdir(), 'cluster-secrets-'));
    try {
      const run = () =>
        execFileSync('sh', [new URL('./make-secrets.sh', import.meta.url).pathname], {
          env: { PATH: process.env['PATH'], SECRETS_ROOT: root, MONGO_ROUTERS: routerAddresses(TOPOLOGY).join(','), MONGO_DB: DB },
        });
      run();
      const keyFile = statSync(join(root, 'keyfile/keyfile'));
      expect([keyFile.mode & 0o777, keyFile.uid, keyFile.gid]).toEqual([0o400, 999, 999]);
      const key = readText(join(root, 'keyfile/keyfile'), 'utf8');
      expect(key).toMatch(/^[A-Za-z0-9+/=]{1008}$/);
      const appUrl = readText(join(root, 'app/mongo-url'), 'utf8');
      // Both routers, the app's database, signing in against admin; the password needs no escaping.
      const password = readText(join(root, 'init/app-password'), 'utf8');
      expect(password).toMatch(/^[\w-]{40,}$/);
      expect(appUrl).toBe(`mongodb://app:${password}@${routerAddresses(TOPOLOGY).join(',')}/${DB}?authSource=admin`);
      expect(statSync(join(root, 'app/mongo-url')).uid).toBe(1000);
      expect(readText(join(root, 'workers/mongo-url'), 'utf8')).toMatch(/^mongodb:\/\/workers:[\w-]{40,}@mongos1:27017,mongos2:27017\//);
      run();
      expect(readText(join(root, 'keyfile/keyfile'), 'utf8')).toBe(key);
      expect(readText(join(root, 'app/mongo-url'), 'utf8')).toBe(appUrl);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("detects a cluster left open: a member without the keyFile, a URL with its password in clear, a service with another's secrets, a user with too many roles", () => {
    const broken = structuredClone(compose);
    broken.services['shard2b'] = {
      ...broken.services['shard2b'],
      command: mongodCommand(TOPOLOGY.shards[1]!).slice(0, -2),
      volumes: ['shard2b-data:/data/db'],
    };
    broken.services['app'] = {
      ...broken.services['app'],
      environment: { ...broken.services['app']!.environment, MONGO_URL: 'mongodb://app:hunter2@mongos1:27017/digitalsales' },
      volumes: ['app-secrets:/run/digitalsales:ro', 'init-secrets:/run/init:ro'],
    };
    broken.services['outbox'] = { ...broken.services['outbox'], volumes: ['app-secrets:/run/digitalsales:ro'] };
    const greedy = users.map((u) => (u.name === 'workers' ? { ...u, roles: [...u.roles, { role: 'clusterAdmin', db: 'admin' }] } : u));
    expect(accessProblems(broken, TOPOLOGY, greedy, script.replace('chmod 400', 'chmod 644'))).toEqual([
      'shard2b runs without --keyFile /run/mongo-keyfile/keyfile',
      'shard2b does not mount mongo-keyfile read-only at /run/mongo-keyfile',
      'app has MONGO_URL in clear in the compose file',
      'app sets MONGO_URL in the compose file; it comes from its secrets volume (MONGO_URL_FILE)',
      "app mounts init-secrets, which holds every user's password",
      'outbox reads /run/digitalsales/mongo-url from app-secrets, expected worker-secrets read-only',
      "outbox mounts app-secrets, another user's secrets",
      `${SECRETS_SCRIPT} does not leave its files mode 400, owned by uid 999`,
      'user workers has clusterAdmin@admin, beyond digitalsales',
      'user workers has clusterAdmin, more than reading and writing data',
    ]);
  });
});

describe('Dockerfile', () => {
  const compose = loadCompose(read('../../docker-compose.yml'));

  it('builds in stages, runs as a non-root user and holds every file the services run', () => {
    expect(dockerfileProblems(read('../../Dockerfile'), compose)).toEqual([]);
  });

  it('detects a single-stage image that runs as root', () => {
    expect(dockerfileProblems('FROM node:20-bookworm-slim\nCOPY . .\nCMD ["node", "x.mjs"]\n', compose)).toEqual([
      '1 FROM stages: expected dependencies, build and runtime stages',
    ]);
    const asRoot = read('../../Dockerfile')
      .replace(/^USER .*$/m, 'USER root')
      .replace(/^COPY workers .*$/m, '');
    expect(dockerfileProblems(asRoot, compose)).toEqual([
      'the runtime stage runs as root',
      ...['scraper-it', 'scraper-fr', 'scraper-de', 'scraper-es'].map(
        (name) => `${name} runs workers/scrapers/main.ts, which the runtime stage does not copy`,
      ),
      'refresher runs workers/refresher/main.ts, which the runtime stage does not copy',
      ...['purchaser', 'outbox', 'translator'].map((name) => `${name} runs workers/${name}/main.ts, which the runtime stage does not copy`),
    ]);
  });

  it('keeps local state and secrets out of the build context', () => {
    const ignored = read('../../.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['node_modules', 'dist', '.git', 'data', 'test-results', '.env']) expect(ignored).toContain(entry);
  });
});
