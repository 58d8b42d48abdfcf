import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startMentor } from './helpers/paused-writer.js';
import { git, makeTree, PACKAGE_ROOT } from './helpers/repo.js';

// A Ctrl-C (or SIGTERM) while `assign --yes` works out its placements: mentor holds the write
// lock from the start, so its own signal handlers are in place, and node runs them only between
// turns of its event loop. The solve (seconds on a big cohort) used to be one synchronous
// stretch: the signal waited for its end (16 minutes on the 8,700 x 200 cohort of the report,
// before the reasons were made fast; seconds now, and more on bigger cohorts). Now the solve lets
// node turn its loop now and then: mentor stops during it, and says so.

const NOW = { MENTOR_NOW: '2026-09-10T10:00:00Z' };

/** Every file of the repo (outside .git) and its content. */
function snapshot(dir: string, base = dir): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [file, text] of snapshot(full, base)) files.set(file, text);
    else files.set(path.relative(base, full), readFileSync(full, 'utf8'));
  }
  return files;
}

/** Resolves once `file` exists (mentor has taken its lock); fails if mentor ends first. */
async function appears(file: string, ended: Promise<unknown>): Promise<void> {
  let over = false;
  void ended.then(() => (over = true));
  while (!existsSync(file)) {
    if (over) throw new Error(`mentor ended before ${file} appeared`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('assign --yes interrupted while it works out the placements', { timeout: 180_000 }, () => {
  let program: string;
  beforeAll(() => {
    // 8,700 mentees waiting for 200 mentors, each member a file: the solve alone takes seconds.
    program = path.join(makeTree({}), 'program');
    execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'bench/generate-assign.js'), program, '--mentors', '200', '--mentees', '8700', '--member-files'], { stdio: 'ignore' });
  });

  const copy = () => {
    const repo = path.join(makeTree({}), 'repo');
    cpSync(program, repo, { recursive: true });
    return repo;
  };

  it.each([
    ['SIGINT', 130, [] as string[], false],
    ['SIGTERM', 143, ['--commit'], true],
  ] as const)('stops on %s at once with %i, shows and writes nothing, and leaves no lock or temporary file', async (signal, exitCode, extra, inGit) => {
    const repo = copy();
    if (inGit) {
      git(repo, ['init', '-q']);
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-q', '-m', 'program']);
    }
    const before = snapshot(repo);
    const lock = inGit ? path.join(repo, '.git', 'mentor.lock') : path.join(repo, '.mentor.lock');
    const started = startMentor(['assign', 'big', '--yes', ...extra, '--repo', repo], NOW);
    await appears(lock, started.ended);
    started.child.kill(signal);
    const { code, stdout, stderr } = await started.ended;

    // Heard during the solve, not after it (where it used to be heard, before the placements were shown).
    expect(stderr).toContain(`mentor: interrupted (${signal}) while working out the placements, before writing anything: nothing was written.`);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(snapshot(repo)).toEqual(before);
    expect(existsSync(lock)).toBe(false);
    if (inGit) {
      expect(git(repo, ['status', '--porcelain'])).toBe('');
      expect(git(repo, ['branch', '--list'])).not.toContain('assign/');
    }
  });
});

describe('fix interrupted while it reads the records again under the lock', { timeout: 180_000 }, () => {
  it('stops at once with 130, writes nothing, and leaves no lock', async () => {
    // 8,000 members and 8,500 people, each a file that a generator wrote, none of them in canonical
    // form: fix reads them all, then takes the lock and reads each again (seconds) before it writes.
    const repo = path.join(makeTree({}), 'repo');
    execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'bench/generate-assign.js'), repo, '--mentors', '500', '--mentees', '8000', '--member-files'], { stdio: 'ignore' });
    const before = snapshot(repo);
    const lock = path.join(repo, '.mentor.lock');
    const started = startMentor(['fix', '--repo', repo]);
    await appears(lock, started.ended);
    started.child.kill('SIGINT');
    const { code, stdout, stderr } = await started.ended;

    // Heard while it read, not only once every record was read again, before the write.
    expect(stderr).toContain('mentor: interrupted (SIGINT) while reading the records again, before writing anything: nothing was written.');
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(snapshot(repo)).toEqual(before);
    expect(existsSync(lock)).toBe(false);
  });
});
