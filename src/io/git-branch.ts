import { attempt, currentBranch, type GitRepo } from './git.js';

// Going back after a --commit that failed on its new branch (commands/commit-step.ts): the files
// it wrote put back as HEAD has them, the user's branch checked out again, and the new branch,
// which holds nothing of theirs, deleted. Each step is one git call that fails with git's words.

/** Where the user is before a new branch is made: the branch and its commit (none on a branch with no commit yet). */
export interface Place {
  branch: string | undefined;
  commit: string | undefined;
}

export async function currentPlace(repo: GitRepo): Promise<Place> {
  const commit = (await repo.git.raw(['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')).trim();
  return { branch: await currentBranch(repo), commit: commit === '' ? undefined : commit };
}

/** Puts the files back as HEAD has them, in the index and the work tree; a file HEAD lacks is removed. */
export async function restoreFromHead(repo: GitRepo, files: readonly string[]): Promise<void> {
  const tracked = new Set((await attempt('git ls-tree', () => repo.git.raw(['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', ...files]))).split('\0').filter(Boolean));
  await attempt('git reset', () => repo.git.raw(['reset', '-q', 'HEAD', '--', ...files]));
  if (tracked.size > 0) await attempt('git checkout', () => repo.git.raw(['checkout', 'HEAD', '--', ...tracked]));
  const added = files.filter((file) => !tracked.has(file));
  if (added.length > 0) await attempt('git clean', () => repo.git.raw(['clean', '-f', '-q', '--', ...added]));
}

export async function switchBranch(repo: GitRepo, branch: string): Promise<void> {
  await attempt('git switch', () => repo.git.raw(['switch', '-q', branch]));
}

/** Deletes the branch if it still points at `commit` (nothing was committed on it since), in one step. */
export async function deleteBranchAt(repo: GitRepo, branch: string, commit: string): Promise<void> {
  await attempt('git update-ref', () => repo.git.raw(['update-ref', '-d', `refs/heads/${branch}`, commit]));
}
