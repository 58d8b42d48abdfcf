import { mkdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git } from './helpers/repo.js';

// git commits a symlink as a link, not as the file it leads to. The gate (check-pr) and
// `validate --at` read records from git objects, so there a symlinked record is a link and never a
// record; the working tree used to read through a link that stays inside the repo. One pull request
// then had two verdicts: its validate check green, the gate red. Every source now refuses a
// symlink where a record or a folder of records belongs, in the same words, and a symlink that leads
// out of the repo is still said to do so.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
const LOG = 'cohorts/2026-fall/logs/bob/2026-W45.yaml';

interface Problem {
  file: string;
  rule: string;
  severity: string;
  message: string;
  fix: string;
}

/** The example on main, and a branch `pr` where `change` made symlinks, committed. */
function linkedPullRequest(change: (repo: string) => void): string {
  const repo = exampleGitRepo();
  git(repo, ['switch', '-q', '-c', 'pr']);
  change(repo);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'links']);
  return repo;
}

/** Moves `file` to `store/<to>` and leaves a relative symlink to it at `file`. */
function linkTo(repo: string, file: string, to: string): void {
  mkdirSync(path.join(repo, 'store'), { recursive: true });
  renameSync(path.join(repo, file), path.join(repo, 'store', to));
  symlinkSync(path.relative(path.dirname(path.join(repo, file)), path.join(repo, 'store', to)), path.join(repo, file));
}

async function problems(repo: string, extra: string[] = []): Promise<{ code: number; problems: Problem[] }> {
  const result = await mentorIn(['validate', '--repo', repo, '--format', 'json', ...extra], { env: NOW });
  return { code: result.code, problems: JSON.parse(result.stdout).problems };
}

describe('a symlink that stays inside the repo, where a record belongs', { timeout: 120_000 }, () => {
  it('gets one verdict: the working tree, --at, --changed and the gate all refuse a symlinked log', async () => {
    const repo = linkedPullRequest((dir) => linkTo(dir, LOG, 'bob-w45.yaml'));
    const worktree = await problems(repo);
    expect(worktree.code).toBe(1);
    expect(worktree.problems).toEqual([
      expect.objectContaining({ file: LOG, rule: 'unexpected-file', severity: 'error', message: expect.stringContaining('This is a symlink; mentor reads records only from regular files'), fix: expect.stringContaining('Replace the symlink with the record itself') }),
    ]);
    expect(await problems(repo, ['--at', 'HEAD'])).toEqual(worktree);
    expect(await problems(repo, ['--changed', 'main'])).toEqual(worktree);
    // The gate, as the workflow runs it: a maintainer's change too, since the record cannot be read.
    const gate = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--head', 'HEAD', '--author', 'andrew-gh'], { env: NOW });
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain(`${LOG}:1:1 This is a symlink`);
  });

  it('gets one verdict for a symlinked cohort folder and a symlinked folder of logs: an error at the link, nothing read through it', async () => {
    const repo = linkedPullRequest((dir) => {
      symlinkSync('2026-fall', path.join(dir, 'cohorts/2026-copy'));
      linkTo(dir, 'cohorts/2026-fall/logs/bob', 'bob-logs');
    });
    const worktree = await problems(repo);
    expect(worktree.code).toBe(1);
    expect(worktree.problems).toEqual([
      expect.objectContaining({ file: 'cohorts/2026-copy', rule: 'unexpected-file', severity: 'error', message: expect.stringContaining('This is a symlink'), fix: expect.stringContaining('Replace the symlink with the real folder') }),
      expect.objectContaining({ file: 'cohorts/2026-fall/logs/bob', rule: 'unexpected-file', severity: 'error', message: expect.stringContaining('This is a symlink') }),
    ]);
    expect(await problems(repo, ['--at', 'HEAD'])).toEqual(worktree);
  });

  it('gets one verdict when people/ itself is a symlink', async () => {
    const repo = linkedPullRequest((dir) => {
      renameSync(path.join(dir, 'people'), path.join(dir, 'everyone'));
      symlinkSync('everyone', path.join(dir, 'people'));
    });
    const worktree = await problems(repo);
    expect(worktree.problems).toContainEqual(expect.objectContaining({ file: 'people', rule: 'unexpected-file', severity: 'error', message: expect.stringContaining('This is a symlink') }));
    expect(await problems(repo, ['--at', 'HEAD'])).toEqual(worktree);
  });

  it('is refused by every command that reads records, never read through', async () => {
    const repo = linkedPullRequest((dir) => linkTo(dir, LOG, 'bob-w45.yaml'));
    for (const args of [['hours', '2026-fall', '--week', '2026-W45'], ['report', '2026-fall', '--week', '2026-W45'], ['progress']]) {
      const result = await mentorIn([...args, '--repo', repo], { env: NOW });
      expect(result.stderr, args.join(' ')).toContain(`${LOG} has errors: 1:1 This is a symlink`);
      expect(result.code, args.join(' ')).toBe(1);
    }
    const status = await mentorIn(['status', '--repo', repo], { env: NOW });
    expect(status.stderr).toContain(`${LOG}:1:1 has errors, so status leaves it out: This is a symlink`);
    // A config that is a symlink inside the repo cannot be read either (exit 2), as at a commit.
    const config = linkedPullRequest((dir) => linkTo(dir, 'mentor.config.yaml', 'config.yaml'));
    for (const extra of [[], ['--at', 'HEAD']]) {
      const result = await mentorIn(['validate', '--repo', config, ...extra], { env: NOW });
      expect(result.code, extra.join(' ')).toBe(2);
      expect(result.stdout + result.stderr).toContain('This is a symlink');
    }
    expect(readFileSync(path.join(repo, 'store/bob-w45.yaml'), 'utf8')).toContain('week: 2026-W45');
  });
});
