// The MongoDB-wire server for `./stack up`, the tests and the benchmarks. First that applies:
// MONGO_URL; a `mongod` on PATH (single-node replica set); SecantusDB's Rust server from PATH,
// from the cache, or built into the cache with cargo; SecantusDB's Python server in a venv.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { cacheDir, exists, withLock } from './cache';
import { checkSetting, log, StackError } from './log';
import { freePort, startProcess, stopProcess, waitForPort, type Service, type Started } from './processes';
import { which } from './which';

export const SECANTUS_RS_VERSION = '0.5.3-beta.196';
export const SECANTUS_PY_VERSION = '0.7.0b3';
const HOST = '127.0.0.1';

export interface MongoRequest {
  /** Database name put in the URL. */
  readonly dbName: string;
  /** Keep the data here across runs; without it a temporary directory is used and removed. */
  readonly dataDir?: string;
  /** WiredTiger cache: small for tests, larger for `./stack up` and benchmarks. */
  readonly cacheSize: string;
  /** Fsync the log at each commit: wherever data is kept, a crash must not lose acknowledged writes. */
  readonly durable: boolean;
  readonly logDir: string;
}

export interface MongoService extends Service {
  readonly url: string;
  /** Where the server keeps its files; null for a server the stack did not start. */
  readonly dataDir: string | null;
}

type Engine = 'url' | 'mongod' | 'secantus-rs' | 'secantus-py';

export async function startMongo(request: MongoRequest): Promise<MongoService> {
  const forced = process.env['STACK_MONGO'] as Engine | 'auto' | undefined;
  const url = process.env['MONGO_URL'];
  if (url && (!forced || forced === 'auto' || forced === 'url')) return useGivenMongo(url);

  const mongod = which('mongod');
  if (mongod && (!forced || forced === 'auto' || forced === 'mongod')) return startMongod(mongod, request);

  if (forced !== 'secantus-py') {
    const rust = await secantusRustBinary(forced === 'secantus-rs');
    if (rust) return startSecantus('secantus-rs', rust.path, rust.origin, request);
  }
  const python = await secantusPythonBinary();
  if (python) return startSecantus('secantus-py', python.path, python.origin, request);

  throw new StackError(
    [
      'No MongoDB-wire server could be found or built. Any one of these works:',
      '  - set MONGO_URL to a running MongoDB (mongodb://host:port/digitalsales);',
      '  - put `mongod` on PATH;',
      `  - install Rust (cargo) so the stack can build SecantusDB ${SECANTUS_RS_VERSION} into ${cacheDir()};`,
      "  - install Python 3.10 to 3.13 with venv (apt-get install python3-venv) for SecantusDB's Python server.",
    ].join('\n'),
  );
}

async function useGivenMongo(url: string): Promise<MongoService> {
  checkSetting('MONGO_URL', url);
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 3000, connectTimeoutMS: 3000 });
  try {
    await client.connect();
    await client.db().command({ ping: 1 });
  } catch (error) {
    throw new StackError(
      `MONGO_URL=${url}: no MongoDB answered within 3 s (${(error as Error).message}).\n` +
        'Fix MONGO_URL, start that server, or unset MONGO_URL to use the embedded one.',
    );
  } finally {
    await client.close();
  }
  log('mongo', `using MONGO_URL ${redact(url)}`);
  return {
    name: 'mongodb',
    detail: 'MongoDB from MONGO_URL',
    url,
    dataDir: null,
    pid: null,
    infrastructure: true,
    stop: async () => undefined,
  };
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

async function dataDirFor(request: MongoRequest): Promise<{ dir: string; temporary: boolean }> {
  if (request.dataDir) {
    await mkdir(request.dataDir, { recursive: true });
    return { dir: request.dataDir, temporary: false };
  }
  return { dir: await mkdtemp(join(tmpdir(), 'digitalsales-mongo-')), temporary: true };
}

