import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingGit } from './helpers/git-calls.js';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { EXAMPLE, exampleGitRepo, exampleRepo, git, gitRepo, makeTree, mentor } from './helpers/repo.js';

// check-pr reads base and head from git objects and judges each change by what it means
// (DESIGN.md "Pull requests on GitHub"). Every repo here is real git; nothing is mocked.

const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' }; // a Tuesday of 2026-W48, the cohort still running

/** The example program on main, and a branch `pr` with the given edits committed. */
function pullRequest(edit: (repo: string) => void, base?: string): string {
  const repo = openBranch(base);
  edit(repo);
  return commitBranch(repo);
}

/** pullRequest() whose edit is the given mentor command, run in-process. */
async function pullRequestOf(args: string[]): Promise<string> {
  const repo = openBranch();
  expect((await mentorIn([...args, '--repo', repo], { env: NOW })).code).toBe(0);
  return commitBranch(repo);
}

function openBranch(base?: string): string {
  const repo = base ? gitRepo(base) : exampleGitRepo();
  git(repo, ['switch', '-q', '-c', 'pr']);
  return repo;
}

function commitBranch(repo: string): string {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'pr']);
  return repo;
}


const write = (repo: string, file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const read = (repo: string, file: string) => readFileSync(path.join(repo, file), 'utf8');
const edit = (repo: string, file: string, change: (text: string) => string) => write(repo, file, change(read(repo, file)));

const HAL_LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const halLog = 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n';
const COHORT = 'cohorts/2026-fall/cohort.yaml';

/** Markdown with its code spans removed, as CommonMark pairs them: a run of n backticks closes at the next run of exactly n. */
function stripCodeSpans(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; ) {
    const run = /^`+/.exec(markdown.slice(i))?.[0];
    if (!run) {
      out += markdown[i++];
      continue;
    }
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = i + run.length;
    const end = close.exec(markdown);
    if (!end) {
      out += run;
      i += run.length;
      continue;
    }
    i = end.index + run.length;
  }
  return out;
}

type Verdict = { file: string; status: string; allowed: boolean; reason: string; from?: string };

async function checkPr(repo: string, author: string, extra: string[] = []) {
  return await mentorInJson<{ allowed: boolean; changes: Verdict[]; author: { kind: string; person?: string }; problems: { rule: string; file: string; severity: string }[] }>(
    ['check-pr', '--repo', repo, '--base', 'main', '--author', author, '--format', 'json', ...extra],
    { env: NOW },
  );
}
const byFile = (changes: Verdict[]) => Object.fromEntries(changes.map((change) => [change.file, change]));

describe('mentor check-pr: a person and their own records', () => {
  it('lets a person add and edit their own logs and person file, and gives the JSON of DESIGN.md', async () => {
    const repo = pullRequest((r) => {
      write(r, HAL_LOG, halLog);
      edit(r, 'cohorts/2026-fall/logs/hal/2026-W46.yaml', (t) => t.replace('done:', 'done: Also'));
      edit(r, 'people/hal.yaml', (t) => `${t}# hi\n`);
    });
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(json.allowed).toBe(true);
    expect(json.changes.map((c) => `${c.status} ${c.file} ${c.allowed}`).sort()).toEqual([`added ${HAL_LOG} true`, 'modified cohorts/2026-fall/logs/hal/2026-W46.yaml true', 'modified people/hal.yaml true']);
    for (const change of json.changes) expect(Object.keys(change).sort()).toEqual(['allowed', 'file', 'reason', 'status']);
    expect(code).toBe(0);
  });

  it("fails naming each file someone may not touch: others' records, the config, the cohort's settings, reports, workflows, the runner", async () => {
    const repo = pullRequest((r) => {
      write(r, HAL_LOG, halLog);
      write(r, 'people/bob.yaml', 'id: bob\nname: Bobby\n');
      edit(r, 'mentor.config.yaml', (t) => `${t}# x\n`);
      edit(r, COHORT, (t) => t.replace('name: Fall 2026 web cohort', 'name: Hal cohort'));
      write(r, 'reports/2026-fall/2026-W47.md', '# fake\n');
      write(r, '.github/workflows/mentor.yml', 'on: push\n');
      write(r, '.mentor/mentor.mjs', 'console.log("all good")\n');
    });
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(code).toBe(1);
    const refused = json.changes.filter((f) => !f.allowed).map((f) => f.file).sort();
    expect(refused).toEqual(['.github/workflows/mentor.yml', '.mentor/mentor.mjs', COHORT, 'mentor.config.yaml', 'people/bob.yaml', 'reports/2026-fall/2026-W47.md']);
    const text = mentor(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k'], { env: NOW });
    expect(text.stdout).toContain('✖ modified people/bob.yaml: the person file of bob: only its owner or a maintainer may change it');
    expect(text.stdout).toContain('Ask @andrew-gh to review this pull request');
  });

  it('refuses a log of a week outside the cohort, and one where no log is read, with the author’s own fix first: no maintainer is needed', async () => {
    const repo = pullRequest((r) => {
      write(r, 'cohorts/2026-fall/logs/hal/2026-W20.yaml', halLog.replace('2026-W47', '2026-W20'));
      write(r, 'cohorts/2026-fall/logs/hal/2026-W46.yml', halLog.replace('2026-W47', '2026-W46'));
    });
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(code).toBe(1);
    expect(byFile(json.changes)['cohorts/2026-fall/logs/hal/2026-W20.yaml']).toEqual({ file: 'cohorts/2026-fall/logs/hal/2026-W20.yaml', status: 'added', allowed: false, reason: 'your own log, but 2026-W20 is outside cohort 2026-fall (2026-W37 to 2026-W48): a log is for a week of its cohort; rename it to the week you meant' });
    expect(byFile(json.changes)['cohorts/2026-fall/logs/hal/2026-W46.yml']).toMatchObject({ allowed: false, reason: expect.stringContaining('write it as cohorts/2026-fall/logs/hal/2026-W46.yaml') });
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k'], { env: NOW });
    // The week is also validate's error (log-week-outside-cohort), listed among the problems in the records.
    expect(text.stdout).toContain('cohorts/2026-fall/logs/hal/2026-W20.yaml:2:7 Week 2026-W20 is outside cohort 2026-fall (2026-W37 to 2026-W48); a log is for a week of its cohort. [log-week-outside-cohort]');
    // Counted once per file: the week is one problem, though both the gate and validate say it.
    expect(text.stdout.trim().split('\n').at(-1)).toBe('Fix the 2 problems above (each says how), commit and push again: this check runs again by itself.');
    // With a change that does need a maintainer, both are said.
    const mixed = pullRequest((r) => {
      write(r, 'cohorts/2026-fall/logs/hal/2026-W20.yaml', halLog.replace('2026-W47', '2026-W20'));
      edit(r, 'people/bob.yaml', (t) => `${t}# hi\n`);
    });
    const both = await mentorIn(['check-pr', '--repo', mixed, '--base', 'main', '--author', 'hal-k'], { env: NOW });
    expect(both.stdout).toContain('Fix the 1 problem above (each says how), commit and push again: this check runs again by itself. Some changes also need a maintainer: ask @andrew-gh');
  });

  it('refuses a log whose file name is no week, and one of a week not begun, as its author’s to fix, saying how', async () => {
    const repo = pullRequest((r) => {
      write(r, 'cohorts/2026-fall/logs/hal/week47.yaml', halLog);
      write(r, 'cohorts/2026-fall/logs/hal/2026-W48.yaml', halLog.replace('2026-W47', '2026-W48'));
    });
    // A Tuesday of 2026-W46: 2026-W48 is a week of the cohort, not yet begun (`mentor log` refuses it too).
    const early = { MENTOR_NOW: '2026-11-10T09:00:00-08:00' };
    const { json } = await mentorInJson<{ changes: Verdict[] }>(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k', '--format', 'json'], { env: early });
    expect(Object.fromEntries(json.changes.map((c) => [c.file, c.reason]))).toEqual({
      'cohorts/2026-fall/logs/hal/week47.yaml': 'your own log, but its file name week47.yaml names no week: name it for the ISO week it logs, YYYY-Www.yaml, such as 2026-W45.yaml for last week',
      'cohorts/2026-fall/logs/hal/2026-W48.yaml': 'your own log, but 2026-W48 has not started yet (this week is 2026-W46): log it once it has begun, on 2026-11-23, or rename it to the week you meant',
    });
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k'], { env: early });
    // Neither needs a maintainer: the author fixes both.
    expect(text.stdout).not.toContain('ask @andrew-gh');
    // Once the week has begun, its log is the author's to add.
    expect((await checkPr(repo, 'hal-k')).json.changes.find((c) => c.file.endsWith('2026-W48.yaml'))).toMatchObject({ allowed: true });
  });

  it('refuses deleting even your own log, a rename into someone else’s folder, and a change of your id or github', async () => {
    const repo = pullRequest((r) => {
      rmSync(path.join(r, 'cohorts/2026-fall/logs/hal/2026-W45.yaml'));
      renameSync(path.join(r, 'cohorts/2026-fall/logs/hal/2026-W46.yaml'), path.join(r, 'cohorts/2026-fall/logs/gus/2026-W44.yaml'));
      edit(r, 'people/hal.yaml', (t) => t.replace('github: hal-k', 'github: hal-other'));
    });
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(code).toBe(1);
    const files = byFile(json.changes);
    expect(files['cohorts/2026-fall/logs/hal/2026-W45.yaml']).toMatchObject({ status: 'deleted', allowed: false });
    expect(files['cohorts/2026-fall/logs/gus/2026-W44.yaml']).toMatchObject({ status: 'renamed', from: 'cohorts/2026-fall/logs/hal/2026-W46.yaml', allowed: false });
    expect(files['people/hal.yaml']!.reason).toContain('`github` is how mentor knows you');
  });

  it('refuses renaming your own log to another week, which deletes that week’s log, unless a maintainer approves', async () => {
    const repo = pullRequest((r) => {
      renameSync(path.join(r, 'cohorts/2026-fall/logs/hal/2026-W46.yaml'), path.join(r, 'cohorts/2026-fall/logs/hal/2026-W44.yaml'));
      edit(r, 'cohorts/2026-fall/logs/hal/2026-W44.yaml', (t) => t.replace('week: 2026-W46', 'week: 2026-W44'));
    });
    const result = await checkPr(repo, 'hal-k');
    expect(result.code).toBe(1);
    expect(result.json.changes[0]).toMatchObject({ status: 'renamed', from: 'cohorts/2026-fall/logs/hal/2026-W46.yaml', allowed: false });
    expect(result.json.changes[0]!.reason).toContain('renaming it takes away the log of cohorts/2026-fall/logs/hal/2026-W46.yaml, and deleting a log needs a maintainer');
    expect((await checkPr(repo, 'hal-k', ['--approved-by', 'andrew-gh'])).code).toBe(0);
  });

  it('needs a maintainer for a log saved outside the record layout, and tells its author where the log goes', async () => {
    const repo = pullRequest((r) => {
      write(r, 'cohorts/2026-fall/hal-2026-W47.yaml', halLog);
      write(r, 'cohorts/2026-fall/log/hal/2026-W47.yaml', halLog);
    });
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(code).toBe(1);
    expect(json.changes.map((c) => `${c.file} ${c.allowed} ${c.reason}`).sort()).toEqual([
      'cohorts/2026-fall/hal-2026-W47.yaml false not where a log goes, so it would never be counted: write it as cohorts/2026-fall/logs/hal/2026-W47.yaml (only a maintainer may change files outside the record layout)',
      'cohorts/2026-fall/log/hal/2026-W47.yaml false not where a log goes, so it would never be counted: write it as cohorts/2026-fall/logs/hal/2026-W47.yaml (only a maintainer may change files outside the record layout)',
    ]);
    expect(json.problems.map((p) => `${p.file} ${p.rule} ${p.severity}`).sort()).toEqual(['cohorts/2026-fall/hal-2026-W47.yaml unexpected-file warning', 'cohorts/2026-fall/log unexpected-file warning']);
    expect((await checkPr(repo, 'hal-k', ['--approved-by', 'andrew-gh'])).code).toBe(0);
  });

  it('lets the author move a misplaced log of theirs on the base branch to where it goes, as its verdict says, and only their own', async () => {
    const base = () => {
      const dir = exampleRepo();
      write(dir, 'cohorts/2026-fall/hal-2026-W47.yaml', halLog);
      write(dir, 'cohorts/2026-fall/logs/2026-W47.yaml', halLog);
      return dir;
    };
    const moved = pullRequest((r) => renameSync(path.join(r, 'cohorts/2026-fall/hal-2026-W47.yaml'), path.join(r, HAL_LOG)), base());
    const { code, json } = await checkPr(moved, 'hal-k');
    expect(json.changes).toEqual([{ file: HAL_LOG, from: 'cohorts/2026-fall/hal-2026-W47.yaml', status: 'renamed', allowed: true, reason: 'your own new log' }]);
    expect(code).toBe(0);
    // A week's file right in logs/ names nobody: it may be anyone's log, so moving it into your folder needs a maintainer, and says so rather than to do what was done.
    const nobodys = pullRequest((r) => renameSync(path.join(r, 'cohorts/2026-fall/logs/2026-W47.yaml'), path.join(r, HAL_LOG)), base());
    const verdict = (await checkPr(nobodys, 'hal-k')).json.changes[0]!;
    expect(verdict).toMatchObject({ allowed: false, reason: expect.stringContaining('only a maintainer may move it') });
    expect(verdict.reason).not.toContain(`write it as ${HAL_LOG}`);
  });

  it('tells the author of a log saved outside the cohorts where it goes, rather than to ask a maintainer to merge a log that is never counted', async () => {
    const repo = pullRequest((r) => {
      write(r, '2026-W47.yaml', halLog);
      write(r, 'logs/hal/2026-W46.yaml', halLog.replace('2026-W47', '2026-W46'));
      write(r, 'people/hal-2026-W45.yaml', halLog.replace('2026-W47', '2026-W45'));
      // Not guessed: another person's folder, or a week of no cohort of theirs.
      write(r, 'logs/bob/2026-W44.yaml', halLog.replace('2026-W47', '2026-W44'));
      write(r, 'logs/2025-W10.yaml', halLog.replace('2026-W47', '2025-W10'));
    });
    const { json } = await checkPr(repo, 'hal-k');
    const goes = (log: string) => `not where a log goes, so it would never be counted: write it as ${log} (only a maintainer may change files outside the record layout)`;
    expect(Object.fromEntries(json.changes.map((c) => [c.file, c.reason]))).toEqual({
      '2026-W47.yaml': goes('cohorts/2026-fall/logs/hal/2026-W47.yaml'),
      'logs/hal/2026-W46.yaml': goes('cohorts/2026-fall/logs/hal/2026-W46.yaml'),
      'people/hal-2026-W45.yaml': goes('cohorts/2026-fall/logs/hal/2026-W45.yaml'),
      'logs/bob/2026-W44.yaml': 'not a record (records are the .yaml files of people/ and cohorts/): only a maintainer may change other files',
      'logs/2025-W10.yaml': 'not a record (records are the .yaml files of people/ and cohorts/): only a maintainer may change other files',
    });
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k'], { env: NOW });
    expect(text.stdout).toContain('2026-W47.yaml: not where a log goes');
  });

  it('tells the author of a log in a cohort folder that is no cohort (a misspelt name) where it goes, not to create the cohort', async () => {
    const repo = pullRequest((r) => {
      write(r, 'cohorts/2026-Fall/logs/hal/2026-W47.yaml', halLog);
      write(r, 'cohorts/fall-2026/logs/hal/week-47.yaml', halLog);
    });
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(code).toBe(1);
    expect(Object.fromEntries(json.changes.map((c) => [c.file, `${c.allowed} ${c.reason}`]))).toEqual({
      'cohorts/2026-Fall/logs/hal/2026-W47.yaml': 'false your own log, but there is no cohort 2026-Fall, so it would never be counted: write it as cohorts/2026-fall/logs/hal/2026-W47.yaml, in the folder of your cohort',
      'cohorts/fall-2026/logs/hal/week-47.yaml': 'false your own log, but there is no cohort fall-2026, so it would never be counted: put it in the logs/ folder of your cohort',
    });
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k'], { env: NOW });
    expect(text.stdout).not.toContain('ask @andrew-gh');
  });

  it('tells the author of a week saved right in logs/ to put it in their own folder, not in logs/logs/', async () => {
    const repo = pullRequest((r) => write(r, 'cohorts/2026-fall/logs/2026-W47.yaml', halLog));
    const { json } = await checkPr(repo, 'hal-k');
    expect(json.changes).toEqual([
      {
        file: 'cohorts/2026-fall/logs/2026-W47.yaml',
        status: 'added',
        allowed: false,
        reason: 'not where a log goes, so it would never be counted: write it as cohorts/2026-fall/logs/hal/2026-W47.yaml (only a maintainer may change files outside the record layout)',
      },
    ]);
  });

  it('tells a mentor who lowers her own budget below her planned hours the one fix that is hers: the budget to give', async () => {
    const repo = pullRequest((r) => edit(r, 'people/ada.yaml', (t) => t.replace('maxHoursPerWeek: 8', 'maxHoursPerWeek: 5')));
    const { code, json } = await checkPr(repo, 'ada-l');
    expect(code).toBe(1);
    expect(json.problems).toEqual([
      expect.objectContaining({
        file: COHORT,
        rule: 'capacity-max-hours',
        message: 'ada is planned for 7 hours a week with 3 mentees, past their budget of 5 (maxHoursPerWeek).',
        fix: "Move a mentee to someone with room (a maintainer's change), or raise maxHoursPerWeek in people/ada.yaml to 7 or more.",
      }),
    ]);
  });

  it('does not hold against a pull request a problem the base branch had already, which its author may not fix, and says so', async () => {
    // A maintainer's slip on main: ivy's mentor misspelt, in cohort.yaml, which hal may not change.
    const broken = () => exampleRepo({ [COHORT]: read(EXAMPLE, COHORT).replace('    mentor: linus\n', '    mentor: linuss\n') });
    const repo = pullRequest((r) => {
      write(r, HAL_LOG, halLog);
      edit(r, 'people/hal.yaml', (t) => t.replace('Hal Kim', 'Hal K. Kim'));
    }, broken());
    // validate --changed reports it: the cohort reads hal's person file.
    expect((await mentorIn(['validate', '--repo', repo, '--changed', 'main', '--format', 'json'], { env: NOW })).stdout).toContain('member-unknown-mentor');
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(json.problems).toEqual([]);
    expect([code, json.allowed]).toEqual([0, true]);
    const markdown = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k', '--format', 'markdown'], { env: NOW });
    expect(markdown.stdout).toContain('### ✅ mentor gate: ready to merge');
    expect(markdown.stdout).toContain("1 problem in the records around this change was on the base branch already \\(the validate check shows it too\\): not yours to fix, and not held against this pull request; a maintainer fixes it there.");
    // A warning the base had already is left out too: hal's pull request shows none of main's.
    const warned = () => exampleRepo({ [COHORT]: read(EXAMPLE, COHORT).replace('    prefers: ada # a mentor she asked for\n', '    prefers: bob\n') });
    const quiet = pullRequest((r) => edit(r, 'people/hal.yaml', (t) => t.replace('Hal Kim', 'Hal K. Kim')), warned());
    expect((await checkPr(quiet, 'hal-k')).json.problems).toEqual([]);
    // A problem the pull request brings is its own, though the base has another of the same rule.
    const worse = pullRequest((r) => edit(r, COHORT, (t) => t.replace('    mentor: grace\n', '    mentor: gracee\n')), broken());
    const second = await checkPr(worse, 'andrew-gh');
    expect(second.json.problems.map((p) => p.message)).toEqual(['The mentor "gracee" is not a member of this cohort.']);
    expect(second.code).toBe(1);
  });

  it('fails the gate on invalid records even when the author may make the change', async () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n'));
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(json.changes[0]!.allowed).toBe(true);
    expect(json.problems.map((p) => p.rule)).toContain('log-unknown-activity');
    expect(json.allowed).toBe(false);
    expect(code).toBe(1);
  });
});

