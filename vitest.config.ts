import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/setup/shared-dir.ts'],
    // Most tests wait on child processes (the CLI, git, a browser): more workers than cores overlap
    // that waiting. On 2 cores, 3 workers ran the suite in 0.67 of the time of the default 1.
    maxWorkers: 3,
  },
});
