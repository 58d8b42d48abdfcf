import { simpleGit, GitError, type SimpleGit } from 'simple-git';
import { MentorError, ExitCode } from '../errors.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findGitDir } from './git-dir.js';
import { shellWord } from '../domain/text.js';

// Git for the commands that write (through simple-git): init, branches, commits. What changed
// between refs is io/git-changes.ts; reading a commit's records is io/git-source.ts. Every
// failure becomes one clear line (a MentorError), never a trace; refs that look like options are
// refused before git sees them.

export interface GitRepo {
  readonly dir: string;
  readonly git: SimpleGit;
}

/**
 * The git variables of mentor's own environment reach git, as they do for git run in the same
 * shell: an identity given only as GIT_AUTHOR_NAME and friends (CI, containers) makes the commit.
 * simple-git would drop them all otherwise.
 */
export function openGit(dir: string): GitRepo {
  const ambient = Object.keys(process.env).filter((name) => name.toUpperCase().startsWith('GIT_'));
  return { dir, git: simpleGit({ baseDir: dir, maxConcurrentProcesses: 4, trimmed: false, allowEnvironment: ambient }) };
}

export async function attempt<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw gitFailure(what, error);
  }
}

const failureText = (error: unknown) => (error instanceof GitError || error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** The error for git that could not start at all, when that is what went wrong. */
export function missingGit(error: unknown): MentorError | undefined {
  return /ENOENT|spawn git/.test(failureText(error)) ? new MentorError('git is not installed or not on PATH.', ExitCode.usage, 'Install git and try again.') : undefined;
}

export function gitFailure(what: string, error: unknown): MentorError {
  const missing = missingGit(error);
  if (missing) return missing;
  const unusable = unusableRepository(error);
  if (unusable) return unusable;
  const text = failureText(error);
  if (/not a git repository/i.test(text)) return new MentorError(`${what}: this folder is not a git repository.`, ExitCode.usage, 'Run `git init`, or run mentor inside a clone of the program repo.');
  if (/Please tell me who you are|empty ident|user\.email|user\.name/i.test(text)) {
    // Without a HOME, git has no global config to write: the repository's own config, or the environment, does it.
    const hint = process.env.HOME
      ? 'Run `git config --global user.name "Your Name"` and `git config --global user.email you@example.com`, then try again.'
      : 'HOME is not set, so git has no global config: run `git config user.name "Your Name"` and `git config user.email you@example.com` in this repository, or set GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL, GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL, then try again.';
    return new MentorError(`${what}: git does not know who you are.`, ExitCode.usage, hint);
  }
  const indexLock = /Unable to create '([^']*index\.lock)': File exists/i.exec(text);
  if (indexLock) return indexLocked(indexLock[1]!, what);
  if (/already exists/i.test(text)) return new MentorError(`${what}: ${text.replace(/^fatal: /, '')}`, ExitCode.usage, 'Delete or rename the existing branch, or switch to it.');
  const said = `${what}: ${text.replace(/^fatal: /, '').slice(0, 2000)}`;
  // git says it both ways: 'No space left on device' (strerror) and 'Out of diskspace' (its own words).
  if (/No space left on device|Out of diskspace|Disk quota exceeded/i.test(text)) return new MentorError(`${said} (the disk is full)`, ExitCode.usage, 'Free some space on that disk, then run the command again.');
  return new MentorError(said, ExitCode.usage);
}

/** git's index is locked: another git runs here, or one crashed and left its lock. */
function indexLocked(lock: string, what?: string): MentorError {
  return new MentorError(
    `${what ? `${what}: ` : ''}git's index is locked (${lock} exists): another git process is running in this repository, or one crashed earlier.`,
    ExitCode.usage,
    `Wait for it to finish; if no git is running, delete ${lock}. Then run the command again.`,
  );
}

/**
 * A repository git will not use, with git's reason and the fix: one that belongs to another user
 * (git's safe.directory check), a linked worktree whose main repository moved, or (given the
 * folder git ran in) a .git that git does not take as a repository (unreadable, or damaged).
 * Undefined for anything else, a plain "not a git repository" included.
 */
function unusableRepository(error: unknown, dir?: string): MentorError | undefined {
  const text = failureText(error);
  const dubious = /detected dubious ownership in repository at '([^']*)'/.exec(text);
  if (dubious) {
    return new MentorError(
      `git refuses to work in ${dubious[1]}: the repository belongs to another user (git's safe.directory check).`,
      ExitCode.usage,
      `If you trust it, let git use it with \`git config --global --add safe.directory ${shellWord(dubious[1] ?? '')}\` (git's own advice), or run mentor as the user who owns it.`,
    );
  }
  const pointsNowhere = /not a git repository: (\S.*?)\s*$/.exec(text);
  if (pointsNowhere) {
    return new MentorError(
      `git cannot open this work tree's repository: its .git file points to ${pointsNowhere[1]}, which is not a git repository (a linked worktree whose main repository was moved or deleted).`,
      ExitCode.usage,
      `If the main repository was moved, run \`git worktree repair ${dir === undefined ? '<this folder>' : shellWord(dir)}\` in it, where it is now; else clone the program repo again.`,
    );
  }
  const dotGit = dir === undefined ? undefined : findGitDir(dir);
  if (dotGit !== undefined && /not a git repository|permission denied/i.test(text)) {
    return new MentorError(
      `git does not take ${dotGit} as a repository (git: ${text.replace(/^fatal: /, '').slice(0, 300)}).`,
      ExitCode.usage,
      `Check that the user running mentor may read ${dotGit} and everything in it (git needs its objects/ and refs/; see their owner and mode), or clone the program repo again if it is damaged.`,
    );
  }
  return undefined;
}

