import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, git, gitRepo, makeTree, writeTree } from './helpers/repo.js';
import { recordingGit } from './helpers/git-calls.js';
import { buildSite } from './helpers/site.js';
import { CTRL_C, underTerminal } from './helpers/terminal.js';

// Findings left for session 15's helper left15b, each on real files and real git.

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };
const COHORT = 'cohorts/2026-fall/cohort.yaml';

const write = (repo: string, file: string, text: string) => writeTree(repo, { [file]: text });
const change = (repo: string, file: string, edit: (text: string) => string) => write(repo, file, edit(readFileSync(path.join(repo, file), 'utf8')));

/** The records naming zed without a person file, each way the gate refuses a newcomer taking it. */
const NAMING: Array<[string, (repo: string) => void, string]> = [
  ['a logs folder', (repo) => write(repo, 'cohorts/2026-fall/logs/zed/2026-W45.yaml', 'person: zed\nweek: 2026-W45\nhours:\n  practice: 3\n'), 'whose logs cohort 2026-fall holds already (cohorts/2026-fall/logs/zed/)'],
  ['a member\'s prefers:', (repo) => change(repo, COHORT, (text) => text.replace('prefers: ada # a mentor she asked for', 'prefers: zed')), 'whom cleo of cohort 2026-fall asked for as a mentor (prefers: zed)'],
  [
    'a mentor in a member\'s history',
    (repo) => change(repo, COHORT, (text) => text.replace('  - person: cleo\n', '  - person: cleo\n    history:\n      - mentor: zed\n        requestedAt: 2026-09-01T10:00:00-07:00\n        assignedAt: 2026-09-02T09:00:00-07:00\n        releasedAt: 2026-10-01T10:00:00-07:00\n        reason: moved away\n')),
    'who mentored cleo in cohort 2026-fall (their history names zed)',
  ],
];

const ZED = ['--cohort', '2026-fall', '--name', 'Zed', '--github', 'zed-z', '--timezone', 'Europe/Paris'];
const refusal = (where: string) => `The id "zed" is someone else's: zed is the person ${where}. Choose another, such as zed-2; if that person is you, ask a maintainer to add your person file.`;

describe('request: an id the records name without a person file', () => {
  it.each(NAMING)('is refused when typed as a flag, writing nothing, when %s names it (was: written, then refused by the gate)', async (_, naming, where) => {
    const repo = exampleRepo();
    naming(repo);
    const { code, json } = await mentorInJson<{ ok: boolean; problems: string[] }>(['request', '--repo', repo, '--person', 'zed', ...ZED, '--format', 'json'], { env: NOW });
    expect([code, json.ok, json.problems]).toEqual([1, false, [refusal(where)]]);
    expect(existsSync(path.join(repo, 'people/zed.yaml'))).toBe(false);
  });

  it('is refused when the issue form names it, in the answer posted on the issue', async () => {
    const repo = exampleRepo();
    NAMING[0]![1](repo);
    expect((await mentorIn(['forms', '--repo', repo])).code).toBe(0);
    const form = parse(readFileSync(path.join(repo, '.github/ISSUE_TEMPLATE/request-a-mentor.yml'), 'utf8'));
    const answers: Record<string, string> = { person: 'zed', name: 'Zed', timezone: 'Europe/Paris' };
    const body = form.body
      .filter((item: { type: string }) => item.type === 'input' || item.type === 'textarea' || item.type === 'dropdown')
      .map((item: { id: string; attributes: { label: string } }) => `### ${item.attributes.label}\n\n${answers[item.id] ?? '_No response_'}`)
      .join('\n\n');
    const result = await mentorIn(['request', '--repo', repo, '--from-issue', path.join(makeTree({ 'body.md': body }), 'body.md'), '--github', 'zed-z', '--format', 'markdown'], { env: NOW });
    expect(result.code).toBe(1);
    // Markdown-escaped, as every answer posted on an issue is.
    expect(result.stdout).toContain('The id "zed" is someone else\'s: zed is the person whose logs cohort 2026-fall holds already \\(cohorts/2026-fall/logs/zed/\\). Choose another, such as zed-2');
    expect(existsSync(path.join(repo, 'people/zed.yaml'))).toBe(false);
  });

  it('is said at the id question on a terminal, naming where the records have it (was: "a member of a cohort already" for a logs folder)', () => {
    const repo = exampleRepo();
    NAMING[0]![1](repo);
    const { code, screen } = underTerminal(['request', '--repo', repo, '--cohort', '2026-fall'], [
      ['What would you like to do?', '\r'],
      ['Your name', 'Zed\r'],
      ['Your id', 'zed\r'],
      ['is someone else', CTRL_C],
    ]);
    expect(code, screen).toBe(130);
    expect(screen).not.toContain('Your id (zed)');
    expect(screen.replace(/\r?\n/g, '')).toContain('zed is the person whose logs cohort 2026-fall');
    expect(screen.replace(/\r?\n/g, '')).toContain('Choose another, such as zed-2;');
  });

  it('offers an id the gate then lets the newcomer register (one list of named ids for both)', async () => {
    const repo = exampleRepo();
    NAMING[0]![1](repo);
    gitRepo(repo);
    const made = await mentorIn(['request', '--repo', repo, '--person', 'zed-2', ...ZED, '--commit'], { env: NOW });
    expect(made.code, made.stderr).toBe(0);
    const gate = await mentorInJson<{ allowed: boolean }>(['check-pr', '--repo', repo, '--base', 'main', '--head', 'HEAD', '--author', 'zed-z', '--format', 'json'], { env: NOW });
    expect([gate.code, gate.json.allowed]).toEqual([0, true]);
  });
});

