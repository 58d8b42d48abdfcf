import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { git } from './helpers/github-world.js';
import { addIssue, issueEvent, issuesWorld, requestIssue, stateOf } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';
import { CTRL_C, underTerminal } from './helpers/terminal.js';
import { exampleGitRepo, exampleRepo, GIT_ENV, makeTree, MENTOR_BIN, readText } from './helpers/repo.js';

// Findings of review14 (red-team of the lead's changes of session 14), each on real files.

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };
const INTAKE = '\nintake:\n  eligibility:\n    - id: commitment\n      question: I can give 5.5 hours a week for the whole cycle\n';

function repoWithIntake(): string {
  const repo = exampleRepo();
  writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml') + INTAKE);
  return repo;
}

/** The body GitHub renders for the request form (name first, id optional), answers filled in. */
function formBody(name: string, id?: string): string {
  const section = (label: string, value: string | undefined) => `### ${label}\n\n${value ?? '_No response_'}`;
  return [
    section('Your name', name),
    section('Your id', id),
    section('Your time zone', 'UTC'),
    section('What you want to learn', 'react'),
    section('What you know already', undefined),
    section('A mentor you would like', undefined),
    section('Languages you speak', undefined),
    '### Before you ask\n\n- [X] I can give 5.5 hours a week for the whole cycle',
  ].join('\n\n');
}

describe('request --from-issue: the id made for an empty id field', () => {
  it('is never an id a cohort already has as a member without a person file (the request was refused as "already a member", or the gate refused its pull request)', async () => {
    const repo = repoWithIntake();
    // ivy is listed in 2026-fall, her person file not (yet) written.
    rmSync(path.join(repo, 'people/ivy.yaml'));
    const file = path.join(makeTree({ 'body.md': formBody('Ivy') }), 'body.md');
    const result = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'ivy-new', '--format', 'markdown'], { env: NOW });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toContain('already a member');
    expect(existsSync(path.join(repo, 'people/ivy.yaml'))).toBe(false);
    expect(result.stdout).toContain('Your id is ivy-new, made for you');
  });
});

