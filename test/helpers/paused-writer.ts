import { spawn, type ChildProcess } from 'node:child_process';
import { GIT_ENV, MENTOR_BIN } from './repo.js';

// mentor stopped at a known moment of a write: the pause before a rename (io/write.ts,
// MENTOR_PAUSE_BEFORE_RENAME_MS), where the new content is on disk in temporary files, the lock
// is held, and with --commit the new branch is made. What a test does there (a signal, a disk
// filled up) meets mentor at exactly that point.

export interface PausedRun {
  code: number | null;
  /** The signal that ended mentor, when none of its own handlers did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs mentor until it pauses before rename number `at` (from 1), runs `atPause` there, and
 * returns how mentor ended. The pause lasts `pauseMs` whatever happens meanwhile: long enough for `atPause`.
 */
export async function atRenamePause(args: string[], atPause: (child: ChildProcess) => unknown, options: { at?: number; pauseMs?: number } = {}): Promise<PausedRun> {
  const child = spawn(process.execPath, [MENTOR_BIN, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...GIT_ENV, MENTOR_PAUSE_BEFORE_RENAME_MS: String(options.pauseMs ?? 1500), MENTOR_PAUSE_AT_RENAME: String(options.at ?? 1) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes('paused before rename')) resolve();
    });
    child.on('exit', () => reject(new Error(`mentor ended before the pause:\n${stdout}\n${stderr}`)));
  });
  await atPause(child);
  const { code, signal } = await ended;
  return { code, signal, stdout, stderr };
}

/** Resolves once mentor has written `text` to its standard error. */
export function saying(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    child.stderr!.on('data', (chunk) => {
      said += chunk;
      if (said.includes(text)) resolve();
    });
    child.on('exit', () => reject(new Error(`mentor ended without saying ${JSON.stringify(text)}:\n${said}`)));
  });
}