describe('two members of one name in a cohort', () => {
  const twins = () => exampleRepo({ 'people/dan.yaml': 'id: dan\nname: Bob Martin\ngithub: dan-o\ntimezone: Africa/Lagos\nskills: [javascript]\n' });
  /** The texts of the tree pictures of a cohort page, wide then narrow. */
  const treeTexts = (html: string) => [...html.slice(html.indexOf('<figure id="tree-0">')).split('</figure>')[0]!.matchAll(/<svg[\s\S]*?<\/svg>/g)].flatMap((svg) => [...svg[0].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => text[1]!));

  it('are told apart by their ids in the dashboard\'s tree picture, wide and narrow, as the waiting bars are (was: two "Bob Martin")', async () => {
    const site = await buildSite(twins());
    const texts = treeTexts(readFileSync(path.join(site, 'cohorts/2026-fall.html'), 'utf8'));
    expect(texts.filter((text) => text.startsWith('Bob M'))).toEqual(['Bob Martin (bob)', 'Bob Martin (dan)', 'Bob M… (bob)', 'Bob M… (dan)']);
    // A name nobody else has is drawn as before, without its id.
    expect(texts).toContain('Eve Moreau');
  });

  it('are told apart in `mentor tree` and in the report\'s tree, which show every id', async () => {
    const repo = twins();
    const tree = await mentorIn(['tree', '2026-fall', '--repo', repo], { env: NOW });
    expect(tree.stdout).toContain('bob Bob Martin (mentee, 5.5 h)');
    expect(tree.stdout).toContain('dan Bob Martin (mentee, 5.5 h)');
    expect((await mentorIn(['report', '2026-fall', '--repo', repo], { env: NOW })).code).toBe(0);
    const report = readFileSync(path.join(repo, 'reports/2026-fall/2026-W47.md'), 'utf8');
    expect(report).toContain('"Bob Martin (bob) · mentee');
    expect(report).toContain('"Bob Martin (dan) · mentee');
  });
});

