import path from 'node:path';
import { RUNNER_DIR, RUNNER_ENTRY } from '../domain/layout.js';
import { shellWord } from '../domain/text.js';

// The commands mentor's messages tell people to run ("Run `mentor validate`") say them the way the
// user ran mentor. In a program repo that is the committed runner, `node .mentor/mentor.mjs`,
// with nothing installed: a mentee told to run `mentor validate` gets "command not found".

/** How mentor was started: `mentor`, or `node <path of the runner>` when a program repo's runner runs. */
export function invokedAs(script: string | undefined = process.argv[1], cwd: () => string = process.cwd): string {
  if (script === undefined || path.basename(script) !== path.basename(RUNNER_ENTRY) || path.basename(path.dirname(script)) !== RUNNER_DIR) return 'mentor';
  // The current folder may be gone (a shell left in a deleted folder): then the whole path.
  let relative = script;
  try {
    relative = path.relative(cwd(), script);
  } catch {
    // process.cwd() throws when the folder was deleted or its path is too long.
  }
  // As the user would type it here: the shorter of the path from this folder and the whole path.
  const shown = !path.isAbsolute(relative) && relative.length < script.length ? relative : script;
  return `node ${shellWord(shown.split(path.sep).join('/'))}`;
}

let said: { as: string; commands: RegExp; stdout: boolean } | undefined;

/**
 * From now on, `mentor <command>` in what is printed reads `<name> <command>`: on standard error
 * always, on standard output unless it is data for another program (JSON, SARIF), whose text
 * stays the same however mentor was started.
 */
export function sayCommandsAs(name: string, commands: readonly string[], options: { stdout: boolean }): void {
  said = name === 'mentor' ? undefined : { as: name, commands: new RegExp(`(?<=^|[\\s\`(])mentor (?=(?:${[...commands, '--help'].join('|')})(?![\\w-]))`, 'gm'), stdout: options.stdout };
}

/** The text with each `mentor <command>` said as the user runs mentor. */
export function inUsersWords(text: string, stream: 'stdout' | 'stderr'): string {
  if (said === undefined || (stream === 'stdout' && !said.stdout)) return text;
  // A function, not a string: a folder named `$&` must not read as a replacement pattern.
  const as = `${said.as} `;
  return text.replace(said.commands, () => as);
}
