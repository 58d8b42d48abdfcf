import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, MentorError } from '../errors.js';
import { PROGRAM_FOLDERS } from '../domain/layout.js';
import { shellWords } from '../domain/text.js';

// Where a write may go. A program repo is hostile: a pull request can commit `reports`, `.github`
// or a file as a symlink, and a maintainer who then runs a command would write wherever it
// points. So every write (io/write.ts) first walks its path from the folder it writes into and
// refuses a symlink anywhere on the way, the file itself included:
// - one that leads out of the folder (or nowhere): the write would land outside the repo;
// - one that stays inside: the write would land on a path the command does not name, which git
//   cannot commit through ("beyond a symbolic link"). Reading through such a link is harmless
//   (the record reader does); writing through one is not done.
// A folder the user names on the command line (`site --out`, `schema --out`, `status
// --comment-out`) may be anywhere: only a route that enters the repo is held to the repo's rule.

/**
 * Refuses (exit 2, nothing written) when a symlink stands on the way from `root` to any of
 * `files` (relative to root), or when a file's path leaves root.
 */
export function checkWritePaths(root: string, files: readonly string[]): void {
  const realRoot = realpathOr(root) ?? root;
  const seen = new Set<string>();
  for (const file of files) {
    const parts = path.normalize(file).split(path.sep).filter((part) => part !== '' && part !== '.');
    if (path.isAbsolute(file) || parts[0] === '..') {
      throw new MentorError(`${file} is not inside ${root}; mentor writes only inside it, so nothing was written.`, ExitCode.usage, 'Name a path inside it.');
    }
    for (let depth = 1; depth <= parts.length; depth++) {
      const relative = parts.slice(0, depth).join('/');
      if (seen.has(relative)) continue;
      seen.add(relative);
      const absolute = path.join(realRoot, relative);
      let isLink: boolean;
      try {
        isLink = lstatSync(absolute).isSymbolicLink();
      } catch {
        break; // Missing (the write makes real folders from here on) or unreadable (the write says so).
      }
      if (isLink) throw symlinkOnTheWay(realRoot, relative, depth < parts.length || isFolder(absolute), `Not writing ${file}`, 'mentor never writes through a symlink. Nothing was written.');
    }
  }
}

/**
 * Refuses (exit 2) a folder of the repo mentor writes its files into (`reports`) that is a symlink:
 * a command that reads them there first would find a folder that every write refuses.
 */
export function refuseLinkedFolder(root: string, folder: string, refusal: string): void {
  const realRoot = realpathOr(root) ?? root;
  const absolute = path.join(realRoot, folder);
  if (lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink() === true) {
    throw symlinkOnTheWay(realRoot, folder, true, refusal, `mentor reads and writes ${folder} only in a real folder, never through a symlink.`);
  }
}

function symlinkOnTheWay(root: string, link: string, isFolder: boolean, refusal: string, rule: string): MentorError {
  const real = realpathOr(path.join(root, link));
  const where = real === undefined ? (loops(path.join(root, link)) ? 'that loops (it leads back to itself)' : 'that leads nowhere') : isWithin(root, real) ? `to ${path.relative(root, real).split(path.sep).join('/') || '.'}` : 'that leads outside the repo';
  return new MentorError(`${refusal}: ${link} is a symlink ${where}, and ${rule}`, ExitCode.usage, replaceLinkFix(root, link, isFolder, real));
}

/**
 * What to type, in the repo's top folder, to put a real folder or file where the link is: the one
 * it leads to moved there when that is in the repo (so no record is left behind), else a new one.
 */
function replaceLinkFix(root: string, link: string, isFolder: boolean, real: string | undefined): string {
  const inRepo = real !== undefined && isWithin(root, real) && real !== root ? path.relative(root, real).split(path.sep).join('/') : undefined;
  // A folder of the program's own (people/ linked to cohorts/) or one above the link is not moved away: only a folder of its own.
  const movable = inRepo !== undefined && !link.startsWith(`${inRepo}/`) && !PROGRAM_FOLDERS.some((folder) => inRepo === folder || inRepo.startsWith(`${folder}/`));
  const commit = 'commit the change if the link was committed';
  if (inRepo !== undefined && (movable || !isFolder)) {
    // A file is copied (it may be another record, which stays); a folder of its own is moved, so no record is left behind.
    const put = isFolder ? shellWords(['mv', inRepo, link]) : shellWords(['cp', inRepo, link]);
    return `Replace the symlink with a real ${isFolder ? 'folder, the one it leads to' : 'file, a copy of the one it leads to'}; in the repo's top folder: \`${shellWords(['rm', link])} && ${put}\` (${commit}), then run the command again.`;
  }
  const make = isFolder ? `${shellWords(['rm', link])} && ${shellWords(['mkdir', link])}` : shellWords(['rm', link]);
  const copy = real !== undefined && isFolder ? 'copy into it what it led to, if that belongs to this program; ' : '';
  return `Replace the symlink with a real ${isFolder ? 'folder' : 'file'}; in the repo's top folder: \`${make}\` (${copy}${commit}), then run the command again.`;
}

/**
 * The folder a user named on the command line, as the root to write into and a path below it.
 * Followed from the top as the system would, it is held to the repo's rule from where it enters
 * the repo (`--out _site`: root is the repo, path `_site`); a folder elsewhere is the user's own
 * (root is the folder itself, and inRepo is false).
 */
export function chosenFolder(repoRoot: string, absolute: string): { root: string; relative: string; inRepo: boolean } {
  const realRepo = realpathOr(repoRoot) ?? repoRoot;
  const top = path.parse(absolute).root;
  const parts = absolute.slice(top.length).split(path.sep).filter((part) => part !== '');
  let real = top;
  for (let index = 0; ; index++) {
    if (isWithin(realRepo, real)) return { root: realRepo, relative: path.relative(realRepo, path.join(real, ...parts.slice(index))), inRepo: true };
    if (index === parts.length) return { root: real, relative: '', inRepo: false };
    const next = path.join(real, parts[index]!);
    real = realpathOr(next) ?? next;
  }
}

function isWithin(root: string, absolute: string): boolean {
  return absolute === root || absolute.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** A folder, following symlinks; false when nothing usable is there (missing, looping, unreadable). */
function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function loops(absolute: string): boolean {
  try {
    statSync(absolute);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
}

/** Whether the process works in this folder (symlinks followed): where paths relative to it are meant. */
export function isWorkingFolder(folder: string): boolean {
  const here = process.cwd();
  return (realpathOr(here) ?? here) === (realpathOr(folder) ?? folder);
}

function realpathOr(absolute: string): string | undefined {
  try {
    return realpathSync(absolute);
  } catch {
    return undefined;
  }
}
