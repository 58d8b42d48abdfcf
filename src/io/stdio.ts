import { writeSync } from 'node:fs';

/**
 * Writes text to standard output (1) or standard error (2) at once, past any stream: for a first
 * answer (--version) and for saying that the streams themselves failed. Returns the error of a
 * write that failed (a full disk, a reader gone), for the caller to say or pass over.
 */
export function writeAtOnce(fd: 1 | 2, text: string): NodeJS.ErrnoException | undefined {
  try {
    writeSync(fd, text);
    return undefined;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}
