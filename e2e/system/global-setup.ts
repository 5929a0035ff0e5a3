// The system suite's platform: everything `./stack up` runs, started by the same function
// (startPlatform in infra/local/platform.ts) with a data directory of its own, free ports and a
// small simulated catalog. Then the scrapers fill the catalog from the simulator, as they do on
// `./stack up`: the suite waits, as an operator would, until the back office's operations view
// shows every market's discovery crawl finished. Nothing here writes to MongoDB or Redis.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from '@playwright/test';
import { ServiceSet } from '../../infra/local/lifecycle';
import { log, StackError } from '../../infra/local/log';
import { LOG_DIR } from '../../infra/local/paths';
import { startPlatform } from '../../infra/local/platform';
import { MARKET_CODES } from '../../src/common/markets';
import type { OperationsView } from '../../src/server/operations';
import { SYSTEM_SETTINGS, SYSTEM_SIMULATOR_ARGS } from './system-settings';

/** Discovery of a small catalog takes seconds per market; this is for a machine under load. */
const CATALOG_TIMEOUT_MS = 150_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  // The suite runs the platform on data of its own: never the database or Redis of MONGO_URL or
  // REDIS_URL, which belong to whoever set them (`./stack test` sets them for the other steps).
  delete process.env['MONGO_URL'];
  delete process.env['REDIS_URL'];
  const dataDir = await mkdtemp(join(tmpdir(), 'digitalsales-system-'));
  const services = new ServiceSet();
  const stop = async () => {
    await services.stopAll();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const platform = await startPlatform(services, {
      dataDir,
      logDir: join(LOG_DIR, 'system'),
      appPort: 0,
      simulatorArgs: SYSTEM_SIMULATOR_ARGS,
      settings: SYSTEM_SETTINGS,
    });
    log(
      'system',
      `platform up in ${((Date.now() - startedAt) / 1000).toFixed(0)} s at ${platform.app.url}; waiting for the scrapers to fill the catalog`,
    );
    const catalogAt = await waitForDiscovery(platform.app.url, platform.demo);
    log('system', `catalog filled by the scrapers ${((Date.now() - startedAt) / 1000).toFixed(0)} s after the start`);
    // Read by playwright.system.config.ts and the tests, in the workers started after this.
    process.env['SYSTEM_BASE_URL'] = platform.app.url;
    process.env['SYSTEM_SIMULATOR_CONTROL_URL'] = platform.simulator.controlUrl;
    process.env['SYSTEM_ADMIN_EMAIL'] = platform.demo.email;
    process.env['SYSTEM_ADMIN_PASSWORD'] = platform.demo.password;
    process.env['SYSTEM_CATALOG_AT'] = catalogAt.toISOString();
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

/**
 * Signs in to the back office's API as the demo admin and reads the operations view until every
 * market has a finished discovery crawl that found products. Returns when the last one finished:
 * every scraped price was checked at or before it.
 */
async function waitForDiscovery(baseURL: string, admin: { email: string; password: string }): Promise<Date> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    const login = await api.post('/api/trpc/backoffice.auth.login', { data: admin });
    if (!login.ok()) throw new StackError(`the demo admin could not sign in: ${login.status()} ${await login.text()}`);
    const deadline = Date.now() + CATALOG_TIMEOUT_MS;
    let seen = 'no answer yet';
    while (Date.now() < deadline) {
      const response = await api.get('/api/trpc/backoffice.operations.overview');
      if (response.ok()) {
        const view = ((await response.json()) as { result: { data: OperationsView } }).result.data;
        const runs = MARKET_CODES.map((market) => view.scrapes.find((s) => s.market === market)?.runs.find((r) => r.kind === 'discovery'));
        const failed = runs.find((r) => r?.status === 'failed');
        if (failed) throw new StackError(`a discovery crawl failed: ${failed.site}: ${failed.error ?? 'no reason given'}`);
        if (runs.every((r) => r?.status === 'finished' && r.counts.products > 0)) {
          return new Date(Math.max(...runs.map((r) => Date.parse(r!.finishedAt!))));
        }
        seen = MARKET_CODES.map(
          (m, i) => `${m}: ${runs[i] ? `${runs[i]!.status}, ${runs[i]!.counts.products} products` : 'not started'}`,
        ).join('; ');
      } else {
        seen = `${response.status()} ${await response.text()}`;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new StackError(
      `the scrapers did not finish discovering the catalog within ${CATALOG_TIMEOUT_MS / 1000} s (${seen}); see ${join(LOG_DIR, 'system')}`,
    );
  } finally {
    await api.dispose();
  }
}
