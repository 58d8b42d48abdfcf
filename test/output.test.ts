import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitColumns, visibleWidth } from '../src/domain/columns.js';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, makeTree, mentor, minimal, type FileTree } from './helpers/repo.js';

// Issue 17, "Output" and "Mermaid": what a new user sees is readable at any size.

const NOW = '2026-11-24T09:00:00-08:00';
const at = (extra: NodeJS.ProcessEnv = {}) => ({ env: { MENTOR_NOW: NOW, ...extra } });

/** One lead over `mentors` mentors (no logs), in a program whose lead may take them all. */
function wideProgram(mentors: number, menteesEach = 0, extra: FileTree = {}): string {
  const files: FileTree = {
    'mentor.config.yaml': `${minimal.config}roles:\n  lead:\n    maxMentees: ${mentors}\n`,
    'people/lee.yaml': minimal.person('lee'),
    ...extra,
  };
  const members = ['  - {person: lee, role: lead}'];
  for (let i = 0; i < mentors; i++) {
    const id = `m${String(i).padStart(3, '0')}`;
    files[`people/${id}.yaml`] = minimal.person(id);
    members.push(`  - {person: ${id}, role: mentor, mentor: lee}`);
    for (let j = 0; j < menteesEach; j++) {
      const mentee = `${id}-e${j}`;
      files[`people/${mentee}.yaml`] = minimal.person(mentee);
      members.push(`  - {person: ${mentee}, role: mentee, mentor: ${id}}`);
    }
  }
  files['cohorts/c1/cohort.yaml'] = `id: c1\nname: Wide\nstart: 2026-09-07\nend: 2026-11-29\nmembers:\n${members.join('\n')}\n`;
  return makeTree(files);
}

