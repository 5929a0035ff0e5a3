// `./stack up` and `./stack test`: the two commands a new developer runs. The shell script
// `./stack` installs system packages and node_modules, then hands over to this file.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ensureDemoAdmin } from '../../src/server/backoffice';
import { parseConfig } from '../../src/server/config';
import { MARKET_CODES } from '../../src/server/markets';
import { openRuntime } from '../../src/server/runtime';
import { writeStackManifest } from '../../src/server/system';
import { ServiceSet } from './lifecycle';
import { log, StackError } from './log';
import { startMongo } from './mongo';
import { DATA_DIR, LOG_DIR, REPO_ROOT, STACK_DIR } from './paths';
import { buildIfStale, marketplaceEnv, runBuild, startApp, startStackSimulator, startWorker, translationEnv, WORKER_PROCESSES } from './platform';
import { startRedis } from './redis';

// Everything this command starts, stopped on Ctrl-C, on a failure and at the end.
const services = new ServiceSet();
services.stopOnSignals();

async function up(): Promise<void> {
  const logDir = join(LOG_DIR, 'up');
  await mkdir(logDir, { recursive: true });

  const mongo = services.add(await startMongo({ dbName: 'digitalsales', dataDir: join(DATA_DIR, 'mongo'), cacheSize: '1G', durable: true, logDir }));
  const redis = services.add(await startRedis(logDir));
  const simulator = await startStackSimulator(join(logDir, 'marketplace-simulator.log'));
  services.add({
    name: 'marketplace-simulator',
    detail: 'four simulated shops (it, fr, de, es) standing in for the source marketplaces, and their control API',
    url: simulator.controlUrl,
    pid: simulator.pid,
    stop: simulator.stop,
  });
  await buildIfStale();

  const env = { NODE_ENV: 'production', MONGO_URL: mongo.url, REDIS_URL: redis.url, ...marketplaceEnv(simulator.urls), ...translationEnv(simulator.deeplUrl) };
  const app = services.add(await startApp(env, logDir, Number(process.env['PORT'] ?? 3000)));
  for (const worker of WORKER_PROCESSES) services.add(startWorker(worker, env, logDir));

  const rt = await openRuntime(parseConfig({ ...process.env, ...env }), 'stack-up');
  const demo = await ensureDemoAdmin(rt).finally(() => rt.close());

  const client = new Redis(redis.url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 1 });
  await client.connect();
  await writeStackManifest(client, {
    startedAt: new Date().toISOString(),
    services: services.list().map(({ name, detail, url, pid }) => ({ name, detail, url, pid })),
  });
  client.disconnect();

  console.log(
    [
      '',
      'DigitalSales is running. Open:',
      `  shop         ${app.url}/  (sends you to your market: ${MARKET_CODES.map((code) => `/${code}`).join(', ')}; filled as the scrapers crawl)`,
      `  status       ${app.url}/status  (services and worker heartbeats)`,
      `  health       ${app.url}/api/health`,
      `  readiness    ${app.url}/api/ready`,
      `  tRPC         ${app.url}/api/trpc`,
      `  back office  ${app.url}/backoffice  (demo admin ${demo.email}, password ${demo.password}: new at each start)`,
      '',
      `  MongoDB      ${mongo.url}  (${mongo.detail})`,
      `  Redis        ${redis.url}  (${redis.detail})`,
      ...MARKET_CODES.map((code) => `  source ${code}    ${simulator.urls[code]}  (marketplace simulator)`),
      `  simulator    ${simulator.controlUrl}  (control API: prices, stock, faults, request counts)`,
      `  DeepL        ${simulator.deeplUrl}/v2/translate  (the simulator's stand-in the translator calls)`,
      `  workers      ${WORKER_PROCESSES.map((w) => w.name).join(', ')}`,
      `  logs         ${logDir}`,
      process.env['MONGO_URL'] ? '' : `  data         ${join(DATA_DIR, 'mongo')} (kept across restarts; delete it to start empty)`,
      '',
      'Press Ctrl-C to stop everything.',
    ].join('\n'),
  );
  await new Promise(() => undefined);
}

