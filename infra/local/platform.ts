// The platform as `./stack up` runs it: MongoDB, Redis, the marketplace simulator, the app and
// the workers, started with the environment that points them at each other. `./stack up` and the
// system suite (e2e/system) both start it through startPlatform().
import { join } from 'node:path';
import { readFile, readdir, stat } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ensureDemoAdmin } from '../../src/server/backoffice';
import { parseConfig } from '../../src/server/platform/config';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { openRuntime } from '../../src/server/platform/runtime';
import { writeStackManifest } from '../../src/server/system';
import { startSimulatorProcess, type SimulatorProcess } from '../marketplace-simulator/simulator-process';
import type { ServiceSet } from './lifecycle';
import { log, StackError } from './log';
import { startMongo, type MongoService } from './mongo';
import { REPO_ROOT } from './paths';
import { freePort, portAnswers, startProcess, stopProcess, type Service, type Started } from './processes';
import { startRedis, type RedisService } from './redis';
import { ensureCollections } from '../../src/server/collections';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
export const APP_ENTRY = join(REPO_ROOT, 'dist', 'analog', 'server', 'index.mjs');

export interface WorkerProcess {
  readonly name: string;
  readonly script: string;
  readonly args: readonly string[];
}

/** Every worker `./stack up` starts; docker-compose.yml runs the same set. */
export const WORKER_PROCESSES: readonly WorkerProcess[] = [
  ...MARKET_CODES.map((code) => ({ name: `scraper-${code}`, script: 'workers/scrapers/main.ts', args: ['--market', code] })),
  { name: 'refresher', script: 'workers/refresher/main.ts', args: [] },
  { name: 'purchaser', script: 'workers/purchaser/main.ts', args: [] },
  { name: 'outbox', script: 'workers/outbox/main.ts', args: [] },
  { name: 'translator', script: 'workers/translator/main.ts', args: [] },
];

/** The settings that point the app and the workers at the marketplaces (here: the simulator's shops). */
export function marketplaceEnv(urls: Readonly<Record<MarketCode, string>>): Record<string, string> {
  return Object.fromEntries(MARKET_CODES.map((code) => [`MARKETPLACE_URL_${code.toUpperCase()}`, urls[code]]));
}

/** The settings that point the translator at a DeepL-shaped API (here: the simulator's stand-in, which takes any key). */
export function translationEnv(deeplUrl: string): Record<string, string> {
  return { DEEPL_SERVER_URL: deeplUrl, DEEPL_AUTH_KEY: 'simulator' };
}

/**
 * The settings that point the SP-API and eBay Browse quote sources at the simulator's stand-ins,
 * with credentials of the shapes Amazon and eBay issue (the stand-ins take any): a market moved to
 * them with QUOTE_SOURCE_OVERRIDES (marketplace-de=sp-api) works in the running stack as it would
 * against the real services.
 */
export function partnerApiEnv(partnerApiUrl: string): Record<string, string> {
  return {
    SP_API_URL: partnerApiUrl,
    SP_API_LWA_TOKEN_URL: `${partnerApiUrl}/auth/o2/token`,
    SP_API_CLIENT_ID: 'amzn1.application-oa2-client.simulator',
    SP_API_CLIENT_SECRET: 'amzn1.oa2-cs.v1.simulator',
    SP_API_REFRESH_TOKEN: 'Atzr|simulator',
    EBAY_API_URL: partnerApiUrl,
    EBAY_CLIENT_ID: 'DigitalS-simulator-PRD-0000000000-00000000',
    EBAY_CLIENT_SECRET: 'PRD-simulator-0000-0000-0000-0000',
  };
}

/**
 * The key the simulator signs its pushed offer changes with and the app checks them against
 * (SIGNAL_SECRET_*): one per start, as nothing but these two processes needs it.
 */
export function signalEnv(secret: string): Record<string, string> {
  return { SIGNAL_SECRET_SP_API: secret, SIGNAL_SECRET_EBAY: secret };
}

/** Has the simulator push offer changes to the app, as Amazon's and eBay's notifications do. */
export async function startSignals(
  controlUrl: string,
  appUrl: string,
  secret: string,
  settings: Record<string, unknown> = {},
): Promise<void> {
  const response = await fetch(`${controlUrl}/signals`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ targetUrl: appUrl, secret, ...settings }),
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) throw new StackError(`the simulator refused to push offer changes: ${response.status} ${await response.text()}`);
}

/** The simulator's first port when `./stack up` runs it: it, fr, de, es, then the control API. */
const SIMULATOR_PORT_BASE = 4100;
const SIMULATOR_PORTS = MARKET_CODES.length + 1;

