// Starts what the end-to-end tests need: MongoDB and Redis (or those of MONGO_URL and
// REDIS_URL), the marketplace simulator (in this process, latency off so timings are the
// platform's), the price refresher worker, and the production server on a free port with a
// database of its own.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { withDatabase } from '../src/server/platform/db';
import { newId } from '../src/common/ids';
import { ServiceSet } from '../infra/local/lifecycle';
import { startMongo } from '../infra/local/mongo';
import { startRedis } from '../infra/local/redis';
import { LOG_DIR } from '../infra/local/paths';
import { APP_ENTRY, signalEnv, startApp, startWorker, WORKER_PROCESSES } from '../infra/local/platform';
import { startSimulator } from '../infra/marketplace-simulator/simulator';
import { MARKET_CODES } from '../src/common/markets';

const E2E_SIGNAL_SECRET = `e2e-signals-${newId(24)}`;

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(APP_ENTRY)) throw new Error(`no production build at ${APP_ENTRY}: run \`npm run build\` first (./stack test does)`);
  const services = new ServiceSet();
  const logDir = join(LOG_DIR, 'e2e');
  try {
    const mongo = services.add(await startMongo({ dbName: 'e2e', cacheSize: '256M', durable: false, logDir }));
    const redis = services.add(await startRedis(logDir));
    const mongoUrl = withDatabase(mongo.url, `e2e_${newId(4)}`);
    const simulator = await startSimulator({ latency: false });
    services.add({
      name: 'marketplace-simulator',
      detail: 'in the e2e setup process',
      url: simulator.controlUrl,
      pid: null,
      stop: () => simulator.stop(),
    });
    const marketplaces = Object.fromEntries(MARKET_CODES.map((m) => [`MARKETPLACE_URL_${m.toUpperCase()}`, simulator.urls[m]]));
    // Every test signs in from 127.0.0.1, so the per-address limit (tested in the integration
    // tests) would refuse sign-ins that have nothing to do with each other. The refresh budget
    // is a speed promise, measured by bench:refresh; here two browsers share the 2 cores with
    // everything else, and a late answer would turn a behaviour test into a timing one.
    const env = {
      NODE_ENV: 'production',
      MONGO_URL: mongoUrl,
      REDIS_URL: redis.url,
      LOGIN_MAX_PER_IP_PER_MINUTE: '10000',
      REFRESH_BUDGET_MS: '5000',
      ...marketplaces,
      // The simulator pushes offer changes only when a test asks it to (e2e/price-signals.e2e.ts).
      ...signalEnv(E2E_SIGNAL_SECRET),
    };
    const refresher = WORKER_PROCESSES.find((w) => w.name === 'refresher');
    if (refresher) services.add(startWorker(refresher, env, logDir));
    const app = services.add(await startApp(env, logDir, 0));
    // Read by playwright.config.ts and the tests, in the workers started after this.
    process.env['E2E_BASE_URL'] = app.url;
    process.env['E2E_MONGO_URL'] = mongoUrl;
    process.env['E2E_REDIS_URL'] = redis.url;
    process.env['E2E_SIMULATOR_CONTROL_URL'] = simulator.controlUrl;
    process.env['E2E_SIGNAL_SECRET'] = E2E_SIGNAL_SECRET;
  } catch (error) {
    await services.stopAll();
    throw error;
  }
  return () => services.stopAll();
}
