import type { Change } from '../model/scope.js';
import { GitCommitSource, git } from './git-source.js';
import { simpleGit, GitError, type SimpleGit } from 'simple-git';
import { MentorError, ExitCode } from '../errors.js';
import { noMergeBaseError, rangeRefError } from './ref-messages.js';

// Git for the commands (through simple-git); reading a commit's records is io/git-source.ts, whose
// git() this module also uses for merge-tree, which answers on stdout when it exits 1. Every
// failure becomes one clear line (a MentorError), never a trace; refs that look like options are
// refused before git sees them.

export interface GitRepo {
  readonly dir: string;
  readonly git: SimpleGit;
}

export function openGit(dir: string): GitRepo {
  return { dir, git: simpleGit({ baseDir: dir, maxConcurrentProcesses: 4, trimmed: false }) };
}

async function attempt<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw gitFailure(what, error);
  }
}

function gitFailure(what: string, error: unknown): MentorError {
  const raw = error instanceof GitError || error instanceof Error ? error.message : String(error);
  const text = raw.replace(/\s+/g, ' ').trim();
  if (/ENOENT|spawn git/.test(text)) return new MentorError('git is not installed or not on PATH.', ExitCode.usage, 'Install git and try again.');
  if (/not a git repository/i.test(text)) return new MentorError(`${what}: this folder is not a git repository.`, ExitCode.usage, 'Run `git init`, or run mentor inside a clone of the program repo.');
  if (/Please tell me who you are|empty ident|user\.email|user\.name/i.test(text)) {
    return new MentorError(`${what}: git does not know who you are.`, ExitCode.usage, 'Run `git config --global user.name "Your Name"` and `git config --global user.email you@example.com`, then try again.');
  }
  if (/already exists/i.test(text)) return new MentorError(`${what}: ${text.replace(/^fatal: /, '')}`, ExitCode.usage, 'Delete or rename the existing branch, or switch to it.');
  return new MentorError(`${what}: ${text.replace(/^fatal: /, '').slice(0, 300)}`, ExitCode.usage);
}

export function refuseOptionLikeRef(ref: string, flag: string): void {
  if (ref.startsWith('-') || ref.length === 0 || /[\s\0]/.test(ref)) {
    throw new MentorError(`${flag} "${ref}" is not a git ref.`, ExitCode.usage, 'Refs that start with "-" or hold spaces are refused, so they cannot be read as git options.');
  }
}

export async function isGitRepo(repo: GitRepo): Promise<boolean> {
  try {
    return await repo.git.checkIsRepo();
  } catch {
    return false;
  }
}


export async function initRepo(repo: GitRepo): Promise<void> {
  await attempt('git init', () => repo.git.init(['--initial-branch=main']));
}

/** Stages and commits exactly these paths (relative to the repo), nothing else. */
export async function commitFiles(repo: GitRepo, files: readonly string[], message: string): Promise<string> {
  await attempt('git add', () => repo.git.raw(['add', '--', ...files]));
  await attempt('git commit', () => repo.git.raw(['commit', '--no-verify', '-m', message, '--', ...files]));
  return (await attempt('git rev-parse', () => repo.git.revparse(['HEAD']))).trim();
}

export async function currentBranch(repo: GitRepo): Promise<string | undefined> {
  const name = (await attempt('git branch', () => repo.git.raw(['branch', '--show-current']))).trim();
  return name === '' ? undefined : name;
}

/** Whether a ref resolves (git exits 1 quietly when not; simple-git does not always reject then). */
async function resolves(repo: GitRepo, ref: string): Promise<boolean> {
  try {
    return (await repo.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', ref])).trim() !== '';
  } catch {
    return false;
  }
}

export async function branchExists(repo: GitRepo, branch: string): Promise<boolean> {
  return resolves(repo, `refs/heads/${branch}`);
}

/** The given paths that have uncommitted changes (staged, unstaged or untracked). */
export async function dirtyFiles(repo: GitRepo, files: readonly string[]): Promise<string[]> {
  const output = await attempt('git status', () => repo.git.raw(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...files]));
  return output
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}

