// The system suite (e2e/system): the whole platform as `./stack up` runs it, started once by its
// global setup, driven through Chromium one journey after the other (they share one platform and
// its clock). The browser is launched as in the end-to-end tests.
import { defineConfig } from '@playwright/test';
import e2e from './playwright.config';

export default defineConfig({
  ...e2e,
  testDir: 'e2e/system',
  testMatch: '**/*.system.ts',
  globalSetup: './e2e/system/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  // A journey waits for workers (scrapers, refresher, purchaser, outbox) doing their real work.
  timeout: 120_000,
  outputDir: '.stack/system-results',
  use: { ...e2e.use, baseURL: process.env['SYSTEM_BASE_URL'], viewport: { width: 1280, height: 900 } },
});
