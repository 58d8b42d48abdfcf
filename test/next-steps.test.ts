import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, GIT_ENV, git, mentor } from './helpers/repo.js';

// A first-time git user is told the exact commands that take a change to a pull request (term8, T6).

/** The git lines of a next step, run as printed (but the push: there is no remote). */
function runPrinted(repo: string, stdout: string): string[] {
  const lines = stdout.split('\n').filter((line) => /^ {2}git /.test(line)).map((line) => line.trim());
  for (const line of lines.filter((l) => !l.startsWith('git push'))) execSync(line, { cwd: repo, env: { ...process.env, ...GIT_ENV }, stdio: 'pipe' });
  return lines;
}

describe('the next step after a write without --commit', () => {
  it('gives the git commands of a log, which commit exactly it on its own branch', () => {
    const repo = exampleGitRepo();
    const result = mentor(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=3']);
    expect(result.code, result.stderr).toBe(0);
    const lines = runPrinted(repo, result.stdout);
    expect(lines.at(-1)).toBe('git push -u origin log/hal/2026-W47');
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('log/hal/2026-W47');
    expect(git(repo, ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual(['Log 2026-W47 of hal', '', 'cohorts/2026-fall/logs/hal/2026-W47.yaml']);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('gives the git commands of a claim, with the files it changed', async () => {
    const repo = exampleGitRepo();
    const result = await mentorIn(['claim', 'jon', '--as', 'linus', '--cohort', '2026-fall', '--repo', repo]);
    expect(result.code, result.stderr).toBe(0);
    runPrinted(repo, result.stdout);
    expect(git(repo, ['show', '--format=%s', '--name-only', 'HEAD']).split('\n')[0]).toBe('Claim jon in 2026-fall: linus mentors them');
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('gives the git commands of an organiser\'s placements and report, each committing exactly its files', async () => {
    const repo = exampleGitRepo();
    const assigned = await mentorIn(['assign', '2026-fall', '--yes', '--repo', repo]);
    expect(assigned.code, assigned.stderr).toBe(0);
    expect(runPrinted(repo, assigned.stdout).at(-1)).toBe('git push -u origin assign/2026-fall-2026-11-24');
    expect(git(repo, ['show', '--format=%s', '--name-only', 'HEAD']).trim().split('\n')).toEqual(['Assign mentors in 2026-fall (2 placed)', '', 'cohorts/2026-fall/cohort.yaml']);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
    const reported = await mentorIn(['report', '2026-fall', '--repo', repo]);
    expect(reported.code, reported.stderr).toBe(0);
    expect(runPrinted(repo, reported.stdout).at(-1)).toBe('git push -u origin report/2026-fall/2026-W47');
    expect(git(repo, ['show', '--format=%s', '--name-only', 'HEAD']).trim().split('\n')).toEqual(['Report 2026-fall 2026-W47', '', 'reports/2026-fall/2026-W47.json', 'reports/2026-fall/2026-W47.md']);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('gives the git commands of a members move both ways, which commit the new files and the removed ones', async () => {
    const repo = exampleGitRepo();
    const toFiles = await mentorIn(['members', '2026-fall', '--to', 'files', '--repo', repo]);
    expect(toFiles.code, toFiles.stderr).toBe(0);
    runPrinted(repo, toFiles.stdout);
    expect(git(repo, ['show', '--format=%s', '--name-only', 'HEAD']).split('\n').filter(Boolean)).toHaveLength(1 + 1 + 13);
    expect(git(repo, ['status', '--porcelain'])).toBe('');

    const toList = await mentorIn(
['members', '2026-fall', '--to', 'list', '--repo', repo]);
    expect(toList.code, toList.stderr).toBe(0);
    runPrinted(repo, toList.stdout);
    expect(git(repo, ['show', '--format=%s', '--name-status', 'HEAD']).split('\n').filter((line) => line.startsWith('D\t'))).toHaveLength(13);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });
});
