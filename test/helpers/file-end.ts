// What helpers clean up when a test file ends (temp folders, mounts). A helper registers its
// cleanup once, when it is first imported; test/setup/file-end.ts runs them all after each test
// file. A helper's own afterAll would run after the first file only: test files share one worker
// and its imported helpers (vitest.config.ts, isolate: false).
const cleanups: Array<() => void> = [];

export function atFileEnd(cleanup: () => void): void {
  cleanups.push(cleanup);
}

export function runFileEndCleanups(): void {
  for (const cleanup of cleanups) cleanup();
}