describe('a committed symlink where a record belongs', () => {
  type Said = { file: string; rule: string; message: string; fix?: string };
  it('gets one verdict (rule and words) from validate, validate --at, --changed and the gate (was: symlink-outside-repo or "leads nowhere" in the working tree, "This is a symlink" in a commit)', async () => {
    const outside = makeTree({ 'elsewhere.yaml': 'id: zed\n', 'folder/2026-W45.yaml': 'person: zed\n' });
    const repo = gitRepo(exampleRepo());
    git(repo, ['switch', '-q', '-c', 'links']);
    symlinkSync(path.join(outside, 'elsewhere.yaml'), path.join(repo, 'people/zed.yaml'));
    symlinkSync('nowhere.yaml', path.join(repo, 'people/xi.yaml'));
    symlinkSync('lo.yaml', path.join(repo, 'people/lo.yaml'));
    symlinkSync('ada.yaml', path.join(repo, 'people/wu.yaml'));
    symlinkSync(path.join(outside, 'folder'), path.join(repo, 'cohorts/2026-fall/logs/zed'));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'links']);
    const links = ['people/zed.yaml', 'people/xi.yaml', 'people/lo.yaml', 'people/wu.yaml', 'cohorts/2026-fall/logs/zed'];
    const said = (problems: Said[]) => problems.filter((p) => links.includes(p.file)).map(({ file, rule, message, fix }) => ({ file, rule, message, fix })).sort((a, b) => (a.file < b.file ? -1 : 1));
    const runs: Said[][] = [];
    for (const args of [['validate'], ['validate', '--at', 'HEAD'], ['validate', '--changed', 'main'], ['check-pr', '--base', 'main', '--head', 'HEAD', '--author', 'zed-z']]) {
      runs.push(said((await mentorInJson<{ problems: Said[] }>([...args, '--repo', repo, '--format', 'json'], { env: NOW })).json.problems));
    }
    expect(runs[0]!.map((p) => `${p.file} ${p.rule}`)).toEqual([
      'cohorts/2026-fall/logs/zed symlink-outside-repo',
      'people/lo.yaml unexpected-file',
      'people/wu.yaml unexpected-file',
      'people/xi.yaml unexpected-file',
      'people/zed.yaml symlink-outside-repo',
    ]);
    expect(runs[0]!.find((p) => p.file === 'people/lo.yaml')!.message).toContain('round in a loop');
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
  });

  it('reads where 300 committed links lead in a few git processes, not one or more per link', async () => {
    const repo = gitRepo(exampleRepo());
    for (let n = 0; n < 300; n++) symlinkSync(n % 2 === 0 ? 'ada.yaml' : `l${n + 1}.yaml`, path.join(repo, `people/l${n}.yaml`));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'links']);
    const recorded = recordingGit();
    const { code, json } = await mentorInJson<{ problems: Said[] }>(['validate', '--at', 'HEAD', '--repo', repo, '--format', 'json'], { env: { ...NOW, ...recorded.env } });
    expect(code).toBe(1);
    expect(json.problems.filter((p) => p.file.startsWith('people/l')).map((p) => p.rule)).toEqual(Array(300).fill('unexpected-file'));
    expect(recorded.calls().length).toBeLessThanOrEqual(10);
  });
});

describe("--repo ''", () => {
  it.each([
    [['validate'], "--repo was given empty: leave it out for the default (this folder or the nearest parent with mentor.config.yaml), or give one (the program repo)."],
    [['status'], "--repo was given empty: leave it out for the default (this folder or the nearest parent with mentor.config.yaml), or give one (the program repo)."],
    [['init'], '--repo needs a value: --repo <dir>; it was given empty.'],
  ])('is a usage error for mentor %s, as an empty id is (was: taken as this folder)', async (args, said) => {
    const repo = exampleRepo();
    const empty = makeTree({});
    for (const [cwd, repoFlag] of [[repo, ''], [empty, ' ']] as const) {
      const result = await mentorIn([...args, '--repo', repoFlag], { env: NOW, cwd });
      expect([result.code, result.stderr]).toEqual([2, `mentor: ${said}\n  See \`mentor ${args[0]} --help\`.\n`]);
    }
    expect(existsSync(path.join(empty, 'mentor.config.yaml'))).toBe(false);
  });
});

describe('a member whose person file is missing entirely', () => {
  const said = 'cohorts/2026-fall/cohort.yaml:53:13 has errors: There is no person "ivy" (no people/ivy.yaml). Create people/ivy.yaml with their id, name, GitHub handle and time zone.';
  it.each([['status', ['status']], ['hours', ['hours', '2026-fall']], ['tree', ['tree', '2026-fall']], ['progress', ['progress']], ['site', ['site', '--out', '_site']]])(
    'is named by mentor %s, with the file to create (was: "the records of cohort 2026-fall have 1 error", or nothing)',
    async (_, args) => {
      const repo = exampleRepo({ 'people/ivy.yaml': null });
      const result = await mentorIn([...args, '--repo', repo], { env: NOW });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`mentor: warning: ${said}\nmentor: run \`mentor validate\` to see how to fix each.\n`);
    },
  );

  it('is named by the refusal of mentor report in the same words', async () => {
    const result = await mentorIn(['report', '2026-fall', '--repo', exampleRepo({ 'people/ivy.yaml': null })], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  cohorts/2026-fall/cohort.yaml:53:13 There is no person "ivy" (no people/ivy.yaml). Create people/ivy.yaml with their id, name, GitHub handle and time zone. [member-unknown-person]');
  });
});
