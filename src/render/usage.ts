// Commander's own usage errors (a missing option, an argument too many, an unknown option) in
// mentor's voice: what is wrong, and what to type instead. main.ts prints them as any MentorError.

import { shellWords } from '../domain/text.js';

/**
 * The lines under a command's --help that show one real use. A line wider than the terminal is
 * broken between words (never inside quotes) with a shell's ` \\` continuation, so it can still
 * be copied and run.
 */
export function helpExample(line: string, width = 80): string {
  const words = line.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [];
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const indent = lines.length === 0 ? 2 : 4;
    if (current !== '' && indent + current.length + 1 + word.length + 2 > width) {
      lines.push(`${current} \\`);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  lines.push(current);
  return `\nExample:\n${lines.map((text, index) => `${index === 0 ? '  ' : '    '}${text}`).join('\n')}`;
}

/** What the messages need of a commander command (a commander Command fits). */
export interface CommandShape {
  name(): string;
  readonly registeredArguments: ReadonlyArray<{ name(): string; description: string; required: boolean }>;
  readonly options: ReadonlyArray<{ flags: string; long?: string | undefined; short?: string | undefined; description: string; required: boolean; optional: boolean; argChoices?: string[] | undefined }>;
}

/** Commander's error: its code ('commander.excessArguments') and text ('error: ...'). */
export interface UsageFailure {
  code: string;
  message: string;
}

/** Placeholders of options whose value is free text: words after it belong in quotes. */
const TEXT_VALUE = /<(text|name)>$/;

/**
 * The message and the next step for a usage error of `mentor <argv>`; `command` is the one argv
 * starts with, if any, and `later` one named further on (`mentor --repo x validate`).
 */
export function usageText(failure: UsageFailure, argv: readonly string[], command: CommandShape | undefined, later?: CommandNamed): { message: string; hint: string } {
  const help = command ? `See \`mentor ${command.name()} --help\`.` : 'See `mentor --help` for the commands.';
  const plain = failure.message.replace(/^error: /, '');
  const flags = /option '([^']+)'/.exec(plain)?.[1];
  const option = command?.options.find((candidate) => candidate.flags === flags);
  const long = option?.long ?? flags;
  const about = (text: string) => text.replace(/ \(required\)$/, '');
  switch (failure.code) {
    case 'commander.excessArguments':
      return command ? excessArguments(argv, command, help) : { message: plain, hint: help };
    case 'commander.optionMissingArgument': {
      const example = option ? /e\.g\. (\S+)/.exec(option.description)?.[1] : undefined;
      const value = option?.argChoices ? `, one of: ${option.argChoices.join(', ')}` : example ? `, e.g. ${long} ${example.replace(/[,;)]$/, '')}` : `: ${flags}`;
      return { message: `${long} needs a value${value}.`, hint: help };
    }
    case 'commander.missingMandatoryOptionValue':
      return { message: `mentor ${command?.name()} needs ${flags}${option ? ` (${about(option.description)})` : ''}.`, hint: help };
    case 'commander.missingArgument': {
      // Commander names the first missing argument; the ones after it are missing too.
      const name = /argument '([^']+)'/.exec(plain)?.[1] ?? '';
      const all = command?.registeredArguments ?? [];
      const first = all.findIndex((candidate) => candidate.name() === name);
      const missing = first < 0 ? [] : all.slice(first).filter((argument) => argument.required);
      if (missing.length > 1) {
        const names = missing.map((argument) => `<${argument.name()}>`);
        return { message: `mentor ${command?.name()} needs ${names.join(' ')} (${missing.map((argument, index) => `${names[index]}: ${argument.description}`).join('; ')}).`, hint: help };
      }
      const argument = missing[0];
      return { message: `mentor ${command?.name()} needs <${name}>${argument?.description ? `: ${argument.description}` : ''}.`, hint: help };
    }
    case 'mentor.emptyArgument': {
      // `mentor claim ''`, or `mentor status "$COHORT"` with the variable unset: the user meant to name one.
      const name = /argument '([^']+)'/.exec(plain)?.[1] ?? '';
      const argument = command?.registeredArguments.find((candidate) => candidate.name() === name);
      if (argument?.required !== false) return { message: `mentor ${command?.name()} needs <${name}>${argument?.description ? `: ${argument.description}` : ''}; it was given empty.`, hint: help };
      const meant = /^(.*) \(default: (.*)\)$/.exec(argument.description);
      return { message: `<${name}> was given empty: ${meant ? `leave it out for the default (${meant[2]}), or give one (${meant[1]})` : 'leave it out, or give one'}.`, hint: help };
    }
    case 'mentor.emptyOption': {
      const said = usageText({ code: 'commander.optionMissingArgument', message: plain }, argv, command);
      // --repo left out is this folder, what '' was taken as: said as an argument with a default is.
      // An id left out (--as) is someone else than meant, so an id needs a value.
      const flags = /option '([^']+)'/.exec(plain)?.[1] ?? '';
      const meant = /^(.*) \(default: (.*)\)$/.exec(command?.options.find((option) => option.flags === flags)?.description ?? '');
      if (meant && flags.startsWith('--repo ')) return { message: `${flags.split(' ')[0]} was given empty: leave it out for the default (${meant[2]}), or give one (${meant[1]}).`, hint: said.hint };
      return { message: said.message.replace(/\.$/, '; it was given empty.'), hint: said.hint };
    }
    case 'commander.invalidArgument': {
      const invalid = /^option '(\S+)[^']*' argument '([^']*)' is invalid\. (.*)$/s.exec(plain);
      return { message: invalid ? `${invalid[1]} ${invalid[2]} is not allowed. ${invalid[3]}` : plain, hint: help };
    }
    case 'commander.unknownOption':
    case 'commander.unknownCommand': {
      // Commander puts its suggestion on a line of its own: "(Did you mean --hours?)".
      const [what, suggestion] = plain.split('\n');
      const guess = /\(Did you mean (.+)\?\)/.exec(suggestion ?? '')?.[1];
      const message = what!.replace(/'([^']*)'/, '$1') + (command && failure.code === 'commander.unknownOption' ? ` for mentor ${command.name()}.` : '.');
      const moved = later ? optionsAfter(argv, later, flags) : undefined;
      if (moved) return { message, hint: `Options go after the command's name: ${moved}` };
      return { message, hint: guess ? `Did you mean ${guess}? ${help}` : help };
    }
    default:
      return { message: plain, hint: help };
  }
}

