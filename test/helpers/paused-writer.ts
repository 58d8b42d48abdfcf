import { spawn, type ChildProcess } from 'node:child_process';
import { GIT_ENV, MENTOR_BIN } from './repo.js';

// mentor stopped at a known moment of a write, through its test pauses: before a rename
// (io/write.ts, MENTOR_PAUSE_BEFORE_RENAME_MS), where the new content is on disk in temporary
// files, the lock is held, and with --commit the new branch is made; or before the lock
// (io/lock.ts, MENTOR_PAUSE_BEFORE_LOCK_MS), waiting for another writer to let it go. What a test
// does there (a signal, a disk filled up) meets mentor at exactly that point.

export interface Run {
  code: number | null;
  /** The signal that ended mentor, when none of its own handlers did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  /** Resolves once mentor has written `text` to its standard error; fails if it ends first. */
  saying(text: string): Promise<void>;
  ended: Promise<Run>;
}

/** Starts the real CLI in a child process, with the environment tests give it. */
export function startMentor(args: string[], env: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(process.execPath, [MENTOR_BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...GIT_ENV, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ended = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const saying = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const look = () => stderr.includes(text) && resolve();
      look();
      child.stderr.on('data', look);
      void ended.then(() => reject(new Error(`mentor ended without saying ${JSON.stringify(text)}:\n${stdout}\n${stderr}`)));
    });
  return { child, saying, ended };
}

/**
 * Runs mentor until it pauses before rename number `at` (from 1), runs `atPause` there, and
 * returns how mentor ended. The pause lasts `pauseMs` whatever happens meanwhile: long enough for `atPause`.
 */
export async function atRenamePause(args: string[], atPause: (child: ChildProcess) => unknown, options: { at?: number; pauseMs?: number } = {}): Promise<Run> {
  const started = startMentor(args, { MENTOR_PAUSE_BEFORE_RENAME_MS: String(options.pauseMs ?? 1500), MENTOR_PAUSE_AT_RENAME: String(options.at ?? 1) });
  await started.saying('paused before rename');
  await atPause(started.child);
  return started.ended;
}
