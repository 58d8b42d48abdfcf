import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTree } from './repo.js';

/**
 * The real git behind a shim on PATH that writes each call's arguments (one line per call) before
 * running it: what mentor asks git, not a stand-in for it.
 */
export function recordingGit(): { env: NodeJS.ProcessEnv; calls: () => string[] } {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const dir = makeTree({});
  const log = path.join(dir, 'calls.txt');
  writeFileSync(log, '');
  writeFileSync(path.join(dir, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(path.join(dir, 'git'), 0o755);
  return {
    env: { PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` },
    calls: () => readFileSync(log, 'utf8').split('\n').filter((line) => line !== ''),
  };
}
