import { existsSync, lstatSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Files mentor generates (schemas, reports, CODEOWNERS, forms): written, or with --check compared
// with what is on disk. One place for "is this generated file current?".

/** The files (relative to `root`) whose text on disk is missing or differs from what would be written. */
export function staleFiles(root: string, files: ReadonlyMap<string, string>): string[] {
  return [...files].filter(([file, content]) => {
    const absolute = path.join(root, file);
    return !existsSync(absolute) || readFileSync(absolute, 'utf8') !== content;
  }).map(([file]) => file);
}

/** Whether anything (a file or a folder) is at this path of the repo. */
export function existsInRepo(root: string, relative: string): boolean {
  return existsSync(path.join(root, relative));
}

/** Anything at this path, a dangling symlink included: a scaffold never writes over it. */
export function occupied(absolute: string): boolean {
  try {
    lstatSync(absolute);
    return true;
  } catch {
    return false;
  }
}

/** A folder to scaffold into: made if missing; refused (false) when something else is there. */
export function ensureFolder(absolute: string): boolean {
  if (occupied(absolute) && !statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) return false;
  mkdirSync(absolute, { recursive: true });
  return true;
}

/** A regular file (not a folder, not a symlink) at this path. */
export function isRegularFile(absolute: string): boolean {
  try {
    return lstatSync(absolute).isFile();
  } catch {
    return false;
  }
}
