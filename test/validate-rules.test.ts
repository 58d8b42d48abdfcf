import { describe, expect, it } from 'vitest';
import { loadTree, validateTree } from './helpers/memory-source.js';
import { whoIs } from '../src/core/pull-request/author.js';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, expectNoCrash, mentorJson, readText, SMALL_COHORT_HEAD, SMALL_TREE, smallProgram, smallTree, type FileTree } from './helpers/repo.js';

interface Expected {
  file: string;
  line: number;
  column?: number;
  rule: string;
  severity?: 'error' | 'warning';
}

const cohort = (members: string, head = SMALL_COHORT_HEAD) => ({ 'cohorts/c1/cohort.yaml': `${head}members:\n${members}` });
const TREE = SMALL_TREE;

// One row per rule: the change that breaks it, and the problem it must give.
const cases: Array<[string, FileTree, Expected]> = [
  ['a person id differs from its file name', { 'people/ann.yaml': 'id: anne\nname: Ann\n' }, { file: 'people/ann.yaml', line: 1, column: 5, rule: 'id-matches-file' }],
  ['a cohort id differs from its folder', cohort(TREE, 'id: c2\nname: C\nstart: 2026-09-07\n'), { file: 'cohorts/c1/cohort.yaml', line: 1, column: 5, rule: 'id-matches-file' }],
  ['two people share a GitHub handle', { 'people/zoe.yaml': 'id: zoe\nname: Zoe\ngithub: ANN-gh\n' }, { file: 'people/zoe.yaml', line: 3, column: 9, rule: 'github-duplicate' }],
  ['a member names an unknown person', cohort(`${TREE}  - person: ghost\n    role: mentee\n`), { file: 'cohorts/c1/cohort.yaml', line: 14, column: 13, rule: 'member-unknown-person' }],
  ['a person is a member twice', cohort(`${TREE}  - person: ann\n    role: mentee\n`), { file: 'cohorts/c1/cohort.yaml', line: 14, column: 13, rule: 'member-duplicate' }],
  ['a lead has a mentor', cohort(`  - person: lee\n    role: lead\n    mentor: max\n  - person: max\n    role: mentor\n    mentor: lee\n`), { file: 'cohorts/c1/cohort.yaml', line: 8, column: 13, rule: 'lead-has-mentor' }],
  ["a mentor's mentor is a mentor", cohort(`  - person: lee\n    role: lead\n  - person: max\n    role: mentor\n    mentor: lee\n  - person: ann\n    role: mentor\n    mentor: max\n`), { file: 'cohorts/c1/cohort.yaml', line: 13, column: 13, rule: 'mentor-tier' }],
  ["a mentee's mentor is the lead", cohort(`  - person: lee\n    role: lead\n  - person: ann\n    role: mentee\n    mentor: lee\n`), { file: 'cohorts/c1/cohort.yaml', line: 10, column: 13, rule: 'mentor-tier' }],
  ['two mentors who mentor each other', cohort(`  - person: lee\n    role: lead\n  - person: max\n    role: mentor\n    mentor: ann\n  - person: ann\n    role: mentor\n    mentor: max\n`), { file: 'cohorts/c1/cohort.yaml', line: 13, column: 13, rule: 'mentor-cycle' }],
  ['a mentor who is not in the cohort', cohort(`  - person: lee\n    role: lead\n  - person: ann\n    role: mentee\n    mentor: max\n`), { file: 'cohorts/c1/cohort.yaml', line: 10, column: 13, rule: 'member-unknown-mentor' }],
  ['a preferred mentor who does not exist', cohort(`${TREE}  - person: zed\n    role: mentee\n    prefers: nobody\n`, undefined), { file: 'cohorts/c1/cohort.yaml', line: 16, column: 14, rule: 'member-unknown-person' }],
  ['more mentees than maxMentees', { 'mentor.config.yaml': 'program: T\nroles:\n  mentor:\n    maxMentees: 0\n' }, { file: 'cohorts/c1/cohort.yaml', line: 8, column: 13, rule: 'capacity-max-mentees' }],
  ['planned hours past maxHoursPerWeek', { 'people/max.yaml': 'id: max\nname: Max\nmaxHoursPerWeek: 4.5\n' }, { file: 'cohorts/c1/cohort.yaml', line: 8, column: 13, rule: 'capacity-max-hours' }],
  ['a cohort that ends before it starts', cohort(TREE, 'id: c1\nname: C\nstart: 2026-09-07\nend: 2026-09-01\n'), { file: 'cohorts/c1/cohort.yaml', line: 4, column: 6, rule: 'cohort-dates' }],
  ['an impossible date', cohort(TREE, 'id: c1\nname: C\nstart: 2026-02-30\n'), { file: 'cohorts/c1/cohort.yaml', line: 3, column: 8, rule: 'invalid-value' }],
  ['a zone that does not exist', { 'people/ann.yaml': 'id: ann\nname: Ann\ntimezone: Mars/Olympus\n' }, { file: 'people/ann.yaml', line: 3, column: 11, rule: 'invalid-value' }],
  ['a log in the wrong folder', { 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: max\nweek: 2026-W41\n' }, { file: 'cohorts/c1/logs/ann/2026-W41.yaml', line: 1, column: 9, rule: 'log-person-folder' }],
  ['a log whose week is not its file name', { 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W42\n' }, { file: 'cohorts/c1/logs/ann/2026-W41.yaml', line: 2, column: 7, rule: 'log-week-file' }],
  ['a log of someone not in the cohort', { 'people/zoe.yaml': 'id: zoe\nname: Zoe\n', 'cohorts/c1/logs/zoe/2026-W41.yaml': 'person: zoe\nweek: 2026-W41\n' }, { file: 'cohorts/c1/logs/zoe/2026-W41.yaml', line: 1, column: 9, rule: 'log-not-member' }],
  ["an activity not of the person's role", { 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W41\nhours:\n  one-on-ones: 2\n' }, { file: 'cohorts/c1/logs/ann/2026-W41.yaml', line: 4, column: 3, rule: 'log-unknown-activity' }],
  ['more hours than a week has', { 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W41\nhours:\n  practice: 169\n' }, { file: 'cohorts/c1/logs/ann/2026-W41.yaml', line: 4, column: 13, rule: 'invalid-value' }],
  ['hours that add up past 168', { 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W41\nhours:\n  practice: 100\n  code-review: 100\n' }, { file: 'cohorts/c1/logs/ann/2026-W41.yaml', line: 3, column: 1, rule: 'log-total-hours' }],
  ['negative hours', { 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W41\nhours:\n  practice: -1\n' }, { file: 'cohorts/c1/logs/ann/2026-W41.yaml', line: 4, column: 13, rule: 'invalid-value' }],
  ['a week outside the cohort', { 'cohorts/c1/logs/ann/2027-W10.yaml': 'person: ann\nweek: 2027-W10\n' }, { file: 'cohorts/c1/logs/ann/2027-W10.yaml', line: 2, column: 7, rule: 'log-week-outside-cohort' }],
  ['a week 53 in a year of 52', { 'cohorts/c1/logs/ann/2025-W53.yaml': 'person: ann\nweek: 2025-W53\n' }, { file: 'cohorts/c1/logs/ann/2025-W53.yaml', line: 2, column: 7, rule: 'invalid-value' }],
  ['an unknown field', { 'people/ann.yaml': 'id: ann\nname: Ann\nskils: [x]\n' }, { file: 'people/ann.yaml', line: 3, column: 1, rule: 'unknown-field', severity: 'warning' }],
  ['a missing required field', { 'people/ann.yaml': 'id: ann\n' }, { file: 'people/ann.yaml', line: 1, column: 1, rule: 'missing-field' }],
  ['a number where a text belongs', { 'people/ann.yaml': 'id: ann\nname: 42\n' }, { file: 'people/ann.yaml', line: 2, column: 7, rule: 'invalid-type' }],
  ['a cohort folder without cohort.yaml', { 'cohorts/c9/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W41\n' }, { file: 'cohorts/c9/cohort.yaml', line: 1, column: 1, rule: 'cohort-missing-file' }],
  ['a person file name that is not an id', { 'people/Ann Smith.yaml': 'id: ann-smith\nname: Ann\n' }, { file: 'people/Ann Smith.yaml', line: 1, column: 1, rule: 'invalid-file-name' }],
  ['a .yml file', { 'people/zoe.yml': 'id: zoe\nname: Zoe\n' }, { file: 'people/zoe.yml', line: 1, column: 1, rule: 'unexpected-file', severity: 'warning' }],
  ['a log saved beside cohort.yaml', { 'cohorts/c1/ann-2026-W41.yaml': 'person: ann\nweek: 2026-W41\n' }, { file: 'cohorts/c1/ann-2026-W41.yaml', line: 1, column: 1, rule: 'unexpected-file', severity: 'warning' }],
  ['a folder of logs named log', { 'cohorts/c1/log/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W41\n' }, { file: 'cohorts/c1/log', line: 1, column: 1, rule: 'unexpected-file', severity: 'warning' }],
  ['requests that go to a cohort that does not exist', { 'mentor.config.yaml': 'program: T\nintake:\n  cohort: nope\n' }, { file: 'mentor.config.yaml', line: 3, column: 11, rule: 'intake-unknown-cohort' }],
  ['an eligibility question listed twice', { 'mentor.config.yaml': 'program: T\nintake:\n  eligibility:\n    - id: adult\n      question: I am 18 or older.\n    - id: adult\n      question: I am an adult.\n' }, { file: 'mentor.config.yaml', line: 6, column: 11, rule: 'eligibility-duplicate' }],
  ['an assignment before the request', cohort(`${TREE.replace('    mentor: max\n', '    mentor: max\n    requestedAt: 2026-09-02T10:00:00Z\n    assignedAt: 2026-09-01T10:00:00Z\n')}`), { file: 'cohorts/c1/cohort.yaml', line: 15, column: 17, rule: 'assigned-before-requested', severity: 'warning' }],
];

// The rules run in-process on records held in memory: the loader and the rules are the same code
// the CLI runs; the CLI runs in-process where a test checks what it reports, and two real CLI runs
// below (and more in the other files) hold the output and exit codes of a process.
describe('validate: one row per rule', () => {
  it.each(cases)('reports %s', (_name, change, expected) => {
    const json = validateTree(smallTree(change));
    const match = json.problems.find((problem) => problem.rule === expected.rule && problem.file === expected.file && problem.line === expected.line);
    expect(match, JSON.stringify(json.problems, null, 2)).toMatchObject({ line: expected.line, ...(expected.column ? { column: expected.column } : {}), severity: expected.severity ?? 'error' });
    expect(match!.message.length).toBeGreaterThan(10);
    expect(json.valid).toBe(expected.severity === 'warning');
  });

  it('gives the same problems and exit code from the CLI on the same files, for a rule of each kind', async () => {
    for (const index of [3, 16, 25]) {
      const change = cases[index]![1];
      const cli = await mentorInJson(['validate', '--repo', smallProgram(change), '--format', 'json']);
      const inProcess = validateTree(smallTree(change));
      expect(cli.json.problems).toEqual(JSON.parse(JSON.stringify(inProcess.problems.map(({ subject: _s, ...problem }) => problem))));
      expect(cli.code).toBe(inProcess.valid ? 0 : 1);
    }
  });
});

describe('validate: the baseline', () => {
  it('passes the small valid program with no problems', () => {
    const { code, json } = mentorJson(['validate', '--repo', smallProgram(), '--format', 'json']);
    expect(json).toEqual({ valid: true, files: 6, problems: [] });
    expect(code).toBe(0);
  });

  it('keeps checking the rest of a cohort when one member is broken', async () => {
    const repo = smallProgram(cohort(`${TREE}  - person: zed\n    role: boss\n  - person: ghost\n    role: mentee\n`));
    const { json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    const rules = json.problems.map((problem: Expected) => `${problem.rule}@${problem.line}`);
    expect(rules).toContain('invalid-value@15');
    expect(rules).toContain('member-unknown-person@16');
  });

  it('offers to set a log’s week or person to its file or folder name only when that name is a week or an id', () => {
    const fixOf = (tree: FileTree, rule: string) => validateTree(smallTree(tree)).problems.find((problem) => problem.rule === rule)?.fix;
    expect(fixOf({ 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W42\n' }, 'log-week-file')).toBe('Rename the file to 2026-W42.yaml, or set `week: 2026-W41`.');
    expect(fixOf({ 'cohorts/c1/logs/ann/é.yaml': 'person: ann\nweek: 2026-W42\n' }, 'log-week-file')).toBe('Rename the file to 2026-W42.yaml.');
    expect(fixOf({ 'cohorts/c1/logs/ann/2026-W41 .yaml': 'person: ann\nweek: 2026-W41\n' }, 'log-week-file')).toBe('Rename the file to 2026-W41.yaml.');
    expect(fixOf({ 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: max\nweek: 2026-W41\n' }, 'log-person-folder')).toBe('Set `person: ann`, or move the file to cohorts/c1/logs/max/.');
    expect(fixOf({ 'cohorts/c1/logs/Ann X/2026-W41.yaml': 'person: ann\nweek: 2026-W41\n' }, 'log-person-folder')).toBe('Move the file to cohorts/c1/logs/ann/.');
  });

  it('says an hours key with a capital or a stray name is not an activity, and which one was meant', () => {
    const problems = validateTree(smallTree({ 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W41\nhours:\n  Practice: 3\n  toString: 1\n' })).problems;
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.rule} ${problem.fix}`)).toEqual([
      '4:3 log-unknown-activity Did you mean "practice"?',
      expect.stringMatching(/^5:3 log-unknown-activity Use one of: /),
    ]);
  });

  it('says what to do with a field left empty: a waiting member has no mentor line at all', () => {
    const problems = validateTree(smallTree(cohort(`${TREE}  - person: zed\n    role: mentee\n    mentor:\n`))).problems;
    expect(problems.find((problem) => problem.rule === 'invalid-type')).toMatchObject({ line: 16, fix: 'A member still waiting for a mentor has no `mentor:` line: delete it, or write the id of their mentor after the colon.' });
    const person = validateTree(smallTree({ 'people/ann.yaml': 'id: ann\nname:\n' })).problems;
    expect(person.find((problem) => problem.rule === 'invalid-type')).toMatchObject({ message: '"name" must be a text, not empty.', fix: 'Write a text after `name:`, or delete the line.' });
  });

  it('suggests the field name a typo meant', async () => {
    const repo = smallProgram({ 'people/ann.yaml': 'id: ann\nnmae: Ann\n' });
    const { json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    const unknown = json.problems.find((problem: Expected) => problem.rule === 'unknown-field');
    expect(unknown.fix).toContain('"name"');
    expectNoCrash({ code: 0, stdout: JSON.stringify(json), stderr: '' });
  });
});

describe('validate: a log for a week outside its cohort', () => {
  const IVY = { 'cohorts/2026-fall/logs/ivy/2026-W50.yaml': 'person: ivy\nweek: 2026-W50\nhours:\n  practice: 1\n' };

  it('is an error with the weeks the cohort has and the ways out, as `mentor log` refuses that week', () => {
    const { code, json } = mentorJson(['validate', '--repo', exampleRepo(IVY), '--format', 'json']);
    expect(code).toBe(1);
    expect(json.valid).toBe(false);
    expect(json.problems).toEqual([
      {
        file: 'cohorts/2026-fall/logs/ivy/2026-W50.yaml',
        line: 2,
        column: 7,
        rule: 'log-week-outside-cohort',
        severity: 'error',
        message: 'Week 2026-W50 is outside cohort 2026-fall (2026-W37 to 2026-W48); a log is for a week of its cohort.',
        fix: 'Cohort 2026-fall runs from 2026-W37 to 2026-W48: rename the file and its `week:` to the week you meant, move the log to the cohort that ran 2026-W50, or delete the file.',
      },
    ]);
  });

  it('names the open end of a rolling cohort', () => {
    const head = 'id: c1\nname: Cohort one\nstart: 2026-09-07\n';
    const problems = validateTree(smallTree({ ...cohort(TREE, head), 'cohorts/c1/logs/ann/2026-W30.yaml': 'person: ann\nweek: 2026-W30\n' })).problems;
    expect(problems.find((problem) => problem.rule === 'log-week-outside-cohort')?.fix).toMatch(/^Cohort c1 runs from 2026-W37 on: /);
  });

  it('is left out by status and report, which count only the cohort’s weeks', async () => {
    const plain = exampleRepo();
    const withIvy = exampleRepo(IVY);
    for (const args of [['status', '2026-fall', '--format', 'json'], ['hours', '2026-fall', '--week', '2026-W47', '--format', 'json']]) {
      const [before, after] = [await mentorIn([...args, '--repo', plain]), await mentorIn([...args, '--repo', withIvy])];
      expect(after.code, after.stderr).toBe(0);
      expect(after.stdout).toBe(before.stdout);
      expect(after.stderr).toBe('');
    }
    const report = await mentorIn(['report', '2026-fall', '--week', '2026-W47', '--repo', withIvy]);
    expect(report.code, report.stderr).toBe(0);
    await mentorIn(['report', '2026-fall', '--week', '2026-W47', '--repo', plain]);
    for (const file of ['reports/2026-fall/2026-W47.json', 'reports/2026-fall/2026-W47.md']) expect(readText(withIvy, file)).toBe(readText(plain, file));
  });

  it('keeps the bundled example valid', async () => {
    const { code, json } = await mentorInJson(['validate', '--repo', exampleRepo(), '--format', 'json']);
    expect(json.problems.filter((problem: Expected) => problem.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });
});

// DESIGN.md: each bad input is a problem "and the run goes on to report the rest". A field with a
// wrong type or value keeps the rules of the file's other fields running, so one push shows all.
const hiding: Array<[string, FileTree, string[], [string, string]]> = [
  [
    'a log with an hour written as text still has its activities checked',
    { 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: ann\nweek: 2026-W41\nhours:\n  code-review: 1\n  practise: 4\n  own-one-on-one: "two"\n' },
    ['5:3 log-unknown-activity', '6:19 invalid-type'],
    ['"two"', '2'],
  ],
  [
    'a log with too many hours still has its folder and its week checked',
    { 'cohorts/c1/logs/ann/2026-W41.yaml': 'person: max\nweek: 2026-W42\nhours:\n  practice: 200\n' },
    ['1:9 log-person-folder', '2:7 log-week-file', '4:13 invalid-value'],
    ['200', '2'],
  ],
  [
    'a log with a bad hour in a week outside the cohort',
    { 'cohorts/c1/logs/ann/2027-W10.yaml': 'person: ann\nweek: 2027-W10\nhours:\n  practice: -1\n' },
    ['2:7 log-week-outside-cohort', '4:13 invalid-value'],
    ['-1', '1'],
  ],
  [
    'a person with a name that is a number still has the id checked against the file name',
    { 'people/ann.yaml': 'id: anne\nname: 42\n' },
    ['1:5 id-matches-file', '2:7 invalid-type'],
    ['42', 'Ann'],
  ],
  [
    'a person with a zone that does not exist still has the GitHub handle checked',
    { 'people/zoe.yaml': 'id: zoe\nname: Zoe\ngithub: ANN-gh\ntimezone: Mars/Olympus\n' },
    ['3:9 github-duplicate', '4:11 invalid-value'],
    ['Mars/Olympus', 'UTC'],
  ],
  [
    'a member file with an unknown role still has its person checked against the file name',
    { 'cohorts/c1/members/zed.yaml': 'person: zee\nrole: boss\n', 'people/zed.yaml': 'id: zed\nname: Zed\n' },
    ['1:9 id-matches-file', '2:7 invalid-value'],
    ['boss', 'mentee'],
  ],
  [
    'a cohort with a name that is a number still has its id and dates checked',
    cohort(TREE, 'id: c2\nname: 42\nstart: 2026-09-07\nend: 2026-09-01\n'),
    ['1:5 id-matches-file', '2:7 invalid-type', '4:6 cohort-dates'],
    ['name: 42', 'name: C'],
  ],
  [
    'a cohort whose members: is not a list still has its id and dates checked (red team 4, T4)',
    { 'cohorts/c1/cohort.yaml': 'id: c2\nname: C\nstart: 2026-09-07\nend: 2026-09-01\nmembers: {a: 1}\n' },
    ['1:5 id-matches-file', '4:6 cohort-dates', '5:10 invalid-type'],
    ['members: {a: 1}', 'members: []'],
  ],
];

const problemsIn = (change: FileTree) => {
  const file = Object.keys(change)[0]!;
  return validateTree(smallTree(change)).problems.filter((problem) => problem.file === file);
};

describe('validate: an error in one field hides no other problem of the file', () => {
  it.each(hiding)('%s', (_name, change, expected) => {
    expect(problemsIn(change).map((problem) => `${problem.line}:${problem.column} ${problem.rule}`)).toEqual(expected);
  });

  it('says each of the other problems exactly as it does once the bad field is fixed', () => {
    for (const [name, change, , [bad, good]] of hiding) {
      const [file, text] = Object.entries(change)[0]! as [string, string];
      const fixed = problemsIn({ ...change, [file]: text.replace(bad, good) });
      expect(fixed.length, name).toBe(problemsIn(change).length - 1);
      expect(problemsIn(change).filter((problem) => !['invalid-type', 'invalid-value'].includes(problem.rule)), name).toEqual(fixed);
    }
  });
});

describe('validate: a cycle of mentors', () => {
  const cycleOf = (members: string) => validateTree(smallTree({ ...cohort(members), 'people/zoe.yaml': 'id: zoe\nname: Zoe\n' })).problems.filter((problem) => problem.rule === 'mentor-cycle');

  it('names who, in order, at the `mentor:` that closes it, with the leads to choose from', () => {
    const members = `  - person: lee\n    role: lead\n  - person: ann\n    role: mentor\n    mentor: max\n  - person: max\n    role: mentor\n    mentor: zoe\n  - person: zoe\n    role: mentor\n    mentor: ann\n`;
    expect(cycleOf(members)).toEqual([
      {
        file: 'cohorts/c1/cohort.yaml',
        line: 16,
        column: 13,
        rule: 'mentor-cycle',
        severity: 'error',
        message: "The mentors go round in a cycle: ann's mentor is max, max's mentor is zoe and zoe's mentor is ann. None of them is under a lead, nor are their mentees.",
        fix: 'Break the cycle here: set it to a lead of this cohort (lee).',
      },
    ]);
  });

  it('says a member who is their own mentor once, as member-own-mentor, and a cycle once even when one of it is listed twice', () => {
    expect(cycleOf(`  - person: lee\n    role: lead\n  - person: max\n    role: mentor\n    mentor: max\n`)).toEqual([]);
    expect(cycleOf(`  - person: max\n    role: mentor\n    mentor: ann\n  - person: ann\n    role: mentor\n    mentor: max\n  - person: ann\n    role: mentor\n`)).toHaveLength(1);
  });

  it('finds no cycle in a tree that is one, however deep', () => {
    expect(cycleOf(SMALL_TREE)).toEqual([]);
  });
});

describe('a GitHub handle written in a valid file and in one with errors', () => {
  it('is said to be taken on the file with errors, and the gate knows the valid one as its owner (red team 4, T8)', async () => {
    // aaa sorts before ann, and its zone does not exist.
    const repo = smallProgram({ 'people/aaa.yaml': 'id: aaa\nname: Aaa\ngithub: ann-gh\ntimezone: Mars/Olympus\n' });
    const { json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    const duplicates
 = json.problems.filter((problem: { rule: string }) => problem.rule === 'github-duplicate');
    expect(duplicates.map((problem: { file: string; line: number }) => `${problem.file}:${problem.line}`)).toEqual(['people/aaa.yaml:3']);
    expect(whoIs(loadTree(smallTree({ 'people/aaa.yaml': 'id: aaa\nname: Aaa\ngithub: ann-gh\ntimezone: Mars/Olympus\n' })), 'ann-gh')).toEqual({ handle: 'ann-gh', kind: 'person', person: 'ann' });
  });
});