/**
 * Whether the folder is in a git repository. A missing git, and a repository git refuses or
 * cannot open, are said as such (with git's reason and the fix), never as "no repository".
 */
export async function isGitRepo(repo: GitRepo): Promise<boolean> {
  try {
    return (await repo.git.raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (error) {
    const refused = missingGit(error) ?? unusableRepository(error, repo.dir);
    if (refused) throw refused;
    return false;
  }
}

/** Fails, before anything is written, when git is not installed. */
export async function assertGitInstalled(repo: GitRepo): Promise<void> {
  await attempt('git --version', () => repo.git.raw(['--version']));
}

export async function initRepo(repo: GitRepo): Promise<void> {
  await attempt('git init', () => repo.git.init(['--initial-branch=main']));
}

/**
 * Stages and commits exactly these paths (relative to the repo), nothing else. update-index looks
 * each path up in the index; `git add -- <paths>` and `git commit -- <paths>` match every path
 * against every file of the index, which for an assign of 700 member files in a program of
 * 130,000 files took 13 s each. When nothing else is staged the index is committed as it is;
 * when the user has staged other work, the commit names the paths, so their work stays staged.
 * planCommit has refused paths git would not take as written (io/git-index.ts).
 */
export async function commitFiles(repo: GitRepo, files: readonly string[], message: string): Promise<string> {
  const before = await commitOf(repo, 'HEAD');
  // In chunks: 40,000 member files would pass the system's limit on a command line.
  for (const chunk of chunks(files)) await attempt('git add', () => repo.git.raw(['update-index', '--add', '--remove', '--ignore-skip-worktree-entries', '--', ...chunk]));
  const prefix = await programPrefix(repo);
  const ours = new Set(files.map((file) => `${prefix}${file}`));
  // Every staged path, submodules included whatever the config hides, named from the top.
  const staged = (await attempt('git diff', () => repo.git.raw(['diff', '--cached', '--no-renames', '--name-only', '-z', '--no-ext-diff', '--ignore-submodules=none', '--no-relative']))).split('\0').filter(Boolean);
  const onlyOurs = staged.every((file) => ours.has(file));
  await attempt('git commit', () => repo.git.raw(['commit', '--no-verify', '-m', message, ...(onlyOurs ? [] : ['--', ...files])]));
  const after = await commitOf(repo, 'HEAD');
  // git can exit 1 with nothing on stderr ("nothing to commit"), which simple-git takes for success.
  if (after === undefined || after === before) throw new MentorError(`git commit made no commit of ${files.length === 1 ? files[0] : `${files.length} files`}: git found nothing to commit.`, ExitCode.usage, 'Run `git status` to see why; then run the command again.');
  return after;
}

/** Paths a few thousand at a time, for commands that take them as arguments. */
export function chunks<T>(items: readonly T[], size = 2000): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}


/** The program folder's path from the top of the work tree ("" or "programs/x/"): git prints paths from the top. */
export async function programPrefix(repo: GitRepo): Promise<string> {
  return (await attempt('git rev-parse', () => repo.git.raw(['rev-parse', '--show-prefix']))).replace(/\n$/, '');
}

export async function currentBranch(repo: GitRepo): Promise<string | undefined> {
  const name = (await attempt('git branch', () => repo.git.raw(['branch', '--show-current']))).trim();
  return name === '' ? undefined : name;
}

/** The commit a ref names; undefined when it names none (git exits 1 quietly then, which simple-git does not always take for a failure). */
export async function commitOf(repo: GitRepo, ref: string): Promise<string | undefined> {
  const sha = (await repo.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', ref]).catch(() => '')).trim();
  return sha === '' ? undefined : sha;
}

const resolves = async (repo: GitRepo, ref: string): Promise<boolean> => (await commitOf(repo, ref)) !== undefined;

export async function branchExists(repo: GitRepo, branch: string): Promise<boolean> {
  return resolves(repo, `refs/heads/${branch}`);
}

/**
 * Refuses a branch name that is taken, saying how to free it without losing work: one merged
 * already (a report written again after a late log, a second log of a week) is deleted with
 * `git branch -d`, which keeps a branch that is not merged; one with work of its own is finished first.
 */
export async function refuseExistingBranch(repo: GitRepo, branch: string, start?: { ref: string; name: string }, unmergedHint?: string): Promise<void> {
  if (!(await branchExists(repo, branch))) return;
  // Commits on the branch that its start has not: none when it is merged (simple-git does not
  // reject a silent non-zero exit, so merge-base --is-ancestor cannot say it).
  const ahead = await repo.git.raw(['rev-list', '--count', `${start?.ref ?? 'HEAD'}..refs/heads/${branch}`]).catch(() => '');
  const merged = ahead.trim() === '0';
  throw merged
    ? new MentorError(`The branch ${branch} already exists, and is merged already (its commits are all on ${start?.name ?? 'the branch you are on'}).`, ExitCode.usage, `Delete it (git branch -d ${shellWord(branch)}), then run the command again.`)
    : new MentorError(`The branch ${branch} already exists, with commits that are not merged.`, ExitCode.usage, `${unmergedHint ?? ''}Finish the work on it first (push it and open its pull request), or, to drop that work, delete it (git branch -D ${shellWord(branch)}) and run the command again.`);
}

/** Above this many paths, git status is asked about the whole program and its answer filtered (see commitFiles). */
export const MANY_PATHS = 32;

/** The given paths (files, or folders and all in them) that have uncommitted changes (staged, unstaged or untracked); as git names them, from the top. */
export async function dirtyFiles(repo: GitRepo, files: readonly string[]): Promise<string[]> {
  const many = files.length > MANY_PATHS;
  const output = await attempt('git status', () => repo.git.raw(['status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=all', '--', ...(many ? ['.'] : files)]));
  const changed = output
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
  if (!many) return changed;
  const prefix = await programPrefix(repo);
  const asked = new Set(files.map((file) => `${prefix}${file.replace(/\/+$/, '')}`));
  const under = (file: string): boolean => asked.has(file) || (file.includes('/') && under(file.slice(0, file.lastIndexOf('/'))));
  return changed.filter(under);
}

/** Creates a branch from `start` (default: HEAD) and switches to it; refuses when it exists. */
export async function createBranch(repo: GitRepo, branch: string, start?: string): Promise<void> {
  await refuseExistingBranch(repo, branch, start === undefined ? undefined : { ref: start, name: start });
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

/** What git leaves in its folder while an operation waits for the user, and how to end each. */
const UNFINISHED = [
  { mark: 'rebase-merge', what: 'A rebase', how: 'Finish it (git rebase --continue) or abort it (git rebase --abort)' },
  { mark: 'rebase-apply', what: 'A rebase or git am', how: 'Finish it (git rebase --continue, or git am --continue) or abort it (--abort)' },
  { mark: 'MERGE_HEAD', what: 'A merge', how: 'Finish it (git commit) or abort it (git merge --abort)' },
  { mark: 'CHERRY_PICK_HEAD', what: 'A cherry-pick', how: 'Finish it (git cherry-pick --continue) or abort it (git cherry-pick --abort)' },
  { mark: 'REVERT_HEAD', what: 'A revert', how: 'Finish it (git revert --continue) or abort it (git revert --abort)' },
  { mark: 'BISECT_LOG', what: 'A bisect', how: 'End it (git bisect reset)' },
] as const;

function unfinishedOperation(gitDir: string | undefined): (typeof UNFINISHED)[number] | undefined {
  return gitDir === undefined ? undefined : UNFINISHED.find(({ mark }) => existsSync(path.join(gitDir, mark)));
}

/** Fails with a clear line when git cannot commit here: not a repo, no identity, a locked index, a merge or rebase under way, detached HEAD. */
export async function assertCanCommit(repo: GitRepo): Promise<void> {
  if (!(await isGitRepo(repo))) {
    throw new MentorError('--commit needs a git repository, and this program repo is not in one.', ExitCode.usage, 'Run `git init` (or clone the program repo), or leave out --commit.');
  }
  try {
    await repo.git.raw(['var', 'GIT_COMMITTER_IDENT']);
  } catch (error) {
    throw gitFailure('git commit', new Error(`Please tell me who you are: ${String(error)}`));
  }
  await assertBranchToCommitOn(repo);
}

/** Fails with a clear line when a commit here would not land on a branch: a locked index, a merge or rebase under way, detached HEAD. */
export async function assertBranchToCommitOn(repo: GitRepo): Promise<void> {
  const gitDir = findGitDir(repo.dir);
  if (gitDir !== undefined && existsSync(path.join(gitDir, 'index.lock'))) {
    const refused = indexLocked(path.join(gitDir, 'index.lock'));
    throw new MentorError(`${refused.message} Nothing was written.`, refused.exitCode, refused.hint);
  }
  const unfinished = unfinishedOperation(gitDir);
  if (unfinished) throw new MentorError(`${unfinished.what} is in progress in this repository; mentor will not start a branch in the middle of it. Nothing was written.`, ExitCode.usage, `${unfinished.how}, then run the command again.`);
  if ((await currentBranch(repo)) === undefined && (await hasCommits(repo))) {
    const home = (await defaultBranch(repo))?.name.replace(/^origin\//, '');
    const keep = 'or make one where you are: `git switch -c <a new branch name>`';
    throw new MentorError('HEAD is detached, so there is no branch to start from.', ExitCode.usage, `Switch to a branch first${home ? ` (\`git switch ${shellWord(home)}\`)` : ''}, ${keep}; then run the command again.`);
  }
}
