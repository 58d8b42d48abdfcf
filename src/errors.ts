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
