// The cluster init program: checks the declarations, then runs the plan from cluster-plan.ts
// against the processes of topology.ts with the official driver, and exits. It waits for hosts
// that are not up yet (compose starts them in any order), bounds every call with a timeout,
// and is safe to run again on a cluster it already set up. Run by the mongo-init service:
//   node --import tsx infra/mongo-cluster/init-cluster.ts
//
// The members run with a keyFile, so nothing answers a client that has not signed in, and on a
// new cluster no user exists yet: the program signs in as the cluster's own internal identity
// (`__system`, whose password is the keyFile's key), which only holders of the key (the members,
// the routers and this program) can. It then creates the users of users.ts with the passwords
// make-secrets.sh generated; the services sign in as those, never with the key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  MongoClient,
  MongoNetworkError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  type Collection,
  type Document,
} from 'mongodb';
import { z } from 'zod';
import { DEFAULT_DB_NAME, syncIndexes } from '../../src/server/platform/db';
import { collectionProblems, planProblems } from './cluster-checks';
import { clusterPlan, type PlanStep, type Target } from './cluster-plan';
import { KEYFILE_PATH, TOPOLOGY } from './topology';
import { COLLECTIONS } from '../../src/server/collections';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const milliseconds = (defaultMs: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().default(defaultMs));

/** The environment this program reads, each variable with its default. */
const InitEnv = z.object({
  /** The database to shard; the app's MONGO_URL names the same one. */
  MONGO_DB: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'expected a database name of letters, digits, "_" or "-"')
      .default(DEFAULT_DB_NAME),
  ),
  /** The whole run, waiting for hosts included: a cold mongod on a slow disk takes tens of seconds to listen. */
  MONGO_INIT_DEADLINE_MS: milliseconds(300_000),
  /** One attempt to reach a host; short, so a host that is not up yet is retried rather than waited on. */
  MONGO_INIT_CONNECT_TIMEOUT_MS: milliseconds(5_000),
  /** One command; addShard and shardCollection commit to the config servers with majority write concern. */
  MONGO_INIT_COMMAND_TIMEOUT_MS: milliseconds(60_000),
  /** How long a just-initiated replica set may take to elect a primary. */
  MONGO_INIT_ELECTION_TIMEOUT_MS: milliseconds(60_000),
  /** The cluster's shared key, which the members and routers run with. */
  MONGO_KEYFILE: z.preprocess(unsetIfEmpty, z.string().default(KEYFILE_PATH)),
  /** Where make-secrets.sh left the users' passwords (one file per user, users.ts names them). */
  MONGO_INIT_SECRETS_DIR: z.preprocess(unsetIfEmpty, z.string().default('/run/digitalsales-init')),
});

export interface InitOptions {
  readonly dbName: string;
  readonly deadlineMs: number;
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly electionTimeoutMs: number;
  /** Null for a server without access control, which the program then reaches without signing in. */
  readonly keyFile: string | null;
  readonly secretsDir: string;
  readonly log: (line: string) => void;
}

/** A failure with the message an operator acts on; thrown for the run, not for one attempt. */
export class ClusterInitError extends Error {
  override readonly name = 'ClusterInitError';
}

/** Reads InitEnv from `env`; throws one ClusterInitError naming every bad variable. */
export function parseInitSettings(env: Record<string, string | undefined>): Omit<InitOptions, 'log'> {
  const parsed = InitEnv.safeParse(env);
  if (!parsed.success) throw new ClusterInitError(`invalid environment:\n${z.prettifyError(parsed.error)}`);
  const settings = parsed.data;
  return {
    dbName: settings.MONGO_DB,
    deadlineMs: settings.MONGO_INIT_DEADLINE_MS,
    connectTimeoutMs: settings.MONGO_INIT_CONNECT_TIMEOUT_MS,
    commandTimeoutMs: settings.MONGO_INIT_COMMAND_TIMEOUT_MS,
    electionTimeoutMs: settings.MONGO_INIT_ELECTION_TIMEOUT_MS,
    keyFile: settings.MONGO_KEYFILE,
    secretsDir: settings.MONGO_INIT_SECRETS_DIR,
  };
}

/** A secret file's text without whitespace (mongod reads a keyFile's key the same way); a clear error when missing. */
export function readSecret(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ClusterInitError(
      `${what} cannot be read from ${path} (make-secrets.sh writes it at first start): ${(error as Error).message}`,
    );
  }
  const secret = text.replace(/\s+/g, '');
  if (secret.length < 16) throw new ClusterInitError(`${what} in ${path} is too short to be a generated secret`);
  return secret;
}

// Errors that mean "not yet", not "wrong": a host still starting, a replica set still electing,
// a router that has not reached the config servers, another DDL holding the namespace.
const TRANSIENT_CODE_NAMES = new Set([
  'HostUnreachable',
  'HostNotFound',
  'NetworkTimeout',
  'NodeNotFound',
  'NotYetInitialized',
  'NotWritablePrimary',
  'NotPrimaryNoSecondaryOk',
  'NotPrimaryOrSecondary',
  'PrimarySteppedDown',
  'InterruptedDueToReplStateChange',
  'ShutdownInProgress',
  'InterruptedAtShutdown',
  'FailedToSatisfyReadPreference',
  'LockBusy',
  'ConflictingOperationInProgress',
]);