/**
 * The simulator on the same ports at every start (SIMULATOR_PORT_BASE, else 4100): the catalog
 * kept in data/ stores the shops' product and image URLs, port included, and they must still
 * answer after a restart. When those ports are taken it falls back to free ones and says what
 * that costs, rather than refusing to start.
 */
export async function startStackSimulator(logFile: string): Promise<SimulatorProcess> {
  const base = Number(process.env['SIMULATOR_PORT_BASE'] ?? SIMULATOR_PORT_BASE);
  if (!Number.isInteger(base) || base < 1024 || base > 65535 - SIMULATOR_PORTS) {
    throw new StackError(
      `SIMULATOR_PORT_BASE=${process.env['SIMULATOR_PORT_BASE']} is invalid: expected a port from 1024 to ${65535 - SIMULATOR_PORTS}`,
    );
  }
  const ports = Array.from({ length: SIMULATOR_PORTS }, (_, i) => base + i);
  const taken = (await Promise.all(ports.map((port) => portAnswers('127.0.0.1', port)))).some(Boolean);
  if (taken) {
    log(
      'simulator',
      `ports ${ports[0]}-${ports.at(-1)} are taken, so the shops take free ports this time: product and image URLs stored by an earlier run point at the old ports until the scrapers visit those products again. Stop what holds the ports, or set SIMULATOR_PORT_BASE to other free ports.`,
    );
  }
  return startSimulatorProcess({ logFile, args: taken ? [] : ['--port-base', String(base)] });
}

function asService(started: Started, detail: string, url: string | null): Service {
  return { name: started.name, detail, url, pid: started.child.pid ?? null, stop: () => stopProcess(started) };
}

export function startWorker(worker: WorkerProcess, env: NodeJS.ProcessEnv, logDir: string): Service {
  const started = startProcess({
    name: worker.name,
    command: TSX,
    args: [worker.script, ...worker.args],
    cwd: REPO_ROOT,
    env,
    logFile: join(logDir, `${worker.name}.log`),
  });
  return asService(started, `BullMQ worker (${[worker.script, ...worker.args].join(' ')})`, null);
}

/**
 * Starts the production server and resolves once /api/ready answers 200. Port 0: any free port.
 * Its public URL is the address it listens on, unless PUBLIC_URL names another (a proxy in front).
 */
export async function startApp(env: NodeJS.ProcessEnv, logDir: string, preferredPort: number): Promise<Service & { url: string }> {
  const taken = preferredPort !== 0 && (await portAnswers('127.0.0.1', preferredPort));
  const port = preferredPort === 0 || taken ? await freePort() : preferredPort;
  if (taken) log('app', `port ${preferredPort} is taken, using ${port}`);
  const url = `http://127.0.0.1:${port}`;
  const started = startProcess({
    name: 'app',
    command: process.execPath,
    args: [APP_ENTRY],
    cwd: REPO_ROOT,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NITRO_PORT: String(port),
      NITRO_HOST: '127.0.0.1',
      PUBLIC_URL: env['PUBLIC_URL'] ?? process.env['PUBLIC_URL'] ?? url,
    },
    logFile: join(logDir, 'app.log'),
  });
  await waitForReady(started, `${url}/api/ready`, 60_000);
  return { ...asService(started, 'Analog SSR server (production build)', url), url };
}

async function waitForReady(started: Started, readyUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new StackError(`the app exited (code ${started.child.exitCode}); see ${started.logFile}`);
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new StackError(`the app was not ready within ${timeoutMs} ms (${last}); see ${started.logFile}`);
}

const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** Builds the app when there is no build or a source is newer than it. */
export async function buildIfStale(): Promise<void> {
  const built = (await stat(APP_ENTRY).catch(() => null))?.mtimeMs ?? 0;
  const sources = Math.max(...(await Promise.all(BUILD_INPUTS.map((p) => newestMtime(join(REPO_ROOT, p))))));
  if (built > sources) {
    log('build', 'production build is up to date');
    return;
  }
  await runBuild();
}

export async function runBuild(): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await viteBuild();
    const jit = await chunksLeftToJit();
    if (jit.length === 0) return;
    // Seen on a loaded machine: the client bundle shipped components with their decorators
    // uncompiled, which the browser cannot render ("JIT compiler unavailable") while the
    // server-rendered HTML looked fine. A second build has always been right.
    if (attempt === 2) throw new StackError(`vite build left components uncompiled (JIT) in the client bundle: ${jit.join(', ')}`);
    log('build', `the client bundle has uncompiled components (${jit.join(', ')}); building again`);
  }
}

