import { ExitCode, fileSystemError, isSystemError, MentorError } from './errors.js';
import { writeAtOnce } from './io/stdio.js';
import { printError } from './io/output.js';
import { shellWords } from './domain/text.js';
import { asksForJson, renderErrorJson } from './render/error-json.js';
import { workflowLogLine } from './render/escape.js';
import { sanitizeForTerminal } from './render/terminal.js';
import { isNewerVersion } from './domain/versions.js';
import { oldestNode } from './version.js';

/** argv in, exit code out: the one place that catches errors. */
export async function run(argv: string[]): Promise<number> {
  for (const [stream, name] of [[process.stdout, 'standard output'], [process.stderr, 'standard error']] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => outputFailed(error, name));
  }
  try {
    const { runCli } = await import('./cli.js');
    return await runCli(argv);
  } catch (thrown) {
    const error = asSaid(thrown);
    const exitCode = reportError(error, argv);
    // A run that asked for JSON still gets JSON on stdout: the error, as stderr says it.
    if (asksForJson(argv)) process.stdout.write(renderErrorJson(error, exitCode));
    return exitCode;
  }
}

/** A file-system fault that no command expected (a full disk, no permission) is the user's to fix, not a bug: which file, and what to do. */
function asSaid(error: unknown): unknown {
  return !(error instanceof MentorError) && isSystemError(error) && error.path ? fileSystemError(error, ACTIONS[error.syscall ?? ''] ?? 'use', error.path) : error;
}

/**
 * The output could not be written. A reader that stops early (`mentor validate | head`) is not an
 * error; anything else (a full disk, /dev/full, a closed terminal) is said on standard error when
 * that still works, and the run ends with exit 2, never with a stack trace.
 */
function outputFailed(error: NodeJS.ErrnoException, name: string): never {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  if (name !== 'standard error') {
    const said = fileSystemError(error, 'write the output to', name, 'What was printed before is incomplete; what the command wrote to the repo is in place (see git status).');
    // When standard error fails too, the exit code is all that is left to say it.
    writeAtOnce(2, `mentor: ${said.message}\n  ${said.hint}\n`);
  }
  process.exit(ExitCode.usage);
}

export function reportError(error: unknown, argv: readonly string[]): number {
  const command = argv[0];
  if (error instanceof MentorError) {
    // Messages quote what was typed, which may hold line breaks: no line of them may read as a
    // workflow command (`::error::`) in a GitHub Actions log.
    printError(`mentor: ${workflowLogLine(sanitizeForTerminal(error.message))}\n`);
    if (error.hint) printError(`  ${workflowLogLine(sanitizeForTerminal(error.hint))}\n`);
    return error.exitCode;
  }
  if (isClosedInput(error)) {
    printError('mentor: input closed before the prompt was answered, nothing was written.');
    printError(`  Run it again and answer each question, or give the answers as flags (see \`mentor ${commandWord(command)} --help\`).`);
    return ExitCode.invalid;
  }
  if (isPromptInterrupt(error)) {
    printError('mentor: cancelled, nothing was written.');
    printError(`  Run \`${sanitizeForTerminal(shellWords(['mentor', ...argv]))}\` again to start over.`);
    return ExitCode.interrupted;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  // An older Node.js than mentor supports runs most commands, and fails in the rest (the prompts
  // need util.styleText, Node.js 20.12): that is the Node to change, not a bug to report.
  if (isNewerVersion(oldestNode(), process.versions.node)) {
    process.stderr.write(`mentor: this is Node.js ${process.versions.node}, older than mentor needs (${oldestNode()} or newer), and it failed: ${sanitizeForTerminal(error instanceof Error ? error.message : String(error))}\n`);
    process.stderr.write('  Install a current Node.js (an LTS release, from https://nodejs.org or your package manager), then run it again.\n');
    return ExitCode.usage;
  }
  process.stderr.write(
    `mentor: internal error, this is a bug in mentor. Please report it with the command you ran.\n` +
      // What failed may carry record text (a name, a path): shown as any message is, never raw.
      `${workflowLogLine(sanitizeForTerminal(process.env.MENTOR_DEBUG ? detail : `  ${error instanceof Error ? error.message : String(error)}\n  (set MENTOR_DEBUG=1 for the stack trace)`))}\n`,
  );
  return ExitCode.usage;
}

/** The command as typed, for a hint (only a plain command name: argv is the user's). */
const commandWord = (command: string | undefined) => (command !== undefined && /^[a-z][a-z-]*$/.test(command) ? command : '<command>');

/** What a failed system call was trying to do, in words. */
const ACTIONS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  scandir: 'read the folder',
  opendir: 'read the folder',
  mkdir: 'create the folder',
  rename: 'replace',
  unlink: 'delete',
  rmdir: 'delete the folder',
  rm: 'delete',
  stat: 'read',
  lstat: 'read',
  copyfile: 'copy',
  link: 'create',
  chmod: 'change the mode of',
  fsync: 'flush',
};

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
