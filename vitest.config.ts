import { defineConfig } from 'vitest/config';

/**
 * One test run, several projects: pure domain, cards, the Functions app against a real Azurite
 * (started by the global setup on a free port), the app package, and browser e2e in Chromium.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'core', include: ['core/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'cards', include: ['cards/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'tabs', include: ['tabs/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'functions',
          include: ['functions/test/**/*.test.ts'],
          globalSetup: ['functions/test/support/azurite-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: 'appPackage', include: ['appPackage/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
