import { ExitCode, usageError } from './errors.js';
import { commandNamedLater, usageText } from './render/usage.js';
import { packageVersion } from './version.js';
import { inUsersWords, invokedAs, sayCommandsAs } from './io/invocation.js';
import { asksForData } from './render/error-json.js';
import { addExamples } from './cli/examples.js';
import { Command, CommanderError, helpLayout, REQUIRED, type Define } from './cli/options.js';
import { codeowners, fix, forms, init, members, schema, site, upgrade, validate } from './cli/records.js';
import { assign, hours, log, next, progress, report, status, tree } from './cli/cohorts.js';
import { checkPr, claim, prSummary, release, request } from './cli/requests.js';

// Commander only: every action lazy-imports its command (src/cli/*.ts define them by group), so
// `mentor --help` and `--version` load none of zod, yaml, simple-git or inquirer.

/** The commands in the order --help lists them. */
const COMMANDS: Define[] = [init, validate, schema, hours, log, assign, members, report, status, tree, codeowners, upgrade, checkPr, next, progress, request, claim, release, forms, site, fix, prSummary];

/**
 * Options that name something: an id (--as, --cohort, --person, --prefers), or the repo (--repo,
 * which given empty would quietly be this folder). Given empty, they name nothing.
 */
const NAMING_VALUE = (flags: string) => /<(?:person|id|cohort|mentor|member)>$/.test(flags) || flags.startsWith('--repo ');

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('mentor')
    .description('Run a mentorship program as code: YAML records in Git, validated, assigned and reported.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    // runCli says commander's usage errors in mentor's voice (render/usage.ts), not commander.
    // Help names the commands as the user runs mentor (io/invocation.ts), the runner included.
    .configureOutput({ outputError: () => {}, writeOut: (text) => process.stdout.write(inUsersWords(text, 'stdout')) })
    .configureHelp(helpLayout)
    .exitOverride();

  for (const define of COMMANDS) define(program, async (load) => setExitCode(await load()));
  addExamples(program.commands);

  // An argument given empty is one left out by mistake (`mentor claim ''`, an unset variable):
  // a usage error for every command, said before anything else is read.
  program.hook('preAction', (_program, command) => {
    const empty = command.registeredArguments.find((_argument, index) => typeof command.args[index] === 'string' && command.args[index].trim() === '');
    if (empty) throw new CommanderError(ExitCode.usage, 'mentor.emptyArgument', `error: argument '${empty.name()}' is empty`);
    const emptyId = command.options.find((option) => NAMING_VALUE(option.flags) && String(command.getOptionValue(option.attributeName()) ?? 'given').trim() === '');
    if (emptyId) throw new CommanderError(ExitCode.usage, 'mentor.emptyOption', `error: option '${emptyId.flags}' is empty`);
  });
  // Required options are checked after unknown options and missing arguments, which commander
  // checks first: the user fixes the mistake they made before the option they left out.
  program.hook('preAction', (_program, command) => {
    const missing = command.options.find((option) => REQUIRED.has(option) && command.getOptionValue(option.attributeName()) === undefined);
    if (missing) throw new CommanderError(ExitCode.usage, 'commander.missingMandatoryOptionValue', `error: required option '${missing.flags}' not specified`);
  });
  // A mentor of another version than the repo's runner says so (init makes the repo, upgrade is the answer).
  program.hook('preAction', async (_program, command) => {
    if (command.name() === 'init' || command.name() === 'upgrade') return;
    (await import('./commands/runner-skew.js')).noteRunnerSkew(command.name(), command.getOptionValue('repo') as string | undefined);
  });
  return program;
}

/** Parses argv and runs the command; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  const name = invokedAs();
  sayCommandsAs(name, program.commands.map((command) => command.name()), { stdout: !asksForData(argv) });
  // The top of --help too ("Usage: node .mentor/mentor.mjs [options] [command]").
  program.name(name);
  // `help <name>` of no command: said as `mentor <name>` says it, not with the whole help.
  const helpOfNothing = argv[0] === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') && !program.commands.some((command) => command.name() === argv[1]);
  if (helpOfNothing) argv = argv.slice(1);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version succeed; help shown because no command was given is a usage error.
      if (error.exitCode === 0) return ExitCode.ok;
      if (error.code === 'commander.help') return ExitCode.usage;
      const command = program.commands.find((candidate) => candidate.name() === argv[0]);
      const later = command ? undefined : commandNamedLater(argv, program.commands);
      const { message, hint } = usageText(error, argv, command, later);
      throw usageError(message, hint);
    }
    throw error;
  }
  return exitCode;
}