describe('terminal output', () => {
  it('keeps tables within the terminal width, wrapping the last column at spaces', () => {
    const result = mentor(['assign', '2026-fall', '--repo', exampleRepo(), '--dry-run', '--explain'], at({ COLUMNS: '60' }));
    expect(result.code).toBe(0);
    const tableLines = result.stdout.split('\n').slice(0, 8);
    for (const line of tableLines) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(result.stdout).toMatch(/cleo +mentee +ada +13 +preferred \+10, skills\n +react \+2, language \+1\n/);
  });

  it('prints hours one block per person on a terminal narrower than the table, and the table where it fits', async () => {
    const repo = exampleRepo();
    const narrow = await mentorIn(['hours', '2026-fall', '--repo', repo, '--week', '2026-W47'], at({ COLUMNS: '40' }));
    expect(narrow.code, narrow.stderr).toBe(0);
    for (const line of narrow.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(narrow.stdout).toMatch(/\n  andrew\n    mentees \(X\) +3\n    code-review +4\/4\n    one-on-ones +3\/3\n    weekly-review +1\/1\n    planned +8\n    logged +8\n    diff +0\n/);
    expect(narrow.stdout).not.toContain('person  X');
    const wide = await mentorIn(['hours', '2026-fall', '--repo', repo, '--week', '2026-W47'], at({ COLUMNS: '200' }));
    expect(wide.stdout).toMatch(/\n  person +X +code-review +one-on-ones +weekly-review +planned +logged +diff\n  andrew +3 +4\/4 /);
  });

  it('wraps status at spaces on a narrow terminal, never inside a word', async () => {
    const result = await mentorIn(['status', '2026-fall', '--repo', exampleRepo()], at({ COLUMNS: '40' }));
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    // Every line fits, but one holding a command in backticks longer than the room: it is kept whole to copy.
    for (const line of lines) if (!/`[^`]{30,}`/.test(line)) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(result.stdout).toContain('    cleo (mentee) has waited 3 d 18 h,\n      asked for ada\n');
    // The first line of an item takes the whole width; what goes on is two columns further in.
    expect(result.stdout).toContain('    andrew (lead): 3 mentees, room for 1\n      more\n');
    // A command to copy is never broken.
    expect(result.stdout).toContain('\n    Next: `mentor assign 2026-fall --dry-run`,\n      then');
  });

  it('keeps each line of the tree within a narrow terminal, shortening names (never ids, roles or hours), and wraps who waits', async () => {
    const repo = exampleRepo();
    const narrow = await mentorIn(['tree', '2026-fall', '--repo', repo], at({ COLUMNS: '40' }));
    expect(narrow.code, narrow.stderr).toBe(0);
    for (const line of narrow.stdout.split('\n').slice(1)) expect([...line].length, line).toBeLessThanOrEqual(40);
    expect(narrow.stdout).toContain('├── grace Grace Hopp… (mentor, X=3, 7 h)\n');
    expect(narrow.stdout).toContain('│   ├── bob Bob Martin (mentee, 5.5 h)\n');
    expect(narrow.stdout).toMatch(/\n {2}jon Jon Berg \(mentee\) wants node,\n {4}python; waiting/);
    const wide = await mentorIn(['tree', '2026-fall', '--repo', repo], at({ COLUMNS: '200' }));
    expect(wide.stdout).toContain('├── grace Grace Hopper (mentor, X=3, 7 h)\n');
  });

  it('measures names in terminal columns: wide CJK letters and emoji count two, and no character is cut in half (red team 4, T7)', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'people/grace.yaml'), readFileSync(path.join(repo, 'people/grace.yaml'), 'utf8').replace(/^name: .*$/m, 'name: 王小明王小明 👩‍💻🇫🇷 Hopper'));
    const narrow = await mentorIn(['tree', '2026-fall', '--repo', repo], at({ COLUMNS: '40' }));
    expect(narrow.code, narrow.stderr).toBe(0);
    for (const line of narrow.stdout.split('\n').slice(1)) expect(visibleWidth(line), line).toBeLessThanOrEqual(40);
    expect(narrow.stdout).toContain('├── grace 王小明王小… (mentor, X=3, 7 h)\n');
    expect(visibleWidth('王小明 👩‍💻🇫🇷 é')).toBe(13);
    expect(fitColumns('👩‍💻👩‍💻👩‍💻', 5)).toBe('👩‍💻👩‍💻…');
    // Plain ASCII, measured without splitting it into characters: the same answers.
    expect(visibleWidth('\u001b[1mgrace\u001b[22m (mentor)')).toBe(14);
    expect(fitColumns('grace hopper', 6)).toBe('grace…');
    expect(fitColumns('grace', 5)).toBe('grace');
    expect(fitColumns('grace', 1)).toBe('');
  });

  it('writes counts of a thousand or more with a thousands separator in status, as its totals line does', async () => {
    const result = await mentorIn(['status', 'c1', '--repo', wideProgram(400, 2)], at());
    const lines = result.stdout;
    expect(lines, result.stderr).toContain('Missing logs for last week, 2026-W47 (1,201)');
    expect(lines).toMatch(/, and 1,\d{3} more\n/);
  });

  it('packs 300 missing logs onto a few lines instead of one line each', () => {
    const result = mentor(['status', 'c1', '--repo', wideProgram(300)], at());
    expect(result.stdout).toContain('Missing logs for last week, 2026-W47 (301)');
    expect(result.stdout.split('\n').length).toBeLessThan(40);
    expect(result.stdout).toContain('and 241 more');
  });

  it('says how long someone waited the same way in status, tree, assign and report', async () => {
    const repo = exampleRepo();
    for (const args of [['status'], ['tree'], ['assign', '--dry-run', '--explain']]) {
      expect((await mentorIn([...args, '2026-fall', '--repo', repo], at())).stdout).toContain('3 d 18 h');
    }
    await mentorIn(['report', '2026-fall', '--repo', repo], at());
    // A report measures waiting at the end of its week (Sunday of 2026-W47).
    expect(readFileSync(path.join(repo, 'reports/2026-fall/2026-W47.md'), 'utf8')).toContain('cleo has waited 2 d 9 h for a mentor');
  });

  it('never says "0 of 0"', async () => {
    const repo = exampleRepo();
    const noPreferences = await mentorIn(['assign', '2026-fall', '--repo', repo, '--dry-run', '--explain'], at({ MENTOR_NOW: NOW }));
    expect(noPreferences.stdout).toContain('preferences honoured: 1 of 1');
    const nobodyAsked = exampleRepo({ 'cohorts/2026-fall/cohort.yaml': readFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), 'utf8').replace('    prefers: ada # a mentor she asked for\n', '') });
    const explained = await mentorIn(['assign', '2026-fall', '--repo', nobodyAsked, '--dry-run', '--explain'], at());
    expect(explained.stdout).toContain('preferences: nobody asked for a mentor by name');
    expect(explained.stdout).not.toContain('0 of 0');
    const waitingOnly = makeTree({ 'mentor.config.yaml': minimal.config, 'people/ann.yaml': minimal.person('ann'), 'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-09-07\nmembers:\n  - {person: ann, role: mentee}\n' });
    const status = await mentorIn(['status', 'c1', '--repo', waitingOnly], at());
    expect(status.stdout).toContain('Logs this week: none expected (nobody is placed yet)');
    expect(status.stdout).not.toContain('0 of 0');
  });

  it('says what to do next under who waits and who missed a log, in status on a terminal or a pipe, and only then', async () => {
    const repo = exampleRepo();
    const text = (await mentorIn(['status', '2026-fall', '--repo', repo], at({ MENTOR_NOW: NOW }))).stdout;
    const lines = text.split('\n');
    const after = (title: string) => lines[lines.findIndex((line) => line.includes(title)) + 1 + Number(/\((\d+)\)$/.exec(lines.find((line) => line.includes(title))!)![1])];
    expect(after('Waiting for a mentor')).toBe('    Next: `mentor assign 2026-fall --dry-run`, then `--commit`; or a mentor takes one: `mentor claim <member> --as <mentor>`');
    expect(after('Missing logs for last week, 2026-W47')).toBe('    Next: each writes theirs: `mentor log --week 2026-W47`');
    // The same words once nobody waits and every log is in: no step to take, no line.
    const settled = makeTree({ 'mentor.config.yaml': minimal.config, 'people/ann.yaml': minimal.person('ann'), 'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-09-07\nmembers:\n  - {person: ann, role: lead}\n', 'cohorts/c1/logs/ann/2026-W47.yaml': 'person: ann\nweek: 2026-W47\nhours: {}\n' });
    const quiet = await mentorIn(['status', 'c1', '--repo', settled], at({ MENTOR_NOW: NOW }));
    expect(quiet.stdout).toContain('Missing logs for last week, 2026-W47: none');
    expect(quiet.stdout).not.toContain('Next:');
    // JSON and the attention issue's Markdown carry no such line.
    expect((await mentorIn(['status', '2026-fall', '--repo', repo, '--format', 'markdown'], at({ MENTOR_NOW: NOW }))).stdout).not.toContain('Next: mentor assign');
  });

  it('ends the tree and the hours of a big cohort with the totals, where a terminal shows them last', async () => {
    const repo = wideProgram(20, 3, { 'mentor.config.yaml': `${minimal.config}roles:\n  lead:\n    maxMentees: 20\n  mentor:\n    maxMentees: 3\n` });
    const tree = (await mentorIn(['tree', 'c1', '--repo', repo], at())).stdout.trimEnd().split('\n');
    expect(tree.at(-1)).toBe('In all: 81 members (1 lead, 20 mentors, 60 mentees), nobody waiting.');
    const planned = (await mentorIn(['hours', 'c1', '--repo', repo], at())).stdout.trimEnd().split('\n');
    expect(planned.at(-1)).toMatch(/^In all: 81 members, [\d,.]+ h planned a week\.$/);
    const week = (await mentorIn(['hours', 'c1', '--repo', repo, '--week', '2026-W47'], at())).stdout.trimEnd().split('\n');
    expect(week.at(-1)).toMatch(/^In all: 81 members, [\d,.]+ h planned a week, 0 h logged; 81 with no log this week\.$/);
    // A small cohort's tree and hours fit a screen: no such line (the README shows them as they are).
    const small = (await mentorIn(['tree', '2026-fall', '--repo', exampleRepo()], at())).stdout;
    expect(small).not.toContain('In all:');
  });

  it('puts the next step under the overdue requests when every one waiting is overdue, not under "Waiting: nobody"', async () => {
    const repo = makeTree({ 'mentor.config.yaml': minimal.config, 'people/ann.yaml': minimal.person('ann'), 'people/lee.yaml': minimal.person('lee'), 'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-09-07\nmembers:\n  - {person: lee, role: lead}\n  - {person: ann, role: mentee, requestedAt: "2026-11-01T10:00:00Z"}\n' });
    const lines = (await mentorIn(['status', 'c1', '--repo', repo], at({ NO_COLOR: '1' }))).stdout.split('\n');
    const overdue = lines.findIndex((line) => line.includes('Overdue requests'));
    expect(lines[overdue + 1]).toMatch(/^ {4}ann \(mentee\) has waited/);
    expect(lines[overdue + 2]).toBe('    Next: `mentor assign c1 --dry-run`, then `--commit`; or a mentor takes one: `mentor claim <member> --as <mentor>`');
    expect(lines[overdue + 3]).toMatch(/Waiting for a mentor: nobody$/);
    expect(lines[overdue + 4]).not.toContain('Next:');
  });

  it('tells what to do with an empty cohort in status, tree and hours', async () => {
    const repo = makeTree({ 'mentor.config.yaml': minimal.config, 'cohorts/empty/cohort.yaml': 'id: empty\nname: Empty\nstart: 2026-09-07\n' });
    for (const command of ['status', 'tree', 'hours']) {
      expect((await mentorIn([command, 'empty', '--repo', repo], at())).stdout).toContain('No members yet. Add them to cohorts/empty/cohort.yaml');
    }
  });
});

describe('the report tree on GitHub', () => {
  it('writes a tree of more than 500 links as a list, and says why', async () => {
    const repo = wideProgram(130, 3);
    expect((await mentorIn(['report', 'c1', '--repo', repo], at())).code).toBe(0);
    const markdown = readFileSync(path.join(repo, 'reports/c1/2026-W47.md'), 'utf8');
    expect(markdown).not.toContain('```mermaid');
    expect(markdown).toContain('The tree has 520 links, more than the 500 a Mermaid diagram on GitHub can draw, so it is written as a list.');
    expect(markdown).toContain('\n  - M129 \\(m129\\) · mentor · X=3 · 7 h\n    - M129-E0 \\(m129-e0\\) · mentee · 5.5 h\n');
  });

  it('writes a tree of fewer links as a list too when its diagram is longer than the 50,000 characters Mermaid on GitHub accepts', async () => {
    // 100 mentors with 3 mentees each: 400 links, under the 500, but long names (as a program
    // that writes full names in any script has) make a diagram Mermaid refuses to draw.
    const repo = wideProgram(100, 3);
    const longName = 'Maximiliana Konstantinopoulou-Featherstonehaugh de la Cruz y Villanueva-Ortega';
    for (const file of readdirSync(path.join(repo, 'people'))) {
      const id = file.replace(/\.yaml$/, '');
      writeFileSync(path.join(repo, 'people', file), minimal.person(id).replace(/^name: .*$/m, `name: ${longName} ${id}`));
    }
    expect((await mentorIn(['report', 'c1', '--repo', repo], at())).code).toBe(0);
    const markdown = readFileSync(path.join(repo, 'reports/c1/2026-W47.md'), 'utf8');
    expect(markdown).not.toContain('```mermaid');
    expect(markdown).toMatch(/The tree's diagram would be [\d,]+ characters, more than the 50,000 Mermaid on GitHub draws, so it is written as a list\./);
    expect(markdown).toContain(`\n  - ${longName} m099 \\(m099\\) · mentor · X=3 · 7 h\n`);
  });

  it('keeps the report of a cohort of thousands within what GitHub shows, cutting long lists and saying where the rest is', async () => {
    // 800 mentors with 4 mentees each: 4,001 members, whose full report passes 500 KB, past
    // which a pull request shows no diff of the file.
    const repo = wideProgram(800, 4, { 'mentor.config.yaml': `${minimal.config}roles:\n  lead:\n    maxMentees: 800\n  mentor:\n    maxMentees: 4\n` });
    expect((await mentorIn(['report', 'c1', '--repo', repo], at())).code).toBe(0);
    const markdown = readFileSync(path.join(repo, 'reports/c1/2026-W47.md'), 'utf8');
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(450_000);
    expect(markdown).toMatch(/^- \*\*Shortened:\*\* the cohort is too big for one page on GitHub, so each long list below shows its first [\d,]+ entries; `2026-W47\.json`, beside this file, has them all\.$/m);
    expect(markdown).toMatch(/^… and [\d,]+ more people: `2026-W47\.json`, beside this file, lists every one\.$/m);
    expect(markdown).toContain('- **Members:** 4001 (1 lead, 800 mentors, 3200 mentees)');
    // The JSON beside it still has every member.
    const json = JSON.parse(readFileSync(path.join(repo, 'reports/c1/2026-W47.json'), 'utf8')) as { hours: unknown[] };
    expect(json.hours).toHaveLength(4001);
  });

  it('keeps a tree of 500 links a diagram', async () => {
    const repo = wideProgram(125, 3);
    await mentorIn(['report', 'c1', '--repo', repo], at());
    expect(readFileSync(path.join(repo, 'reports/c1/2026-W47.md'), 'utf8')).toContain('```mermaid');
  });

  it('writes names in any script as they are, not as entity codes', async () => {
    const repo = exampleRepo({ 'people/bob.yaml': 'id: bob\nname: José Núñez 李雷\n' });
    await mentorIn(['report', '2026-fall', '--repo', repo], at());
    const markdown = readFileSync(path.join(repo, 'reports/2026-fall/2026-W47.md'), 'utf8');
    expect(markdown).toContain('["José Núñez 李雷 (bob) · mentee · 5.5 h"]');
  });
});
