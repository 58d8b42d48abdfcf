import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { underTerminal } from './helpers/terminal.js';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, expectNoCrash, makeTree, mentor, MENTOR_BIN, PACKAGE_ROOT, smallProgram } from './helpers/repo.js';

describe('the command line', () => {
  it('prints the version from package.json and exits 0', () => {
    const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    const result = mentor(['--version']);
    expect(result.stdout.trim()).toBe(version);
    expect(result.code).toBe(0);
  });

  it('lists every command in --help', () => {
    const result = mentor(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['init', 'validate', 'schema']) expect(result.stdout).toContain(command);
  });

  it('answers --help from the text the build wrote, which is exactly what commander prints', () => {
    const fast = mentor(['--help']);
    const live = mentor(['--help'], { env: { MENTOR_LIVE_HELP: '1' } });
    expect(live.code).toBe(0);
    expect(fast.stdout).toBe(live.stdout);
    expect(readFileSync(path.join(PACKAGE_ROOT, 'dist/help.txt'), 'utf8')).toBe(live.stdout);
  });

  const traced = (args: string[], env: NodeJS.ProcessEnv = {}): string[] => {
    const result = spawnSync(process.execPath, ['--import', path.join(import.meta.dirname, 'fixtures/trace-imports.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    return JSON.parse(/LOADED (.*)/.exec(result.stderr)![1]!) as string[];
  };

  it.each([['--version'], ['--help']])('answers %s from bin/mentor.js without loading the CLI', (flag) => {
    const loaded = traced([MENTOR_BIN, flag]);
    expect(loaded.filter((url) => /dist\/|\/node_modules\//.test(url))).toEqual([]);
  });

  it.each([
    ['100', false],
    ['60', true],
  ])('answers --help at a terminal %s columns wide from the text the build wrote only when it fits (loads the CLI: %s)', (columns, loadsCli) => {
    const tracer = path.join(import.meta.dirname, 'fixtures/trace-imports.mjs');
    const result = spawnSync('python3', [path.join(import.meta.dirname, 'helpers/run_pty.py'), '[]', '--', process.execPath, '--import', tracer, MENTOR_BIN, '--help'], { encoding: 'utf8', env: { ...process.env, PTY_COLUMNS: columns } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: mentor [options] [command]');
    const loaded = JSON.parse(/LOADED (.*)/.exec(result.stdout)![1]!) as string[];
    expect(loaded.some((url) => url.includes('dist/runner/mentor.mjs'))).toBe(loadsCli);
  });

  it.each([[['--version']], [['--help']], [['validate', '--repo', 'examples/web-cohort']], [['hours', '2026-fall', '--repo', 'examples/web-cohort', '--format', 'json']]])(
    'says output it cannot write (a full disk: /dev/full) in words, exit 2, never a stack trace: %j',
    (args) => {
      for (const entry of [MENTOR_BIN, path.join(PACKAGE_ROOT, 'dist/runner/mentor.mjs')]) {
        const full = openSync('/dev/full', 'w');
        try {
          const result = spawnSync(process.execPath, [entry, ...args], { cwd: PACKAGE_ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
          expect(result.stderr, entry).toMatch(/^mentor: [Cc]ould not write the output to standard output: .*ENOSPC/);
          expect(result.stderr, entry).not.toMatch(/\n\s+at |node:|throw/);
          expect(result.status, entry).toBe(2);
        } finally {
          closeSync(full);
        }
      }
    },
  );

  it.each([['--version'], ['--help']])('loads none of zod, yaml, simple-git or inquirer for %s (the modules of dist/, which the bundle keeps lazy too)', (flag) => {
    const entry = `const { run } = await import(${JSON.stringify(path.join(PACKAGE_ROOT, 'dist/main.js'))}); process.exitCode = await run(process.argv.slice(1));`;
    const loaded = traced(['--input-type=module', '-e', entry, '--', flag]);
    expect(loaded.some((url) => url.endsWith('/dist/main.js'))).toBe(true);
    if (flag === '--help') expect(loaded.some((url) => /\/commander\/|^cjs:commander$/.test(url))).toBe(true);
    for (const heavy of ['/zod/', '/yaml/', '/simple-git/', '/@inquirer/', 'cjs:zod', 'cjs:yaml', 'cjs:simple-git', 'cjs:@inquirer']) {
      expect(loaded.filter((url) => url.includes(heavy))).toEqual([]);
    }
  });

  it.each([
    [['no-such-command'], /unknown command/],
    [['validate', '--format', 'xml'], /Allowed choices are text, json, github/],
    [['validate', '--bogus'], /unknown option/],
  ])('exits 2 on the usage error %j', (args, message) => {
    const result = mentor(args as string[], { cwd: smallProgram() });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expectNoCrash(result);
  });

  it('report --help gives the default week it uses, the last complete week (journey J13)', async () => {
    const help = (await mentorIn(['report', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--week <week> ISO week, e.g. 2026-W47 (default: the last complete week)');
    expect(help).not.toContain('this week');
  });

  it.each(['log', 'request', 'claim', 'release', 'report'])('shows an example under `mentor %s --help` that runs on the example program (journey J13)', async (command) => {
    const help = (await mentorIn([command, '--help'])).stdout;
    // A long example is broken with a shell's continuation (` \` and an indented next line).
    const line = /\nExample:\n {2}mentor ([^]+)\n$/.exec(help)?.[1]?.replace(/ \\\n {4}/g, ' ');
    expect(line, help).toMatch(new RegExp(`^${command} `));
    const args = [...line!.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!).filter((arg) => arg !== '--commit');
    const result = await mentorIn([...args, '--repo', exampleRepo()], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
  });

  it.each([
    [['log', '--person', 'kim', '--week', '2026-W49', '--hours', 'practice', '3'], 'mentor: --hours practice 3: write practice=3 (one word, no spaces around =).\n  Each pair is activity=hours: --hours practice=3 code-review=1 (or --hours repeated). See `mentor log --help`.\n'],
    [['log', '--hours', 'practice', '=', '3', 'code-review=', '1', 'weekly-review', '=0.5', 'project 2'], 'mentor: --hours practice = 3: write practice=3 (one word, no spaces around =).\n--hours code-review= 1: write code-review=1 (one word, no spaces around =).\n--hours weekly-review =0.5: write weekly-review=0.5 (one word, no spaces around =).\n--hours project 2: write project=2 (one word, no spaces around =).\n  Each pair is activity=hours: --hours practice=3 code-review=1 (or --hours repeated). See `mentor log --help`.\n'],
    [['log', '--hours', 'practice=1', 'code-review', '2', '--done', 'x'], 'mentor: --hours code-review 2: write code-review=2 (one word, no spaces around =).\n  Each pair is activity=hours: --hours practice=3 code-review=1 (or --hours repeated). See `mentor log --help`.\n'],
    [['log', '--hours', 'practice=1', 'oops', '--hours', 'x=y'], 'mentor: --hours oops: write activity=hours, e.g. --hours practice=3 code-review=1\n--hours x=y: write activity=hours, e.g. --hours practice=3 code-review=1\n  Each pair is activity=hours: --hours practice=3 code-review=1 (or --hours repeated). See `mentor log --help`.\n'],
    [['log', '--done', 'Fixed', 'the', 'bug', '--hours', 'practice=3'], 'mentor: "the bug" is not an argument of mentor log: text with spaces goes in quotes, --done "Fixed the bug".\n  See `mentor log --help`.\n'],
    [['log', '--week'], 'mentor: --week needs a value, e.g. --week 2026-W48.\n  See `mentor log --help`.\n'],
    [['members', '--to'], 'mentor: --to needs a value, one of: files, list.\n  See `mentor members --help`.\n'],
    [['release', 'noor'], 'mentor: mentor release needs --reason <text> (why the match ended).\n  See `mentor release --help`.\n'],
    [['claim', 'noor', 'extra', '--as', 'sam'], 'mentor: mentor claim takes one argument (<member>), but was given "extra" as well.\n  See `mentor claim --help`.\n'],
    [['next', 'c1', '--start', '2027-01-04'], 'mentor: mentor next needs <to>: id of the new cohort.\n  See `mentor next --help`.\n'],
    [['check-pr', '--bogus'], 'mentor: unknown option --bogus for mentor check-pr.\n  See `mentor check-pr --help`.\n'],
    [['next', 'c1', 'c2', '--strat', '2027-01-04'], 'mentor: unknown option --strat for mentor next.\n  Did you mean --start? See `mentor next --help`.\n'],
    [['release', '--reaosn', 'moved'], 'mentor: unknown option --reaosn for mentor release.\n  Did you mean --reason? See `mentor release --help`.\n'],
    [['next'], 'mentor: mentor next needs <from> <to> (<from>: the cohort that ends; <to>: id of the new cohort).\n  See `mentor next --help`.\n'],
    [['next', 'c1', 'c2'], 'mentor: mentor next needs --start <date> (first day of the new cohort, YYYY-MM-DD).\n  See `mentor next --help`.\n'],
    [['members'], 'mentor: mentor members needs --to <form> (files: cohorts/<cohort>/members/<person>.yaml; list: `members:` in cohort.yaml).\n  See `mentor members --help`.\n'],
    [['log', '--hourz', 'practice=3'], 'mentor: unknown option --hourz for mentor log.\n  Did you mean --hours? See `mentor log --help`.\n'],
    [['loog'], 'mentor: unknown command loog.\n  Did you mean log? See `mentor --help` for the commands.\n'],
    // `help <command>` with no such command: the same words, not the whole help (which said nothing of it).
    [['help', 'loog'], 'mentor: unknown command loog.\n  Did you mean log? See `mentor --help` for the commands.\n'],
    // Written as `git -C dir status` is: the same words, the command first.
    [['--repo', 'my prog', 'validate', '--format', 'json'], "mentor: unknown option --repo.\n  Options go after the command's name: mentor validate --repo 'my prog' --format json\n"],
    [['--format', 'json', 'status'], "mentor: unknown option --format.\n  Options go after the command's name: mentor status --format json\n"],
    [['--bogus', 'validate'], 'mentor: unknown option --bogus.\n  See `mentor --help` for the commands.\n'],
    // A folder named like a command is the option's value, not the command.
    [['--repo', 'init', 'validate'], "mentor: unknown option --repo.\n  Options go after the command's name: mentor validate --repo init\n"],
    [['--repo', 'validate', '--format', 'json', 'validate'], "mentor: unknown option --repo.\n  Options go after the command's name: mentor validate --repo validate --format json\n"],
  ])('says commander\'s usage error %j in mentor\'s voice with the next step, exit 2 (journey J11)', (args, said) => {
    const result = mentor(args, { cwd: smallProgram(), env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.stderr).toBe(said);
    expect(result.code).toBe(2);
  });

  it('exits 2 with the help when no command is given', () => {
    const result = mentor([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: mentor');
  });

  it('exits 2 with a clear message outside a program repo', () => {
    const result = mentor(['validate'], { cwd: makeTree({ 'notes.txt': 'hi' }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No mentor.config.yaml in this folder or any parent');
    expect(result.stderr).toContain('mentor init');
  });

  it('exits 2 when --repo is not a folder', () => {
    const result = mentor(['validate', '--repo', '/nonexistent/place']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no folder at /nonexistent/place');
    const file = mentor(['validate', '--repo', 'examples/web-cohort/mentor.config.yaml']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('examples/web-cohort/mentor.config.yaml is a file, not a folder.');
  });

  it('exits 2 on a MENTOR_NOW that is not a real instant, a rolled-over date included, and takes every real one', async () => {
    const repo = smallProgram();
    const status = (now: string) => mentorIn(['status', '--repo', repo], { env: { MENTOR_NOW: now } });
    for (const now of ['yesterday', '2026-11-24', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-11-24T24:00:00Z', '2026-11-24T12:60:00Z', '2026-11-24T12:00:61Z', '2026-11-24T12:00:00+25:00']) {
      const result = await status(now);
      expectNoCrash(result);
      expect(result.code, now).toBe(2);
      expect(result.stderr).toContain('is not an ISO 8601 instant with a zone');
    }
    for (const now of ['2028-02-29T23:59:59.5-08:00', '2026-11-24T00:00Z', '2026-11-24t12:00:00z']) expect((await status(now)).code, now).toBe(0);
    expect(mentor(['status'], { cwd: repo, env: { MENTOR_NOW: '2026-02-30T00:00:00Z' } }).code).toBe(2);
  });

  it('finds the program repo from a subfolder', () => {
    const repo = smallProgram();
    const result = mentor(['validate'], { cwd: path.join(repo, 'cohorts/c1') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('6 files checked, no problems');
  });

  it('colours on a terminal only: never with NO_COLOR set, never into a pipe, even when colour is forced', () => {
    const repo = smallProgram({ 'people/ann.yaml': 'id: ann\n' });
    for (const env of [{ NO_COLOR: '1', FORCE_COLOR: '1' }, { NO_COLOR: undefined, FORCE_COLOR: '1' }]) {
      // eslint-disable-next-line no-control-regex
      expect(mentor(['validate', '--repo', repo], { env }).stdout, JSON.stringify(env)).not.toMatch(/\u001b\[/);
    }
    const onTerminal = underTerminal(['validate', '--repo', repo], [], 'hal-k', undefined, { NO_COLOR: undefined, PTY_RAW: '1' });
    expect(onTerminal.screen).toContain('ann');
    // eslint-disable-next-line no-control-regex
    expect(onTerminal.screen).toMatch(/\u001b\[31m/);
    const noColour = underTerminal(['validate', '--repo', repo], [], 'hal-k', undefined, { NO_COLOR: '1', PTY_RAW: '1' });
    // eslint-disable-next-line no-control-regex
    expect(noColour.screen).not.toMatch(/\u001b\[3\dm/);
  });
});
