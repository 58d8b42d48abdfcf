import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Change } from '../model/scope.js';
import { ExitCode, MentorError } from '../errors.js';
import { GitCommitSource } from './git-source.js';
import { gitStarted } from './git-run.js';
import { attempt, gitFailure, isGitRepo, openGit, type GitRepo } from './git.js';
import { noMergeBaseError, notACommitError, rangeRefError } from './ref-messages.js';

// What changed: between two commits, from a commit to the working tree, or what a pull request
// changes on its base (judged as merging would leave it). Refs are resolved with a clear message
// for each way they can fail (unknown, shallow clone, unrelated histories, a range, an option).

function parseNameStatus(output: string): Change[] {
  const parts = output.split('\0').filter((part) => part !== '');
  const files: Change[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++]!;
    if (code.startsWith('R') || code.startsWith('C')) {
      const from = parts[i++]!;
      const to = parts[i++]!;
      files.push(code.startsWith('R') ? { status: 'renamed', path: to, from } : { status: 'added', path: to });
    } else {
      const path = parts[i++]!;
      files.push({ status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified', path });
    }
  }
  return files;
}

/** `git diff` of two revisions (or of one and the working tree), as name and status, from the program folder. */
const diffArgs = (...revisions: string[]) => ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--relative', '--end-of-options', ...revisions, '--', '.'];

const nameStatus = async (repo: GitRepo, from: string, to: string) => parseNameStatus(await attempt('git diff', () => repo.git.raw(diffArgs(from, to))));

/**
 * Everything a pull request changes in the repository, named from the program folder: a file
 * outside it (the repository's own .github/ when the program is a subfolder) as `../<path>`.
 */
async function everythingChanged(repo: GitRepo, from: string, to: string): Promise<Change[]> {
  // A program at the top of its work tree (the usual case) has nothing outside it.
  if (existsSync(path.join(repo.dir, '.git'))) return nameStatus(repo, from, to);
  const prefix = (await attempt('git rev-parse', () => repo.git.raw(['rev-parse', '--show-prefix']))).replace(/\n$/, '');
  const fromTop = parseNameStatus(await attempt('git diff', () => repo.git.raw(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--end-of-options', from, to])));
  const named = (file: string) => path.posix.relative(prefix, file);
  return fromTop.map((change) => ({ ...change, path: named(change.path), ...(change.from === undefined ? {} : { from: named(change.from) }) }));
}

const isShallow = async (repo: GitRepo) => (await repo.git.raw(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';

/**
 * Refuses a ref git could read as an option (a leading "-", a space, empty) or that names a range,
 * before git sees it.
 */
function refuseBadRef(ref: string, flag: string): void {
  if (ref.startsWith('-') || ref.length === 0 || /[\s\0]/.test(ref)) {
    throw new MentorError(`${flag} "${ref}" is not a git ref.`, ExitCode.usage, 'Refs that start with "-" or hold spaces are refused, so they cannot be read as git options.');
  }
  const range = rangeRefError(ref, flag);
  if (range) throw range;
}

/** The commit a ref (already checked by refuseBadRef) names, or a clear error. */
async function resolveCommit(repo: GitRepo, ref: string, flag: string): Promise<string> {
  try {
    const sha = (await repo.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    if (sha !== '') return sha;
  } catch {
    // fall through to the message below
  }
  // An object git has that is no commit (a tree's sha, a file's): said as what it is.
  const type = (await repo.git.raw(['cat-file', '-t', '--end-of-options', ref]).catch(() => '')).trim();
  if (type !== '') throw notACommitError(flag, ref, type);
  throw new MentorError(
    `${flag} ${ref}: git knows no such commit.`,
    ExitCode.usage,
    (await isShallow(repo))
      ? 'Check the name and fetch it first (git fetch origin <branch>). This is a shallow clone, so older commits are missing too: fetch the history (in GitHub Actions: actions/checkout with fetch-depth: 0).'
      : ((await noSuchRemote(repo, ref, flag)) ?? 'Check the branch or commit name (for a remote branch: origin/main), and fetch it first.'),
  );
}

/** `origin/main` in a repository with no remote `origin` (not pushed yet) but a branch `main`: that branch is meant. */
async function noSuchRemote(repo: GitRepo, ref: string, flag: string): Promise<string | undefined> {
  const [, remote, branch] = /^([^/]+)\/(.+)$/.exec(ref) ?? [];
  if (remote === undefined || branch === undefined) return undefined;
  const remotes = (await repo.git.raw(['remote']).catch(() => '')).split('\n').map((name) => name.trim());
  if (remotes.includes(remote) || (await repo.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/heads/${branch}`]).catch(() => '')).trim() === '') return undefined;
  return `This repository has no remote ${remote}: name the local branch, ${branch} (${flag} ${branch}).`;
}

/**
 * The commits some refs name, in one git call when all resolve; otherwise the first that does not
 * is said, with what to do (`needs`: what the flags need, for a folder that is not a repo).
 */
async function resolveCommits(repo: GitRepo, refs: ReadonlyArray<{ ref: string; flag: string }>, needs: string, fix: string): Promise<string[]> {
  for (const { ref, flag } of refs) refuseBadRef(ref, flag);
  const shas = await repo.git
    .raw(['rev-parse', '--end-of-options', ...refs.map(({ ref }) => `${ref}^{commit}`)])
    // A git older than 2.43 does not know --end-of-options in rev-parse and echoes it back.
    .then((output) => output.split('\n').filter((line) => line !== '' && line !== '--end-of-options'))
    .catch(() => []);
  if (shas.length === refs.length && shas.every((sha) => /^[0-9a-f]{40,64}$/.test(sha))) return shas;
  if (!(await isGitRepo(repo))) throw new MentorError(`${needs} needs a git repository.`, ExitCode.usage, fix);
  const resolved: string[] = [];
  for (const { ref, flag } of refs) resolved.push(await resolveCommit(repo, ref, flag));
  return resolved;
}

/** The records of a commit, read from git objects (nothing is checked out). */
export async function commitSource(root: string, ref: string, flag: string): Promise<GitCommitSource> {
  const [commit] = await resolveCommits(openGit(root), [{ ref, flag }], flag, 'Run it in a clone of the program repo.');
  return new GitCommitSource(root, commit!);
}

/**
 * What changed from `ref` to `head` (a commit), or to the working tree (committed or not,
 * untracked files included) when there is no head.
 */
export async function changesBetween(root: string, ref: string, head?: string): Promise<Change[]> {
  const repo = openGit(root);
  const resolveBase = () => resolveCommits(repo, [{ ref, flag: '--changed' }], '--changed', 'Run it in a clone of the program repo, or validate everything without --changed.') as Promise<[string]>;
  if (head === undefined) return changedInWorktree(root, ref, resolveBase);
  const [base] = await resolveBase();
  return nameStatus(repo, base, head);
}

/**
 * What differs from `ref` in the working tree, committed or not, untracked files included. Both
 * git calls start at once, before anything is awaited, so they run while the caller lists the
 * records; a ref git cannot use is said by resolving it (what it is, and what to do).
 */
async function changedInWorktree(root: string, ref: string, resolveBase: () => Promise<[string]>): Promise<Change[]> {
  refuseBadRef(ref, '--changed');
  const [diff, others] = await Promise.all([
    gitStarted(root, diffArgs(`${ref}^{commit}`)),
    gitStarted(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', '.']),
  ]);
  if (diff.failed !== undefined) {
    await resolveBase();
    throw gitFailure('git diff', new Error(diff.failed));
  }
  if (others.failed !== undefined) throw gitFailure('git ls-files', new Error(others.failed));
  const untracked = others.stdout
    .split('\0')
    .filter(Boolean)
    .map((path): Change => ({ status: 'added', path }));
  return [...parseNameStatus(diff.stdout), ...untracked];
}

export interface PullRequestRange {
  base: string;
  head: string;
  /** What is judged: the tree merging head into base gives, or head itself when they conflict. */
  after: string;
  /** What `after` is, for messages. */
  afterLabel: string;
  /** What the pull request changes on the base: from base to the merge (from the merge base to head when they conflict). */
  changes: Change[];
  /** Files head and base both changed and git cannot merge (from the program folder, as git names them when run there). */
  conflicts: string[];
}

/**
 * A pull request as merging it would make the base: the tree `git merge-tree` gives for base and
 * head (what the base branch holds after the merge, so a change that breaks with what the base
 * did since is judged by that), and what it changes there. When they conflict, the head itself is
 * judged and the conflicting files are said.
 */
export async function pullRequestRange(root: string, refs: { base: string; head: string }, commits: { base: string; head: string }): Promise<PullRequestRange> {
  const repo = openGit(root);
  const { base, head } = commits;
  const merge = await mergeTree(root, base, head);
  if (merge && merge.conflicts.length === 0) {
    const changes = await everythingChanged(repo, base, merge.tree);
    return { base, head, after: merge.tree, afterLabel: `the merge of ${head.slice(0, 7)} into ${base.slice(0, 7)}`, changes, conflicts: [] };
  }
  let mergeBase = '';
  try {
    mergeBase = (await repo.git.raw(['merge-base', '--end-of-options', base, head])).trim();
  } catch {
    // No merge base: said below, with what to do.
  }
  if (mergeBase === '') throw noMergeBaseError('--base', refs.base, refs.head, await isShallow(repo));
  const changes = await everythingChanged(repo, mergeBase, head);
  return { base, head, after: head, afterLabel: `commit ${head.slice(0, 7)}`, changes, conflicts: merge?.conflicts ?? [] };
}

/** The commits a pull request's --base and --head name, in one git call (or a clear error). */
export async function pullRequestCommits(root: string, refs: { base: string; head: string }): Promise<{ base: string; head: string }> {
  const [base, head] = await resolveCommits(openGit(root), [{ ref: refs.base, flag: '--base' }, { ref: refs.head, flag: '--head' }], 'check-pr', 'Run it in a clone of the program repo.');
  return { base: base!, head: head! };
}

/** `git merge-tree --write-tree` (git 2.38 or later): the merged tree and the conflicting files; none when git cannot say. */
async function mergeTree(root: string, base: string, head: string): Promise<{ tree: string; conflicts: string[] } | undefined> {
  // Exit 1 is a merge with conflicts; an older git, unrelated histories or a shallow clone fail
  // otherwise, and the merge base in pullRequestRange says which.
  const merged = await gitStarted(root, ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', base, head], [0, 1]);
  if (merged.failed !== undefined) return undefined;
  const [tree, ...files] = merged.stdout.split('\0');
  return tree && /^[0-9a-f]{40,64}$/.test(tree) ? { tree, conflicts: [...new Set(files.filter((file) => file !== ''))] } : undefined;
}
