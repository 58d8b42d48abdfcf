import { personFile } from '../domain/layout.js';
import { associationOption, collect, formatOption, Option, repoOption, requiredOption, type Define } from './options.js';

// The commands of requests and pull requests: asking for a mentor, claiming, releasing, the gate.
// Every action lazy-imports its command, so `mentor --help` loads none of them.

const baseOption = () => requiredOption('--base <ref>', 'the branch or commit the pull request goes into, e.g. origin/main');
const headOption = () => new Option('--head <ref>', "the pull request's head commit (default: HEAD)");

export const checkPr: Define = (program, run) =>
  program
    .command('check-pr')
    .description('fail when a pull request makes a change its author may not make (records read from git, nothing run)')
    .addOption(repoOption())
    .addOption(baseOption())
    .addOption(headOption())
    .addOption(requiredOption('--author <github>', 'GitHub login of the pull request author'))
    .addOption(associationOption())
    .option('--approved-by <github>', 'a login whose approval is on the head commit (repeatable; only maintainers count)', collect, [])
    .option('--approved-without-access <github>', 'an approval GitHub says is from a login without access (repeatable): said, never counted', collect, [])
    .addOption(formatOption(['text', 'json', 'markdown']))
    .action(async (options) => run(async () => (await import('../commands/check-pr.js')).checkPrCommand(options)));

export const request: Define = (program, run) =>
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
    .addOption(formatOption(['text', 'json', 'markdown']))
    .action(async (options) => run(async () => (await import('../commands/request.js')).requestCommand(options)));

export const claim: Define = (program, run) =>
  program
    .command('claim')
    .description('a mentor takes a waiting member, if the hard rules of assignment hold')
    .argument('<member>', 'the waiting member')
    .option('--as <person>', 'the mentor: a person id, or @handle for a GitHub login (default: the person matching your git user)')
    .option('--cohort <cohort>', 'cohort id (default: the open cohort that has the member)')
    .option('--commit', 'write on a new branch claim/<cohort>/<member> and commit')
    .addOption(formatOption(['text', 'json', 'markdown']))
    .addOption(repoOption())
    .action(async (member: string, options) => run(async () => (await import('../commands/claim.js')).claimCommand(member, options)));

export const release: Define = (program, run) =>
  program
    .command('release')
    .description('a match ends early: the member waits again, and the history (who, when, why) stays on the member')
    .argument('<member>', 'the member to release from their mentor')
    .addOption(requiredOption('--reason <text>', 'why the match ended'))
    .option('--cohort <cohort>', 'cohort id (default: the open cohort that has the member)')
    .option('--commit', 'write on a new branch release/<cohort>/<member> and commit')
    .addOption(formatOption(['text', 'json']))
    .addOption(repoOption())
    .action(async (member: string, options) => run(async () => (await import('../commands/release.js')).releaseCommand(member, options)));

export const prSummary: Define = (program, run) =>
  program
    .command('pr-summary')
    .description('the gate comment for a pull request (check-pr --format markdown, always exit 0): what it changes, problems, the next step')
    .addOption(repoOption())
    .addOption(baseOption())
    .addOption(headOption())
    .option('--author <github>', 'GitHub login of the author, to say whether they may change these records (default: the GitHub handle of your git user\'s person file)')
    .addOption(associationOption())
    .option('--approved-by <github>', 'a login whose approval is on the head commit (repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'markdown: the comment; json: the changes in the program\'s terms, with the GitHub handle (at the base) of each person they name').choices(['markdown', 'json']).default('markdown'))
    .action(async (options) => run(async () => (await import('../commands/check-pr.js')).prSummaryCommand(options)));