/**
 * Arguments a command does not take. The usual cause is a value that was meant to be one word:
 * `--hours practice 3` (practice=3), or `--done Fixed the bug` (text with spaces, unquoted).
 */
function excessArguments(argv: readonly string[], command: CommandShape, help: string): { message: string; hint: string } {
  const operands: string[] = [];
  let valueOf: { flag: string; placeholder: string; value: string } | undefined;
  for (let index = 1; index < argv.length; index++) {
    const token = argv[index]!;
    if (token.startsWith('-') && token !== '-') {
      const [flag, inline] = token.split(/=(.*)/s);
      const option = command.options.find((candidate) => candidate.long === flag);
      const takesValue = option !== undefined && (option.required || option.optional);
      valueOf = takesValue ? { flag: flag!, placeholder: option.flags, value: inline ?? argv[++index] ?? '' } : undefined;
      continue;
    }
    operands.push(token);
    const firstExtra = operands.length === command.registeredArguments.length + 1;
    if (firstExtra && valueOf && valueOf.placeholder.includes('=') && !valueOf.value.includes('=')) {
      return { message: `"${token}" is not an argument of mentor ${command.name()}: write ${valueOf.flag} ${valueOf.value}=${token} (one word, no spaces around =).`, hint: help };
    }
    if (firstExtra && valueOf && TEXT_VALUE.test(valueOf.placeholder)) {
      const words = [valueOf.value, token];
      while (index + 1 < argv.length && !argv[index + 1]!.startsWith('-')) words.push(argv[++index]!);
      return { message: `"${words.slice(1).join(' ')}" is not an argument of mentor ${command.name()}: text with spaces goes in quotes, ${valueOf.flag} "${words.join(' ')}".`, hint: help };
    }
    valueOf = undefined;
  }
  const expected = command.registeredArguments.map((argument) => `<${argument.name()}>`);
  const takes = expected.length === 0 ? 'takes no arguments' : `takes ${expected.length === 1 ? 'one argument' : `${expected.length} arguments`} (${expected.join(' ')})`;
  const extra = operands.slice(expected.length).map((operand) => `"${operand}"`);
  return { message: `mentor ${command.name()} ${takes}, but was given ${extra.join(', ')} as well.`, hint: help };
}

/** A command named after the options (`mentor --repo x validate`), and where. */
export interface CommandNamed {
  command: CommandShape;
  at: number;
}

/**
 * The command `argv` names after its options: the first word that is a command's name and not the
 * value of the option before it (`mentor --repo init validate`: the folder is called init).
 */
export function commandNamedLater<C extends CommandShape>(argv: readonly string[], commands: readonly C[]): { command: C; at: number } | undefined {
  const takesValue = (flag: string) => commands.some((c) => c.options.some((option) => (option.long === flag || option.short === flag) && (option.required || option.optional)));
  for (let at = 0; at < argv.length; at++) {
    const word = argv[at]!;
    if (word.startsWith('-')) {
      if (!word.includes('=') && takesValue(word)) at++;
      continue;
    }
    const command = commands.find((candidate) => candidate.name() === word);
    if (command !== undefined) return { command, at };
  }
  return undefined;
}

/**
 * `mentor --repo x validate` (written as `git -C x` is): the same words with the command first,
 * when the unknown option is one of that command's; undefined otherwise.
 */
function optionsAfter(argv: readonly string[], { command, at }: CommandNamed, flags: string | undefined): string | undefined {
  const flag = flags?.split('=')[0];
  if (flag === undefined || !command.options.some((option) => option.long === flag)) return undefined;
  return `mentor ${shellWords([argv[at]!, ...argv.slice(0, at), ...argv.slice(at + 1)])}`;
}
