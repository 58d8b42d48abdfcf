import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';
import { AUTHOR_ASSOCIATIONS } from './domain/github.js';
import { memberFile, personFile, RUNNER_DIR, SCHEMAS_DIR } from './domain/layout.js';
import { ExitCode, usageError } from './errors.js';
import { helpExample as example, usageText } from './render/usage.js';
import { packageVersion } from './version.js';

// Commander only: every action lazy-imports its command, so `mentor --help` and `--version`
// load none of zod, yaml, simple-git or inquirer. Commander is required as the CommonJS module
// it is, which starts measurably faster than going through its ESM wrapper.

const require = createRequire(import.meta.url);
const { Command, CommanderError, Option } = require('commander') as typeof CommanderModule;
type Command = CommanderModule.Command;

const repoOption = () => new Option('--repo <dir>', 'the program repo (default: this folder or the nearest parent with mentor.config.yaml)');
const associationOption = () =>
  new Option('--author-association <value>', "GitHub's author_association of the author (the gate passes it): a listed maintainer counts only as OWNER, MEMBER or COLLABORATOR").choices(AUTHOR_ASSOCIATIONS);
const formatOption = (formats: string[]) => new Option('--format <format>', 'output format').choices(formats).default('text');

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('mentor')
    .description('Run a mentorship program as code: YAML records in Git, validated, assigned and reported.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    // runCli says commander's usage errors in mentor's voice (render/usage.ts), not commander.
    .configureOutput({ outputError: () => {} })
    .configureHelp({ sortSubcommands: false })
    .exitOverride();

  const run = (load: () => Promise<number>) => async () => setExitCode(await load());

  program
    .command('init')
    .description('scaffold a program repo (config, an example cohort, schemas, the runner, workflows), git init and commit')
    .argument('[dir]', 'folder to create the program repo in', '.')
    .option('--no-git', 'write the files but do not run git init or commit')
    .action(async (dir: string, options: { git: boolean }) =>
      run(async () => (await import('./commands/init.js')).initCommand({ dir, git: options.git }))(),
    );

  program
    .command('validate')
    .description('check every record: fields, references, tiers, capacity, logs')
    .addOption(repoOption())
    .addOption(formatOption(['text', 'json', 'github', 'sarif']))
    .option('--changed <ref>', 'check only the files that differ from <ref> (committed or not) and what depends on them')
    .option('--at <ref>', 'check the records as they are in a commit, leaving the working tree alone')
    .action(async (options) => run(async () => (await import('./commands/validate.js')).validateCommand(options))());

  program
    .command('schema')
    .description('write the JSON Schemas of the records, generated from the zod schemas')
    .addOption(repoOption())
    .option('--out <dir>', 'folder to write to, relative to the repo', SCHEMAS_DIR)
    .option('--check', 'do not write; exit 1 when the files differ from the generated ones')
    .action(async (options) => run(async () => (await import('./commands/schema.js')).schemaCommand(options))());

  program
    .command('hours')
    .description("each member's planned weekly hours by activity; with --week, logged hours beside them")
    .argument('[cohort]', 'cohort id (default: the one running cohort)')
    .addOption(repoOption())
    .option('--week <week>', 'ISO week whose logs to show, e.g. 2026-W48')
    .addOption(formatOption(['text', 'json']))
    .action(async (cohort: string | undefined, options) => run(async () => (await import('./commands/hours.js')).hoursCommand(cohort, options))());

  const collect = (value: string, previous: string[]) => [...previous, value];
  program
    .command('log')
    .description('write a weekly log: asks on a terminal, or takes flags')
    .addOption(repoOption())
    .option('--cohort <cohort>', "cohort id (default: the person's cohort that holds the week)")
    .option('--person <person>', 'whose log (default: the person matching your git user)')
    .option('--week <week>', 'ISO week, e.g. 2026-W48 (default: last week while it has no log, else this week)')
    .option('--hours <activity=hours>', 'hours of an activity (repeatable)', collect, [])
    .option('--pr <url>', 'a pull request link (repeatable)', collect, [])
    .option('--done <text>', 'what got done')
    .option('--blockers <text>', 'what is blocking')
    .option('--next <text>', 'what is next')
    .option('--force', 'replace an existing log without asking')
    .option('--commit', 'write on a new branch log/<person>/<week>, from the default branch, and commit')
    .addHelpText('after', example('mentor log --person hal --week 2026-W47 --hours practice=4.5 --hours code-review=1 --done "Joins and indexes"'))
    .action(async (options) => run(async () => (await import('./commands/log.js')).logCommand(options))());

  program
    .command('assign')
    .description('place members who have no mentor, optimally; asks before writing on a terminal')
    .argument('[cohort]', 'cohort id (default: the one running cohort)')
    .addOption(repoOption())
    .option('--dry-run', 'show the proposal and write nothing')
    .option('--yes', 'write without asking')
    .option('--explain', 'show each score by its parts, why anyone is left out, loads and waiting times')
    .option('--commit', 'write on a new branch assign/<cohort>-<date> and commit')
    .addOption(formatOption(['text', 'json']))
    .action(async (cohort: string | undefined, options) => run(async () => (await import('./commands/assign.js')).assignCommand(cohort, options))());

  program
    .command('members')
    .description('move a cohort\'s members from the list in cohort.yaml to one file each (--to files), or back (--to list); comments move with them')
    .argument('[cohort]', 'cohort id (default: the one running cohort)')
    .addOption(new Option('--to <form>', `files: ${memberFile('<cohort>', '<person>')}; list: \`members:\` in cohort.yaml`).choices(['files', 'list']).makeOptionMandatory())
    .option('--dry-run', 'say what would move and write nothing')
    .option('--commit', 'write on a new branch members/<cohort>-to-<form> and commit')
    .addOption(repoOption())
    .action(async (cohort: string | undefined, options) => run(async () => (await import('./commands/members.js')).membersCommand(cohort, options))());

  program
    .command('report')
    .description('write reports/<cohort>/<week>.md and .json for a pull request')
    .argument('[cohort]', 'cohort id (default: the one running cohort)')
    .addOption(repoOption())
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: the last complete week)')
    .option('--check', 'write nothing; exit 1 when the committed report differs from the records')
    .option('--commit', 'write on a new branch report/<cohort>/<week> and commit')
    .addHelpText('after', example('mentor report 2026-fall --week 2026-W47 --commit'))
    .action(async (cohort: string | undefined, options) => run(async () => (await import('./commands/report.js')).reportCommand(cohort, options))());

  program
    .command('status')
    .description('what needs attention now: overdue requests, missing logs, mentors with room, inactive mentors; --format markdown is the attention issue')
    .argument('[cohort]', 'cohort id (default: every running cohort; with markdown, every cohort not finished)')
    .addOption(repoOption())
    .addOption(formatOption(['text', 'json', 'markdown']))
    .addOption(new Option('--fail-on <what>', 'exit 1 when there is something of this kind (for a scheduled CI job)').choices(['overdue']))
    .option('--since <file>', 'with --format markdown: the attention issue\'s current body (mentions it recorded are not repeated)')
    .option('--comment-out <file>', 'with --format markdown: write a comment carrying the new mentions here (only when there are some)')
    .action(async (cohort: string | undefined, options) => run(async () => (await import('./commands/status.js')).statusCommand(cohort, options))());

  program
    .command('tree')
    .description('the mentor tree in the terminal, with each role, X and planned hours')
    .argument('[cohort]', 'cohort id (default: the one running cohort)')
    .addOption(repoOption())
    .addOption(formatOption(['text', 'json']))
    .action(async (cohort: string | undefined, options) => run(async () => (await import('./commands/status.js')).treeCommand(cohort, options))());

  program
    .command('codeowners')
    .description('write .github/CODEOWNERS: the maintainers own every file (what each person may change is the gate\'s to judge)')
    .addOption(repoOption())
    .option('--check', 'write nothing; exit 1 when the file is stale')
    .action(async (options) => run(async () => (await import('./commands/codeowners.js')).codeownersCommand(options))());

  program
    .command('upgrade')
    .description(`replace the repo's ${RUNNER_DIR}/ runner with this mentor's build`)
    .addOption(repoOption())
    .option('--commit', 'write on a new branch upgrade/mentor-<version> and commit')
    .option('--workflows', "also replace .github/workflows/mentor*.yml with this mentor's (your edits to them too: review the diff)")
    .action(async (options) => run(async () => (await import('./commands/upgrade.js')).upgradeCommand(options))());

  program
    .command('check-pr')
    .description('fail when a pull request makes a change its author may not make (records read from git, nothing run)')
    .addOption(repoOption())
    .requiredOption('--base <ref>', 'the branch or commit the pull request goes into, e.g. origin/main')
    .option('--head <ref>', "the pull request's head commit (default: HEAD)")
    .requiredOption('--author <github>', 'GitHub login of the pull request author')
    .addOption(associationOption())
    .option('--approved-by <github>', 'a login whose approval is on the head commit (repeatable; only maintainers count)', collect, [])
    .option('--approved-without-access <github>', 'an approval GitHub says is from a login without access (repeatable): said, never counted', collect, [])
    .addOption(formatOption(['text', 'json', 'markdown']))
    .action(async (options) => run(async () => (await import('./commands/check-pr.js')).checkPrCommand(options))());

  program
    .command('next')
    .description('open the next cycle from a finished cohort and propose who moves up a tier')
    .argument('<from>', 'the cohort that ends')
    .argument('<to>', 'id of the new cohort')
    .requiredOption('--start <date>', 'first day of the new cohort, YYYY-MM-DD')
    .option('--end <date>', 'last day of the new cohort, YYYY-MM-DD')
    .option('--name <name>', 'name of the new cohort')
    .option('--yes', 'accept every proposed promotion without asking')
    .option('--early', 'open the next cycle before <from> has finished (only its complete weeks count)')
    .option('--commit', 'write on a new branch next/<to> and commit')
    .addOption(repoOption())
    .action(async (from: string, to: string, options) => run(async () => (await import('./commands/next.js')).nextCommand(from, to, options))());

  program
    .command('progress')
    .description("each person's history across cohorts, and the program's figures for funders")
    .argument('[person]', 'one person (default: everyone, with the program figures)')
    .addOption(repoOption())
    .addOption(formatOption(['text', 'json']))
    .action(async (person: string | undefined, options) => run(async () => (await import('./commands/progress.js')).progressCommand(person, options))());

  program
    .command('request')
    .description('ask for a mentor (or offer to be one): writes a person file and a waiting member; asks on a terminal')
    .addOption(repoOption())
    .option('--cohort <cohort>', 'the cohort to ask in (default: intake.cohort, else the one running cohort)')
    .option('--person <id>', `your id: ${personFile('<id>')}`)
    .option('--name <name>', 'your name')
    .option('--github <handle>', 'your GitHub handle')
    .option('--timezone <zone>', 'your IANA time zone, e.g. Europe/London')
    .option('--skills <list>', 'skills you have (comma-separated)')
    .option('--wants <list>', 'skills you want to learn (comma-separated)')
    .option('--prefers <mentor>', 'a mentor of the cohort you would like (id or GitHub handle)')
    .option('--languages <list>', 'languages you speak (comma-separated)')
    .option('--max-hours <hours>', 'with --role mentor: most hours a week you can give')
    .addOption(new Option('--role <role>', 'ask for a mentor (mentee) or offer to mentor (mentor) (default: mentee; asked on a terminal)').choices(['mentee', 'mentor']))
    .option('--answer <id=yes>', 'answer an eligibility question of intake.eligibility (repeatable)', collect, [])
    .option('--from-issue <file>', 'read the answers from the body of a request issue (the handle comes from --github)')
    .option('--commit', 'write on a new branch request/<id> and commit')
    .addOption(formatOption(['text', 'markdown']))
    .addHelpText('after', example('mentor request --person maya --name "Maya Rao" --github maya-r --timezone America/Los_Angeles --wants react,node'))
    .action(async (options) => run(async () => (await import('./commands/request.js')).requestCommand(options))());

  program
    .command('claim')
    .description('a mentor takes a waiting member, if the hard rules of assignment hold')
    .argument('<member>', 'the waiting member')
    .option('--as <person>', 'the mentor: a person id, or @handle for a GitHub login (default: the person matching your git user)')
    .option('--cohort <cohort>', 'cohort id (default: the open cohort that has the member)')
    .option('--commit', 'write on a new branch claim/<cohort>/<member> and commit')
    .addOption(formatOption(['text', 'markdown']))
    .addOption(repoOption())
    .addHelpText('after', example('mentor claim cleo --as ada --commit'))
    .action(async (member: string, options) => run(async () => (await import('./commands/claim.js')).claimCommand(member, options))());

  program
    .command('release')
    .description('a match ends early: the member waits again, and the history (who, when, why) stays on the member')
    .argument('<member>', 'the member to release from their mentor')
    .requiredOption('--reason <text>', 'why the match ended')
    .option('--cohort <cohort>', 'cohort id (default: the open cohort that has the member)')
    .option('--commit', 'write on a new branch release/<cohort>/<member> and commit')
    .addOption(repoOption())
    .addHelpText('after', example('mentor release bob --reason "moved to another team" --commit'))
    .action(async (member: string, options) => run(async () => (await import('./commands/release.js')).releaseCommand(member, options))());

  program
    .command('forms')
    .description('write the issue forms (request a mentor, become a mentor) from the config')
    .addOption(repoOption())
    .option('--check', 'write nothing; exit 1 when the forms differ from the config')
    .action(async (options) => run(async () => (await import('./commands/forms.js')).formsCommand(options))());

  program
    .command('site')
    .description("write the program's dashboard as a static site: index.html and a page per cohort")
    .addOption(repoOption())
    .option('--out <dir>', 'folder to write the site to, relative to the repo', '_site')
    .action(async (options) => run(async () => (await import('./commands/site.js')).siteCommand(options))());

  program
    .command('fix')
    .description('put records in canonical form (key order, sorted lists and members), keeping every comment')
    .addOption(repoOption())
    .option('--check', 'write nothing; list what would change and exit 1 (for CI)')
    .action(async (options) => run(async () => (await import('./commands/fix.js')).fixCommand(options))());

  program
    .command('pr-summary')
    .description('the gate comment for a pull request (check-pr --format markdown, always exit 0): what it changes, problems, the next step')
    .addOption(repoOption())
    .requiredOption('--base <ref>', 'the branch or commit the pull request goes into, e.g. origin/main')
    .option('--head <ref>', "the pull request's head commit (default: HEAD)")
    .option('--author <github>', 'GitHub login of the author, to say whether they may change these records', 'ghost')
    .addOption(associationOption())
    .option('--approved-by <github>', 'a login whose approval is on the head commit (repeatable)', collect, [])
    .action(async (options) =>
      run(async () => {
        await (await import('./commands/check-pr.js')).checkPrCommand({ ...options, format: 'markdown' });
        return ExitCode.ok;
      })(),
    );

  // Required options say so in --help (commander lists them like any other).
  for (const command of program.commands) {
    for (const option of command.options) if (option.mandatory && !option.description.endsWith('(required)')) option.description += ' (required)';
  }
  return program;
}

/** Parses argv and runs the command; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version succeed; help shown because no command was given is a usage error.
      if (error.exitCode === 0) return ExitCode.ok;
      if (error.code === 'commander.help') return ExitCode.usage;
      const command = program.commands.find((candidate) => candidate.name() === argv[0]);
      const { message, hint } = usageText(error, argv, command);
      throw usageError(message, hint);
    }
    throw error;
  }
  return exitCode;
}