/** Creates a branch from `start` (default: HEAD) and switches to it; refuses when it exists. */
export async function createBranch(repo: GitRepo, branch: string, start?: string): Promise<void> {
  if (await branchExists(repo, branch)) {
    throw new MentorError(`The branch ${branch} already exists.`, ExitCode.usage, `Delete it (git branch -D ${branch}) or finish the work on it first.`);
  }
  // --no-track: a branch from origin/main must not take origin/main as its upstream.
  await attempt('git switch', () => repo.git.raw(['switch', '--no-track', '-c', branch, ...(start ? [start] : [])]));
}

/**
 * The branch a pull request goes to, for a new branch to start from: the remote's default
 * (origin/HEAD), else a local main or master; undefined when there is none (start from HEAD).
 */
export async function defaultBranch(repo: GitRepo): Promise<{ ref: string; name: string } | undefined> {
  const remoteHead = (await repo.git.raw(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']).catch(() => '')).trim();
  if (remoteHead !== '' && (await resolves(repo, remoteHead))) return { ref: remoteHead, name: remoteHead.replace(/^refs\/remotes\//, '') };
  for (const name of ['main', 'master']) {
    if (await branchExists(repo, name)) return { ref: `refs/heads/${name}`, name };
  }
  return undefined;
}


export async function gitUserName(repo: GitRepo): Promise<{ name?: string; email?: string }> {
  const read = async (key: string) => {
    try {
      const value = (await repo.git.raw(['config', '--get', key])).trim();
      return value === '' ? undefined : value;
    } catch {
      return undefined;
    }
  };
  return { name: await read('user.name'), email: await read('user.email') };
}

export async function hasCommits(repo: GitRepo): Promise<boolean> {
  return resolves(repo, 'HEAD');
}

/** Fails with a clear line when git cannot commit here: not a repo, no identity, detached HEAD. */
export async function assertCanCommit(repo: GitRepo): Promise<void> {
  if (!(await isGitRepo(repo))) {
    throw new MentorError('--commit needs a git repository, and this program repo is not in one.', ExitCode.usage, 'Run `git init` (or clone the program repo), or leave out --commit.');
  }
  try {
    await repo.git.raw(['var', 'GIT_COMMITTER_IDENT']);
  } catch (error) {
    throw gitFailure('git commit', new Error(`Please tell me who you are: ${String(error)}`));
  }
  if ((await currentBranch(repo)) === undefined && (await hasCommits(repo))) {
    throw new MentorError('HEAD is detached, so there is no branch to start from.', ExitCode.usage, 'Switch to a branch first, e.g. `git switch main`.');
  }
}

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

/** The commit a ref names, or a clear error; refs that look like options are refused first. */
export async function resolveCommit(repo: GitRepo, ref: string, flag: string): Promise<string> {
  refuseOptionLikeRef(ref, flag);
  const range = rangeRefError(ref, flag);
  if (range) throw range;
  try {
    const sha = (await repo.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    if (sha !== '') return sha;
  } catch {
    // fall through to the message below
  }
  const shallow = (await repo.git.raw(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
  throw new MentorError(
    `${flag} ${ref}: git knows no such commit.`,
    ExitCode.usage,
    shallow ? 'This is a shallow clone: fetch the history (in GitHub Actions: actions/checkout with fetch-depth: 0).' : 'Check the branch or commit name (for a remote branch: origin/main), and fetch it first.',
  );
}


/** Files that differ between a commit and the working tree (committed or not), untracked included. */
export async function changedSince(repo: GitRepo, commit: string): Promise<Change[]> {
  const [diff, others] = await Promise.all([
    attempt('git diff', () => repo.git.raw(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--relative', '--end-of-options', commit, '--', '.'])),
    attempt('git ls-files', () => repo.git.raw(['ls-files', '-z', '--others', '--exclude-standard', '--', '.'])),
  ]);
  const tracked = parseNameStatus(diff);
  const untracked = others
    .split('\0')
    .filter(Boolean)
    .map((path): Change => ({ status: 'added', path }));
  return [...tracked, ...untracked];
}

/**
 * The commits some refs name, in one git call when all resolve; otherwise the first that does not
 * is said, with what to do (`needs`: what the flags need, for a folder that is not a repo).
 */
async function resolveCommits(repo: GitRepo, refs: ReadonlyArray<{ ref: string; flag: string }>, needs: string, fix: string): Promise<string[]> {
  for (const { ref, flag } of refs) {
    refuseOptionLikeRef(ref, flag);
    const range = rangeRefError(ref, flag);
    if (range) throw range;
  }
  const shas = await repo.git
    .raw(['rev-parse', '--end-of-options', ...refs.map(({ ref }) => `${ref}^{commit}`)])
    .then((output) => output.split('\n').filter((line) => line !== ''))
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
  const [base] = (await resolveCommits(repo, [{ ref, flag: '--changed' }], '--changed', 'Run it in a clone of the program repo, or validate everything without --changed.')) as [string];
  if (head === undefined) return changedSince(repo, base);
  return parseNameStatus(await attempt('git diff', () => repo.git.raw(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--relative', '--end-of-options', base, head, '--', '.'])));
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
  /** Files head and base both changed and git cannot merge (repo paths). */
  conflicts: string[];
}

/**
 * A pull request as merging it would make the base: the tree `git merge-tree` gives for base and
 * head (what the base branch holds after the merge, so a change that breaks with what the base
 * did since is judged by that), and what it changes there. When they conflict, the head itself is
 * judged and the conflicting files are said.
 */
export async function pullRequestRange(root: string, baseRef: string, headRef: string): Promise<PullRequestRange> {
  const repo = openGit(root);
  const [base, head] = (await resolveCommits(repo, [{ ref: baseRef, flag: '--base' }, { ref: headRef, flag: '--head' }], 'check-pr', 'Run it in a clone of the program repo.')) as [string, string];
  const merge = mergeTree(root, base, head);
  if (merge && merge.conflicts.length === 0) {
    const changes = parseNameStatus(await attempt('git diff', () => repo.git.raw(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--relative', '--end-of-options', base, merge.tree, '--', '.'])));
    return { base, head, after: merge.tree, afterLabel: `the merge of ${head.slice(0, 7)} into ${base.slice(0, 7)}`, changes, conflicts: [] };
  }
  let mergeBase = '';
  try {
    mergeBase = (await repo.git.raw(['merge-base', '--end-of-options', base, head])).trim();
  } catch {
    // No merge base: said below, with what to do.
  }
  if (mergeBase === '') {
    const shallow = (await repo.git.raw(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    throw noMergeBaseError('--base', baseRef, headRef, shallow);
  }
  const changes = parseNameStatus(await attempt('git diff', () => repo.git.raw(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--relative', '--end-of-options', mergeBase, head, '--', '.'])));
  return { base, head, after: head, afterLabel: `commit ${head.slice(0, 7)}`, changes, conflicts: merge?.conflicts ?? [] };
}

/** `git merge-tree --write-tree` (git 2.38 or later): the merged tree and the conflicting files; none when git cannot say. */
function mergeTree(root: string, base: string, head: string): { tree: string; conflicts: string[] } | undefined {
  try {
    const [tree, ...files] = git(root, ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', base, head], undefined, [0, 1]).toString('utf8').split('\0');
    return tree && /^[0-9a-f]{40,64}$/.test(tree) ? { tree, conflicts: [...new Set(files.filter((file) => file !== ''))] } : undefined;
  } catch {
    // An older git, unrelated histories, a shallow clone: the merge base below says which.
    return undefined;
  }
}
