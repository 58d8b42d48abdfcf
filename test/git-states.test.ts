import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { giveToUnprivileged, mentorAsUnprivileged, UNPRIVILEGED, unprivilegedHome } from './helpers/faults.js';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git, gitRepo, makeTree, readText } from './helpers/repo.js';

// A repository git will not use, or one in the middle of a merge or rebase: mentor says git's
// real reason and the way out, and writes nothing (faults 2, F7 and F15).

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const claimJon = ['claim', 'jon', '--as', 'linus', '--commit'];

/** The repo's state that a refused --commit must leave as it was: the branches, the status, cohort.yaml. */
function state(repo: string): string[] {
  return [git(repo, ['branch', '--list']), git(repo, ['status', '--porcelain']), readText(repo, COHORT)];
}

describe("git's reason, not \"not a git repository\" (F7)", () => {
  it.runIf(UNPRIVILEGED !== undefined)("a repository that belongs to another user is named with git's safe.directory advice", () => {
    const repo = exampleGitRepo();
    // Writable by everyone, but owned by root: git's ownership check refuses it to another user.
    execFileSync('chmod', ['-R', 'a+rwX', repo]);
    const before = state(repo);
    for (const args of [[...claimJon], ['validate', '--changed', 'HEAD'], ['check-pr', '--base', 'HEAD', '--author', 'bob-m']]) {
      const result = mentorAsUnprivileged([...args, '--repo', repo], { HOME: unprivilegedHome() });
      expect(result.stderr, args[0]).toContain(`git refuses to work in ${repo}: the repository belongs to another user`);
      expect(result.stderr, args[0]).toContain(`git config --global --add safe.directory ${repo}`);
      expect(result.stderr, args[0]).not.toContain('git init');
      expect(result.code, args[0]).toBe(2);
    }
    expect(state(repo)).toEqual(before);
  });

  it.runIf(UNPRIVILEGED !== undefined)('a .git the user may not read is named, with what to check', () => {
    const repo = exampleGitRepo();
    giveToUnprivileged(repo);
    chownSync(path.join(repo, '.git/objects'), 0, 0);
    chmodSync(path.join(repo, '.git/objects'), 0o700);
    const result = mentorAsUnprivileged([...claimJon, '--repo', repo], { HOME: unprivilegedHome() });
    expect(result.stderr).toContain(`git does not take ${path.join(repo, '.git')} as a repository`);
    expect(result.stderr).toContain('may read');
    expect(result.code).toBe(2);
  });

  it('a linked worktree whose main repository was moved is said so, with git worktree repair', async () => {
    const main = exampleGitRepo();
    const linked = `${main}-linked`;
    git(main, ['worktree', 'add', '-q', linked]);
    renameSync(main, `${main}-moved`);
    const result = await mentorIn([...claimJon, '--repo', linked]);
    expect(result.stderr).toContain(`its .git file points to ${path.join(main, '.git/worktrees', path.basename(linked))}, which is not a git repository`);
    expect(result.stderr).toContain(`git worktree repair ${linked}`);
    expect(result.code).toBe(2);
    renameSync(`${main}-moved`, main);
  });
});

/** A commit of its own on the branch checked out: something for a merge or a rebase to take. */
function commitNotes(repo: string): void {
  writeFileSync(path.join(repo, 'NOTES.md'), 'notes\n');
  git(repo, ['add', 'NOTES.md']);
  git(repo, ['commit', '-qm', 'notes']);
}

describe('--commit in the middle of a merge or a rebase (F15)', () => {
  it('a merge stopped before its commit is named, with how to finish or abort it, and nothing is written', async () => {
    const repo = exampleGitRepo();
    git(repo, ['switch', '-q', '-c', 'other']);
    commitNotes(repo);
    git(repo, ['switch', '-q', 'main']);
    git(repo, ['merge', '-q', '--no-ff', '--no-commit', 'other']);
    const before = state(repo);
    const result = await mentorIn([...claimJon, '--repo', repo]);
    expect(result.stderr).toContain('A merge is in progress in this repository');
    expect(result.stderr).toContain('Finish it (git commit) or abort it (git merge --abort)');
    expect(result.stderr).not.toContain('--quit');
    expect(result.code).toBe(2);
    expect(state(repo)).toEqual(before);
  });

  it('a rebase stopped at an edit is named as a rebase, not as a detached HEAD to switch away from', async () => {
    const repo = exampleGitRepo();
    commitNotes(repo);
    git(repo, ['-c', 'sequence.editor=sed -i 1s/^pick/edit/', 'rebase', '-q', '-i', 'HEAD~1']);
    const before = state(repo);
    const result = await mentorIn([...claimJon, '--repo', repo]);
    expect(result.stderr).toContain('A rebase is in progress in this repository');
    expect(result.stderr).toContain('git rebase --continue');
    expect(result.stderr).not.toContain('HEAD is detached');
    expect(result.code).toBe(2);
    expect(state(repo)).toEqual(before);
  });
});

describe('mentor init in a repository of the user\'s that cannot take a commit on a branch', () => {
  // Before: init committed on a detached HEAD (a commit on no branch, lost at the next switch; the
  // next step 'git push' pushes nothing), or into a merge or rebase under way.
  it('refuses on a detached HEAD before writing anything, and says how to get onto a branch', async () => {
    const repo = gitRepo(makeTree({ 'README.md': 'mine\n' }));
    writeFileSync(path.join(repo, 'NOTES.md'), 'notes\n');
    git(repo, ['add', 'NOTES.md']);
    git(repo, ['commit', '-qm', 'notes']);
    git(repo, ['switch', '-q', '--detach', 'HEAD~1']);
    const result = await mentorIn(['init', repo]);
    expect(result.stderr).toContain('HEAD is detached');
    expect(result.stderr).toContain('git switch main');
    expect(result.code).toBe(2);
    expect(existsSync(path.join(repo, 'mentor.config.yaml'))).toBe(false);
    expect(git(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });

  it('refuses in the middle of a merge before writing anything', async () => {
    const repo = gitRepo(makeTree({ 'README.md': 'mine\n' }));
    git(repo, ['switch', '-q', '-c', 'other']);
    commitNotes(repo);
    git(repo, ['switch', '-q', 'main']);
    git(repo, ['merge', '-q', '--no-ff', '--no-commit', 'other']);
    const result = await mentorIn(['init', repo]);
    expect(result.stderr).toContain('A merge is in progress in this repository');
    expect(result.code).toBe(2);
    expect(existsSync(path.join(repo, 'mentor.config.yaml'))).toBe(false);
  });
});
