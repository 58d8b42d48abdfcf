import { cpSync } from 'node:fs';
import path from 'node:path';
import { git, makeTree, PACKAGE_ROOT } from './repo.js';

// A program repo made months ago by an older mentor: test/fixtures/program-68937fc is what
// `mentor init` of commit 68937fc wrote, then its own `assign`, `log`, `report` and `codeowners`
// (a lead, a mentor, a mentee placed, a log, a report of 2026-W44); only its runner is cut to its
// first lines (the build was 2.3 MB).

export const OLD_PROGRAM_FIXTURE = path.join(PACKAGE_ROOT, 'test/fixtures/program-68937fc');

/** "Now" in the old program: a Tuesday of its running cohort. */
export const OLD_PROGRAM_NOW = { MENTOR_NOW: '2026-11-03T10:00:00-08:00' };

/** The old program as a git repo on main, everything committed. */
export function oldProgram(): string {
  const dir = path.join(makeTree({}), 'program');
  cpSync(OLD_PROGRAM_FIXTURE, dir, { recursive: true });
  git(path.dirname(dir), ['init', '-q', '--initial-branch=main', dir]);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'Made by an older mentor']);
  return dir;
}
