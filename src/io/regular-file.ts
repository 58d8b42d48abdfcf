import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ExitCode, fileSystemError, isSystemError, MentorError } from '../errors.js';

// A file of the repo that mentor generates (CODEOWNERS, a form, a schema, a report, the runner)
// is read the way a record is: a symlink is never followed, only a regular file is read, and
// never more than a limit. Git can commit a symlink to /dev/zero or a FIFO at such a path, and a
// plain read of it would hang or fill the memory.

export interface RegularFileHead {
  /** The first bytes of the file, at most the limit. */
  bytes: Buffer;
  /** The file holds more than the limit. */
  more: boolean;
}

/**
 * Up to `limit` bytes of the regular file at `relative` (below `root`); undefined when nothing is
 * there. Anything else at the path (a folder, a FIFO, a socket, a device, a symlink) is refused,
 * exit 2, in words, with the fix.
 */
export function readRegularFile(root: string, relative: string, limit: number): RegularFileHead | undefined {
  const absolute = path.join(root, relative);
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer.
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    if (error.code === 'ELOOP') throw notRegular(relative, 'a symlink');
    if (error.code === 'ENXIO') throw notRegular(relative, 'a socket');
    throw fileSystemError(error, 'read', relative);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(relative, kindOf(stats));
    const bytes = Buffer.allocUnsafe(Math.min(limit, stats.size) + 1);
    let length = 0;
    // Read until the end or one byte past the limit, whatever the size said (the file may grow).
    while (length < bytes.length) {
      const count = readSync(fd, bytes, length, bytes.length - length, null);
      if (count === 0) break;
      length += count;
    }
    return { bytes: bytes.subarray(0, Math.min(length, limit)), more: length > limit || stats.size > limit };
  } catch (error) {
    throw isSystemError(error) ? fileSystemError(error, 'read', relative) : error;
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

function notRegular(relative: string, kind: string): MentorError {
  return new MentorError(
    `${relative} is ${kind}, not a regular file; mentor generates it as a file, and reads and compares it only as one. Nothing was written.`,
    ExitCode.usage,
    `Remove it (and commit the removal if it was committed), then run the command again: without --check it writes ${relative} anew.`,
  );
}
