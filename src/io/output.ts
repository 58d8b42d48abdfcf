import { Chalk } from 'chalk';
import { wrapText } from '../domain/columns.js';
import type { Style } from '../domain/style.js';
import { inUsersWords } from './invocation.js';

/**
 * Colour only on a TTY, never with NO_COLOR set (https://no-color.org) or on a dumb terminal.
 * FORCE_COLOR can turn it off (0 or false, as chalk and node read it), never on where no terminal
 * reads it: a CI or a test runner that exports FORCE_COLOR=1 for its own output would otherwise
 * get escape codes in the files and logs mentor's output is piped to.
 */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  return stream.isTTY === true;
}

export function styleFor(stream: NodeJS.WriteStream): Style {
  const chalk = new Chalk({ level: wantsColor(stream) ? 1 : 0 });
  return {
    error: (s) => chalk.red(s),
    warning: (s) => chalk.yellow(s),
    ok: (s) => chalk.green(s),
    dim: (s) => chalk.dim(s),
    bold: (s) => chalk.bold(s),
    accent: (s) => chalk.cyan(s),
  };
}

/** Output as it is: data (JSON, Markdown), or text already laid out for the terminal's width. */
export function print(text: string): void {
  process.stdout.write(inUsersWords(text.endsWith('\n') || text === '' ? text : `${text}\n`, 'stdout'));
}

/** mentor's own sentences on standard output: on a terminal, broken between words within its width; elsewhere as they are. */
export function say(text: string): void {
  const said = inUsersWords(text.endsWith('\n') || text === '' ? text : `${text}\n`, 'stdout');
  const width = ttyWidth();
  process.stdout.write(width === undefined ? said : wrapText(said, width));
}

/**
 * A message on standard error. On a terminal its lines break between words within the width (the
 * terminal itself would break them mid-word); anywhere else each stays one line.
 */
export function printError(text: string): void {
  const said = inUsersWords(text.endsWith('\n') ? text : `${text}\n`, 'stderr');
  const width = ttyWidth(process.stderr);
  process.stderr.write(width === undefined ? said : wrapText(said, width));
}

/** The terminal's width in columns (COLUMNS when not a terminal, for tests and pipes that set it): what tables keep to. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const width = ttyWidth(stream);
  if (width !== undefined) return width;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

/**
 * The width of the terminal the stream writes to, or undefined for a pipe or a file, whatever
 * COLUMNS says: mentor's sentences are broken only where a person reads them as they come, never in
 * a file or a CI log, which keep one line per message.
 */
export function ttyWidth(stream: NodeJS.WriteStream = process.stdout): number | undefined {
  return stream.isTTY && stream.columns > 0 ? stream.columns : undefined;
}