describe('mentor check-pr: a person whose own file has errors at the base', () => {
  // A file can turn invalid on main without its owner (a rule a newer runner adds, a time zone
  // renamed, a maintainer's push): it still says whose it is.
  const broken = (): string => {
    const dir = exampleRepo();
    edit(dir, 'people/hal.yaml', (t) => t.replace(/^timezone: .*$/m, 'timezone: Mars/Olympus'));
    return dir;
  };

  it('is still that person: they may fix their own file, and may not register the handle a second time', async () => {
    const fixing = pullRequest((r) => edit(r, 'people/hal.yaml', (t) => t.replace('timezone: Mars/Olympus', 'timezone: Europe/Paris')), broken());
    const fixed = await checkPr(fixing, 'hal-k');
    expect(fixed.json.author).toEqual({ handle: 'hal-k', kind: 'person', person: 'hal' });
    expect(byFile(fixed.json.changes)['people/hal.yaml']).toMatchObject({ allowed: true });
    expect(fixed.code).toBe(0);

    const twice = pullRequest((r) => write(r, 'people/hal2.yaml', 'id: hal2\nname: Hal\ngithub: hal-k\ntimezone: Europe/Paris\nskills: []\n'), broken());
    const second = await checkPr(twice, 'hal-k');
    expect(second.json.author.kind).toBe('person');
    expect(byFile(second.json.changes)['people/hal2.yaml']).toMatchObject({ allowed: false });
    expect(second.code).toBe(1);
  });

  it('may not hand their file to another handle or id while its error stays: the error is the base\'s, the change is not', async () => {
    for (const [field, to] of [['github: hal-k', 'github: victim-v'], ['id: hal', 'id: "hal "']] as const) {
      const repo = pullRequest((r) => edit(r, 'people/hal.yaml', (t) => t.replace(field, to)), broken());
      const { code, json } = await checkPr(repo, 'hal-k');
      expect(byFile(json.changes)['people/hal.yaml']).toMatchObject({ allowed: false, reason: expect.stringMatching(/ask a maintainer/) });
      expect(code).toBe(1);
    }
    // A head file that names nobody (a symlink) is not a change of hands: its problem says what to fix.
    const linked = pullRequest((r) => {
      rmSync(path.join(r, 'people/hal.yaml'));
      symlinkSync('bob.yaml', path.join(r, 'people/hal.yaml'));
    }, broken());
    expect(byFile((await checkPr(linked, 'hal-k')).json.changes)['people/hal.yaml']).toMatchObject({ allowed: true, reason: 'your own person file (fix the problems listed below)' });
  });
});