describe('request: an id that is taken', () => {
  it('when the name and the handle are both taken ids, makes one from the name with a number (was: "An id is needed", for a field the form says is optional)', async () => {
    const repo = repoWithIntake();
    const file = path.join(makeTree({ 'body.md': formBody('Ada') }), 'body.md');
    // ada is a person; the handle "ada" is no one's handle (ada's is ada-l), but its id is ada's.
    const result = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'ada', '--format', 'markdown'], { env: NOW });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toContain('An id is needed');
    expect(result.stdout).toContain('Your id is ada-2, made for you');
    expect(readText(repo, 'people/ada-2.yaml')).toContain('name: Ada\n');
  });

  it('of the longest length (63) gets another offered at once: the offer looped forever (no exit, not even on SIGTERM)', async () => {
    const long = 'a'.repeat(63);
    const repo = repoWithIntake();
    writeFileSync(path.join(repo, `people/${long}.yaml`), `id: ${long}\nname: A\ngithub: a-a\ntimezone: UTC\n`);
    // In a child process killed outright if it spins (it ignored SIGTERM while looping): the assertion is on what it says.
    const result = spawnSync(process.execPath, [MENTOR_BIN, 'request', '--repo', repo, '--person', long, '--name', 'B', '--github', 'b-b', '--timezone', 'UTC', '--answer', 'commitment=yes'], { env: { ...process.env, ...GIT_ENV, ...NOW, NO_COLOR: '1' }, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The id "${long}" is taken (people/${long}.yaml exists): choose another, such as ${'a'.repeat(61)}-2.`);
  });
});

describe('the request workflow (simulated) with the form\'s id left empty', { timeout: 180_000 }, () => {
  it('opens the pull request under the id made from the name, the gate passes it, and the answer says the id', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    const body = formBody('Zoë Ñandú').replace(/\n\n### Before you ask[\s\S]*$/, '');
    const job = runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(body))).jobs.request!;
    expect(job.succeeded, JSON.stringify(job.steps.map((s) => s.stderr))).toBe(true);
    const s = stateOf(w);
    expect(s.prs).toHaveLength(1);
    const files = git(w.origin, 'show', '--name-only', '--format=', 'refs/heads/request/issue-7').trim().split('\n');
    expect(files).toEqual(['cohorts/2026-fall/members/zoe-nandu.yaml', 'people/zoe-nandu.yaml']);
    expect(s.statuses).toEqual([expect.objectContaining({ context: 'mentor/gate', state: 'success' })]);
    expect(s.issues[0].comments.at(-1)).toContain('Your id is zoe-nandu, made for you');
  });
});

describe('mentor site --out a symlink to a folder above the repo', () => {
  it('is refused as that folder is (was: the dashboard written among the folder\'s files, beside the repo)', async () => {
    const parent = makeTree({ 'notes.txt': 'mine\n' });
    const repo = path.join(parent, 'program');
    cpSync(exampleRepo(), repo, { recursive: true });
    const link = path.join(makeTree({}), 'to-parent');
    symlinkSync(parent, link);
    for (const out of [link, path.join(repo, 'up')]) {
      if (out.endsWith('up')) symlinkSync('..', out);
      const result = await mentorIn(['site', '--repo', repo, '--out', out]);
      expect(result.code, result.stdout).toBe(2);
      expect(result.stderr).toMatch(/Not writing the dashboard to a folder that holds the program repo|leads outside the repo/);
    }
    expect(readdirSync(parent).sort()).toEqual(['notes.txt', 'program']);
  });
});

describe('a slip hint whose line is itself the value YAML would misread', () => {
  it('quotes the value where YAML would read the plain line as a number or true (was: `id: 2026`, then "must be a text, not a number")', async () => {
    const repo = exampleRepo({
      'people/2026.yaml': 'id: Ivy\nname: Ivy\ngithub: "@1234"\ntimezone: UTC\n',
      'people/true.yaml': 'id: x\nname: T\ngithub: t-t\ntimezone: UTC\n',
      'cohorts/2026-fall/logs/bob/2026-W40.yaml': 'person: "TRUE"\nweek: 2026-W40\nhours: {}\n',
    });
    const result = await mentorIn(['validate', '--repo', repo, '--format', 'json'], { env: NOW });
    const fixes = JSON.parse(result.stdout).problems.map((p: { file: string; message: string; fix?: string }) => `${p.file}: ${p.fix ?? p.message}`).join('\n');
    expect(fixes).toContain('people/2026.yaml: Write `id: "2026"`, the file\'s name.');
    expect(fixes).toContain('people/2026.yaml: Write `github: "1234"`, without the @.');
    expect(fixes).toContain('people/true.yaml: Set `id: "true"`, or rename the file to people/x.yaml.');
    expect(fixes).toContain('Ids are written in lower case: `person: "true"`.');
  });
});

describe('an activity name outside the rule', () => {
  it('whose name as an id is an activity the role has already is not offered that name (renaming it so wrote the key twice)', async () => {
    const repo = exampleRepo();
    const config = readText(repo, 'mentor.config.yaml').replace('  mentee:\n    activities:\n', '  mentee:\n    activities:\n      "Weekly Review": { hours: 1 }\n');
    writeFileSync(path.join(repo, 'mentor.config.yaml'), config);
    const result = await mentorIn(['validate', '--repo', repo, '--format', 'json'], { env: NOW });
    const problem = JSON.parse(result.stdout).problems.find((p: { message: string }) => p.message.startsWith('"Weekly Review" cannot be a name here'));
    expect(problem.fix).not.toContain('to "weekly-review"');
    expect(problem.fix).toBe('"weekly-review" is here already: keep one of the two (delete this one, or rename it to a name of its own).');
  });
});

describe('next <from> <a name that is no id>', () => {
  it('does not offer the cohort it starts from as the id of the next one ("2026 Fall" was offered 2026-fall, which then "already exists")', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['next', '2026-fall', '2026 Fall', '--repo', repo, '--start', '2027-01-11'], { env: { MENTOR_NOW: '2026-12-05T10:00:00-08:00' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"2026 Fall" is not a cohort id.');
    expect(result.stderr).not.toContain('e.g. 2026-fall');
    expect(result.stderr).toContain('2026-fall is the cohort it starts from');
  });
});

describe('the git steps printed after a change written without --commit, run with --repo from another folder', () => {
  it('start in the repo (they were relative to it: git switch from elsewhere found no repo)', async () => {
    const repo = path.join(makeTree({}), 'the program');
    cpSync(exampleRepo(), repo, { recursive: true });
    const elsewhere = makeTree({});
    const assigned = await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes'], { env: NOW, cwd: elsewhere });
    expect(assigned.code, assigned.stderr).toBe(0);
    expect(assigned.stdout).toContain(`one merged:\n  cd '${repo}'\n  git switch -c assign/2026-fall-2026-11-23\n`.replace('one merged', 'once merged'));
    // From the repo itself, no cd.
    const reported = await mentorIn(['report', '2026-fall', '--repo', '.'], { env: NOW, cwd: repo });
    expect(reported.code, reported.stderr).toBe(0);
    expect(reported.stdout).toContain('once merged:\n  git switch -c report/2026-fall/2026-W47\n');
  });

  it('after --commit too: the push starts in the repo', async () => {
    const repo = exampleGitRepo();
    const committed = await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes', '--commit'], { env: NOW, cwd: makeTree({}) });
    expect(committed.code, committed.stderr).toBe(0);
    expect(committed.stdout).toContain(`Next: push it and open a pull request:\n  cd ${repo.includes(' ') ? `'${repo}'` : repo}\n  git push -u origin assign/2026-fall-2026-11-23`);
  });
});

describe('init in a folder whose people are .yml files', () => {
  it('sees them as the program\'s records and adds no made-up lead nor example cohort (people/ada.yml got alex and 2026-first beside it)', async () => {
    const dir = makeTree({ 'people/ada.yml': 'id: ada\nname: Ada\ngithub: ada-l\ntimezone: UTC\n' });
    const result = await mentorIn(['init', dir], { env: { ...GIT_ENV, MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'people/alex.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, 'cohorts'))).toBe(false);
    expect(result.stdout).not.toContain('placeholder');
  });
});

describe('a date written with slashes or without leading zeros that is no day of the calendar', () => {
  it('is not offered back as the date to write (2026/13/45 was offered 2026-13-45; 2026/2/30, 2026-02-30)', async () => {
    for (const [written, said] of [['2026/13/45', '2026-13-45'], ['2026/2/30', '2026-02-30']]) {
      const repo = exampleRepo();
      writeFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), readText(repo, 'cohorts/2026-fall/cohort.yaml').replace(/^start: .*$/m, `start: "${written}"`));
      const result = await mentorIn(['validate', '--repo', repo, '--format', 'json'], { env: NOW });
      const problem = JSON.parse(result.stdout).problems.find((p: { file: string; message: string }) => p.file === 'cohorts/2026-fall/cohort.yaml' && p.message.startsWith('"start"'));
      expect(problem.fix).not.toContain(`dashes: ${said}.`);
      expect(problem.fix).toBe(`Write a real date as YYYY-MM-DD, e.g. 2026-09-07 (${said} is no day of the calendar).`);
    }
  });
});

describe('request --from-issue: an id made from a name that is a device name of Windows', () => {
  it('is not made (people/con.yaml cannot be checked out on Windows): the handle is taken instead', async () => {
    const repo = repoWithIntake();
    for (const [name, handle] of [['Con', 'con-c'], ['Nul', 'nul-n'], ['Aux', 'aux-a'], ['COM1', 'com-one']]) {
      const file = path.join(makeTree({ 'body.md': formBody(name!) }), 'body.md');
      const result = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', handle!, '--format', 'markdown'], { env: NOW });
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toContain(`Your id is ${handle}, made for you`);
    }
  });
});

describe('eligibility questions written without their ids', () => {
  it('are offered ids of their own (two got the same one) and lines YAML reads as text (a question "12345" got `question: 12345`, a number)', async () => {
    const repo = exampleRepo();
    const intake = '\nintake:\n  eligibility:\n    - I can give 5 hours a week for the whole of the cycle\n    - I can give 5 hours a week for the whole of the cycle, and more\n    - "12345"\n';
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml') + intake);
    const result = await mentorIn(['validate', '--repo', repo, '--format', 'json'], { env: NOW });
    const fixes = JSON.parse(result.stdout).problems.map((p: { fix: string }) => p.fix);
    expect(fixes).toContain('Write it as two lines: `- id: i-can-give-5-hours-a-week-for` and, under it, `question: I can give 5 hours a week for the whole of the cycle`.');
    expect(fixes).toContain('Write it as two lines: `- id: i-can-give-5-hours-a-week-for-2` and, under it, `question:` and the question in quotes.');
    expect(fixes).toContain('Write it as two lines: `- id: "12345"` and, under it, `question: "12345"`.');
  });
});

describe('a time zone abbreviation in lower or mixed case', () => {
  it('is refused in a request and warned of in a person file, as in capitals (bst was taken: Asia/Dhaka)', async () => {
    const repo = repoWithIntake();
    for (const zone of ['bst', 'Est', 'pst8pdt']) {
      const result = await mentorIn(['request', '--repo', repo, '--person', 'zed', '--name', 'Zed', '--github', 'zed-z', '--timezone', zone, '--answer', 'commitment=yes'], { env: NOW });
      // A value given by a flag that cannot be taken is a usage error, as for BST.
      expect(result.code, result.stdout).toBe(2);
      expect(result.stderr).toContain(`"${zone}" is an abbreviation, not a place`);
    }
    expect(existsSync(path.join(repo, 'people/zed.yaml'))).toBe(false);
    writeFileSync(path.join(repo, 'people/ada.yaml'), readText(repo, 'people/ada.yaml').replace(/^timezone: .*$/m, 'timezone: bst'));
    writeFileSync(path.join(repo, 'people/bob.yaml'), readText(repo, 'people/bob.yaml').replace(/^timezone: .*$/m, 'timezone: Japan'));
    const validated = await mentorIn(['validate', '--repo', repo, '--format', 'json'], { env: NOW });
    const rules = JSON.parse(validated.stdout).problems.map((p: { file: string; rule: string }) => `${p.file} ${p.rule}`);
    expect(rules).toContain('people/ada.yaml timezone-abbreviation');
    expect(rules).not.toContain('people/bob.yaml timezone-abbreviation');
  });
});

describe('request on a terminal: an id a cohort lists without a person file', () => {
  it('is said at the id question, with one that is free (was: taken, then refused after the last question as "already a member")', () => {
    const repo = exampleRepo();
    rmSync(path.join(repo, 'people/ivy.yaml'));
    const { code, screen } = underTerminal(['request', '--repo', repo], [
      ['What would you like to do?', '\r'],
      ['Your name', 'Ivy\r'],
      ['Your id', 'ivy\r'],
      ['is someone else', CTRL_C],
    ]);
    expect(code, screen).toBe(130);
    expect(screen).not.toContain('Your id (ivy)');
    expect(screen.replace(/\r?\n/g, '')).toContain('such as ivy-2;');
  });
});
