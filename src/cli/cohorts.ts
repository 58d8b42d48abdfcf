import { collect, formatOption, Option, repoOption, requiredOption, type Define } from './options.js';

// The commands of a cohort's life: hours, logs, placing members, reports, attention, the next cycle.
// Every action lazy-imports its command, so `mentor --help` loads none of them.

const cohortArgument = ['[cohort]', 'cohort id (default: the one running cohort)'] as const;

export const hours: Define = (program, run) =>
  program
    .command('hours')
    .description("each member's planned weekly hours by activity; with --week, logged hours beside them")
    .argument(...cohortArgument)
    .addOption(repoOption())
    .option('--week <week>', 'ISO week whose logs to show, e.g. 2026-W48')
    .addOption(formatOption(['text', 'json']))
    .action(async (cohort: string | undefined, options) => run(async () => (await import('../commands/hours.js')).hoursCommand(cohort, options)));

export const log: Define = (program, run) =>
  program
    .command('log')
    .description('write a weekly log: asks on a terminal, or takes flags')
    .addOption(repoOption())
    .option('--cohort <cohort>', "cohort id (default: the person's cohort that holds the week)")
    .option('--person <person>', 'whose log (default: the person matching your git user)')
    .option('--week <week>', 'ISO week, e.g. 2026-W48 (default: last week while it has no log, else this week)')
    // Variadic: `--hours a=1 b=2` as DESIGN.md writes it, and `--hours a=1 --hours b=2` alike.
    .option('--hours <activity=hours...>', 'hours of each activity: --hours practice=3 code-review=1 (or --hours repeated)')
    .option('--pr <url>', 'a pull request link (repeatable)', collect, [])
    .option('--done <text>', 'what got done')
    .option('--blockers <text>', 'what is blocking')
    .option('--next <text>', 'what is next')
    .option('--force', 'update an existing log without asking: the values given replace its own, the rest is kept')
    .option('--commit', 'write on a new branch log/<person>/<week>, from the default branch, and commit')
    .addOption(formatOption(['text', 'json']))
    .action(async (options) => run(async () => (await import('../commands/log.js')).logCommand({ ...options, hours: options.hours ?? [] })));

export const assign: Define = (program, run) =>
  program
    .command('assign')
    .description('place members who have no mentor, optimally; asks before writing on a terminal')
    .argument(...cohortArgument)
    .addOption(repoOption())
    .option('--dry-run', 'show the proposal and write nothing')
    .option('--yes', 'write without asking')
    .option('--explain', 'show each score by its parts, why anyone is left out, loads and waiting times')
    .option('--commit', 'write on a new branch assign/<cohort>-<date> and commit')
    .addOption(formatOption(['text', 'json']))
    .action(async (cohort: string | undefined, options) => run(async () => (await import('../commands/assign.js')).assignCommand(cohort, options)));

export const report: Define = (program, run) =>
  program
    .command('report')
    .description('write reports/<cohort>/<week>.md and .json for a pull request')
    .argument(...cohortArgument)
    .addOption(repoOption())
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: the last complete week)')
    .option('--all', 'every committed report (of the cohort, when named): rewrite those the records have moved on from; with --check, CI\'s check of them all in one run')
    .option('--check', 'write nothing; exit 1 when the committed report differs from the records')
    .option('--commit', 'write on a new branch report/<cohort>/<week> (with --all: report-refresh/<date>) and commit')
    .addOption(formatOption(['text', 'json']))
    .action(async (cohort: string | undefined, options) => run(async () => (options.all ? (await import('../commands/report-all.js')).reportAllCommand(cohort, options) : (await import('../commands/report.js')).reportCommand(cohort, options))));

export const status: Define = (program, run) =>
  program
    .command('status')
    .description('what needs attention now: overdue requests, missing logs, mentors with room, inactive mentors; --format markdown is the attention issue')
    .argument('[cohort]', 'cohort id (default: every running cohort; with markdown, every cohort not finished)')
    .addOption(repoOption())
    .addOption(formatOption(['text', 'json', 'markdown']))
    .addOption(new Option('--fail-on <what>', 'exit 1 when there is something of this kind (for a scheduled CI job)').choices(['overdue']))
    .option('--since <file>', 'with --format markdown: the attention issue\'s current body (mentions it recorded are not repeated)')
    .option('--comment-out <file>', 'with --format markdown: write a comment carrying the new mentions here (only when there are some)')
    .option('--claims <file>', 'with --format markdown: what GitHub holds open, a line each: `<branch> <url>` for a claim pull request (the member is shown claimed, and no mentor is asked to claim them); `unanswered <opened at> <issue url> [<problem>]` and `unmerged <opened at> <pull request url> [<gate state>]` for requests not on the queue yet (listed, and the maintainers told)')
    .action(async (cohort: string | undefined, options) => run(async () => (await import('../commands/status.js')).statusCommand(cohort, options)));

export const tree: Define = (program, run) =>
  program
    .command('tree')
    .description('the tree of mentors and mentees in the terminal, with each role, X and planned hours')
    .argument(...cohortArgument)
    .addOption(repoOption())
    .addOption(formatOption(['text', 'json']))
    .action(async (cohort: string | undefined, options) => run(async () => (await import('../commands/status.js')).treeCommand(cohort, options)));

export const next: Define = (program, run) =>
  program
    .command('next')
    .description('open the next cycle from a finished cohort and propose who moves up a tier')
    .argument('<from>', 'the cohort that ends')
    .argument('<to>', 'id of the new cohort')
    .addOption(requiredOption('--start <date>', 'first day of the new cohort, YYYY-MM-DD'))
    .option('--end <date>', 'last day of the new cohort, YYYY-MM-DD')
    .option('--name <name>', 'name of the new cohort (default: "Cohort <to>")')
    .option('--yes', 'accept every proposed promotion without asking')
    .option('--early', 'open the next cycle before <from> has finished (only its complete weeks count)')
    .option('--commit', 'write on a new branch next/<to> and commit')
    .addOption(formatOption(['text', 'json']))
    .addOption(repoOption())
    .action(async (from: string, to: string, options) => run(async () => (await import('../commands/next.js')).nextCommand(from, to, options)));

export const progress: Define = (program, run) =>
  program
    .command('progress')
    .description("each person's history across cohorts, and the program's figures for funders")
    .argument('[person]', 'one person (default: everyone, with the program figures)')
    .addOption(repoOption())
    .addOption(formatOption(['text', 'json']))
    .action(async (person: string | undefined, options) => run(async () => (await import('../commands/progress.js')).progressCommand(person, options)));