describe('mentor check-pr: GitHub says who has access', () => {
  it('judges a listed maintainer without access to the repository as anyone else, and says why', async () => {
    const repo = pullRequest((r) => write(r, 'mentor.config.yaml', 'program: Changed\nmaintainers: [andrew-gh]\n'));
    for (const association of ['OWNER', 'MEMBER', 'COLLABORATOR']) expect((await checkPr(repo, 'andrew-gh', ['--author-association', association])).code).toBe(0);
    const stranger = await checkPr(repo, 'andrew-gh', ['--author-association', 'NONE']);
    expect(stranger.code).toBe(1);
    expect(stranger.json.author).toMatchObject({ handle: 'andrew-gh', listedWithoutAccess: true });
    expect(stranger.json.author.kind).not.toBe('maintainer');
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'andrew-gh', '--author-association', 'CONTRIBUTOR'], { env: NOW });
    expect(text.stdout).toContain('listed as a maintainer, but GitHub says this login has no access to the repository');
    // An approval GitHub says is from a login without access is said, and never counted.
    const hal = pullRequest((r) => edit(r, 'people/bob.yaml', (t) => `${t}# hi\n`));
    const ignoredApproval = await mentorIn(['check-pr', '--repo', hal, '--base', 'main', '--author', 'hal-k', '--approved-without-access', 'andrew-gh', '--approved-without-access', 'random-passerby'], { env: NOW });
    expect(ignoredApproval.code).toBe(1);
    expect(ignoredApproval.stdout.split('\n')[0]).toBe('The approval of @andrew-gh does not count: GitHub says this login has no access to the repository (a member of the organisation whose membership is private shows so: make it public, or add the login as a collaborator).');
    // A value GitHub has added since this runner was built: judged as the least access (NONE), and said; no error.
    const unknown = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'andrew-gh', '--author-association', 'ADMIN'], { env: NOW });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('');
    expect(unknown.stdout).toContain("GitHub's author_association ADMIN is one this mentor does not know, so it counts as NONE: no access to the repository");
    const unknownJson = await checkPr(repo, 'andrew-gh', ['--author-association', 'ADMIN']);
    expect(unknownJson.json.author).toMatchObject({ handle: 'andrew-gh', listedWithoutAccess: true, unknownAssociation: 'ADMIN' });
    const newcomer = await checkPr(pullRequest((r) => write(r, 'people/zoe.yaml', 'id: zoe\nname: Zoe\ngithub: zoe-z\ntimezone: Europe/Paris\nskills: []\n')), 'zoe-z', ['--author-association', 'SPONSOR']);
    expect(newcomer.code).toBe(0);
    expect(newcomer.json.author).toMatchObject({ kind: 'newcomer', unknownAssociation: 'SPONSOR' });
    // Not shaped like one of GitHub's: the caller's mistake (exit 2), said without echoing control characters.
    const garbled = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'andrew-gh', '--author-association', 'owner\u001b[2J'], { env: NOW });
    expect(garbled.code).toBe(2);
    expect(garbled.stderr).toContain('--author-association');
    expect(garbled.stderr).not.toContain('\u001b');
  });
});