function isTransient(error: unknown): boolean {
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) return true;
  // Our own per-call timeout (AbortSignal.timeout for commands, the driver's timeoutMS for the
  // index helpers): every step is idempotent, so a call that timed out is sent again. An index
  // build that outlasts it is joined by the same createIndexes sent again.
  if (error instanceof Error && error.name === 'TimeoutError') return true;
  if (error instanceof MongoOperationTimeoutError) return true;
  return error instanceof MongoServerError && TRANSIENT_CODE_NAMES.has(error.codeName ?? '');
}

function errorText(error: unknown): string {
  if (error instanceof MongoServerError) return `${error.codeName ?? `code ${String(error.code)}`}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function targetName(target: Target): string {
  return 'direct' in target ? target.direct : target.routers.join(',');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function uriOf(target: Target): string {
  return 'direct' in target ? `mongodb://${target.direct}/?directConnection=true` : `mongodb://${target.routers.join(',')}/`;
}

/** One MongoClient per target, opened on first use, all closed at the end of the run. */
class Clients {
  private readonly open = new Map<string, MongoClient>();

  private readonly key: string | null;

  constructor(private readonly options: InitOptions) {
    this.key = options.keyFile === null ? null : readSecret(options.keyFile, 'the cluster keyFile');
  }

  async command(target: Target, db: string, command: Document): Promise<Document> {
    const uri = uriOf(target);
    try {
      return await this.client(uri)
        .db(db)
        .command(command, { signal: AbortSignal.timeout(this.options.commandTimeoutMs) });
    } catch (error) {
      // A client whose first connection failed stays closed ("Topology is closed"): the next
      // attempt needs a new one.
      if (error instanceof MongoServerSelectionError) await this.discard(uri);
      throw error;
    }
  }

  /** For the driver's helpers (index management), each operation bounded as a command is. */
  collection(target: Target, db: string, name: string): Collection {
    return this.client(uriOf(target)).db(db, { timeoutMS: this.options.commandTimeoutMs }).collection(name);
  }

  async close(): Promise<void> {
    await Promise.all([...this.open.keys()].map((uri) => this.discard(uri)));
  }

  private async discard(uri: string): Promise<void> {
    const client = this.open.get(uri);
    this.open.delete(uri);
    await Promise.race([client?.close().catch(() => undefined), sleep(this.options.connectTimeoutMs)]);
  }

  private client(uri: string): MongoClient {
    let client = this.open.get(uri);
    if (client === undefined) {
      client = new MongoClient(uri, {
        appName: 'digitalsales-mongo-init',
        ...(this.key === null ? {} : { auth: { username: '__system', password: this.key }, authSource: 'local' }),
        serverSelectionTimeoutMS: this.options.connectTimeoutMs,
        connectTimeoutMS: this.options.connectTimeoutMs,
      });
      this.open.set(uri, client);
    }
    return client;
  }
}

/** Runs `attempt` until it succeeds, fails for good, or `deadline` passes; logs what it waits for. */
async function retrying<T>(deadline: number, log: (line: string) => void, attempt: () => Promise<T>): Promise<T> {
  let delayMs = 500;
  let lastWait = '';
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error)) throw error;
      const wait = errorText(error);
      if (Date.now() + delayMs > deadline)
        throw new ClusterInitError(`still failing at the run's deadline (MONGO_INIT_DEADLINE_MS): ${wait}`);
      if (wait !== lastWait) log(`  waiting: ${wait}`);
      lastWait = wait;
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, 5_000);
    }
  }
}

