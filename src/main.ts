import { ExitCode, MentorError } from './errors.js';
import { sanitizeForTerminal } from './render/terminal.js';

/** argv in, exit code out: the one place that catches errors. */
export async function run(argv: string[]): Promise<number> {
  // A reader that stops early (`mentor validate | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  try {
    const { runCli } = await import('./cli.js');
    return await runCli(argv);
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof MentorError) {
    process.stderr.write(`mentor: ${sanitizeForTerminal(error.message)}\n`);
    if (error.hint) process.stderr.write(`  ${sanitizeForTerminal(error.hint)}\n`);
    return error.exitCode;
  }
  if (isClosedInput(error)) {
    process.stderr.write('mentor: input closed before the prompt was answered, nothing was written.\n');
    return ExitCode.invalid;
  }
  if (isPromptInterrupt(error)) {
    process.stderr.write('mentor: cancelled, nothing was written.\n');
    return ExitCode.interrupted;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `mentor: internal error, this is a bug in mentor. Please report it with the command you ran.\n` +
      (process.env.MENTOR_DEBUG ? `${detail}\n` : `  ${error instanceof Error ? error.message : String(error)}\n  (set MENTOR_DEBUG=1 for the stack trace)\n`),
  );
  return ExitCode.usage;
}

function isPromptInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/**
 * The prompt's input ended (Ctrl-D, a closed pipe) rather than being interrupted by a signal:
 * inquirer then reports an exit "with <code> null" instead of "with SIGINT".
 */
function isClosedInput(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError' && !/SIG[A-Z]+/.test(error.message);
}
