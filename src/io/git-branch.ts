import { attempt, commitOf, currentBranch, hasCommits, type GitRepo } from './git.js';
import { shellWords } from '../domain/text.js';

// Going back after a --commit that failed on its new branch (commands/commit-undo.ts): the files
// it wrote put back as HEAD has them, the user's branch checked out again, and the new branch,
// which holds nothing of theirs, deleted. Each step is one git call that fails with git's words,
// and none writes more than it must: on a full disk, going back has only the room it frees.

/** Where the user is before a new branch is made: the branch and its commit (none on a branch with no commit yet). */
export interface Place {
  branch: string | undefined;
  commit: string | undefined;
}

export async function currentPlace(repo: GitRepo): Promise<Place> {
  return { branch: await currentBranch(repo), commit: await commitOf(repo, 'HEAD') };
}

/** The commit a branch points at; undefined when there is no such branch. */
export const branchCommit = (repo: GitRepo, branch: string): Promise<string | undefined> => commitOf(repo, `refs/heads/${branch}`);

/** Those of the files that HEAD has (the others are new). */
export async function filesInHead(repo: GitRepo, files: readonly string[]): Promise<Set<string>> {
  return new Set((await attempt('git ls-tree', () => repo.git.raw(['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', ...files]))).split('\0').filter(Boolean));
}

/**
 * Puts the files back as HEAD has them, in the index and the work tree; a file HEAD lacks is
 * removed. The index is rewritten only when it holds a change of them (git add ran), and the
 * work tree is restored without it: a full disk may have room for neither.
 */
export async function restoreFromHead(repo: GitRepo, files: readonly string[], tracked: ReadonlySet<string>): Promise<void> {
  const staged = (await attempt('git diff', () => repo.git.raw(['diff', '--cached', '--name-only', '--no-renames', '-z', 'HEAD', '--', ...files]))).split('\0').filter(Boolean);
  if (staged.length > 0) await attempt('git reset', () => repo.git.raw(['reset', '-q', 'HEAD', '--', ...files]));
  const kept = files.filter((file) => tracked.has(file));
  if (kept.length > 0) await attempt('git restore', () => repo.git.raw(['restore', '--source=HEAD', '--worktree', '--', ...kept]));
  const added = files.filter((file) => !tracked.has(file));
  if (added.length > 0) await attempt('git clean', () => repo.git.raw(['clean', '-f', '-q', '--', ...added]));
}

/** The git commands that do what restoreFromHead does, for a user to run: safe to run twice, and never touching a stash. */
export function restoreCommands(files: readonly string[], tracked: ReadonlySet<string>): string {
  const kept = shellWords(files.filter((file) => tracked.has(file)));
  const added = shellWords(files.filter((file) => !tracked.has(file)));
  return [kept && `git restore --source=HEAD --staged --worktree -- ${kept}`, added && `git rm -q --cached --ignore-unmatch -- ${added} && git clean -f -q -- ${added}`].filter(Boolean).join(' && ');
}

export async function switchBranch(repo: GitRepo, branch: string): Promise<void> {
  await attempt('git switch', () => repo.git.raw(['switch', '-q', branch]));
}

/**
 * Points HEAD at the branch without touching the index or the work tree: a switch between two
 * branches at one commit, which needs no room but HEAD's own few bytes.
 */
export async function pointHeadAt(repo: GitRepo, branch: string): Promise<void> {
  await attempt('git symbolic-ref', () => repo.git.raw(['symbolic-ref', '-m', `mentor: back to ${branch}`, 'HEAD', `refs/heads/${branch}`]));
}

/** Deletes the branch if it still points at `commit` (nothing was committed on it since), in one step. */
export async function deleteBranchAt(repo: GitRepo, branch: string, commit: string): Promise<void> {
  await attempt('git update-ref', () => repo.git.raw(['update-ref', '-d', `refs/heads/${branch}`, commit]));
}

/**
 * The files under `paths` that differ between the commit `ref` names and HEAD, relative to the
 * program folder; undefined when HEAD is no commit yet (a branch with no commit: nothing to compare).
 */
export async function changedFromHead(repo: GitRepo, ref: string, paths: readonly string[]): Promise<string[] | undefined> {
  if (!(await hasCommits(repo))) return undefined;
  return (await attempt('git diff', () => repo.git.raw(['diff', '--name-only', '--no-renames', '--relative', '-z', ref, 'HEAD', '--', ...paths]))).split('\0').filter(Boolean);
}
