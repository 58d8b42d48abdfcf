import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, readSync, renameSync, rmdirSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { makeFolders } from './make-folders.js';
import path from 'node:path';
import { fileSystemError, isSystemError } from '../errors.js';
import { checkWritePaths } from './write-path.js';
import { removeQuietly, removeStaleTemps, tempPathFor } from './temp-files.js';
import { noteWritten } from './interrupt.js';

// Every file mentor writes goes through here. A write is atomic and durable: the new content goes
// to a temporary file beside the target, every byte of it, flushed to disk, then renamed over the
// target, and the folder is flushed so the rename survives a power cut. On any failure the old
// file is left as it was and the error names the file. An edit keeps the file's mode (and owner,
// when run as root) and its line endings. Every path is relative to the folder written into, and
// is checked first (io/write-path.ts): a symlink on the way refuses the whole write.

export interface FileWrite {
  /** Relative to the folder written into (the repo, or a folder the user chose). */
  file: string;
  content: string;
  /** A new file takes the mode (and owner) of this one, relative as `file` is: content moved out of it keeps who may read it. */
  modeOf?: string;
}

export function writeFileAtomic(root: string, file: string, content: string, options?: WriteOptions): void {
  writeFilesAtomic(root, [{ file, content }], options);
}

export interface WriteOptions {
  /** False for mentor's own files (the validation cache): an interrupted run does not list them as written. */
  said?: boolean;
  /**
   * False for a file that may be lost (the validation cache): it still replaces the old one whole,
   * but nobody waits for the disk (two flushes, milliseconds each on a real disk, in every run).
   */
  flush?: boolean;
}

/**
 * Writes several files as one step as far as a file system allows: every file is written to its
 * temporary file first, and only when all are on disk are they renamed into place, one after the
 * other. A failure while writing leaves every target as it was.
 */
export function writeFilesAtomic(root: string, relativeWrites: readonly FileWrite[], options: WriteOptions = {}): void {
  checkWritePaths(root, relativeWrites.map(({ file }) => file));
  const writes = relativeWrites.map(({ file, content, modeOf }) => ({ file: path.join(root, file), content, modeOf: modeOf === undefined ? undefined : path.join(root, modeOf) }));
  const staged: { temp: string; file: string }[] = [];
  // Once per folder, not per file: a move of thousands of member files into one folder stays linear.
  for (const dir of new Set(writes.map(({ file }) => path.dirname(file)))) removeStaleTemps(root, dir);
  try {
    for (const { file, content, modeOf } of writes) staged.push({ temp: stage(file, content, modeOf, options.flush !== false), file });
  } catch (error) {
    for (const { temp } of staged) removeQuietly(temp);
    throw error;
  }
  for (const [index, { temp, file }] of staged.entries()) {
    pauseForTests(index);
    try {
      renameSync(temp, file);
    } catch (error) {
      for (const rest of staged.slice(index)) removeQuietly(rest.temp);
      throw asFault(error, 'replace', file, unchanged(staged.slice(index).map((entry) => entry.file)));
    }
  }
  if (options.flush !== false) for (const dir of new Set(staged.map(({ file }) => path.dirname(file)))) flushFolder(dir);
  if (options.said !== false) noteWritten(relativeWrites.map(({ file }) => file));
}

/**
 * Removes files (one already gone is fine) and then a folder they leave empty, and flushes the
 * folders so the removals survive a power cut. Callers write the new home of the content first.
 */
export function removeFiles(root: string, relativeFiles: readonly string[]): void {
  checkWritePaths(root, relativeFiles);
  const files = relativeFiles.map((file) => path.join(root, file));
  for (const file of files) {
    try {
      rmSync(file, { force: true });
    } catch (error) {
      throw asFault(error, 'remove', file, `${file} is still there.`);
    }
  }
  for (const dir of new Set(files.map((file) => path.dirname(file)))) {
    try {
      rmdirSync(dir);
      flushFolder(path.dirname(dir));
    } catch {
      // Not empty (other files, or a temporary file of another writer): it stays.
      flushFolder(dir);
    }
  }
}

