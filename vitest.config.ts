import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'apps/server/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'packages/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    globalSetup: ['apps/server/test/support/global-setup.ts'],
    // Each test file gets its own database; files run in parallel workers, tests in a file in order.
    pool: 'forks',
    // Vitest keeps one core for itself (cores - 1): on a 2-core machine that is one worker, and the
    // test files waiting on PostgreSQL or on a job leave the other core idle. One worker per core.
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
