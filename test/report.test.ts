import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { EXAMPLE, exampleGitRepo, exampleRepo, git, makeTree, mentor, mentorJson } from './helpers/repo.js';

const REPORT = 'reports/2026-fall/2026-W47';

describe('mentor report', () => {
  it('without a cohort when none is running, shows the command that names one (a log, its person\'s cohort)', async () => {
    // Before: 'For example: 2026-fall.', which is no command: report takes it as an argument, log as --cohort.
    const repo = exampleRepo();
    const env = { MENTOR_NOW: '2026-12-24T09:00:00-08:00' };
    const report = await mentorIn(['report', '--repo', repo], { env });
    expect(report.code).toBe(2);
    expect(report.stderr).toBe('mentor: No cohort is running today; name the cohort (cohorts: 2026-fall).\n  For example: mentor report 2026-fall.\n');
    // A log names its person, whose cohort says whether it holds the week (readme15, efdaafa): bob's
    // 2026-fall ended in W48, so W49 is refused there, as DESIGN says (exit 1), not sent to --cohort.
    const log = await mentorIn(['log', '--repo', repo, '--person', 'bob', '--week', '2026-W49', '--hours', 'practice=1'], { env });
    expect(log.code).toBe(1);
    expect(log.stderr).toBe('mentor: 2026-W49 is outside cohort 2026-fall (2026-W37 to 2026-W48); nothing was written.\n  Log a week of the cohort, or name the cohort that ran that week with --cohort.\n');
  });

  it('between cycles, names the cohort about to start in its example (a report the one just ended), not the first one on disk', async () => {
    // Before: 'For example: mentor assign 2026-fall.', the cycle that is over, when 2027-spring waits to be filled.
    const repo = exampleRepo({ 'cohorts/2027-spring/cohort.yaml': 'id: 2027-spring\nname: Spring\nstart: 2027-01-11\nmembers: []\n' });
    const assign = await mentorIn(['assign', '--repo', repo, '--dry-run'], { env: { MENTOR_NOW: '2026-12-24T09:00:00-08:00' } });
    expect(assign.code).toBe(2);
    expect(assign.stderr).toBe('mentor: No cohort is running today; name the cohort (cohorts: 2026-fall, 2027-spring).\n  For example: mentor assign 2027-spring.\n');
    // A report or a log is of weeks gone by: the cycle that just ended.
    const report = await mentorIn(['report', '--repo', repo], { env: { MENTOR_NOW: '2026-12-24T09:00:00-08:00' } });
    expect(report.stderr).toContain('For example: mentor report 2026-fall.');
  });

  it('writes the Markdown and JSON of a week (the example is checked in as a snapshot)', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47']);
    expect(result.code, result.stderr).toBe(0);
    const markdown = readFileSync(path.join(repo, `${REPORT}.md`), 'utf8');
    await expect(markdown).toMatchFileSnapshot('snapshots/example-report-2026-W47.md');
    const json = JSON.parse(readFileSync(path.join(repo, `${REPORT}.json`), 'utf8'));
    expect(json.week).toBe('2026-W47');
    expect(json.missingLogs).toEqual(['hal', 'linus']);
    expect(json.waiting.map((w: { id: string; overdue: boolean }) => [w.id, w.overdue])).toEqual([['cleo', true], ['jon', false]]);
    expect(json.inactiveMentors).toEqual([{ id: 'linus', role: 'mentor', reason: 'no-recent-logs', weeksWithoutLog: 2 }]);
    expect(json.mentorsWithRoom.map((m: { id: string; room: number }) => `${m.id}:${m.room}`)).toEqual(['andrew:1', 'ada:1', 'grace:1', 'linus:3']);
  });

  it('--format json says what it wrote (relative to the repo) and what was stale, alone on stdout; --check in JSON fails with the stale files', async () => {
    const repo = exampleGitRepo();
    const check = mentorJson(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--check', '--format', 'json']);
    expect(check.code).toBe(1);
    expect(check.json).toEqual({ cohort: '2026-fall', week: '2026-W47', stale: [`${REPORT}.md`, `${REPORT}.json`], ok: false, problems: [expect.stringContaining('Out of date')], files: [], branch: null });
    const { code, json, stderr } = await mentorInJson(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--commit', '--format', 'json']);
    expect(code, stderr).toBe(0);
    expect(json).toEqual({ cohort: '2026-fall', week: '2026-W47', stale: [`${REPORT}.md`, `${REPORT}.json`], ok: true, problems: [], files: [`${REPORT}.md`, `${REPORT}.json`], branch: 'report/2026-fall/2026-W47' });
    const again = await mentorInJson(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--check', '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ stale: [], ok: true, files: [] });
  });

  it('is byte-identical on a re-run, whatever the clock or zone of the machine', async () => {
    const repo = exampleRepo();
    // The second run is a process of its own: a zone and a locale set as a machine sets them, at start.
    await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47']);

    const first = readFileSync(path.join(repo, `${REPORT}.md`), 'utf8') + readFileSync(path.join(repo, `${REPORT}.json`), 'utf8');
    mentor(['report', '2026-fall', '--repo', repo, '--week', '2026-W47'], { env: { TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8' } });
    const second = readFileSync(path.join(repo, `${REPORT}.md`), 'utf8') + readFileSync(path.join(repo, `${REPORT}.json`), 'utf8');
    expect(second).toBe(first);
  });

  it('renders hostile names harmlessly in Markdown and Mermaid', async () => {
    const repo = exampleRepo({
      'people/bob.yaml': 'id: bob\nname: "<script>alert(1)</script>"\n',
      'people/dan.yaml': 'id: dan\nname: \'A"]-->B | `x` [link](javascript:alert(1))\'\n',
    });
    expect((await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47'])).code).toBe(0);
    const markdown = readFileSync(path.join(repo, `${REPORT}.md`), 'utf8');
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('"]-->B');
    expect(markdown).not.toContain('](javascript');
    const mermaid = markdown.slice(markdown.indexOf('```mermaid'), markdown.indexOf('```', markdown.indexOf('```mermaid') + 3));
    for (const line of mermaid.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/^ {2}(p\d+\["[^"\n]*"\](:::waiting)?|p\d+ --> p\d+|classDef waiting .*)$/);
    expect(mermaid).toContain('#60;script#62;');
  });

  it('--check passes on a fresh report and fails (exit 1) when the records change', async () => {
    const repo = exampleRepo();
    expect(mentor(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--check']).code).toBe(1);
    await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47']);
    expect((await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--check'])).code).toBe(0);
    writeFileSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'), 'person: hal\nweek: 2026-W47\nhours:\n  practice: 2\n');
    const stale = await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(`Out of date: ${REPORT}.md, ${REPORT}.json`);
  });

  it('describes the week as it was: a request, a claim or a release made since leaves a committed report up to date', async () => {
    const repo = exampleRepo();
    const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
    const week = (args: string[] = []) => mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W46', ...args], { env: NOW });
    expect((await week()).code).toBe(0);
    const committed = readFileSync(path.join(repo, 'reports/2026-fall/2026-W46.json'), 'utf8');
    expect((await mentorIn(['request', '--repo', repo, '--person', 'zz', '--name', 'Z', '--github', 'zz-z', '--timezone', 'UTC', '--cohort', '2026-fall'], { env: NOW })).code).toBe(0);
    expect((await mentorIn(['claim', 'jon', '--repo', repo, '--as', 'grace'], { env: NOW })).code).toBe(0);
    expect((await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'moved'], { env: NOW })).code).toBe(0);
    const check = await week(['--check']);
    expect(check.code, check.stdout).toBe(0);
    expect(readFileSync(path.join(repo, 'reports/2026-fall/2026-W46.json'), 'utf8')).toBe(committed);
    // Today's tree has them all: zz waits, jon is grace's, bob waits again.
    const now = (await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env: NOW })).json;
    expect(JSON.stringify(now)).toContain('"zz"');
    // jon was still waiting at the end of last week: he is not missing that week's log.
    expect(now.cohorts[0].missingLogs).toEqual(['hal', 'linus']);
  });

  it('--commit puts exactly the two files on report/<cohort>/<week>', async () => {
    const repo = exampleGitRepo();
    const result = await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--commit']);
    expect(result.code, result.stderr).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('report/2026-fall/2026-W47');
    expect(git(repo, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort()).toEqual([`${REPORT}.json`, `${REPORT}.md`]);
    expect(git(repo, ['rev-list', '--count', 'main']).trim()).toBe('1');
    // --check in CI, on the committed branch
    expect((await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--check'])).code).toBe(0);
    // Once merged, the same --commit has nothing to commit: no branch, no "open a pull request".
    git(repo, ['switch', '-q', 'main']);
    git(repo, ['merge', '-q', 'report/2026-fall/2026-W47']);
    git(repo, ['branch', '-q', '-D', 'report/2026-fall/2026-W47']);
    const again = await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47', '--commit']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('The report of 2026-fall for 2026-W47 is up to date: nothing new to commit.\n');
    expect(git(repo, ['branch', '--list', 'report/*']).trim()).toBe('');
  });

  describe('--commit and records that are not committed (journey J2)', () => {
    const NOW = { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } };
    const HAL_LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';

    it('refuses (exit 1, as for a dirty file it writes) when records the report reads are untracked or changed, naming them, and writes nothing', () => {
      const repo = exampleGitRepo();
      writeFileSync(path.join(repo, HAL_LOG), 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n');
      writeFileSync(path.join(repo, 'people/ada.yaml'), readFileSync(path.join(repo, 'people/ada.yaml'), 'utf8') + '# changed\n');
      const result = mentor(['report', '2026-fall', '--repo', repo, '--commit'], NOW);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`The report reads records that are not committed: ${HAL_LOG}, people/ada.yaml.`);
      expect(result.stderr).toContain('git stash --include-untracked');
      expect(git(repo, ['branch', '--list']).trim()).toBe('* main');
      expect(git(repo, ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean).sort()).toEqual([' M people/ada.yaml', `?? ${HAL_LOG}`]);
    });

    it('commits when only files the report does not read are uncommitted', async () => {
      const repo = exampleGitRepo();
      writeFileSync(path.join(repo, 'notes.txt'), 'mine\n');
      writeFileSync(path.join(repo, 'people/zed.yaml'), 'id: zed\nname: Zed\n');
      const result = await mentorIn(['report', '2026-fall', '--repo', repo, '--commit'], NOW);
      expect(result.code, result.stderr).toBe(0);
      expect(git(repo, ['branch', '--show-current']).trim()).toBe('report/2026-fall/2026-W47');
    });
  });

  it('handles an empty cohort', async () => {
    const repo = makeTree({ 'mentor.config.yaml': 'program: P\n', 'cohorts/empty/cohort.yaml': 'id: empty\nname: Empty\nstart: 2026-09-07\n' });
    const result = await mentorIn(['report', 'empty', '--repo', repo, '--week', '2026-W40']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(readFileSync(path.join(repo, 'reports/empty/2026-W40.json'), 'utf8'));
    expect(json.counts).toEqual({ members: 0, leads: 0, mentors: 0, mentees: 0, waiting: 0, overdue: 0, logs: 0, expectedLogs: 0 });
  });
});

describe('mentor status and tree', () => {
  it('--fail-on overdue exits 1 while a request is overdue, 0 otherwise', async () => {
    expect(mentor(['status', '2026-fall', '--repo', EXAMPLE, '--fail-on', 'overdue']).code).toBe(1);
    expect((await mentorIn(['status', '2026-fall', '--repo', EXAMPLE])).code).toBe(0);
    const repo = exampleRepo();
    const file = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    const recent = `requestedAt: ${new Date(Date.parse(process.env.MENTOR_NOW!) - 3_600_000).toISOString()}`;
    writeFileSync(file, readFileSync(file, 'utf8').replace('requestedAt: 2026-11-20T15:04:00-08:00', recent).replace('requestedAt: 2026-11-22T18:30:00-08:00', recent));
    expect((await mentorIn(['status', '2026-fall', '--repo', repo, '--fail-on', 'overdue'])).code).toBe(0);
  });

  it('--format json lists what needs attention', async () => {
    const { json } = await mentorInJson(['status', '2026-fall', '--repo', EXAMPLE, '--format', 'json']);
    const cohort = json.cohorts[0];
    // cleo asked on 2026-11-20: overdue from then on, whatever day the test runs.
    expect(cohort.overdue).toContain('cleo');
    expect(cohort.mentorsWithRoom.map((m: { id: string }) => m.id)).toEqual(['andrew', 'ada', 'grace', 'linus']);
    expect(cohort).toHaveProperty('missingLogs');
    expect(cohort).toHaveProperty('inactiveMentors');
  });

  it('draws the tree with box-drawing characters and lists who is waiting', () => {
    const result = mentor(['tree', '2026-fall', '--repo', EXAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('andrew Andrew Lee (lead, X=3, 8 h)\n├── ada Ada Lovelace (mentor, X=3, 7 h)\n│   ├── bob Bob Martin (mentee, 5.5 h)');
    expect(result.stdout).toContain('└── linus Linus Svensson (mentor, X=1, 5 h)\n    └── ivy Ivy Novak (mentee, 5.5 h)');
    expect(result.stdout).toMatch(/Waiting for a mentor \(2\)\n {2}cleo Cleo Diaz \(mentee\) wants react; prefers ada; waiting/);
  });

  it('tree --format json gives the same tree as data', async () => {
    const { json } = await mentorInJson(['tree', '2026-fall', '--repo', EXAMPLE, '--format', 'json']);
    expect(json.tree[0]).toMatchObject({ id: 'andrew', role: 'lead', directMentees: 3, plannedTotal: 8 });
    expect(json.tree[0].children.map((c: { id: string }) => c.id)).toEqual(['ada', 'grace', 'linus']);
    expect(json.waiting.map((w: { id: string }) => w.id)).toEqual(['cleo', 'jon']);
  });

  it('never prints terminal escapes from a name', async () => {
    const repo = exampleRepo({ 'people/bob.yaml': 'id: bob\nname: "Bob\\e]0;pwned\\a"\n' });
    const result = await mentorIn(['tree', '2026-fall', '--repo', repo]);
    // The name is refused by validation (control characters): tree warns and shows the id instead.
    expect(result.code).toBe(0);
    // The person file is named (it was: 'the records of cohort 2026-fall have 1 error').
    expect(result.stderr).toContain('mentor: warning: people/bob.yaml:2:7 has errors: "name" contains a control character');
    expect(result.stdout).toContain('│   ├── bob bob (mentee, 5.5 h)');
    // eslint-disable-next-line no-control-regex
    expect(result.stdout + result.stderr).not.toMatch(/\u001b|\u0007/);
  });
});
