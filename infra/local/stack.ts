// `./stack up` and `./stack test`: the two commands a new developer runs. The shell script
// `./stack` installs system packages and node_modules, then hands over to this file.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MARKET_CODES } from '../../src/common/markets';
import { ServiceSet } from './lifecycle';
import { log, StackError } from './log';
import { startMongo } from './mongo';
import { DATA_DIR, LOG_DIR, REPO_ROOT, STACK_DIR } from './paths';
import { runBuild, startPlatform, WORKER_PROCESSES } from './platform';
import { startRedis } from './redis';

// Everything this command starts, stopped on Ctrl-C, on a failure and at the end.
const services = new ServiceSet();
services.stopOnSignals();

async function up(): Promise<void> {
  const logDir = join(LOG_DIR, 'up');
  await mkdir(logDir, { recursive: true });
  const { mongo, redis, simulator, app, demo } = await startPlatform(services, {
    dataDir: DATA_DIR,
    logDir,
    appPort: Number(process.env['PORT'] ?? 3000),
  });

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
      `  SP-API, eBay ${simulator.partnerApiUrl}  (the simulator's stand-ins for Amazon's and eBay's APIs; QUOTE_SOURCE_OVERRIDES=marketplace-de=sp-api moves a market to one)`,
      `  workers      ${WORKER_PROCESSES.map((w) => w.name).join(', ')}`,
      `  logs         ${logDir}`,
      mongo.dataDir ? `  data         ${mongo.dataDir} (kept across restarts; delete it to start empty)` : '',
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

/** A playwright run (`args` pick the config) and its counts from the JSON report. */
async function playwrightStep(step: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  const report = join(STACK_DIR, 'reports', `${step}.json`);
  const code = await run(bin('playwright'), ['test', ...args, '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const stats = (await readJson(report))?.['stats'] as Record<string, number> | undefined;
  return {
    step,
    ok: code === 0,
    passed: stats?.['expected'] ?? 0,
    failed: (stats?.['unexpected'] ?? (code === 0 ? 0 : 1)) + (stats?.['flaky'] ?? 0),
    skipped: stats?.['skipped'] ?? 0,
  };
}

async function test(): Promise<void> {
  const outcomes: (Outcome & { seconds: number })[] = [];
  const testStarted = Date.now();
  /** Runs one step and records its outcome and how long it took. */
  const step = async (name: string, what: string, body: () => Promise<Omit<Outcome, 'step'>>) => {
    log('test', what);
    const startedAt = Date.now();
    const outcome = await body();
    outcomes.push({ step: name, ...outcome, seconds: Math.round((Date.now() - startedAt) / 1000) });
    return outcome;
  };
  const logDir = join(LOG_DIR, 'test');
  await rm(join(STACK_DIR, 'reports'), { recursive: true, force: true });
  await mkdir(join(STACK_DIR, 'reports'), { recursive: true });

  await step('typecheck', 'type-checking (tsc --noEmit)', async () => {
    const code = await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
    return { ok: code === 0, passed: 0, failed: 0, skipped: 0 };
  });

  await step('lint', 'lint and formatting (eslint, prettier --check)', async () => {
    const eslint = await run(bin('eslint'), ['.']);
    const prettier = await run(bin('prettier'), ['--check', '--log-level', 'warn', '**/*.{ts,js,mjs,cjs,css,json}']);
    if (prettier !== 0) console.error('formatting differs: `npm run format` rewrites the files above');
    return { ok: eslint === 0 && prettier === 0, passed: 0, failed: 0, skipped: 0 };
  });

  await step('boundaries', 'dependency rules (dependency-cruiser: .dependency-cruiser.cjs)', async () => {
    const all = await run(bin('depcruise'), [
      'src',
      'workers',
      'infra',
      'e2e',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err-long',
    ]);
    const browser = await run(bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'], {
      DEPCRUISE_BROWSER: '1',
    });
    return { ok: all === 0 && browser === 0, passed: 0, failed: 0, skipped: 0 };
  });

  const { ok: built } = await step('build', 'production build (vite)', async () => {
    try {
      await runBuild();
      return { ok: true, passed: 0, failed: 0, skipped: 0 };
    } catch (error) {
      console.error((error as Error).message);
      return { ok: false, passed: 0, failed: 0, skipped: 0 };
    }
  });

  // One database server and one Redis for the whole run; the test runners find them through
  // MONGO_URL and REDIS_URL, and each test file or e2e run uses a database of its own.
  const mongo = services.add(await startMongo({ dbName: 'test', cacheSize: '512M', durable: false, logDir }));
  const redis = services.add(await startRedis(logDir));
  const env = { MONGO_URL: mongo.url, REDIS_URL: redis.url };

  await step('vitest', 'unit and integration tests (vitest)', async () => {
    const vitestReport = join(STACK_DIR, 'reports', 'vitest.json');
    const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], env);
    const v = await readJson(vitestReport);
    return {
      ok: code === 0,
      passed: Number(v?.['numPassedTests'] ?? 0),
      failed: Number(v?.['numFailedTests'] ?? (code === 0 ? 0 : 1)),
      skipped: Number(v?.['numPendingTests'] ?? 0) + Number(v?.['numTodoTests'] ?? 0),
    };
  });

  const notBuilt = async () => ({ ok: false, passed: 0, failed: 1, skipped: 0 });
  await step('e2e', 'end-to-end tests (playwright, chromium, production build)', built ? () => playwrightStep('e2e', [], env) : notBuilt);
  // The platform as `./stack up` runs it, on data and ports of its own: it starts its own
  // MongoDB and Redis, so the ones above are not passed on.
  await step(
    'system',
    'system suite (playwright.system.config.ts: the whole platform, catalog filled by its scrapers)',
    built ? () => playwrightStep('system', ['-c', 'playwright.system.config.ts'], {}) : notBuilt,
  );

  await services.stopAll();
  const failedSteps = outcomes.filter((o) => !o.ok).map((o) => o.step);
  const total = outcomes.reduce(
    (acc, o) => ({ passed: acc.passed + o.passed, failed: acc.failed + o.failed, skipped: acc.skipped + o.skipped }),
    {
      passed: 0,
      failed: 0,
      skipped: 0,
    },
  );
  console.log('');
  for (const o of outcomes)
    console.log(
      `  ${o.ok ? 'ok  ' : 'FAIL'} ${o.step}${o.passed + o.failed ? `: ${o.passed} passed, ${o.failed} failed` : ''} (${o.seconds} s)`,
    );
  console.log(
    `  total time ${((Date.now() - testStarted) / 1000).toFixed(0)} s${failedSteps.length ? `; failed steps: ${failedSteps.join(', ')}` : ''}`,
  );
  // The closing line CI reads: counts of every test run, and a failure if a step without tests failed.
  const failed = total.failed + (failedSteps.length > 0 && total.failed === 0 ? failedSteps.length : 0);
  console.log(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
  process.exit(failedSteps.length === 0 ? 0 : 1);
}

const commands: Record<string, () => Promise<void>> = { up, test };
const name = process.argv[2] ?? '';
const command = commands[name];
if (!command) {
  console.error(
    `usage: ./stack <${Object.keys(commands).join('|')}>\n  up    start the whole platform and print its URLs\n  test  install what is missing and run every test`,
  );
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
