import { chmodSync, mkdtempSync, realpathSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';

// Where the run's temporary files go. Nearly every test makes git repos and program folders and
// removes them again: on a disk file system that costs the kernel far more than the tests' own work
// (here /tmp is ext4 mounted with `discard`, and each removal trims), so when the machine has a
// memory file system at /dev/shm with room, the run keeps its temporary files there. A TMPDIR set
// by the caller is kept as it is. Called from vitest.config.ts, in the main process, so the global
// setup, every worker and every program a test starts see the same TMPDIR.

const TMPFS = '/dev/shm';
/** The least free room on the memory file system for the run to use it. */
const LEAST_FREE_BYTES = 4 * 1024 ** 3;
/** Set while the run uses a folder of its own, so the global setup removes it at the end. */
export const OWNED_TEMP_DIR = 'MENTOR_TEST_OWNED_TMPDIR';

export function useMemoryTempDir(env: NodeJS.ProcessEnv = process.env): void {
  if (env.TMPDIR || env[OWNED_TEMP_DIR]) return;
  let dir: string;
  try {
    const room = statfsSync(TMPFS);
    if (room.bavail * room.bsize < LEAST_FREE_BYTES) return;
    dir = realpathSync(mkdtempSync(path.join(TMPFS, 'mentor-tests-')));
    // As /tmp is: anyone may make a folder in it (the tests that run mentor as an unprivileged user).
    chmodSync(dir, 0o1777);
  } catch {
    return;
  }
  env.TMPDIR = dir;
  env[OWNED_TEMP_DIR] = dir;
}

/** Removes the run's own temporary folder, if it made one. */
export function removeOwnedTempDir(env: NodeJS.ProcessEnv = process.env): void {
  const dir = env[OWNED_TEMP_DIR];
  if (dir && dir.startsWith(`${TMPFS}/mentor-tests-`)) rmSync(dir, { recursive: true, force: true });
}
