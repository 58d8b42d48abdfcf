import { defineConfig } from 'vitest/config';
import { useMemoryTempDir } from './test/setup/temp-dir.js';

// The run's temporary files on a memory file system when the machine has one (test/setup/temp-dir.ts).
useMemoryTempDir();

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/setup/shared-dir.ts'],
    setupFiles: ['test/setup/file-end.ts'],
    // Time is an input: every run of mentor in a test (in-process, a child, a simulated workflow)
    // sees the same "now" unless the test sets its own, so the suite gives the same result on
    // every day. It is the README's demo time: a Tuesday of 2026-W48, the example cohort running.
    env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' },
    // Each worker runs its test files one after another in one process, keeping what they import
    // (vitest, the built CLI, the helpers) instead of starting a process and importing it all again
    // for every file: 0.8 s of CPU per file here. No test changes process.env, the working folder
    // or a module for good (helpers/in-process.ts puts back what a run changes), and helpers clean up
    // per file through helpers/file-end.ts.
    isolate: false,
    // Most tests wait on child processes (the CLI, git, a browser): more workers than cores overlap
    // that waiting. On 2 cores, 3 workers ran the suite in 0.67 of the time of the default 1.
    maxWorkers: 3,
  },
});