function service(started: Started, detail: string, url: string, data: { dir: string; temporary: boolean }): MongoService {
  return {
    name: 'mongodb',
    detail,
    url,
    dataDir: data.dir,
    pid: started.child.pid ?? null,
    infrastructure: true,
    async stop() {
      await stopProcess(started);
      if (data.temporary) await rm(data.dir, { recursive: true, force: true });
    },
  };
}

async function startMongod(path: string, request: MongoRequest): Promise<MongoService> {
  const port = await freePort();
  const data = await dataDirFor(request);
  const started = startProcess({
    name: 'mongod',
    command: path,
    args: ['--replSet', 'rs0', '--bind_ip', HOST, '--port', String(port), '--dbpath', data.dir, '--quiet'],
    logFile: join(request.logDir, 'mongod.log'),
  });
  await waitForPort(started, HOST, port, 60_000);
  // Change streams and transactions need a replica set, even of one member.
  const admin = new MongoClient(`mongodb://${HOST}:${port}/?directConnection=true`, { serverSelectionTimeoutMS: 10_000 });
  try {
    await admin.connect();
    await admin
      .db('admin')
      .command({ replSetInitiate: { _id: 'rs0', members: [{ _id: 0, host: `${HOST}:${port}` }] } })
      .catch((error: Error) => {
        if (!/already initialized/i.test(error.message)) throw error;
      });
    const deadline = Date.now() + 30_000;
    while (!(await admin.db('admin').command({ hello: 1 }))['isWritablePrimary']) {
      if (Date.now() > deadline) throw new StackError('mongod did not become primary within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await admin.close();
  }
  const url = `mongodb://${HOST}:${port}/${request.dbName}?directConnection=true`;
  log('mongo', `started mongod from PATH (${path}) at ${url}`);
  return service(started, `mongod from PATH, single-node replica set`, url, data);
}

interface Binary {
  readonly path: string;
  readonly origin: string;
}

async function secantusRustBinary(required: boolean): Promise<Binary | null> {
  const onPath = which('secantusd-rs');
  if (onPath) return { path: onPath, origin: 'from PATH' };
  const root = join(cacheDir(), `secantus-rs-${SECANTUS_RS_VERSION}`);
  const cached = join(root, 'bin', 'secantusd-rs');
  if (await exists(cached)) return { path: cached, origin: 'cached build' };
  const cargo = which('cargo');
  if (!cargo) {
    if (required) throw new StackError('STACK_MONGO=secantus-rs but cargo is not installed and no build is cached');
    return null;
  }
  await withLock(`${root}.lock`, 30 * 60_000, async () => {
    if (!(await exists(cached))) await buildSecantus(cargo, root);
  });
  return { path: cached, origin: 'built now with cargo' };
}

/** cargo install into a scratch root, then one rename: a killed build never leaves half a binary. */
async function buildSecantus(cargo: string, root: string): Promise<void> {
  const scratch = `${root}.building`;
  await rm(scratch, { recursive: true, force: true });
  log('mongo', `building SecantusDB ${SECANTUS_RS_VERSION} with cargo into ${root}: about 5 minutes on 2 cores, once per machine`);
  const startedAt = Date.now();
  let compiled = 0;
  let current = '';
  const child = spawn(
    cargo,
    ['install', '--locked', '--ignore-rust-version', '--root', scratch, 'secantus-mdb', '--version', SECANTUS_RS_VERSION],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    const match = /^\s*Compiling (\S+)/.exec(line);
    if (match) {
      compiled += 1;
      current = match[1]!;
    }
  };
  let pending = '';
  child.stderr.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  const progress = setInterval(() => {
    const elapsed = Math.round((Date.now() - startedAt) / 1000);
    log('mongo', `building SecantusDB: ${compiled} crates compiled (now ${current || 'fetching sources'}), ${elapsed} s elapsed`);
  }, 15_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(progress);
  if (code !== 0) {
    throw new StackError(`cargo install secantus-mdb failed (exit ${code}). Last lines:\n${tail.join('\n')}`);
  }
  await rm(root, { recursive: true, force: true });
  await rename(scratch, root);
  log('mongo', `built SecantusDB in ${Math.round((Date.now() - startedAt) / 1000)} s (${compiled} crates)`);
}

async function secantusPythonBinary(): Promise<Binary | null> {
  const venv = join(cacheDir(), `secantus-py-${SECANTUS_PY_VERSION}`);
  const binary = join(venv, 'bin', 'secantusd-py');
  if (await exists(binary)) return { path: binary, origin: 'cached venv' };
  const python = findPython();
  if (!python) return null;
  await withLock(`${venv}.lock`, 15 * 60_000, async () => {
    if (await exists(binary)) return;
    log('mongo', `installing SecantusDB's Python server ${SECANTUS_PY_VERSION} into ${venv}`);
    await rm(venv, { recursive: true, force: true });
    await run(python, ['-m', 'venv', venv]);
    await run(join(venv, 'bin', 'pip'), ['install', '--quiet', `SecantusDB==${SECANTUS_PY_VERSION}`]);
  });
  return (await exists(binary)) ? { path: binary, origin: 'installed now with pip' } : null;
}

/** A Python the wheel supports (3.10 to 3.13). Version managers' shims may name one that is not installed, so each is run. */
function findPython(): string | null {
  for (const name of ['python3.13', 'python3.12', 'python3.11', 'python3.10', 'python3']) {
    const path = which(name);
    if (!path) continue;
    const probe = spawnSync(path, ['-c', 'import sys, venv; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= (3, 13) else 1)'], {
      timeout: 10_000,
    });
    if (probe.status === 0) return path;
  }
  return null;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new StackError(`${command} ${args.join(' ')} failed (exit ${code})`))));
  });
}

