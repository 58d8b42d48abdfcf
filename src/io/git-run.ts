import { execFile, spawnSync } from 'node:child_process';
import { MentorError, ExitCode } from '../errors.js';

// git run for reading (a commit's records, what changed between refs): one clear line for any
// failure, never a trace. Commands that write go through io/git.ts.

const GIT_BUFFER = 1024 * 1024 * 1024;

const gitEnv = () => ({ ...process.env, GIT_OPTIONAL_LOCKS: '0' });

/**
 * Starts git at once and says what it printed, without waiting on it: a caller may do other work
 * while git runs. A git that exits with a code not in `ok` gives `failed` with what it said on stderr.
 */
export function gitStarted(cwd: string, args: string[], ok: readonly number[] = [0]): Promise<{ stdout: string; failed?: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: GIT_BUFFER, env: gitEnv(), encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error || ok.includes(Number(error.code))) resolve({ stdout });
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') resolve({ stdout: '', failed: 'spawn git ENOENT' });
      else resolve({ stdout, failed: stderr || error.message });
    });
  });
}

/** Runs git; `ok`: the exit codes that are not failures (`git grep` exits 1 when nothing matches). */
export function git(cwd: string, args: string[], input?: string, ok: readonly number[] = [0]): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: GIT_BUFFER, env: gitEnv() });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new MentorError(code === 'ENOENT' ? 'git is not installed or not on PATH.' : `git ${args[0]} failed (${code ?? result.error.message}).`, ExitCode.usage, code === 'ENOENT' ? 'Install git and try again.' : undefined);
  }
  if (!ok.includes(result.status ?? -1)) {
    const text = result.stderr.toString('utf8').replace(/\s+/g, ' ').replace(/^fatal: /, '').trim().slice(0, 300);
    throw new MentorError(`git ${args[0]}: ${text}`, ExitCode.usage, 'Check that the commit exists here (fetch it first).');
  }
  return result.stdout;
}
