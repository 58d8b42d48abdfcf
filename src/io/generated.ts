import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { makeFolders } from './make-folders.js';
import { COHORTS_DIR, ID_PATTERN, PEOPLE_DIR, REPORT_NAME, REPORTS_DIR } from '../domain/layout.js';
import path from 'node:path';
import { readRegularFile } from './regular-file.js';
import { keepLineEndings } from './write.js';
import { checkWritePaths } from './write-path.js';

// Files mentor generates (schemas, reports, CODEOWNERS, forms): written, or with --check compared
// with what is on disk. One place for "is this generated file current?".

/**
 * The files (relative to `root`) that are missing, or whose text differs from what the write would
 * leave there. The write keeps a file's CRLF line endings and byte-order mark (a checkout with
 * core.autocrlf), so a file that differs only in those is current: writing it would change nothing.
 * The way to each file is checked as for the write (no symlink), and only a regular file is read.
 */
export function staleFiles(root: string, files: ReadonlyMap<string, string>): string[] {
  checkWritePaths(root, [...files.keys()]);
  return [...files].filter(([file, content]) => {
    // CRLF at most doubles the size, and a byte-order mark adds 3 bytes: anything bigger differs.
    const head = readRegularFile(root, file, 2 * Buffer.byteLength(content) + 3);
    if (head === undefined || head.more) return true;
    const disk = head.bytes.toString('utf8');
    return keepLineEndings(disk, content) !== disk;
  }).map(([file]) => file);
}

/**
 * Who wrote the file at `relative`, by the mark mentor puts in each file of a kind it generates
 * (CODEOWNERS' first line, a page's footer), looked for in its first `limit` bytes: `mentor`,
 * `other` (no mark), `none` (nothing there) or `unreadable` (not a file mentor can read).
 */
export function writerOf(root: string, relative: string, mark: string, limit: number): 'mentor' | 'other' | 'none' | 'unreadable' {
  let head: ReturnType<typeof readRegularFile>;
  try {
    head = readRegularFile(root, relative, limit);
  } catch {
    return 'unreadable';
  }
  return head === undefined ? 'none' : head.bytes.includes(mark) ? 'mentor' : 'other';
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
  makeFolders(absolute);
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

/**
 * The reports the repo holds, as CI's check of generated files finds them: each
 * reports/<cohort>/<week>.md or .json, once per cohort and week. Other names are validate's to report.
 */
export function reportWeeks(root: string): Array<{ cohort: string; week: string }> {
  const reports = path.join(root, REPORTS_DIR);
  if (!isFolder(reports)) return [];
  const found = new Map<string, { cohort: string; week: string }>();
  for (const cohort of readdirSync(reports).filter((name) => ID_PATTERN.test(name) && isFolder(path.join(reports, name))).sort()) {
    for (const name of readdirSync(path.join(reports, cohort)).sort()) {
      const week = REPORT_NAME.exec(name)?.[1];
      if (week !== undefined) found.set(`${cohort}/${week}`, { cohort, week });
    }
  }
  return [...found.values()];
}

/** The folders of reports/ named like a cohort that are symlinks: reportWeeks leaves them out. */
export function linkedReportFolders(root: string): string[] {
  const reports = path.join(root, REPORTS_DIR);
  if (!isFolder(reports)) return [];
  return readdirSync(reports).filter((name) => ID_PATTERN.test(name) && lstatSync(path.join(reports, name), { throwIfNoEntry: false })?.isSymbolicLink() === true).sort().map((name) => `${REPORTS_DIR}/${name}`);
}

/** Whether the folder holds a program's records already: a person file, or a cohort's folder, other than the `example` ones. */
export function holdsRecords(root: string, example: (file: string) => boolean): boolean {
  const names = (dir: string) => (isFolder(path.join(root, dir)) ? readdirSync(path.join(root, dir)).map((name) => `${dir}/${name}`) : []);
  return names(PEOPLE_DIR).some((file) => /\.ya?ml$/.test(file) && !example(file)) || names(COHORTS_DIR).some((file) => ID_PATTERN.test(path.basename(file)) && !example(file));
}

/** A real folder (not a symlink to one). */
const isFolder = (absolute: string) => lstatSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true;
