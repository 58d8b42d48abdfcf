import { existsSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, MentorError } from '../errors.js';
import { isAlive } from './write.js';

// One writer at a time: commands that write take a lock file (under .git/ when the repo is in
// one, so it is never committed; else a dotfile the loader ignores). A lock left by a process
// that died is detected, explained and taken over.

interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
}

export interface WriteLock {
  release(): void;
  /** Set when a dead writer's lock was taken over: the warning to show. */
  tookOver?: string;
}

function lockPath(root: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const git = path.join(dir, '.git');
    if (existsSync(git) && statSync(git).isDirectory()) return path.join(git, 'mentor.lock');
    if (path.dirname(dir) === dir) return path.join(root, '.mentor.lock');
  }
}

export function acquireWriteLock(root: string, command: string): WriteLock {
  const file = lockPath(root);
  let tookOver: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, JSON.stringify({ pid: process.pid, command, startedAt: new Date().toISOString() } satisfies LockInfo));
      closeSync(fd);
      const release = () => rmSync(file, { force: true });
      process.once('exit', release);
      return { release: () => (process.removeListener('exit', release), release()), ...(tookOver ? { tookOver } : {}) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: LockInfo | undefined;
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    } catch {
      holder = undefined;
    }
    if (holder && Number.isInteger(holder.pid) && isAlive(holder.pid)) {
      throw new MentorError(
        `Another mentor command (\`mentor ${holder.command}\`, pid ${holder.pid}, since ${holder.startedAt}) is writing in this repo.`,
        ExitCode.usage,
        `Wait for it to finish. If no mentor is running, delete ${file}.`,
      );
    }
    tookOver = holder
      ? `a previous \`mentor ${holder.command}\` (pid ${holder.pid}, started ${holder.startedAt}) stopped without releasing its lock; taking it over.`
      : `the lock file ${file} could not be read; taking it over.`;
    rmSync(file, { force: true });
  }
  throw new MentorError(`Could not take the write lock ${file}.`, ExitCode.usage, 'Try again.');
}
