import { createHash, randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, fileSystemError, isSystemError, MentorError } from '../errors.js';
import { findGitDir } from './git-dir.js';
import { stopCleanlyFromNowOn } from './interrupt.js';
import { hostTag, writerState } from './writer.js';
import { removeQuietly } from './temp-files.js';

// One writer at a time: commands that write take a lock file, under the git dir when the repo is
// in a git work tree (so it is never committed, and a linked worktree has its own), else a
// dotfile in the repo that the loader ignores.
//
// A command that edits records takes it before it reads them (commands/context.ts), so what it
// writes is built from records no other writer changes meanwhile; one that asks first takes it
// once the answers are in, and reads the records again (lockAndReadAgain). codeowners, forms and upgrade,
// which write whole files made afresh, take it before they write. site, schema and init take
// none: the site and the schemas may go to a folder outside any repo, and init only adds files
// that are not there yet, to a repo it is making.
//
// The lock is made with link(2), which creates a name only if it does not exist, so a lock never
// exists without its content. A lock left by a dead process is taken over in two steps that
// leave exactly one winner however many writers race: first a *breaker* links the stale lock to a
// name derived from its content (only one process can make that name, and it names that one
// lock forever: every lock's content is unique), checks through that name that it really holds
// the stale lock, and removes it; then every writer competes again to create the lock afresh.

interface LockInfo {
  pid: number;
  /** Where the pid means something (io/writer.ts); earlier versions wrote none. */
  host?: string;
  command: string;
  startedAt: string;
  nonce: string;
}

export interface WriteLock {
  release(): void;
  /** Set when a dead writer's lock was taken over: the warning to show. */
  tookOver?: string;
}

/** A breaker that has not finished in this time died midway: a person must look. */
const STUCK_BREAKER_MS = 10_000;
const ATTEMPTS = 50;

export function lockPath(root: string): string {
  const gitDir = findGitDir(root);
  return gitDir ? path.join(gitDir, 'mentor.lock') : path.join(root, '.mentor.lock');
}

export function acquireWriteLock(root: string, command: string): WriteLock {
  const file = lockPath(root);
  // Heard from before the lock exists, so that no signal can kill mentor while it holds the lock
  // without releasing it (the release is an 'exit' listener). One that comes from here to the
  // write is heard just before it (commands/commit-step.ts): nothing is written.
  stopCleanlyFromNowOn();
  waitForTests(file);
  const mine = JSON.stringify({ pid: process.pid, host: hostTag(), command, startedAt: new Date().toISOString(), nonce: randomBytes(8).toString('hex') } satisfies LockInfo);
  let tookOver: string | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createLock(file, mine)) return held(file, mine, tookOver);
    const current = readLock(file);
    if (current === undefined) continue; // released meanwhile: try again
    const holder = parseLock(current);
    const state = holder ? writerState(holder.pid, holder.host) : 'dead';
    if (holder && state !== 'dead') {
      const elsewhere = state === 'elsewhere';
      throw new MentorError(
        `Another mentor command (\`mentor ${holder.command}\`, pid ${holder.pid}${elsewhere ? ' on another machine or container' : ''}, since ${holder.startedAt}) is writing in this repo; nothing was written.`,
        ExitCode.usage,
        `Wait for it to finish (it may be waiting for an answer in another terminal), then run the command again. If no mentor is running${elsewhere ? ' there' : ''}, delete ${file}.`,
      );
    }
    tookOver = holder
      ? `a previous \`mentor ${holder.command}\` (pid ${holder.pid}, started ${holder.startedAt}) stopped without releasing its lock; taking it over.`
      : `the lock file ${file} holds no lock mentor wrote; taking it over.`;
    breakStaleLock(file, current);
  }
  throw new MentorError(`Could not take the write lock ${file}: other mentor commands kept taking it.`, ExitCode.usage, 'Wait for them to finish, then try again.');
}

function held(file: string, content: string, tookOver: string | undefined): WriteLock {
  const release = () => {
    // Only our own lock: never one a later writer made.
    try {
      if (readLock(file) === content) rmSync(file, { force: true });
    } catch {
      // Unreadable now: the next writer finds our pid gone and takes it over.
    }
  };
  process.once('exit', release);
  return { release: () => (process.removeListener('exit', release), release()), ...(tookOver ? { tookOver } : {}) };
}

/** Creates the lock with its content in one step; false when a lock exists. */
function createLock(file: string, content: string): boolean {
  const draft = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeWhole(draft, content);
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw isSystemError(error) ? fileSystemError(error, 'create the write lock', file, 'Nothing was written.') : error;
  } finally {
    // A draft that could not be made cannot be removed either (a .git folder mentor may not enter): the error that says why is the one to show.
    removeQuietly(draft);
  }
}


/**
 * Removes the stale lock whose content is `stale`, if no other process is doing so. Whoever
 * makes the breaker name first owns the removal; the check through that name makes sure it is
 * the stale lock that goes, never a fresh lock made in the meantime.
 */
function breakStaleLock(file: string, stale: string): void {
  const breaker = `${file}.breaking-${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
  try {
    linkSync(file, breaker);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // already gone
    if (code !== 'EEXIST') throw isSystemError(error) ? fileSystemError(error, 'take over the write lock', file, 'Nothing was written.') : error;
    if (Date.now() - modifiedAt(breaker) > STUCK_BREAKER_MS) {
      throw new MentorError(`A takeover of the stale write lock ${file} was interrupted.`, ExitCode.usage, `If no mentor is running, delete ${file} and ${breaker}.`);
    }
    sleep(5);
    return;
  }
  try {
    if (readLock(breaker) === stale) unlinkSync(file);
  } finally {
    rmSync(breaker, { force: true });
  }
}

function writeWhole(file: string, content: string): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    const bytes = Buffer.from(content);
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

function readLock(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw isSystemError(error) ? fileSystemError(error, 'read the write lock', file) : error;
  }
}

function parseLock(content: string): LockInfo | undefined {
  try {
    const info = JSON.parse(content) as LockInfo;
    return Number.isInteger(info.pid) && info.pid > 0 && (info.host === undefined || typeof info.host === 'string') ? info : undefined;
  } catch {
    return undefined;
  }
}

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * A hook for the race test: MENTOR_PAUSE_BEFORE_LOCK_MS makes a writer wait, before it goes for
 * the lock, until no other writer holds it (at most that long), so that a test can start a second
 * writer while the first holds the lock and have it go for the lock the moment the first is done.
 */
function waitForTests(file: string): void {
  const ms = Number(process.env.MENTOR_PAUSE_BEFORE_LOCK_MS ?? 0);
  if (!(ms > 0)) return;
  process.stderr.write('mentor: waiting to lock\n');
  for (const until = Date.now() + ms; Date.now() < until && readLock(file) !== undefined; ) sleep(20);
}