interface Outcome {
  readonly step: string;
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const bin = (name: string) => join(REPO_ROOT, 'node_modules', '.bin', name);

async function readJson(path: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

async function test(): Promise<void> {
  const outcomes: Outcome[] = [];
  const testStarted = Date.now();
  const logDir = join(LOG_DIR, 'test');
  await rm(join(STACK_DIR, 'reports'), { recursive: true, force: true });
  await mkdir(join(STACK_DIR, 'reports'), { recursive: true });

  log('test', 'type-checking (tsc --noEmit)');
  const typecheck = await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  outcomes.push({ step: 'typecheck', ok: typecheck === 0, passed: 0, failed: 0, skipped: 0 });

  let built = true;
  try {
    await runBuild();
  } catch (error) {
    console.error((error as Error).message);
    built = false;
  }
  outcomes.push({ step: 'build', ok: built, passed: 0, failed: 0, skipped: 0 });

  // One database server and one Redis for the whole run; the test runners find them through
  // MONGO_URL and REDIS_URL, and each test file or e2e run uses a database of its own.
  const mongo = services.add(await startMongo({ dbName: 'test', cacheSize: '512M', durable: false, logDir }));
  const redis = services.add(await startRedis(logDir));
  const env = { MONGO_URL: mongo.url, REDIS_URL: redis.url };

  const vitestReport = join(STACK_DIR, 'reports', 'vitest.json');
  log('test', 'unit and integration tests (vitest)');
  const vitest = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], env);
  const v = await readJson(vitestReport);
  outcomes.push({
    step: 'vitest',
    ok: vitest === 0,
    passed: Number(v?.['numPassedTests'] ?? 0),
    failed: Number(v?.['numFailedTests'] ?? (vitest === 0 ? 0 : 1)),
    skipped: Number(v?.['numPendingTests'] ?? 0) + Number(v?.['numTodoTests'] ?? 0),
  });

  if (built) {
    const pwReport = join(STACK_DIR, 'reports', 'playwright.json');
    log('test', 'end-to-end tests (playwright, chromium, production build)');
    const e2e = await run(bin('playwright'), ['test', '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport });
    const stats = (await readJson(pwReport))?.['stats'] as Record<string, number> | undefined;
    outcomes.push({
      step: 'e2e',
      ok: e2e === 0,
      passed: stats?.['expected'] ?? 0,
      failed: (stats?.['unexpected'] ?? (e2e === 0 ? 0 : 1)) + (stats?.['flaky'] ?? 0),
      skipped: stats?.['skipped'] ?? 0,
    });
  } else {
    outcomes.push({ step: 'e2e', ok: false, passed: 0, failed: 1, skipped: 0 });
  }

  await services.stopAll();
  const failedSteps = outcomes.filter((o) => !o.ok).map((o) => o.step);
  const total = outcomes.reduce((acc, o) => ({ passed: acc.passed + o.passed, failed: acc.failed + o.failed, skipped: acc.skipped + o.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
  console.log('');
  for (const o of outcomes) console.log(`  ${o.ok ? 'ok  ' : 'FAIL'} ${o.step}${o.passed + o.failed ? `: ${o.passed} passed, ${o.failed} failed` : ''}`);
  console.log(`  total time ${((Date.now() - testStarted) / 1000).toFixed(0)} s${failedSteps.length ? `; failed steps: ${failedSteps.join(', ')}` : ''}`);
  // The closing line CI reads: counts of every test run, and a failure if a step without tests failed.
  const failed = total.failed + (failedSteps.length > 0 && total.failed === 0 ? failedSteps.length : 0);
  console.log(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
  process.exit(failedSteps.length === 0 ? 0 : 1);
}

const commands: Record<string, () => Promise<void>> = { up, test };
const name = process.argv[2] ?? '';
const command = commands[name];
if (!command) {
  console.error(`usage: ./stack <${Object.keys(commands).join('|')}>\n  up    start the whole platform and print its URLs\n  test  install what is missing and run every test`);
  process.exit(64);
}
try {
  await command();
} catch (error) {
  if (error instanceof StackError) console.error(`\n${error.message}`);
  else console.error(error);
  await services.stopAll();
  process.exit(1);
}