async function runStep(step: PlanStep, clients: Clients, deadline: number, options: InitOptions): Promise<string> {
  const { log } = options;
  switch (step.kind) {
    case 'initiate':
      return retrying(deadline, log, async () => {
        try {
          await clients.command(step.target, step.db, step.command);
          return 'initiated';
        } catch (error) {
          if (error instanceof MongoServerError && error.codeName === 'AlreadyInitialized') return 'already initiated';
          throw error;
        }
      });
    case 'awaitPrimary':
      return awaitPrimary(step, clients, Math.min(deadline, Date.now() + options.electionTimeoutMs));
    case 'awaitRouter':
      return retrying(deadline, log, async () => {
        await clients.command(step.target, 'admin', { ping: 1 });
        return 'answers';
      });
    case 'addShard':
      // Checked first rather than relying on addShard's own idempotence, which holds only
      // while the stored host string matches the one sent.
      return retrying(deadline, log, async () => {
        const listed = await clients.command(step.target, 'admin', { listShards: 1 });
        const shards: unknown = listed['shards'];
        if (Array.isArray(shards) && shards.some((shard: Document) => shard['_id'] === step.command.name)) return 'already a shard';
        await clients.command(step.target, step.db, step.command);
        return 'added';
      });
    case 'shardCollection':
      return retrying(deadline, log, async () => {
        try {
          await clients.command(step.target, step.db, step.command);
          return 'sharded';
        } catch (error) {
          if (error instanceof MongoServerError && error.codeName === 'AlreadyInitialized') {
            throw new ClusterInitError(
              `${step.command.shardCollection} is already sharded on another key (${error.message}); ` +
                'changing it is a reshardCollection, an operator decision this program does not take',
            );
          }
          throw error;
        }
      });
    case 'ensureUser': {
      const pwd = readSecret(join(options.secretsDir, step.passwordFile), `the password of user ${step.user}`);
      return retrying(deadline, log, async () => {
        const found = await clients.command(step.target, 'admin', { usersInfo: { user: step.user, db: 'admin' } });
        const exists = Array.isArray(found['users']) && found['users'].length > 0;
        const roles = step.roles.map((r) => ({ role: r.role, db: r.db }));
        await clients.command(step.target, 'admin', exists ? { updateUser: step.user, pwd, roles } : { createUser: step.user, pwd, roles });
        return exists ? 'password and roles set' : 'created';
      });
    }
    case 'createIndexes':
      // A changed declaration meets the indexes an earlier run made: the app's own rule rebuilds
      // them and drops the retired ones (a plain createIndexes would fail with IndexOptionsConflict
      // or IndexKeySpecsConflict and leave every service waiting).
      return retrying(deadline, log, async () => {
        const collection = clients.collection(step.target, step.db, step.command.createIndexes);
        const created = await syncIndexes(collection, { indexes: step.command.indexes, shardKey: step.shardKey }, (message) =>
          log(`  ${message}`),
        );
        return created === 0 ? 'all present' : `${created} created`;
      });
    case 'enableSharding':
      return retrying(deadline, log, async () => {
        await clients.command(step.target, step.db, step.command);
        return 'ok';
      });
  }
}

async function awaitPrimary(step: Extract<PlanStep, { kind: 'awaitPrimary' }>, clients: Clients, until: number): Promise<string> {
  const started = Date.now();
  let last = 'no answer yet';
  while (Date.now() < until) {
    try {
      const hello = await clients.command(step.target, 'admin', { hello: 1 });
      const setName: unknown = hello['setName'];
      if (typeof setName === 'string' && setName !== step.replSet) {
        throw new ClusterInitError(
          `${targetName(step.target)} belongs to replica set ${setName}, not ${step.replSet}: its data volume comes from another cluster`,
        );
      }
      const primary: unknown = hello['primary'];
      if (typeof primary === 'string') return `primary is ${primary}`;
      last = `setName=${String(setName)} isWritablePrimary=${String(hello['isWritablePrimary'])} secondary=${String(hello['secondary'])}`;
    } catch (error) {
      if (!isTransient(error)) throw error;
      last = errorText(error);
    }
    await sleep(1_000);
  }
  throw new ClusterInitError(`no primary elected in ${step.replSet} after ${seconds(Date.now() - started)}; last answer: ${last}`);
}

/** Runs every step in order; the first failure ends the run with a ClusterInitError naming the step. */
export async function runPlan(plan: readonly PlanStep[], options: InitOptions): Promise<void> {
  const clients = new Clients(options);
  const deadline = Date.now() + options.deadlineMs;
  try {
    for (const [index, step] of plan.entries()) {
      const label = `${index + 1}/${plan.length} ${step.title}`;
      const started = Date.now();
      options.log(`${label} ...`);
      try {
        const outcome = await runStep(step, clients, deadline, options);
        options.log(`${label}: ${outcome} (${seconds(Date.now() - started)})`);
      } catch (error) {
        throw new ClusterInitError(`step ${label} failed: ${errorText(error)}`, { cause: error });
      }
    }
  } finally {
    await clients.close();
  }
}

async function main(): Promise<number> {
  const log = (line: string) => console.log(`[mongo-init] ${line}`);
  let settings: Omit<InitOptions, 'log'>;
  try {
    settings = parseInitSettings(process.env);
  } catch (error) {
    console.error(`[mongo-init] ${error instanceof Error ? error.message : String(error)}`);
    return 78; // EX_CONFIG, as the app's entry points
  }
  const collections = Object.values(COLLECTIONS);
  const plan = clusterPlan(TOPOLOGY, collections, settings.dbName);
  const problems = [...collectionProblems(collections), ...planProblems(plan, collections, settings.dbName)];
  if (problems.length > 0) {
    console.error(`[mongo-init] the declared collections cannot be sharded as they are:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 78;
  }
  try {
    await runPlan(plan, { ...settings, log });
  } catch (error) {
    console.error(`[mongo-init] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  log(`cluster ready: ${TOPOLOGY.shards.length} shards, ${collections.length} collections sharded in ${settings.dbName}`);
  return 0;
}

const entryPoint = process.argv[1];
if (entryPoint !== undefined && import.meta.url === pathToFileURL(entryPoint).href) {
  process.exit(await main());
}