/** Writes the content to a new temporary file beside `file`, flushed unless told; returns its path. */
function stage(file: string, content: string, modeOf: string | undefined, flush: boolean): string {
  const dir = path.dirname(file);
  const previous = statIfFile(file);
  const like = previous ?? (modeOf === undefined ? undefined : statIfFile(modeOf));
  const outcome = previous ? unchanged([file]) : `${file} was not created.`;
  try {
    makeFolders(dir);
  } catch (error) {
    throw asFault(error, 'create the folder', dir, outcome);
  }
  const bytes = Buffer.from(previous ? keepLineEndings(readPrevious(file), content) : content, 'utf8');
  const temp = tempPathFor(file);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', like ? 0o600 : 0o666);
  } catch (error) {
    throw asFault(error, 'write a temporary file in', dir, outcome);
  }
  try {
    if (like) keepOwnerAndMode(fd, like);
    writeAll(fd, bytes);
    if (flush) fsyncSync(fd);
  } catch (error) {
    closeQuietly(fd);
    removeQuietly(temp);
    throw asFault(error, 'write', file, outcome);
  }
  try {
    closeSync(fd);
  } catch (error) {
    removeQuietly(temp);
    throw asFault(error, 'write', file, outcome);
  }
  return temp;
}

/** writeSync may write fewer bytes than asked (a nearly full disk): write until every byte is out. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
    offset += written;
  }
}

function keepOwnerAndMode(fd: number, previous: Stats): void {
  fchmodSync(fd, previous.mode & 0o7777);
  if (process.getuid?.() === 0 && (previous.uid !== 0 || previous.gid !== 0)) fchownSync(fd, previous.uid, previous.gid);
}

/**
 * A file checked out with CRLF line endings (core.autocrlf, or written on Windows) stays CRLF:
 * the new content's bare LFs become CRLF. A file with mixed endings is left to its content. A
 * file that starts with a byte-order mark (some editors write one) keeps it.
 */
export function keepLineEndings(previous: string | undefined, content: string): string {
  const bom = previous?.startsWith('\ufeff') && !content.startsWith('\ufeff') ? '\ufeff' : '';
  if (previous === undefined || !previous.includes('\r\n') || /(^|[^\r])\n/.test(previous)) return bom + content;
  return bom + content.replace(/\r?\n/g, '\r\n');
}

function statIfFile(file: string): Stats | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** The start of the file being replaced: enough to see its line endings. */
function readPrevious(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(64 * 1024);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** Flushes a folder, so that a rename in it is on disk. Some file systems cannot, and say EINVAL. */
function flushFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EIO' || code === 'ENOSPC' || code === 'EDQUOT') throw asFault(error, 'flush the folder', dir, 'The new content is in place but may not survive a power cut.');
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function unchanged(files: string[]): string {
  return files.length === 1 ? `${files[0]} is unchanged.` : `These files are unchanged: ${files.join(', ')}.`;
}

function asFault(error: unknown, doing: string, file: string, outcome: string): Error {
  return isSystemError(error) ? fileSystemError(error, doing, file, outcome) : (error as Error);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing; the first error is the one to report.
  }
}

/**
 * A hook for the crash tests: MENTOR_PAUSE_BEFORE_RENAME_MS makes the writer announce itself and
 * wait with the new content flushed to the temporary files, so a test can kill it right there:
 * before the first rename, or before rename number MENTOR_PAUSE_AT_RENAME (counted from 1).
 */
function pauseForTests(index: number): void {
  const ms = Number(process.env.MENTOR_PAUSE_BEFORE_RENAME_MS ?? 0);
  if (!(ms > 0) || index + 1 !== Number(process.env.MENTOR_PAUSE_AT_RENAME ?? 1)) return;
  process.stderr.write('mentor: paused before rename\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
