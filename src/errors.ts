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
  ENAMETOOLONG: { what: 'the path is too long', fix: 'Use a shorter path: move the repo (or the folder you named) higher up.' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', fix: 'Rename or move the file that stands where a folder should be.' },
  EISDIR: { what: 'it is a folder, not a file', fix: 'Rename or move the folder that stands where a file should be.' },
  ENOENT: { what: 'it does not exist', fix: 'Check the path; the repo may have been moved or deleted while mentor ran.' },
  ELOOP: { what: 'a symlink on the way loops (it leads back to itself)', fix: 'Replace the symlink with a real file or folder, then run the command again.' },
  ENXIO: { what: 'it is a socket or a device, not a regular file', fix: 'Remove it or move it away, then run the command again.' },
  EBUSY: { what: 'it is busy (in use by another program, or a mount point)', fix: 'Close the program that uses it, then run the command again.' },
  EFBIG: { what: 'the file would be larger than the system allows', fix: 'Free space, or check the file size limit (ulimit -f).' },
};

/** Faults whose words depend on what was being done. */
function faultOf(error: NodeJS.ErrnoException, file: string | undefined): { what: string; fix: string } | undefined {
  // mkdir of a path where a file stands (a folder of the repo committed as a file).
  if (error.code === 'EEXIST' && error.syscall === 'mkdir') return { what: 'a file stands where that folder should be', fix: FILE_SYSTEM_FAULTS.ENOTDIR!.fix };
  if (error.code === 'EEXIST') return { what: 'something is already there', fix: 'Move or rename what is there, then run the command again.' };
  // One name over the system's limit is a name someone chose (--out, a folder): the repo's place is not the problem.
  const longName = error.code === 'ENAMETOOLONG' ? (file ?? '').split(/[\\/]/).find((part) => Buffer.byteLength(part) > 255) : undefined;
  if (longName !== undefined) return { what: `the name ${longName.slice(0, 24)}… is longer than the system allows (255 bytes)`, fix: 'Choose a shorter name, then run the command again.' };
  return FILE_SYSTEM_FAULTS[error.code ?? ''];
}

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
  const known = faultOf(error, file);
  // Node's own words without the code and the call it prefixes and appends ("ENOTSUP: ..., open '/x'").
  const raw = error.message.replace(/^[A-Z0-9]+: /, '').replace(/, [a-z_]+ '.*'$/s, '');
  const why = `${known ? known.what : raw} (${code})`;
  const where = file ? ` ${file}` : '';
  return new MentorError(`Could not ${doing}${where}: ${why}.${outcome ? ` ${outcome}` : ''}`, ExitCode.usage, known?.fix ?? 'Check the file and its folder, then run the command again.');
}
