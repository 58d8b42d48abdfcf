import { existsSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
import { CONFIG_FILE } from '../domain/layout.js';
import type { ReadOutcome, SourceProblem } from '../model/record-source.js';
import { WorktreeSource } from './worktree-source.js';
import { enclosingGitDir } from './git-dir.js';

export { CONFIG_FILE };

/**
 * The program repo: `--repo`, else the current folder or the nearest parent with a config, up to
 * the top of the git work tree it is in, and never into a folder of another owner (a config a
 * stranger left in /tmp is not the program of everyone below it).
 */
export function findRepoRoot(repoOption: string | undefined, cwd?: string): string {
  if (repoOption !== undefined) {
    const root = cwd === undefined ? resolveFromHere(repoOption) : path.resolve(cwd, repoOption);
    const stats = folderStats(root, repoOption);
    if (!stats.isDirectory()) throw usageError(`${repoOption} is a file, not a folder.`, 'Pass --repo the folder that holds mentor.config.yaml.');
    if (!hasConfig(root)) {
      refuseGitDir(root, repoOption);
      throw usageError(`${repoOption} is not a program repo: it has no ${CONFIG_FILE}.`, `Run \`mentor init ${repoOption}\` to create one.`);
    }
    return realpathSync(root);
  }
  const start = path.resolve(cwd ?? currentFolder());
  const search = searchUp(start);
  if ('found' in search) return realpathSync(search.found);
  refuseGitDir(start, 'The current folder');
  const limit = search.stop === 'git' ? ` up to ${search.at}, the top of its git work tree` : search.stop === 'owner' ? ` up to ${search.at} (the folder above it belongs to another user, so mentor looks no higher)` : '';
  throw usageError(`No ${CONFIG_FILE} in this folder or any parent${limit}.`, 'Run mentor inside a program repo, pass --repo <dir>, or create one with `mentor init`.');
}

/** A path as typed, made absolute: an absolute one needs no current folder (which may be gone). */
export function resolveFromHere(typed: string): string {
  return path.isAbsolute(typed) ? path.resolve(typed) : path.resolve(currentFolder(), typed);
}

/** A path as people read it: relative to the current folder when it is below it, else absolute. */
export function shownPath(absolute: string): string {
  let here: string;
  try {
    here = process.cwd();
  } catch {
    return absolute;
  }
  const relative = path.relative(here, absolute);
  if (relative === '') return '.';
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

/** The current folder, or in words why the system cannot give it (exit 2). */
export function currentFolder(): string {
  try {
    return process.cwd();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = 'cd into the repo again, or pass --repo the repo as an absolute path.';
    if (code === 'ENOENT') throw usageError('The current folder no longer exists (it was deleted or moved while this shell was in it).', hint);
    if (code === 'ERANGE' || code === 'ENAMETOOLONG') throw usageError('The path of the current folder is longer than the system allows (4096 bytes).', hint);
    throw usageError(`The current folder cannot be read (${code ?? 'unknown error'}).`, hint);
  }
}

/** What is at the folder --repo names, or in words why there is nothing usable (exit 2). */
function folderStats(root: string, shown: string): Stats {
  try {
    return statSync(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = 'Pass --repo the folder that holds mentor.config.yaml.';
    if (code === 'ENOENT') throw usageError(`There is no folder at ${shown}.`, hint);
    if (code === 'ENOTDIR') throw usageError(`There is no folder at ${shown}: a part of the path is a file.`, hint);
    if (code === 'ENAMETOOLONG') throw usageError(`The path ${shown} is longer than the system allows (4096 bytes in all, 255 per name).`, 'Move the repo to a shorter path.');
    if (code === 'ELOOP') throw usageError(`${shown} is a symlink that loops (it leads back to itself).`, hint);
    if (code === 'EACCES') throw usageError(`${shown} cannot be reached: permission denied (EACCES) on a folder of its path.`, 'Run mentor as a user who may read that folder, or give that right.');
    throw usageError(`${shown} cannot be read (${code ?? 'unknown error'}).`, hint);
  }
}

/** A bare repository (or git's own folder) is not a program repo, and `mentor init` there would put files among git's. */
export function refuseGitDir(dir: string, shown: string, hint?: string): void {
  const gitDir = enclosingGitDir(dir);
  if (gitDir === undefined) return;
  if (path.basename(gitDir) === '.git') {
    throw usageError(`${shown} is ${gitDir === path.resolve(dir) ? '' : 'inside '}the .git folder of the git repository ${path.dirname(gitDir)}, where git keeps its own files.`, hint ?? `Run mentor in the work tree: --repo ${path.dirname(gitDir)}.`);
  }
  throw usageError(`${shown} is ${gitDir === path.resolve(dir) ? '' : 'inside '}a bare git repository (${gitDir}): it has no working tree, only git's own files.`, hint ?? `Clone it (git clone ${gitDir} <folder>) and run mentor in the clone.`);
}

/** The nearest folder above `dir` (not `dir` itself) that holds a program's config, if any. */
export function enclosingProgramRepo(dir: string): string | undefined {
  const resolved = path.resolve(dir);
  if (path.dirname(resolved) === resolved) return undefined;
  const search = searchUp(path.dirname(resolved));
  return 'found' in search ? search.found : undefined;
}

/**
 * `dir` or its nearest parent that holds a program's config. The search stops at the top of a git
 * work tree (a folder with .git), and before a folder whose owner is not the owner of `dir`.
 */
function searchUp(dir: string): { found: string } | { stop: 'git' | 'owner' | 'top'; at: string } {
  const owner = ownerOf(dir);
  for (let at = dir; ; at = path.dirname(at)) {
    if (hasConfig(at)) return { found: at };
    if (existsSync(path.join(at, '.git'))) return { stop: 'git', at };
    if (path.dirname(at) === at) return { stop: 'top', at };
    if (ownerOf(path.dirname(at)) !== owner) return { stop: 'owner', at };
  }
}

/**
 * Whether anything is at the config's path, a broken symlink, a FIFO or a folder included: that
 * folder is the program, and the loader says what is wrong with its config. (existsSync follows
 * the link: a dangling one read as "no config here", `mentor init` was advised, and the search
 * went on to a parent's program.)
 */
function hasConfig(dir: string): boolean {
  try {
    return lstatSync(path.join(dir, CONFIG_FILE), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

function ownerOf(dir: string): number | undefined {
  try {
    return statSync(dir).uid;
  } catch {
    return undefined;
  }
}

/**
 * What keeps the config at `root` from being a file at all (a broken or outside symlink, a FIFO, a
 * folder), when something like that is at its path; undefined for no config or a file (whose text,
 * even if wrong, is the user's to fix and is kept).
 */
export function configNotAFile(root: string): SourceProblem | undefined {
  if (!hasConfig(root)) return undefined;
  const read = worktreeOf(root).read(CONFIG_FILE);
  return 'problem' in read && (read.problem.rule === 'unexpected-file' || read.problem.rule === 'symlink-outside-repo') ? read.problem : undefined;
}

/** The records of the folder `root` (reached through its real path, so no symlink on the way is taken for one out of the repo). */
export const worktreeOf = (root: string): WorktreeSource => new WorktreeSource(realpathSync(root));

export type { RecordFile } from '../model/layout-scan.js';

/** One record's text from the working tree (see WorktreeSource for what is refused). */
export function readRecord(root: string, relative: string, regular = false): ReadOutcome {
  return new WorktreeSource(root).read(relative, regular);
}