describe('mentor check-pr: maintainers, approvals and bots', () => {
  it('lets a maintainer change anything, in any letter case', async () => {
    const repo = pullRequest((r) => write(r, 'mentor.config.yaml', 'program: Changed\nmaintainers: [andrew-gh]\n'));
    expect((await checkPr(repo, 'Andrew-GH')).code).toBe(0);
  });

  it('reads maintainers from the base, so a pull request cannot make its author one', async () => {
    const repo = pullRequest((r) => {
      write(r, 'mentor.config.yaml', 'program: P\nmaintainers: [andrew-gh, hal-k]\n');
      write(r, 'people/bob.yaml', 'id: bob\nname: Bobby\n');
    });
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(json.author.kind).toBe('person');
    expect(code).toBe(1);
  });

  it("turns green with a maintainer's approval, and only a maintainer's", async () => {
    const repo = pullRequest((r) => write(r, 'people/bob.yaml', 'id: bob\nname: Bobby\n'));
    expect((await checkPr(repo, 'hal-k', ['--approved-by', 'gus-o'])).code).toBe(1);
    const approved = await checkPr(repo, 'hal-k', ['--approved-by', 'gus-o', '--approved-by', 'andrew-gh']);
    expect(approved.code).toBe(0);
    expect(approved.json.changes[0]!.reason).toContain('approved by @andrew-gh');
  });

  it('gives a bot author a clear maintainer-only verdict, not a usage error', async () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog));
    const result = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'dependabot[bot]'], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('a bot');
    expect(result.stdout).toContain('a maintainer must approve');
    expect((await checkPr(repo, 'dependabot[bot]', ['--approved-by', 'andrew-gh'])).code).toBe(0);
  });

  it('refuses logins and refs that are not what they claim, before git sees them', async () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog));
    for (const ref of ['--output=/tmp/pwned', '-p']) {
      const result = await mentorIn(['check-pr', '--repo', repo, `--base=${ref}`, '--author', 'hal-k']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('is not a git ref');
    }
    const unknown = await mentorIn(['check-pr', '--repo', repo, '--base', 'nope', '--author', 'hal-k']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--base nope: git knows no such commit');
    const badAuthor = mentor(['check-pr', '--repo', repo, '--base', 'main', '--author', 'a\u001b[31m;rm']);
    expect(badAuthor.code).toBe(2);
    expect(badAuthor.stderr).not.toContain('\u001b');
  });
});

describe('mentor check-pr: judged as merging would leave the base', () => {
  /** A branch `pr` from main with `change`, then main moves on with `meanwhile`. */
  function diverged(change: (repo: string) => void, meanwhile: (repo: string) => void, base?: string): string {
    const repo = pullRequest(change, base);
    git(repo, ['switch', '-q', 'main']);
    meanwhile(repo);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'main moved on']);
    return repo;
  }
  const judge = async (repo: string, author: string) => (await checkPr(repo, author, ['--head', 'pr']));

  it('fails a change that is valid on its own head but breaks once merged with what the base did since', async () => {
    const repo = diverged(
      (r) => write(r, HAL_LOG, halLog),
      (r) => {
        edit(r, COHORT, (t) => t.replace('  - person: hal\n    role: mentee\n    mentor: grace\n', ''));
        rmSync(path.join(r, 'cohorts/2026-fall/logs/hal'), { recursive: true });
      },
    );
    const { code, json } = await judge(repo, 'hal-k');
    expect(json.problems.map((p) => `${p.file} ${p.severity}`)).toContain(`${HAL_LOG} error`);
    expect(code).toBe(1);
  });

  it("judges only what the pull request changes in a file the base changed too, not the base's change as if reverted", async () => {
    const claimJon = (r: string) => edit(r, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    mentor: linus\n    assignedAt: 2026-11-24T11:00:00-08:00\n'));
    const assignCleo = (r: string) => edit(r, COHORT, (t) => t.replace('  - person: cleo\n    role: mentee\n', '  - person: cleo\n    role: mentee\n    mentor: grace\n    assignedAt: 2026-11-24T09:00:00-08:00\n'));
    const { code, json } = await judge(diverged(claimJon, assignCleo), 'linus-s');
    expect(json.changes.map((c) => [c.file, c.allowed])).toEqual([[COHORT, true]]);
    expect(json.problems).toEqual([]);
    expect(code).toBe(0);
  });

  it('says which files no longer merge, and how to bring the branch up to date', async () => {
    const repo = diverged(
      (r) => write(r, HAL_LOG, halLog),
      (r) => write(r, HAL_LOG, halLog.replace('practice: 3', 'practice: 4')),
    );
    const { code, json } = await judge(repo, 'hal-k');
    expect(json.problems).toContainEqual(expect.objectContaining({ file: HAL_LOG, rule: 'branch-conflict', severity: 'error' }));
    expect(code).toBe(1);
    const markdown = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--author', 'hal-k', '--format', 'markdown'], { env: NOW });
    expect(markdown.stdout).toContain('Bring the branch up to date');
    // The terminal says how too: each problem's fix under it.
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--author', 'hal-k'], { env: NOW });
    expect(text.stdout).toContain('fix: Bring the branch up to date');
  });

  it('names a file that no longer merges from the program folder, when the program is a folder of a bigger repo', async () => {
    const top = makeTree({ 'README.md': '# our repo\n' });
    cpSync(exampleRepo(), path.join(top, 'program'), { recursive: true });
    const repo = diverged(
      (r) => {
        write(r, `program/${HAL_LOG}`, halLog);
        write(r, 'README.md', '# ours\n');
      },
      (r) => {
        write(r, `program/${HAL_LOG}`, halLog.replace('practice: 3', 'practice: 4'));
        write(r, 'README.md', '# theirs\n');
      },
      top,
    );
    const { code, json } = await judge(path.join(repo, 'program'), 'hal-k');
    expect(json.problems.filter((p) => p.rule === 'branch-conflict').map((p) => p.file).sort()).toEqual(['../README.md', HAL_LOG]);
    expect(code).toBe(1);
  });

  it('needs a maintainer for what a pull request changes outside the program folder, when the program is a folder of a bigger repo', async () => {
    const top = makeTree({ 'README.md': '# our repo\n', 'notes/old.md': 'old\n' });
    cpSync(exampleRepo(), path.join(top, 'program'), { recursive: true });
    const repo = pullRequest((r) => {
      write(r, `program/${HAL_LOG}`, halLog);
      write(r, '.github/workflows/evil.yml', 'on: push\n');
      renameSync(path.join(r, 'notes/old.md'), path.join(r, 'program/old.md'));
    }, top);
    const hal = await checkPr(path.join(repo, 'program'), 'hal-k');
    expect(byFile(hal.json.changes)).toMatchObject({
      [HAL_LOG]: { allowed: true },
      '../.github/workflows/evil.yml': { status: 'added', allowed: false, reason: expect.stringContaining('outside the program folder') },
      'old.md': { status: 'renamed', from: '../notes/old.md', allowed: false },
    });
    expect(hal.code).toBe(1);
    // Nothing outside is read as a record: a maintainer's pull request passes.
    const maintainer = await checkPr(path.join(repo, 'program'), 'andrew-gh');
    expect(maintainer.json.problems.filter((p) => p.file.startsWith('../'))).toEqual([]);
    expect(maintainer.code).toBe(0);
  });
});

