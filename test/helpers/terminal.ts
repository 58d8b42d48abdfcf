import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { GIT_ENV, makeTree, MENTOR_BIN } from './repo.js';

const PTY = path.join(import.meta.dirname, 'run_pty.py');
export const DOWN = '\u001b[B';
export const CTRL_C = '\u0003';

/** [text to wait for, keys to type] and, optionally, a shell command to run before typing them. */
export type Step = [string, string] | [string, string, string];

/**
 * Runs the real CLI under a pseudo-terminal, typing each answer when its question shows. The git
 * user is `gitUser` (a HOME of its own); `env` adds or overrides variables (TERM, COLUMNS...).
 */
export function underTerminal(args: string[], steps: Step[], gitUser = 'hal-k', now = '2026-11-24T09:00:00-08:00', env: NodeJS.ProcessEnv = {}) {
  const home = makeTree({ '.gitconfig': `[user]\n\tname = ${gitUser}\n\temail = ${gitUser}@example.com\n` });
  const result = spawnSync('python3', [PTY, JSON.stringify(steps), '--', process.execPath, MENTOR_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, HOME: home, GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'), NO_COLOR: '1', TERM: 'xterm-256color', CI: undefined, MENTOR_NOW: now, ...env },
    timeout: 60_000,
  });
  return { code: result.status, screen: result.stdout };
}

/** A shell command that runs the CLI (for a side step): the same now and git user as above. */
export function mentorCommand(args: string[], now = '2026-11-24T09:00:00-08:00'): string {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  return `MENTOR_NOW=${now} ${[process.execPath, MENTOR_BIN, ...args].map(quote).join(' ')}`;
}
