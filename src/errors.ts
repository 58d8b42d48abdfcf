/** Exit codes of every command, as DESIGN.md fixes them. */
export const ExitCode = {
  ok: 0,
  /** The records are invalid, or a check failed. */
  invalid: 1,
  /** A usage error, or a repo/config that cannot be read. */
  usage: 2,
  /** The user interrupted a prompt (Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error the user caused or can fix. main.ts prints its message (and hint) without a stack
 * trace and exits with its code; any other error is a bug in mentor.
 */
export class MentorError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.usage,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'MentorError';
  }
}

export const usageError = (message: string, hint?: string) => new MentorError(message, ExitCode.usage, hint);

/** What an operating-system error code means to someone running mentor, and what they can do. */
const FILE_SYSTEM_FAULTS: Record<string, { what: string; fix: string }> = {
  ENOSPC: { what: 'the disk is full', fix: 'Free some space on that disk, then run the command again.' },
  EDQUOT: { what: 'the disk quota is used up', fix: 'Free some space within your quota, then run the command again.' },
  EACCES: { what: 'permission denied', fix: 'Give the user running mentor the right to write there (check the owner and mode of the file and its folder), or run mentor as that folder\'s owner.' },
  EPERM: { what: 'the operation is not permitted', fix: 'Check the owner, mode and attributes (e.g. immutable) of the file and its folder.' },
  EROFS: { what: 'the file system is read-only', fix: 'Run mentor on a writable copy of the repo, or remount the file system read-write.' },
  EIO: { what: 'the disk reported an input/output error', fix: 'Check the disk; the file system may need repair.' },
  EMFILE: { what: 'too many files are open', fix: 'Raise the limit of open files (ulimit -n), then run the command again.' },
  ENFILE: { what: 'the system has too many files open', fix: 'Close some programs, then run the command again.' },
  ENAMETOOLONG: { what: 'the path is too long', fix: 'Move the repo to a shorter path.' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', fix: 'Rename or move the file that stands where a folder should be.' },
  EISDIR: { what: 'it is a folder, not a file', fix: 'Rename or move the folder that stands where a file should be.' },
  ENOENT: { what: 'it does not exist', fix: 'Check the path; the repo may have been moved or deleted while mentor ran.' },
};

/** An error from the operating system (it carries a code such as ENOSPC), as node:fs throws them. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!);
}

/**
 * A file-system fault (a full disk, a folder without write permission, a read-only mount) as a
 * message the user can act on: what could not be done to which file, why, and what to do.
 */
export function fileSystemError(error: NodeJS.ErrnoException, doing: string, file: string | undefined = error.path, outcome?: string): MentorError {
  const code = error.code ?? 'unknown';
  const known = FILE_SYSTEM_FAULTS[code];
  const why = known ? `${known.what} (${code})` : `${error.message.replace(/^[A-Z0-9]+: /, '')}`;
  const where = file ? ` ${file}` : '';
  return new MentorError(`Could not ${doing}${where}: ${why}.${outcome ? ` ${outcome}` : ''}`, ExitCode.usage, known?.fix ?? 'Check the file and its folder, then run the command again.');
}