describe('mentor check-pr: what a cohort file says beyond its meaning', () => {
  it('needs a maintainer for comments removed, fields mentor does not read, and members moved to their own files', async () => {
    const rewritten = pullRequest((r) =>
      edit(r, COHORT, (t) => `${t.replace(/#[^\n]*/g, '')}`),
    );
    const comments = await checkPr(rewritten, 'total-stranger');
    expect(comments.code).toBe(1);
    expect(comments.json.changes[0]).toMatchObject({ file: COHORT, allowed: false, reason: 'changes the comments of the file: only a maintainer may' });
    expect((await checkPr(rewritten, 'andrew-gh')).code).toBe(0);

    const note = pullRequest((r) => edit(r, COHORT, (t) => t.replace('  - person: bob\n', '  - person: bob\n    note: "Bob was removed, see https://evil.example"\n')));
    expect((await checkPr(note, 'hal-k')).json.changes[0]).toMatchObject({ allowed: false, reason: 'changes `note` in the entry of bob, a field mentor does not read: only a maintainer may' });
    const promo = pullRequest((r) => edit(r, COHORT, (t) => `${t}promo: Visit https://evil.example\n`));
    expect((await checkPr(promo, 'hal-k')).json.changes[0]).toMatchObject({ allowed: false, reason: 'changes fields of the cohort mentor does not read: only a maintainer may' });

    const moved = await pullRequestOf(['members', '2026-fall', '--to', 'files']);
    const stranger = await checkPr(moved, 'total-stranger');
    expect(stranger.code).toBe(1);
    expect(stranger.json.changes.every((change) => !change.allowed)).toBe(true);
    expect(byFile(stranger.json.changes)[COHORT]!.reason).toMatch(/^moves \S+ between cohort.yaml and a member file: only a maintainer may/);
  });

  // Each case is its own test: together they ran near the timeout on a loaded machine.
  const unseen: Array<[string, (text: string) => string, RegExp]> = [
    ['an anchor carrying words', (t) => t.replace('  - person: bob\n    role: mentee', '  - person: bob\n    role: &https://evil.example/bob-was-removed mentee'), /anchors, aliases or tags/],
    ['an explicit tag', (t) => t.replace('    wants: [node, python]', '    wants: !!seq [node, python]'), /anchors, aliases or tags/],
    ['an entry restyled', (t) => t.replace('    wants: [node, python]', '    wants:\n      - node\n      - python'), /^rewrites the entry of jon without changing what it says/],
    ['entries reordered', (t) => t.replace(/( {2}- person: jon\n(?: {4}.*\n)+)/, '').replace('  - person: bob\n', (bob) => `${/( {2}- person: jon\n(?: {4}.*\n)+)/.exec(t)![1]}${bob}`), /^reorders the members of the file/],
  ];
  for (const [what, change, reason] of unseen) {
    it(`needs a maintainer for ${what} (text the tree does not show, or the same meaning written anew), and lets a maintainer make it`, async () => {
      const repo = pullRequest((r) => edit(r, COHORT, change));
      expect(read(repo, COHORT)).not.toBe(read(EXAMPLE, COHORT));
      const stranger = await checkPr(repo, 'total-stranger');
      expect(stranger.json.changes[0]).toMatchObject({ file: COHORT, allowed: false, reason: expect.stringMatching(reason) });
      expect(stranger.code).toBe(1);
      expect((await checkPr(repo, 'andrew-gh')).code).toBe(0);
    });
  }

  it('judges a value that holds itself through an alias (`&x [1, *x]`) as text mentor does not read, not with a crash', async () => {
    const cases: Array<[string, string, (r: string) => void]> = [
      ['linus-s', COHORT, (r) => edit(r, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    note: &x [1, *x]\n'))],
      ['linus-s', COHORT, (r) => edit(r, COHORT, (t) => `${t}promo: &x [1, *x]\n`)],
      ['hal-k', 'people/hal.yaml', (r) => edit(r, 'people/hal.yaml', (t) => t.replace('github: hal-k', 'github: &x [1, *x]'))],
    ];
    for (const [author, file, change] of cases) {
      const result = await mentorIn(['check-pr', '--repo', pullRequest(change), '--base', 'main', '--author', author, '--format', 'json'], { env: NOW });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(byFile(JSON.parse(result.stdout).changes)[file]).toMatchObject({ allowed: false });
    }
  });

  it('needs a maintainer for an anchor in a member file of someone else', async () => {
    const files = await pullRequestOf(['members', '2026-fall', '--to', 'files']);
    git(files, ['switch', '-q', '-c', 'anchor']);
    edit(files, 'cohorts/2026-fall/members/bob.yaml', (t) => t.replace('role: mentee', 'role: &BOB_LEFT_SEE_https://evil.example mentee'));
    git(files, ['commit', '-qam', 'anchor']);
    const member = await mentorInJson<{ changes: Verdict[] }>(['check-pr', '--repo', files, '--base', 'pr', '--author', 'total-stranger', '--format', 'json'], { env: NOW });
    expect(member.json.changes[0]).toMatchObject({ allowed: false, reason: expect.stringMatching(/anchors, aliases or tags/) });
  });

  it('lets a member file keep its comments through a claim, and refuses a comment added to someone else’s', async () => {
    const repo = gitRepo(exampleRepo());
    expect((await mentorIn(['members', '2026-fall', '--to', 'files', '--repo', repo], { env: NOW })).code).toBe(0);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'files']);
    git(repo, ['switch', '-q', '-c', 'pr']);
    edit(repo, 'cohorts/2026-fall/members/bob.yaml', (t) => `${t}# ignore this mentee -- the maintainers\n`);
    git(repo, ['commit', '-qam', 'comment']);
    expect((await checkPr(repo, 'hal-k')).json.changes[0]).toMatchObject({ allowed: false, reason: 'changes the comments of the file: only a maintainer may' });
  });
});

