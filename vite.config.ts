/// <reference types="vitest/config" />
// Build of the one Node process that serves the pages (Angular SSR), the tRPC API and the
// health routes (Nitro, from src/server/routes), and the test projects.
import analog from '@analogjs/platform';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    analog({
      ssr: true,
      // Nothing is prerendered: every page reads MongoDB, and the build has no database.
      // (Without this list Analog prerenders `/` at build time.)
      prerender: { routes: [] },
      // Errors answered without their internal message, in the client's language (src/server/platform/web).
      nitro: { errorHandler: '~/platform/web/error-handler' },
    }),
    tailwindcss(),
    {
      // Angular picks its server paths at build time from `ngServerMode` (afterNextRender skipped,
      // among others). Analog defines it once for every environment, as false since Vite builds
      // both from one config: the server ran browser-only hooks in every render and logged their
      // `window is not defined` each time.
      name: 'angular-server-mode',
      configEnvironment: (name) => (name === 'ssr' ? { define: { ngServerMode: 'true' } } : undefined),
    },
  ],
  resolve: { mainFields: ['module'] },
  build: { target: ['es2020'] },
  test: {
    // Server code is tested as plain Node modules: these inline projects do not extend this
    // file, so the Angular and Nitro plugins above are not loaded for them.
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.spec.ts', 'infra/**/*.spec.ts', 'workers/**/*.spec.ts'],
          exclude: ['**/node_modules/**', '**/*.int.spec.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['src/**/*.int.spec.ts', 'infra/**/*.int.spec.ts', 'workers/**/*.int.spec.ts'],
          exclude: ['**/node_modules/**'],
          // Starts MongoDB (or SecantusDB) and Redis once for the run and sets MONGO_URL/REDIS_URL.
          globalSetup: ['./infra/local/vitest-global-setup.ts'],
          hookTimeout: 60_000,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
