import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { atFileEnd } from './file-end.js';
import { GIT_ENV, MENTOR_BIN, type RunResult } from './repo.js';

// Real faults for tests: a small tmpfs that can be filled or made read-only, and a user without
// the rights root has. Nothing is simulated: mentor meets the same errors a user's machine gives.

const mounts: string[] = [];
atFileEnd(() => {
  for (const dir of mounts.splice(0)) {
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Why a tmpfs cannot be mounted here, or undefined when it can (we are root, with mount). */
export const cannotMount: string | undefined = (() => {
  if (process.platform !== 'linux') return `not Linux (${process.platform}): tmpfs tests need Linux`;
  if (process.getuid?.() !== 0) return `not root (uid ${process.getuid?.()}): mounting a tmpfs needs root`;
  const probe = mkdtempSync(path.join(tmpdir(), 'mentor-mount-probe-'));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { encoding: 'utf8' });
  if (result.status === 0) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return result.status === 0 ? undefined : `mount -t tmpfs failed: ${(result.stderr || String(result.error)).trim()}`;
})();

/** Why a process cannot be started in a pid namespace of its own here, or undefined when it can (root, Linux). */
export const cannotUnshare: string | undefined = (() => {
  if (process.platform !== 'linux') return `not Linux (${process.platform}): pid namespaces are Linux's`;
  const result = spawnSync('unshare', ['-p', '-f', '--mount-proc', 'true'], { encoding: 'utf8' });
  return result.status === 0 ? undefined : `unshare -p failed: ${(result.stderr || String(result.error)).trim()}`;
})();

/** As tmpfsTestsRun(), for the tests that start a writer in a pid namespace of its own. */
export function namespaceTestsRun(): boolean {
  if (cannotUnshare === undefined) return true;
  if (process.env.CI) throw new Error(`CI must run the pid namespace tests, but ${cannotUnshare}`);
  console.warn(`skipping the pid namespace tests: ${cannotUnshare}`);
  return false;
}

/**
 * In CI the tmpfs tests must run: a machine that cannot mount fails them there. Elsewhere they
 * are skipped, and the reason is printed.
 */
export function tmpfsTestsRun(): boolean {
  if (cannotMount === undefined) return true;
  if (process.env.CI) throw new Error(`CI must run the tmpfs tests, but ${cannotMount}`);
  console.warn(`skipping the tmpfs tests: ${cannotMount}`);
  return false;
}

/** A fresh tmpfs of `kib` KiB, unmounted after the tests. */
export function mountTmpfs(kib: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0755`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

export function remountReadOnly(dir: string, readOnly: boolean): void {
  execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir]);
}

/** Fills the file system of `dir` until `leaveKiB` (rounded to pages) are left; returns a function that frees it all. */
export function fillDisk(dir: string, leaveKiB: number): () => void {
  const filler = path.join(dir, 'filler');
  mkdirSync(filler, { recursive: true });
  const page = Buffer.alloc(4096, 1);
  const files: string[] = [];
  for (;;) {
    const file = path.join(filler, String(files.length));
    try {
      writeFileSync(file, page);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      rmSync(file, { force: true });
      break;
    }
    files.push(file);
  }
  for (const file of files.splice(files.length - Math.ceil(leaveKiB / 4))) rmSync(file);
  return () => rmSync(filler, { recursive: true, force: true });
}

/** The user tests run mentor as when a permission must really be missing: root ignores modes. */
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

/** Makes a tree owned by the unprivileged user (when tests run as root), so that only the modes a test sets deny it. */
export function giveToUnprivileged(dir: string): void {
  if (!UNPRIVILEGED) return;
  const walk = (target: string) => {
    chownSync(target, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
    if (statSync(target).isDirectory()) for (const name of readdirSync(target)) walk(path.join(target, name));
  };
  walk(dir);
  // The temp folder above it must let that user through.
  for (let parent = path.dirname(dir); parent !== path.dirname(parent) && parent.startsWith(tmpdir()) && parent !== tmpdir(); parent = path.dirname(parent)) {
    execFileSync('chmod', ['o+x', parent]);
  }
}

/** A HOME the unprivileged user can read, so git finds no config it cannot open. */
export function unprivilegedHome(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'mentor-home-'));
  execFileSync('chmod', ['0755', home]);
  giveToUnprivileged(home);
  return home;
}

/** Runs the real CLI as the unprivileged user (as ourselves when we are not root). */
export function mentorAsUnprivileged(args: string[], env: NodeJS.ProcessEnv = {}): RunResult {
  const result = spawnSync(process.execPath, [MENTOR_BIN, ...args], {
    env: { ...process.env, NO_COLOR: '1', MENTOR_DEBUG: undefined, ...GIT_ENV, ...env },
    encoding: 'utf8',
    timeout: 60_000,
    ...(UNPRIVILEGED ?? {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