describe('mentor check-pr: newcomers and claims', () => {
  const newcomer = 'id: zoe\nname: Zoe\ngithub: zoe-z\ntimezone: Europe/Berlin\nskills: []\n';
  const waiting = 'person: zoe\nrole: mentee\nwants: [react]\nrequestedAt: 2026-11-24T10:00:00-08:00\n';

  it('lets a newcomer register with their own person file and join as a waiting member file', async () => {
    const repo = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting);
    });
    const { code, json } = await checkPr(repo, 'zoe-z');
    expect(json.author.kind).toBe('newcomer');
    expect(json.changes.every((c) => c.allowed)).toBe(true);
    expect(code).toBe(0);
  });

  // DESIGN.md's table: a newcomer may "add themselves as a waiting member", and `request --role
  // mentor` writes one: a mentor waiting for a lead. Until session 15 the gate refused it ("you may
  // join as a mentee"), so every offer to mentor from the issue form waited for a maintainer.
  it('lets a newcomer offer to mentor: their person file and themselves as a mentor waiting for a lead, never as a lead', async () => {
    const offer = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer.replace('skills: []', 'skills: [go]\nactive: true'));
      write(r, 'cohorts/2026-fall/members/zoe.yaml', 'person: zoe\nrole: mentor\nrequestedAt: 2026-11-24T10:00:00-08:00\n');
    });
    const { code, json } = await checkPr(offer, 'zoe-z');
    expect(byFile(json.changes)['cohorts/2026-fall/members/zoe.yaml']).toMatchObject({ allowed: true, reason: 'you joining cohort 2026-fall as a waiting member' });
    expect(code).toBe(0);
    const asLead = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting.replace('mentee', 'lead'));
    });
    expect(byFile((await checkPr(asLead, 'zoe-z')).json.changes)['cohorts/2026-fall/members/zoe.yaml']).toMatchObject({ allowed: false, reason: 'adds you as a lead: you may join as a waiting mentee or mentor; a maintainer places leads' });
  });

  // What request tells a registered person (the form refuses them: their person file exists): add
  // yourself as a waiting member in a pull request. The gate lets them, as it lets a newcomer.
  it('lets a registered person join a cohort that has not started as a waiting member', async () => {
    const base = exampleRepo({ 'cohorts/2027-spring/cohort.yaml': 'id: 2027-spring\nname: Spring\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n' });
    const repo = pullRequest((r) => write(r, 'cohorts/2027-spring/members/hal.yaml', 'person: hal\nrole: mentee\nrequestedAt: 2026-11-24T10:00:00-08:00\n'), base);
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(json.changes).toEqual([expect.objectContaining({ file: 'cohorts/2027-spring/members/hal.yaml', allowed: true, reason: 'you joining cohort 2027-spring as a waiting member' })]);
    expect(code).toBe(0);
  });

  it("knows a newcomer's own person file by its github though another field has a slip, and asks them to fix only the slip", async () => {
    const repo = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer.replace('Europe/Berlin', 'CET+1'));
      write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting);
    });
    const { code, json } = await checkPr(repo, 'zoe-z');
    expect(code).toBe(1);
    // Not "a new person file whose github is not @zoe-z" and "you may add only yourself", which sent them to a maintainer.
    expect(json.changes.map((c) => `${c.file} ${c.allowed} ${c.reason}`)).toEqual([
      'cohorts/2026-fall/members/zoe.yaml true you joining cohort 2026-fall as a waiting member',
      'people/zoe.yaml true you registering as zoe',
    ]);
    expect(json.problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['people/zoe.yaml invalid-value']);
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'zoe-z'], { env: NOW });
    expect(text.stdout.trim().split('\n').at(-1)).toBe('Fix the 1 problem above (each says how), commit and push again: this check runs again by itself.');
  });

  it('tells a newcomer who registers over a taken id to choose their own, rather than to have a maintainer approve replacing that person', async () => {
    const repo = pullRequest((r) => write(r, 'people/bob.yaml', newcomer.replace('id: zoe', 'id: bob')));
    const { code, json } = await checkPr(repo, 'zoe-z');
    expect(code).toBe(1);
    expect(json.changes).toEqual([
      { file: 'people/bob.yaml', status: 'modified', allowed: false, reason: 'the person file of bob, who is registered already: the id bob is taken, so register under an id of your own, in a new file people/<id>.yaml with that id inside' },
    ]);
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'zoe-z'], { env: NOW });
    expect(text.stdout).not.toContain('ask @andrew-gh');
  });

  it('needs a maintainer for a newcomer who registers an id the base already places in a cohort, which would make them that member', async () => {
    // A maintainer placed zoe as a mentor before her person file was merged: whoever registers zoe first would be her.
    const base = exampleRepo();
    edit(base, COHORT, (t) => t.replace('  - person: linus\n    role: mentor\n    mentor: andrew\n', '  - person: linus\n    role: mentor\n    mentor: andrew\n  - person: zoe\n    role: mentor\n    mentor: andrew\n'));
    const repo = pullRequest((r) => write(r, 'people/zoe.yaml', newcomer.replace('github: zoe-z', 'github: evil-x')), base);
    const { code, json } = await checkPr(repo, 'evil-x');
    expect(json.changes).toEqual([
      { file: 'people/zoe.yaml', status: 'added', allowed: false, reason: 'registers you as zoe, whom cohort 2026-fall already has as a member: a maintainer confirms that is you, or register under an id of your own' },
    ]);
    expect(code).toBe(1);
    expect((await checkPr(repo, 'evil-x', ['--approved-by', 'andrew-gh'])).json.changes[0]!.allowed).toBe(true);
  });

  it('tells a newcomer who registers twice to keep one person file, not that the files are not theirs', async () => {
    const repo = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'people/zoe-z.yaml', newcomer.replace('id: zoe', 'id: zoe-z'));
      write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting);
    });
    const { json } = await checkPr(repo, 'zoe-z');
    const twice = 'registers you a second time: people/zoe-z.yaml and people/zoe.yaml each say `github: zoe-z`; keep one of them, under the id you want';
    expect(json.changes.map((c) => `${c.file} ${c.allowed} ${c.reason}`)).toEqual([
      'cohorts/2026-fall/members/zoe.yaml false adds zoe, but this pull request registers you twice: keep one person file, and join under its id',
      `people/zoe-z.yaml false ${twice}`,
      `people/zoe.yaml false ${twice}`,
    ]);
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'zoe-z'], { env: NOW });
    expect(text.stdout).not.toContain('ask @andrew-gh');
  });

  it('tells a newcomer who joins without their person file to add it, rather than that they may add only themselves', async () => {
    const repo = pullRequest((r) => write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting));
    const { json } = await checkPr(repo, 'zoe-z');
    expect(json.changes).toEqual([
      { file: 'cohorts/2026-fall/members/zoe.yaml', status: 'added', allowed: false, reason: 'adds zoe, but no person file in this pull request is yours: add people/zoe.yaml with `github: zoe-z` too, to register as you join' },
    ]);
  });

  it('tells a newcomer who adds a log in their joining pull request to log once they are in, not that only they may', async () => {
    const repo = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting);
      write(r, 'cohorts/2026-fall/logs/zoe/2026-W47.yaml', 'person: zoe\nweek: 2026-W47\nhours:\n  practice: 3\n');
    });
    const { code, json } = await checkPr(repo, 'zoe-z');
    expect(code).toBe(1);
    expect(byFile(json.changes)['cohorts/2026-fall/logs/zoe/2026-W47.yaml']).toMatchObject({ allowed: false, reason: 'your log, but you join in this pull request: add logs in a new pull request once it is merged and a mentor has taken you' });
  });

  it('lets a newcomer join through a list entry in cohort.yaml too', async () => {
    const repo = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      edit(r, COHORT, (t) => `${t}  - person: zoe\n    role: mentee\n    requestedAt: 2026-11-24T10:00:00-08:00\n`);
    });
    expect((await checkPr(repo, 'zoe-z')).code).toBe(0);
  });

  it('refuses a member who dates their own request or claim to jump the queue, or brings a history of their own', async () => {
    const join = (member: string) => pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'cohorts/2026-fall/members/zoe.yaml', member);
    });
    const verdict = async (repo: string, author: string, file: string) => byFile((await checkPr(repo, author)).json.changes)[file]!;
    const backdated = await verdict(join(waiting.replace('2026-11-24T10:00:00-08:00', '2026-01-01T00:00:00Z')), 'zoe-z', 'cohorts/2026-fall/members/zoe.yaml');
    expect(backdated).toMatchObject({ allowed: false, reason: expect.stringContaining('requestedAt more than 7 days ago (2026-01-01T00:00:00Z): set it to the time you make the change, e.g. 2026-11-24T20:00:00Z') });
    const future = await verdict(join(waiting.replace('2026-11-24T10:00:00-08:00', '2027-01-01T00:00:00Z')), 'zoe-z', 'cohorts/2026-fall/members/zoe.yaml');
    expect(future).toMatchObject({ allowed: false, reason: expect.stringContaining('requestedAt in the future') });
    const history = '  - mentor: ada\n    requestedAt: 2025-12-01T00:00:00Z\n    assignedAt: 2025-12-02T00:00:00Z\n    releasedAt: 2026-01-01T00:00:00Z\n    reason: made up\n';
    const withHistory = await verdict(join(`${waiting}history:\n${history}`), 'zoe-z', 'cohorts/2026-fall/members/zoe.yaml');
    expect(withHistory).toMatchObject({ allowed: false, reason: expect.stringContaining('history of earlier matches') });
    const oldClaim = pullRequest((r) => edit(r, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    mentor: linus\n    assignedAt: 2025-06-01T00:00:00Z\n')));
    expect(await verdict(oldClaim, 'linus-s', COHORT)).toMatchObject({ allowed: false, reason: expect.stringContaining('assignedAt more than 7 days ago') });
  });

  // DESIGN: pausedUntil, "away until this date; not assigned": by assign, by mentor claim, and by a claim made by hand.
  it('refuses a claim of a waiting member who is away, as mentor claim does', async () => {
    const base = exampleRepo({ 'people/jon.yaml': `${read(EXAMPLE, 'people/jon.yaml')}pausedUntil: 2026-12-10\n` });
    const claim = pullRequest((r) => edit(r, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    mentor: linus\n    assignedAt: 2026-11-24T08:00:00-08:00\n')), base);
    expect(byFile((await checkPr(claim, 'linus-s')).json.changes)[COHORT]).toMatchObject({ allowed: false, reason: 'claims jon, who is away until 2026-12-10 (pausedUntil): claim them from that day' });
    const cli = await mentorIn(['claim', 'jon', '--as', 'linus', '--repo', exampleRepo({ 'people/jon.yaml': `${read(EXAMPLE, 'people/jon.yaml')}pausedUntil: 2026-12-10\n` })], { env: NOW });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('jon is away until 2026-12-10 (pausedUntil in people/jon.yaml) and is placed with no one before then: claim them from 2026-12-10.');
  });

  it('lets an owner edit their own person file into an invalid one only as far as its problems say: the reason is not a rename', async () => {
    const repo = pullRequest((r) => edit(r, 'people/hal.yaml', (t) => t.replace(/^name: .*$/m, 'name: ""')));
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(json.changes[0]!.reason).toBe('your own person file (fix the problems listed below)');
    expect(json.problems.map((p) => p.file)).toContain('people/hal.yaml');
    expect(code).toBe(1);
  });

  it("refuses a newcomer who registers someone else's handle, joins with a mentor, as a lead, or a cohort that has ended", async () => {
    const other = pullRequest((r) => write(r, 'people/zoe.yaml', newcomer.replace('zoe-z', 'someone-else')));
    expect((await checkPr(other, 'zoe-z')).code).toBe(1);
    const withMentor = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'cohorts/2026-fall/members/zoe.yaml', `${waiting}mentor: ada\n`);
    });
    expect(byFile((await checkPr(withMentor, 'zoe-z')).json.changes)['cohorts/2026-fall/members/zoe.yaml']!.reason).toContain('join as a waiting member');
    const asLead = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting.replace('mentee', 'lead'));
    });
    expect((await checkPr(asLead, 'zoe-z')).code).toBe(1);
    const late = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting);
    });
    const after = await mentorInJson(['check-pr', '--repo', late, '--base', 'main', '--author', 'zoe-z', '--format', 'json'], { env: { MENTOR_NOW: '2026-12-15T12:00:00-08:00' } });
    expect(byFile(after.json.changes)['cohorts/2026-fall/members/zoe.yaml']!.reason).toContain('has ended');
    // Joining without saying when: nobody would be told they wait, and they would never be overdue.
    const unseen = pullRequest((r) => {
      write(r, 'people/zoe.yaml', newcomer);
      write(r, 'cohorts/2026-fall/members/zoe.yaml', waiting.replace(/^requestedAt: .*\n/m, ''));
    });
    const silent = await checkPr(unseen, 'zoe-z');
    expect(byFile(silent.json.changes)['cohorts/2026-fall/members/zoe.yaml']).toMatchObject({ allowed: false, reason: 'adds you without `requestedAt`: add `requestedAt: 2026-11-24T12:00:00-08:00` (when you ask) to your entry, or no mentor is told you are waiting' });
    expect(silent.code).toBe(1);
  });

  it('passes a claim made with mentor claim of a request made with mentor request (the note request wrote goes, every other comment stays)', async () => {
    const dir = exampleRepo();
    const requested = await mentorIn(['request', '--repo', dir, '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'Europe/Paris', '--wants', 'react'], { env: NOW });
    expect(requested.code, requested.stderr).toBe(0);
    const repo = gitRepo(dir);
    git(repo, ['switch', '-q', '-c', 'pr']);
    const claimed = await mentorIn(['claim', 'zoe', '--repo', repo, '--as', 'linus'], { env: NOW });
    expect(claimed.code, claimed.stderr).toBe(0);
    expect(read(repo, 'cohorts/2026-fall/members/zoe.yaml')).not.toContain('waiting until a mentor claims it');
    git(repo, ['commit', '-qam', 'claim']);
    const { code, json } = await checkPr(repo, 'linus-s');
    expect(json.changes).toEqual([expect.objectContaining({ file: 'cohorts/2026-fall/members/zoe.yaml', allowed: true })]);
    expect(code).toBe(0);
    // Any other comment is still a reader's, and needs a maintainer.
    edit(repo, 'cohorts/2026-fall/members/zoe.yaml', (t) => `${t}# zoe left, see https://evil.example\n`);
    git(repo, ['commit', '-qam', 'comment']);
    expect((await checkPr(repo, 'linus-s')).json.changes[0]).toMatchObject({ allowed: false, reason: 'changes the comments of the file: only a maintainer may' });
  });

  it('lets a mentor with room claim a waiting mentee, and nobody else', async () => {
    const claim = (r: string, mentor: string) => edit(r, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n', `  - person: jon\n    role: mentee\n    mentor: ${mentor}\n    assignedAt: 2026-11-24T11:00:00-08:00\n`));
    expect((await checkPr(pullRequest((r) => claim(r, 'linus')), 'linus-s')).code).toBe(0);
    const forSomeoneElse = await checkPr(pullRequest((r) => claim(r, 'ada')), 'linus-s');
    expect(forSomeoneElse.json.changes[0]!.reason).toContain('only for yourself');
    const byMentee = await checkPr(pullRequest((r) => claim(r, 'bob')), 'bob-m');
    expect(byMentee.code).toBe(1);
  });

  it('refuses a claim by a mentor with no room, an inactive or a paused mentor', async () => {
    const base = exampleRepo();
    edit(base, 'people/linus.yaml', (t) => `${t}pausedUntil: 2026-12-01\n`);
    const claim = (r: string) => edit(r, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    mentor: linus\n'));
    const paused = await checkPr(pullRequest(claim, base), 'linus-s');
    expect(paused.json.changes[0]!.reason).toContain('paused until 2026-12-01');
    const full = exampleRepo();
    edit(full, 'people/linus.yaml', (t) => `${t}maxHoursPerWeek: 5\n`);
    expect((await checkPr(pullRequest(claim, full), 'linus-s')).json.changes[0]!.reason).toContain('no room');
  });

  it('lets only the first of two claims of the same member merge: git conflicts, and the gate refuses the second', async () => {
    const repo = exampleGitRepo();
    const claimOn = (branch: string, mentor: string) => {
      git(repo, ['switch', '-q', '-c', branch, 'main']);
      edit(repo, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n', `  - person: jon\n    role: mentee\n    mentor: ${mentor}\n`));
      git(repo, ['commit', '-q', '-am', `claim by ${mentor}`]);
    };
    claimOn('claim-linus', 'linus');
    claimOn('claim-ada', 'ada');
    git(repo, ['switch', '-q', 'main']);
    git(repo, ['merge', '-q', '--no-edit', 'claim-linus']);
    expect(() => execFileSync('git', ['merge', '--no-edit', 'claim-ada'], { cwd: repo, stdio: 'pipe' })).toThrow();
    git(repo, ['merge', '--abort']);
    const second = await mentorInJson(['check-pr', '--repo', repo, '--base', 'main', '--head', 'claim-ada', '--author', 'ada-l', '--format', 'json'], { env: NOW });
    expect(second.json.allowed).toBe(false);
  });
});

describe('mentor check-pr: what it reads', () => {
  it('judges --head from git objects without checking it out, across a merge commit', async () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog));
    git(repo, ['switch', '-q', 'main']);
    write(repo, 'people/bob.yaml', 'id: bob\nname: Bob on main\n');
    git(repo, ['commit', '-q', '-am', 'main moves on']);
    git(repo, ['switch', '-q', 'pr']);
    git(repo, ['merge', '-q', '--no-edit', 'main']);
    git(repo, ['switch', '-q', 'main']);
    const { code, json } = await mentorInJson(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--author', 'hal-k', '--format', 'json'], { env: NOW });
    expect(json.changes.map((f: Verdict) => f.file)).toEqual([HAL_LOG]);
    expect(code).toBe(0);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('counts locked weeks from now, never from commit dates, so backdating a commit unlocks nothing', async () => {
    const repo = exampleRepo();
    edit(repo, 'mentor.config.yaml', (t) => `${t}lockLogsAfterWeeks: 2\n`);
    const touch = (r: string, file: string) => edit(r, file, (t) => `${t}# edited\n`);
    const locked = pullRequest((r) => touch(r, 'cohorts/2026-fall/logs/hal/2026-W45.yaml'), repo);
    git(locked, ['commit', '-q', '--amend', '--no-edit', '--date', '2026-11-10T12:00:00Z']);
    execFileSync('git', ['commit', '-q', '--amend', '--no-edit'], { cwd: locked, env: { ...process.env, GIT_COMMITTER_DATE: '2026-11-10T12:00:00Z', GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b' } });
    const result = await mentorIn(['check-pr', '--repo', locked, '--base', 'main', '--author', 'hal-k'], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the week 2026-W45 is closed (logs of weeks before 2026-W46 are locked');
    expect((await checkPr(locked, 'andrew-gh')).code).toBe(0);
    expect((await mentorIn(['check-pr', '--repo', locked, '--base', 'main', '--author', 'hal-k'], { env: { MENTOR_NOW: '2026-11-12T12:00:00-08:00' } })).code).toBe(0);
  });

  it('resolves --base and --head in one git call, on a git that echoes --end-of-options back (before 2.43) too, and reads a small program in a few git processes, not one per file', async () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog));
    const recorded = recordingGit();
    const result = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--author', 'hal-k', '--format', 'json'], { env: { ...NOW, ...recorded.env } });
    expect(result.code).toBe(0);
    expect(recorded.calls().filter((call) => call.startsWith('rev-parse'))).toEqual(['rev-parse --end-of-options main^{commit} pr^{commit}']);
    // Base and head read what they need (config, people, the cohort, hal's logs) in three batches at most.
    expect(recorded.calls().filter((call) => call.startsWith('cat-file')).length).toBeLessThanOrEqual(3);
  });

  it('lists the logs of many people changed at once in a few git processes, not one per person folder', async () => {
    const people = ['ada', 'andrew', 'bob', 'dan', 'eve', 'fay', 'grace', 'gus', 'hal', 'ivy', 'linus'];
    const repo = pullRequest((r) => {
      for (const person of people) {
        const folder = path.join(r, 'cohorts/2026-fall/logs', person);
        const week = readdirSync(folder).sort()[0]!;
        edit(r, `cohorts/2026-fall/logs/${person}/${week}`, (t) => `${t}# looked at\n`);
      }
    });
    const recorded = recordingGit();
    const result = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--author', 'andrew-gh', '--format', 'json'], { env: { ...NOW, ...recorded.env } });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).changes).toHaveLength(people.length);
    const listings = recorded.calls().filter((call) => call.startsWith('ls-tree'));
    // Per commit: the top in two listings, up to four person folders one by one, then the cohort's
    // logs in one (it was two listings per person folder: 26 here, 2,004 for 1,000 people).
    expect(listings.length, listings.join('\n')).toBeLessThanOrEqual(14);
    // The changed logs of each side in one read of git's objects.
    expect(recorded.calls().filter((call) => call.startsWith('cat-file')).length).toBeLessThanOrEqual(6);
  });

  it('looks for everyone else naming the handles of many added people in one search, not one each', async () => {
    const added = Array.from({ length: 12 }, (_, n) => `new${n}`);
    const repo = pullRequest((r) => {
      for (const id of added) write(r, `people/${id}.yaml`, `id: ${id}\nname: New ${id}\ngithub: ${id}-gh\ntimezone: UTC\n`);
      // One of them takes a handle a person at the base has (case aside): still found.
      write(r, 'people/new0.yaml', 'id: new0\nname: New 0\ngithub: HAL-K\ntimezone: UTC\n');
    });
    const recorded = recordingGit();
    const result = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--head', 'pr', '--author', 'andrew-gh', '--format', 'json'], { env: { ...NOW, ...recorded.env } });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain('github-duplicate');
    const searches = recorded.calls().filter((call) => call.startsWith('grep'));
    expect(searches.length, searches.join('\n')).toBeLessThanOrEqual(2);
  });

  it('explains a shallow clone and unrelated histories, with the fix', () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog));
    const clone = path.join(makeTree({}), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--no-single-branch', `file://${repo}`, clone]);
    git(clone, ['fetch', '-q', '--depth', '1', 'origin', 'main:main']);
    const shallow = mentor(['check-pr', '--repo', clone, '--base', 'main', '--head', 'origin/pr', '--author', 'hal-k']);
    expect(shallow.code).toBe(2);
    expect(shallow.stderr).toContain('fetch-depth: 0');
    const other = gitRepo(exampleRepo()); // a history of its own: not a copy of exampleGitRepo()'s
    git(repo, ['fetch', '-q', other, 'main:unrelated']);
    const unrelated = mentor(['check-pr', '--repo', repo, '--base', 'unrelated', '--head', 'pr', '--author', 'hal-k']);
    expect(unrelated.code).toBe(2);
    expect(unrelated.stderr).toContain('no commit in common');
  });
});

describe('the gate comment (check-pr --format markdown, pr-summary)', () => {
  it('starts with the marker, summarises the change and says what to do next', () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog));
    const result = mentor(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k', '--format', 'markdown'], { env: NOW });
    expect(result.stdout.split('\n')[0]).toBe('<!-- mentor:gate -->');
    expect(result.stdout).toContain('**New log** of `hal` for `2026-W47` in `2026-fall`: 3 h logged against 5.5 h planned');
    expect(result.stdout).toContain('a maintainer can merge');
    const summary = mentor(['pr-summary', '--repo', repo, '--base', 'main', '--author', 'hal-k'], { env: NOW });
    expect(summary.code).toBe(0);
    expect(summary.stdout).toBe(result.stdout);
  });

  it("lists what the author fixes apart from what needs a maintainer, so a slip of theirs is not waited on as a maintainer's", async () => {
    const repo = pullRequest((r) => {
      write(r, 'cohorts/2026-fall/hal-2026-W47.yaml', halLog);
      edit(r, 'people/bob.yaml', (t) => `${t}# hi\n`);
    });
    const { stdout } = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k', '--format', 'markdown'], { env: NOW });
    const section = (heading: string) => stdout.split(`${heading}\n\n`)[1]!.split('\n\n')[0];
    expect(section('#### Yours to fix')).toBe('- `cohorts/2026-fall/hal-2026-W47.yaml`: not where a log goes, so it would never be counted: write it as cohorts/2026-fall/logs/hal/2026-W47.yaml \\(only a maintainer may change files outside the record layout\\)');
    expect(section('#### Needs a maintainer')).toBe('- `people/bob.yaml`: the person file of bob: only its owner or a maintainer may change it');
  });

  it("says a release is of the member from their mentor, not by the mentor: anyone's pull request may make one", async () => {
    const repo = exampleGitRepo();
    git(repo, ['switch', '-q', '-c', 'pr']);
    expect((await mentorIn(['release', 'bob', '--reason', 'moved away', '--repo', repo], { env: NOW })).code).toBe(0);
    git(repo, ['commit', '-qam', 'release']);
    const { stdout } = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'grace-h', '--format', 'markdown'], { env: NOW });
    expect(stdout).toContain('**Cohort `2026-fall`** (`cohorts/2026-fall/cohort.yaml`): released: `bob` from `ada`.');
  });

  it('says a submodule where a record should be is a submodule, not a missing file', async () => {
    const repo = exampleGitRepo();
    git(repo, ['switch', '-q', '-c', 'pr']);
    git(repo, ['update-index', '--add', '--cacheinfo', `160000,${git(repo, ['rev-parse', 'HEAD']).trim()},${HAL_LOG}`]);
    git(repo, ['commit', '-q', '-m', 'a submodule']);
    const { code, json } = await checkPr(repo, 'hal-k');
    expect(json.problems).toContainEqual(expect.objectContaining({ file: HAL_LOG, rule: 'unexpected-file', message: expect.stringContaining('This is a submodule') }));
    expect(code).toBe(1);
  });

  it('says what an edited log held at the base: the hours before and after', async () => {
    const halW46 = 'cohorts/2026-fall/logs/hal/2026-W46.yaml';
    const repo = pullRequest((r) => edit(r, halW46, (text) => text.replace('practice: 3', 'practice: 4')));
    const result = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k', '--format', 'markdown'], { env: NOW });
    expect(result.stdout).toContain('**Updated log** of `hal` for `2026-W46` in `2026-fall`: 6.5 h logged (was 5.5 h)');
  });

  it('knows the author by a handle written in any case or with YAML escapes, as the full loader reads it', async () => {
    const base = exampleRepo();
    edit(base, 'people/hal.yaml', (text) => text.replace('github: hal-k', 'github: "\\x68al-K"'));
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog), base);
    const { json: review } = await mentorInJson<{ allowed: boolean; author: { kind: string; person?: string } }>(['check-pr', '--repo', repo, '--base', 'main', '--author', 'HAL-k', '--format', 'json'], { env: NOW });
    expect(review.author).toMatchObject({ kind: 'person', person: 'hal' });
    expect(review.allowed).toBe(true);
  });

  it('renders hostile file names as inert text: no HTML, no mention, no link, no heading, no workflow command', async () => {
    const hostile = ['a`b @octocat [x](https://evil.example).yaml', '<img src=x onerror=alert(1)>.md', '\n::warning::spoofed.txt'];
    const repo = pullRequest((r) => {
      for (const name of hostile) write(r, `cohorts/2026-fall/logs/hal/${name}`, 'x\n');
      write(r, 'people/zzz.yaml', 'id: zzz\nname: "<b>@everyone</b>"\n');
    });
    const result = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k', '--format', 'markdown'], { env: NOW });
    // Inside a code span GitHub renders nothing; outside one, nothing may be live.
    const outsideCode = stripCodeSpans(result.stdout);
    expect(outsideCode).not.toMatch(/<img|<b>|@octocat|@everyone|\]\(https:\/\/evil/);
    expect(result.stdout).toContain('`cohorts/2026-fall/logs/hal/<img src=x onerror=alert(1)>.md`');
    for (const line of result.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
    const text = await mentorIn(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k'], { env: NOW });
    for (const line of text.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
  });
});
