import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, fileSystemError, MentorError } from '../errors.js';

/** An issue form's body is a few KiB; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The body of an issue, saved to a file by a workflow (never passed through a shell); `fix` says
 * which file to pass when this one is missing or not a file.
 */
export function readIssueBody(file: string, fix = 'Pass the file the issue body was saved to.'): string {
  let size: number;
  try {
    const stats = lstatSync(file);
    // /dev/null is the empty body (an attention issue not opened yet).
    if (stats.isCharacterDevice() && path.resolve(file) === '/dev/null') return '';
    if (!stats.isFile()) throw new MentorError(`${file} is not a file.`, ExitCode.usage, fix);
    size = stats.size;
  } catch (error) {
    if (error instanceof MentorError) throw error;
    const said = fileSystemError(error as NodeJS.ErrnoException, 'read', file);
    throw new MentorError(said.message, ExitCode.usage, fix);
  }
  if (size > MAX_BODY_BYTES) throw new MentorError(`${file} is ${size} bytes: too large for an issue form's body.`, ExitCode.invalid, 'Open the request with the form.');
  return readFileSync(file, 'utf8');
}

/** Which of these repo files exist already (a request never replaces one). */
export function existingFiles(root: string, files: readonly string[]): string[] {
  return files.filter((file) => existsSync(path.join(root, file)));
}
