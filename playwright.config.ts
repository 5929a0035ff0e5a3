// End-to-end tests in Debian's chromium against the production build, started by the
// global setup with its own database. Browsers cannot be downloaded here.
import { CHROMIUM_ARGS } from './src/server/platform/chromium';
import { defineConfig } from '@playwright/test';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  timeout: 30_000,
  // The app, its database, Redis, the simulator, a worker and two browsers share 2 cores here.
  expect: { timeout: 10_000 },
  outputDir: '.stack/e2e-results',
  use: {
    baseURL: process.env['E2E_BASE_URL'],
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      // Without the networking flags chromium floods the closed network with connection attempts.
      args: ['--headless', ...CHROMIUM_ARGS],
    },
  },
});
