import { memberFile, RUNNER_DIR, SCHEMAS_DIR } from '../domain/layout.js';
import { formatOption, repoOption, requiredOption, type Define } from './options.js';

// The commands that make and keep a program repo: its files, its records' form, its runner.
// Every action lazy-imports its command, so `mentor --help` loads none of them.

export const init: Define = (program, run) =>
  program
    .command('init')
    .description('scaffold a program repo (config, an example cohort, schemas, the runner, workflows), git init and commit')
    .argument('[dir]', 'folder to create the program repo in (default: this folder)')
    .option('--repo <dir>', 'the same folder, as every command takes it (give [dir] or --repo, not two different ones)')
    .option('--no-git', 'write the files but do not run git init or commit')
    .addOption(formatOption(['text', 'json']))
    .action(async (dir: string | undefined, options: { repo?: string; git: boolean; format: 'text' | 'json' }) =>
      run(async () => (await import('../commands/init.js')).initCommand({ ...(dir !== undefined ? { dir } : {}), ...options })),
    );

export const validate: Define = (program, run) =>
  program
    .command('validate')
    .description('check every record: fields, references, tiers, capacity, logs')
    .addOption(repoOption())
    .addOption(formatOption(['text', 'json', 'github', 'sarif']))
    .option('--changed <ref>', 'check only the files that differ from <ref> (committed or not) and what depends on them')
    .option('--at <ref>', 'check the records as they are in a commit, leaving the working tree alone')
    .action(async (options) => run(async () => (await import('../commands/validate.js')).validateCommand(options)));

export const schema: Define = (program, run) =>
  program
    .command('schema')
    .description('write the JSON Schemas of the records, generated from the zod schemas')
    .addOption(repoOption())
    .option('--out <dir>', 'folder to write to, relative to the repo', SCHEMAS_DIR)
    .option('--check', 'do not write; exit 1 when the files differ from the generated ones')
    .addOption(formatOption(['text', 'json']))
    .action(async (options) => run(async () => (await import('../commands/schema.js')).schemaCommand(options)));

export const members: Define = (program, run) =>
  program
    .command('members')
    .description('move a cohort\'s members from the list in cohort.yaml to one file each (--to files), or back (--to list); comments move with them')
    .argument('[cohort]', 'cohort id (default: the one running cohort)')
    .addOption(requiredOption('--to <form>', `files: ${memberFile('<cohort>', '<person>')}; list: \`members:\` in cohort.yaml`).choices(['files', 'list']))
    .option('--dry-run', 'say what would move and write nothing')
    .option('--commit', 'write on a new branch members/<cohort>-to-<form> and commit')
    .addOption(formatOption(['text', 'json']))
    .addOption(repoOption())
    .action(async (cohort: string | undefined, options) => run(async () => (await import('../commands/members.js')).membersCommand(cohort, options)));

export const codeowners: Define = (program, run) =>
  program
    .command('codeowners')
    .description('write .github/CODEOWNERS: the maintainers own every file (what each person may change is the gate\'s to judge)')
    .addOption(repoOption())
    .option('--check', 'write nothing; exit 1 when the file is stale')
    .addOption(formatOption(['text', 'json']))
    .action(async (options) => run(async () => (await import('../commands/codeowners.js')).codeownersCommand(options)));

export const upgrade: Define = (program, run) =>
  program
    .command('upgrade')
    .description(`replace the repo's ${RUNNER_DIR}/ runner with this mentor's build, and bring what CI checks with it (schemas, forms, CODEOWNERS, reports) up to date`)
    .addOption(repoOption())
    .option('--commit', 'write on a new branch upgrade/mentor-<version> and commit')
    .option('--workflows', "also replace .github/workflows/mentor*.yml with this mentor's (your edits to them too: review the diff)")
    .addOption(formatOption(['text', 'json']))
    .action(async (options) => run(async () => (await import('../commands/upgrade.js')).upgradeCommand(options)));

export const forms: Define = (program, run) =>
  program
    .command('forms')
    .description('write the issue forms (request a mentor, become a mentor) from the config')
    .addOption(repoOption())
    .option('--check', 'write nothing; exit 1 when the forms differ from the config')
    .addOption(formatOption(['text', 'json']))
    .action(async (options) => run(async () => (await import('../commands/forms.js')).formsCommand(options)));

export const site: Define = (program, run) =>
  program
    .command('site')
    .description("write the program's dashboard as a static site: index.html and a page per cohort")
    .addOption(repoOption())
    .option('--out <dir>', 'folder to write the site to, relative to the repo', '_site')
    .addOption(formatOption(['text', 'json']))
    .action(async (options) => run(async () => (await import('../commands/site.js')).siteCommand(options)));

export const fix: Define = (program, run) =>
  program
    .command('fix')
    .description('put records in canonical form (key order, sorted lists and members), keeping every comment')
    .addOption(repoOption())
    .option('--check', 'write nothing; list what would change and exit 1 (for CI)')
    .addOption(formatOption(['text', 'json']))
    .action(async (options) => run(async () => (await import('../commands/fix.js')).fixCommand(options)));