async function viteBuild(): Promise<void> {
  log('build', 'building the app (vite build, about 30 s)');
  const startedAt = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    child.once('exit', resolve);
  });
  if (code !== 0) throw new StackError(`vite build failed (exit ${code})`);
  log('build', `built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/**
 * Chunks of the client bundle with components left uncompiled: a page chunk without an AOT
 * component definition (`ɵcmp`), or any chunk that still carries a decorator's `selector:` (a
 * compiled component lists its selectors as `selectors: [[...]]`). Seen both ways: once a page,
 * once shared components (the 404 panel, the SEO head) while every page chunk was fine.
 */
async function chunksLeftToJit(): Promise<string[]> {
  const assets = join(REPO_ROOT, 'dist', 'analog', 'public', 'assets');
  const chunks = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  const contents = await Promise.all(chunks.map((name) => readFile(join(assets, name), 'utf8')));
  return chunks.filter(
    (name, i) => (/\.page-.*\.js$/.test(name) && !contents[i]!.includes('ɵcmp')) || /selector:\s*[`"']app-/.test(contents[i]!),
  );
}

export interface PlatformOptions {
  /** MongoDB keeps its files in `{dataDir}/mongo`, across restarts. */
  readonly dataDir: string;
  readonly logDir: string;
  /** The app's port when it is free; 0: any free port. */
  readonly appPort: number;
  /**
   * A simulator on free ports with these flags (`npm run simulator -- --help`), such as a smaller
   * catalog. Without them it runs as `./stack up` runs it: on its stable ports (startStackSimulator).
   */
  readonly simulatorArgs?: readonly string[];
  /** Settings (src/server/platform/config/env.ts) laid over the defaults, for the app and every worker. */
  readonly settings?: Readonly<Record<string, string>>;
}

export interface Platform {
  readonly mongo: MongoService;
  readonly redis: RedisService;
  readonly simulator: SimulatorProcess;
  readonly app: Service & { readonly url: string };
  /** The environment the app and the workers run with. */
  readonly env: Readonly<Record<string, string>>;
  /** The back office's demo admin, with a password new at each start. */
  readonly demo: { readonly email: string; readonly password: string };
}

/**
 * Starts everything `./stack up` runs, adding each part to `services` as soon as it runs (so a
 * failure half-way stops what was started), builds the app when a source is newer than the
 * build, renews the demo admin and records the running services for the status page.
 */
export async function startPlatform(services: ServiceSet, options: PlatformOptions): Promise<Platform> {
  const { dataDir, logDir } = options;
  const mongo = services.add(
    await startMongo({ dbName: 'digitalsales', dataDir: join(dataDir, 'mongo'), cacheSize: '1G', durable: true, logDir }),
  );
  const redis = services.add(await startRedis(logDir));
  const simulatorLog = join(logDir, 'marketplace-simulator.log');
  const simulator = options.simulatorArgs
    ? await startSimulatorProcess({ args: options.simulatorArgs, logFile: simulatorLog })
    : await startStackSimulator(simulatorLog);
  services.add({
    name: 'marketplace-simulator',
    detail: 'four simulated shops (it, fr, de, es) standing in for the source marketplaces, and their control API',
    url: simulator.controlUrl,
    pid: simulator.pid,
    stop: simulator.stop,
  });
  await buildIfStale();

  const signalSecret = randomBytes(24).toString('hex');
  const env = {
    NODE_ENV: 'production',
    MONGO_URL: mongo.url,
    REDIS_URL: redis.url,
    ...marketplaceEnv(simulator.urls),
    ...translationEnv(simulator.deeplUrl),
    ...partnerApiEnv(simulator.partnerApiUrl),
    ...signalEnv(signalSecret),
    ...options.settings,
  };
  const app = services.add(await startApp(env, logDir, options.appPort));
  await startSignals(simulator.controlUrl, app.url, signalSecret);
  for (const worker of WORKER_PROCESSES) services.add(startWorker(worker, env, logDir));

  const rt = await openRuntime(parseConfig({ ...process.env, ...env }), 'stack-up');
  await ensureCollections(rt.db);
  const demo = await ensureDemoAdmin(rt).finally(() => rt.close());

  const client = new Redis(redis.url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 1 });
  await client.connect();
  try {
    await writeStackManifest(client, {
      startedAt: new Date().toISOString(),
      services: services.list().map(({ name, detail, url, pid }) => ({ name, detail, url, pid })),
    });
  } finally {
    client.disconnect();
  }
  return { mongo, redis, simulator, app, env, demo };
}
