import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cohortSchema, logSchema, memberSchema, personSchema } from '../src/model/schemas.js';
import { mentorIn } from './helpers/in-process.js';
import { EXAMPLE, exampleGitRepo, exampleRepo, git, makeTree, mentor, PACKAGE_ROOT, readText } from './helpers/repo.js';

// The README quotes what the commands print on the example at the demo's fixed "now", so the
// examples can be reproduced on any day (issue 17).

const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
const demo = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).scripts.demo as string;
const DEMO_NOW = /MENTOR_NOW=(\S+)/.exec(demo)?.[1];

/** The lines of a console block the output must hold, in order: blank lines and `...` left out. */
const shownLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '' && !/^\s*(│\s*)?\.\.\.$/.test(line));

/** Each line the README shows is a line of the output, in the README's order. */
function expectInOrder(shown: string[], stdout: string, what: string): void {
  const output = stdout.split('\n');
  let at = 0;
  for (const line of shown) {
    const found = output.indexOf(line, at);
    expect(found, `README line not in the output of \`${what}\` (in order):\n${line}\n---\n${stdout}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

/** Console blocks of the read-only commands the example can run as they are. */
const blocks = [...readme.matchAll(/```console\n\$ mentor (hours|assign|status|tree)( [^\n]*)?\n([\s\S]*?)```/g)].map((match) => ({
  args: [match[1]!, ...(match[2] ?? '').trim().split(/\s+/).filter(Boolean)],
  lines: shownLines(match[3]!),
}));

describe('the README examples', () => {
  it('npm run demo fixes now with MENTOR_NOW', () => {
    expect(DEMO_NOW).toBe('2026-11-24T09:00:00-08:00');
  });

  it('quotes the four commands the demo runs', () => {
    expect(blocks.map((block) => block.args[0]).sort()).toEqual(['assign', 'hours', 'status', 'tree']);
  });

  it.each(blocks.map((block) => [block.args.join(' '), block] as const))('`mentor %s` prints what the README shows, in order', async (_name, block) => {
    const result = await mentorIn([...block.args, '--repo', EXAMPLE], { env: { MENTOR_NOW: DEMO_NOW } });
    expect(result.code, result.stderr).toBe(0);
    expectInOrder(block.lines, result.stdout, block.args.join(' '));
  });
});

/** The words of a `$ mentor ...` line, "double quoted" words kept whole. */
const wordsOf = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);

describe('the README section "Add people and a cohort"', () => {
  const section = /\n## Add people and a cohort\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

  it('runs as written on a new program: the files it shows, then each command, printing what it shows', async () => {
    const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00', TZ: 'UTC' };
    const parent = makeTree({});
    expect(mentor(['init', 'program'], { cwd: parent, env: NOW }).code).toBe(0);
    const repo = path.join(parent, 'program');
    // Each YAML example that names its file on its first line is written there.
    const files = [...section.matchAll(/```yaml\n# (\S+)\n([\s\S]*?)```/g)];
    expect(files.map((match) => match[1])).toEqual(['people/sam.yaml', 'cohorts/2026-first/members/sam.yaml']);
    for (const [, file, text] of files) writeFileSync(path.join(repo, file!), text!);
    const consoles = [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(consoles).toHaveLength(1);
    const runs = consoles[0]!.split(/^\$ mentor /m).filter(Boolean).map((run) => run.split('\n').filter((line) => line.trim() !== ''));
    expect(runs.map((run) => wordsOf(run[0]!)[0])).toEqual(['validate', 'request', 'claim', 'assign', 'tree']);
    for (const [command, ...shown] of runs) {
      const result = await mentorIn([...wordsOf(command!), '--repo', repo], { env: NOW });
      expect(result.code, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
      expectInOrder(shown, result.stdout, `mentor ${command}`);
    }
  });

  it('is what init and request --role mentor point to', async () => {
    expect(section).toContain('placeholder lead, `alex`');
    const init = await mentorIn(['init', 'program'], { cwd: makeTree({}), env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00', TZ: 'UTC' } });

    expect(init.stdout).toContain('"Add people and a cohort"');
  });
});

/** The one block of the README that matches, its groups. */
function only(pattern: RegExp): string[] {
  const found = [...readme.matchAll(new RegExp(pattern, 'g'))];
  expect(found, String(pattern)).toHaveLength(1);
  return found[0]!.slice(1);
}

/** The keys of a JSON value and of the first entry of each list in it, in order, as "a.b[]" paths. */
function keyPaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? keyPaths(value[0], `${at}[]`) : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${at}${key}`, ...keyPaths(inner, `${at}${key}.`)]);
}

describe('the README examples of the commands that write, and of validate', () => {
  const NOW = { MENTOR_NOW: DEMO_NOW };

  it('`mentor validate` prints the two examples: two typos, then a person file deleted', async () => {
    const blocks = [...readme.matchAll(/```console\n\$ mentor validate\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((body) => !body.includes('$ mentor'));
    expect(blocks).toHaveLength(2);
    const cohort = readText(EXAMPLE, 'cohorts/2026-fall/cohort.yaml').split('\n');
    expect(cohort[45]).toBe('    mentor: grace');
    cohort[45] = '    mentor: gracie';
    const typos = { 'cohorts/2026-fall/cohort.yaml': cohort.join('\n'), 'cohorts/2026-fall/logs/bob/2026-W46.yaml': readText(EXAMPLE, 'cohorts/2026-fall/logs/bob/2026-W46.yaml').replace('\n  practice:', '\n  practise:') };
    for (const [body, changes] of [[blocks[0]!, typos], [blocks[1]!, { 'people/ada.yaml': null }]] as const) {
      const result = await mentorIn(['validate', '--repo', exampleRepo(changes)], { env: NOW });
      expect(result.code, result.stderr).toBe(1);
      expectInOrder(shownLines(body), result.stdout, 'mentor validate');
    }
  });

  it('`mentor init` prints what the README shows, the commit aside', async () => {
    const [dir, body] = only(/```console\n\$ mentor init (\S+)\n([\s\S]*?)```/);
    const parent = makeTree({});
    const result = await mentorIn(['init', dir!], { cwd: parent, env: NOW });
    expect(result.code, result.stderr).toBe(0);
    const same = (text: string) => text.replaceAll(`${parent}/`, '/home/me/').replace(/\(([0-9a-f]{7,40})\)\./g, '(<commit>).');
    expectInOrder(shownLines(same(body!)), same(result.stdout), `mentor init ${dir}`);
    // The workflows the README names are those init writes, each job with the time limit it says.
    const workflows = path.join(parent, dir!, '.github/workflows');
    expect([...new Set(readme.match(/mentor[a-z-]*\.yml/g))].sort()).toEqual(readdirSync(workflows).sort());
    const limit = /`timeout-minutes: (\d+)`/.exec(readme)?.[1];
    for (const file of readdirSync(workflows)) {
      const text = readFileSync(path.join(workflows, file), 'utf8');
      expect(text.match(/timeout-minutes: \d+/g), file).toEqual(text.match(/^ {4}runs-on:/gm)!.map(() => `timeout-minutes: ${limit}`));
    }
  });

  it('`mentor log` with flags writes the log and commits it on the branch the README names', async () => {
    const [command] = only(/```sh\n(mentor log [\s\S]*?)\n```/);
    const repo = exampleGitRepo();
    const result = await mentorIn([...wordsOf(command!.replace(/\\\n/g, ' ')).slice(1), '--repo', repo], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(readme).toContain('`git push -u origin\nlog/hal/2026-W47`');
    expect(result.stdout).toContain('git push -u origin log/hal/2026-W47');
    expect(git(repo, ['show', '--name-only', '--format=', 'log/hal/2026-W47']).trim()).toBe('cohorts/2026-fall/logs/hal/2026-W47.yaml');
  });

  it('`mentor report --format json --commit` prints the JSON the README shows', async () => {
    const [json] = only(/```json\n(\{ "cohort": "2026-fall", "week": "2026-W47",[\s\S]*?)```/);
    const result = await mentorIn(['report', '2026-fall', '--format', 'json', '--commit', '--repo', exampleGitRepo()], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(json!));
  });

  it('`mentor next --format json` has the keys of the README example, in order', async () => {
    const [json] = only(/```json\n(\{ "from": [\s\S]*?)```/);
    const result = await mentorIn(['next', '2026-fall', '2027-spring', '--start', '2027-01-04', '--early', '--yes', '--format', 'json', '--repo', exampleRepo()], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    // The example's mentees logged 3 weeks of 11, so nobody moves up: the keys are those of every kind.
    expect(keyPaths(JSON.parse(result.stdout))).toEqual(keyPaths(JSON.parse(json!)));
  });

  it('`mentor status --format json` has the keys of the README example, in order', async () => {
    const [json] = only(/```json\n(\{ "now": [\s\S]*?)```/);
    const result = await mentorIn(['status', '--format', 'json', '--repo', EXAMPLE], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(keyPaths(JSON.parse(result.stdout))).toEqual(keyPaths(JSON.parse(json!)));
    expect(JSON.parse(result.stdout).cohorts[0].missingLogs).toEqual(JSON.parse(json!).cohorts[0].missingLogs);
  });

  it('`mentor claim --format json` refuses a taken member with the JSON the README shows', async () => {
    const [json] = only(/`(\{ "cohort": "2026-fall", "member": "cleo", "mentor": "ada", "ok": false,[^`]*\})`/);
    const repo = exampleRepo();
    expect((await mentorIn(['claim', 'cleo', '--as', 'grace', '--repo', repo], { env: NOW })).code).toBe(0);
    const result = await mentorIn(['claim', 'cleo', '--as', 'ada', '--format', 'json', '--repo', repo], { env: NOW });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(json!));
  });

  it('`mentor members --to files --commit` prints what the README shows', async () => {
    const [command, body] = only(/```console\n\$ mentor (members [^\n]*)\n([\s\S]*?)```/);
    const result = await mentorIn([...wordsOf(command!), '--repo', exampleGitRepo()], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expectInOrder(shownLines(body!), result.stdout, `mentor ${command}`);
  });

  it('`mentor check-pr` judges a log of your own and another person\'s file as the README shows', async () => {
    const [now, command, body] = only(/```console\n\$ MENTOR_NOW=(\S+) mentor (check-pr [^\n]*)\n([\s\S]*?)```/);
    const repo = exampleGitRepo();
    git(repo, ['checkout', '-q', '-b', 'pr']);
    expect((await mentorIn(['log', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=3', '--repo', repo], { env: NOW })).code).toBe(0);
    writeFileSync(path.join(repo, 'people/bob.yaml'), readText(repo, 'people/bob.yaml').replace(/^name: .*$/m, 'name: Bob M.'));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'a log of my own, and a change to bob']);
    git(repo, ['checkout', '-q', 'main']);
    const result = await mentorIn([...wordsOf(command!), '--repo', repo], { env: { MENTOR_NOW: now } });
    expect(result.code, result.stderr).toBe(1);
    expectInOrder(shownLines(body!), result.stdout, `mentor ${command}`);
  });
});

describe('the README record examples', () => {
  it('are valid records of the schemas mentor validates with, no field unknown', () => {
    const records = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => parse(match[1]!) as Record<string, unknown>);
    const schemaOf = (record: Record<string, unknown>) => ('hours' in record ? logSchema : 'members' in record && 'id' in record ? cohortSchema : 'role' in record ? memberSchema : 'id' in record ? personSchema : undefined);
    const checked = records.filter((record) => schemaOf(record) !== undefined);
    expect(checked.map((record) => schemaOf(record))).toEqual(expect.arrayContaining([personSchema, cohortSchema, memberSchema, logSchema]));
    for (const record of checked) expect(schemaOf(record)!.safeParse(record).error, JSON.stringify(record)).toBeUndefined();
  });
});

describe('the README links', () => {
  it('each link to a section names a heading of the README, as GitHub makes its anchor', () => {
    const prose = readme.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
    const anchors = [...prose.matchAll(/^#+ (.+)$/gm)].map((match) => match[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replaceAll(' ', '-'));
    const links = [...prose.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(anchors, link).toContain(link);
  });

  it('each link to a file of this repository names one that exists', () => {
    const files = [...readme.matchAll(/\]\(((?!#|https?:)[^)\s]+)\)/g)].map((match) => match[1]!);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(path.join(PACKAGE_ROOT, file)), file).toBe(true);
  });
});