/**
 * A process still serving the data directory (a server left by a stack that did not stop
 * cleanly, or a second stack): the server would fail on the storage engine's lock with a
 * message that names neither. Read from Linux's /proc; null where there is none to read.
 */
export async function serverUsing(dataDir: string): Promise<{ pid: number; command: string } | null> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0');
    const at = args.findIndex((arg) => arg === '--storage-path' || arg === '--dbpath');
    if (at >= 0 && args[at + 1] === dataDir) return { pid: Number(entry), command: args[0]! };
  }
  return null;
}

async function startSecantus(
  kind: 'secantus-rs' | 'secantus-py',
  path: string,
  origin: string,
  request: MongoRequest,
): Promise<MongoService> {
  const port = await freePort();
  const data = await dataDirFor(request);
  const holder = data.temporary ? null : await serverUsing(data.dir);
  if (holder)
    throw new StackError(
      `another database server (pid ${holder.pid}, ${holder.command}) still uses ${data.dir}: left by a stack that did not stop, or another stack running.\n` +
        `Stop it (kill ${holder.pid}) or the other stack, then run this again.`,
    );
  const args = ['--host', HOST, '--port', String(port), '--storage-path', data.dir];
  if (kind === 'secantus-rs') {
    args.push('--cache-size', request.cacheSize, '--log-level', 'WARNING');
    // A log file is allocated in full; 128 MB per throw-away test database adds up.
    if (!request.durable) args.push('--log-file-max', '16MB');
    if (request.durable) args.push('--sync-on-commit');
  }
  const started = startProcess({ name: kind, command: path, args, logFile: join(request.logDir, `${kind}.log`) });
  await waitForPort(started, HOST, port, 60_000);
  const url = `mongodb://${HOST}:${port}/${request.dbName}`;
  const detail = `SecantusDB ${kind === 'secantus-rs' ? `${SECANTUS_RS_VERSION} (Rust server` : `${SECANTUS_PY_VERSION} (Python server`}, ${origin})`;
  log('mongo', `started ${detail} at ${url}${data.temporary ? '' : `, data in ${data.dir}`}`);
  return service(started, detail, url, data);
}
