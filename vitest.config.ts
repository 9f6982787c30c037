import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/server/**/*.test.ts', 'packages/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['apps/server/test/support/global-setup.ts'],
    // Each test file gets its own database; files run in parallel workers, tests in a file in order.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
