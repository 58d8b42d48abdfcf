import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { parse } from 'yaml';
import { exampleRepo, git, gitRepo, makeTree, mentor, mentorJson, type FileTree } from './helpers/repo.js';

const log = (person: string, week: string, hours = 'practice: 3', pr = true) =>
  `person: ${person}\nweek: ${week}\nhours:\n  ${hours}\n${pr ? `pullRequests: [https://github.com/${person}/x/pull/1]\n` : ''}`;

/**
 * Three consecutive cohorts, counted by hand:
 *   c1 (2026-W02..W05, 4 weeks): lead lee; mentor max logs 4/4; mentees ann 3/4 (exactly 75%),
 *      bob 2/4, cat inactive, sam 4/4; dan waiting.
 *   c2 (2026-W10..W13): lee lead, max lead, ann mentor (logs 4/4, 4 h each), bob mentee (1 log). sam skips c2.
 *   c3 (2026-W19..): ann lead, sam mentee again (after skipping), with requestedAt/assignedAt.
 */
function threeCohorts(): FileTree {
  const files: FileTree = {
    'mentor.config.yaml': 'program: Cycles\ntimezone: UTC\nrequestSlaHours: 48\n',
    'cohorts/c1/cohort.yaml': `id: c1\nname: One\nstart: 2026-01-05\nend: 2026-02-01\nmembers:
  - {person: lee, role: lead}
  - {person: max, role: mentor, mentor: lee}
  - {person: ann, role: mentee, mentor: max, requestedAt: "2026-01-01T00:00:00Z", assignedAt: "2026-01-02T00:00:00Z"}
  - {person: bob, role: mentee, mentor: max, requestedAt: "2026-01-01T00:00:00Z", assignedAt: "2026-01-04T00:00:00Z"}
  - {person: cat, role: mentee, mentor: max}
  - {person: sam, role: mentee, mentor: max}
  - {person: dan, role: mentee}
`,
    'cohorts/c2/cohort.yaml': `id: c2\nname: Two\nstart: 2026-03-02\nend: 2026-03-29\nmembers:
  - {person: lee, role: lead}
  - {person: max, role: lead}
  - {person: ann, role: mentor, mentor: max}
  - {person: bob, role: mentee, mentor: ann, requestedAt: "2026-03-01T00:00:00Z", assignedAt: "2026-03-02T06:00:00Z"}
`,
    'cohorts/c3/cohort.yaml': `id: c3\nname: Three\nstart: 2026-05-04\nend: 2026-05-31\nmembers:
  - {person: ann, role: lead}
  - {person: sam, role: mentee}
`,
  };
  for (const id of ['lee', 'max', 'ann', 'bob', 'cat', 'sam', 'dan']) files[`people/${id}.yaml`] = `id: ${id}\nname: ${id.toUpperCase()}\n${id === 'cat' ? 'active: false\n' : ''}`;
  for (const week of ['2026-W02', '2026-W03', '2026-W04', '2026-W05']) {
    files[`cohorts/c1/logs/max/${week}.yaml`] = log('max', week, 'project: 2');
    files[`cohorts/c1/logs/sam/${week}.yaml`] = log('sam', week);
  }
  for (const week of ['2026-W02', '2026-W03', '2026-W05']) files[`cohorts/c1/logs/ann/${week}.yaml`] = log('ann', week);
  for (const week of ['2026-W02', '2026-W04']) files[`cohorts/c1/logs/bob/${week}.yaml`] = log('bob', week, 'practice: 3', false);
  for (const week of ['2026-W10', '2026-W11', '2026-W12', '2026-W13']) files[`cohorts/c2/logs/ann/${week}.yaml`] = log('ann', week, 'project: 4');
  files['cohorts/c2/logs/bob/2026-W11.yaml'] = log('bob', '2026-W11');
  return files;
}

describe('mentor next', () => {
  it('proposes promotions at the 75% boundary, leaves out the inactive, and writes with --yes', async () => {
    const repo = makeTree(threeCohorts());
    const result = await mentorIn(['next', 'c1', 'c9', '--repo', repo, '--start', '2026-06-01', '--end', '2026-08-23', '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ann +mentee +mentor +3\/4 +completed the cycle/);
    expect(result.stdout).toMatch(/bob +mentee +mentee +2\/4 +logged 2 of 4 weeks, under 75%/);
    expect(result.stdout).toMatch(/cat +mentee +left out/);
    const cohort = parse(readFileSync(path.join(repo, 'cohorts/c9/cohort.yaml'), 'utf8'));
    expect(cohort).toMatchObject({ id: 'c9', start: '2026-06-01', end: '2026-08-23' });
    expect(cohort.members).toEqual([
      { person: 'lee', role: 'lead' },
      { person: 'max', role: 'lead' },
      { person: 'ann', role: 'mentor' },
      { person: 'sam', role: 'mentor' },
      { person: 'bob', role: 'mentee' },
      { person: 'dan', role: 'mentee' },
    ]);
    expect((await mentorInJson(['validate', '--repo', repo, '--format', 'json'])).json.problems).toEqual([]);
    // Ready for assign: everyone but the leads is waiting.
    const assign = await mentorInJson(['assign', 'c9', '--repo', repo, '--dry-run', '--format', 'json']);
    expect(assign.json.assignments.length + assign.json.unassigned.length).toBe(4);
  });

  it('--format json gives the proposal (who moves up, from which role to which, why) and what it wrote, alone on stdout', async () => {
    const repo = gitRepo(makeTree(threeCohorts()));
    const { code, json, stderr } = mentorJson(['next', 'c1', 'c9', '--repo', repo, '--start', '2026-06-01', '--yes', '--commit', '--format', 'json']);
    expect(code, stderr).toBe(0);
    expect(Object.keys(json)).toEqual(['from', 'to', 'proposals', 'members', 'ok', 'problems', 'files', 'branch']);
    expect(json).toMatchObject({ from: 'c1', to: 'c9', ok: true, problems: [], files: ['cohorts/c9/cohort.yaml'], branch: 'next/c9' });
    expect(json.proposals.find((p: { person: string }) => p.person === 'ann')).toEqual({ person: 'ann', kind: 'promote', fromRole: 'mentee', toRole: 'mentor', weeksLogged: 3, weeksRun: 4, reason: 'completed the cycle: logged 3 of 4 weeks' });
    expect(json.proposals.find((p: { person: string }) => p.person === 'cat')).toMatchObject({ kind: 'leave-out', fromRole: 'mentee', toRole: null });
    expect(json.members).toContainEqual({ person: 'ann', role: 'mentor' });
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('next/c9');
    // Without --yes, JSON never asks: the proposal, nothing written, and why on stderr.
    const unasked = await mentorInJson(
['next', 'c1', 'c8', '--repo', repo, '--start', '2026-06-01', '--format', 'json']);
    expect(unasked.json).toMatchObject({ ok: true, members: [], files: [], branch: null });
    expect(unasked.json.proposals.length).toBe(json.proposals.length);
    expect(unasked.stderr).toContain('Nothing written');
  });

  it('a share just under the threshold is not promoted', async () => {
    const repo = makeTree({ ...threeCohorts(), 'mentor.config.yaml': 'program: Cycles\ntimezone: UTC\npromotion:\n  minShareOfWeeksLogged: 0.76\n' });
    const result = await mentorIn(['next', 'c1', 'c9', '--repo', repo, '--start', '2026-06-01', '--yes']);
    expect(result.stdout).toMatch(/ann +mentee +mentee +3\/4/);
  });

  it('without a terminal and without --yes, prints the proposal and writes nothing', async () => {
    const repo = makeTree(threeCohorts());
    const result = await mentorIn(['next', 'c1', 'c9', '--repo', repo, '--start', '2026-06-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing written');
    expect(existsSync(path.join(repo, 'cohorts/c9'))).toBe(false);
  });

  it('refuses to overwrite an existing cohort', async () => {
    const repo = makeTree(threeCohorts());
    const before = readFileSync(path.join(repo, 'cohorts/c2/cohort.yaml'), 'utf8');
    const result = await mentorIn(['next', 'c1', 'c2', '--repo', repo, '--start', '2026-06-01', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cohort c2 already exists');
    expect(readFileSync(path.join(repo, 'cohorts/c2/cohort.yaml'), 'utf8')).toBe(before);
  });

  it('says a taken id before that the cohort has not finished (--early would not help), and offers an id made from a name that is none', async () => {
    const repo = exampleRepo();
    const same = await mentorIn(['next', '2026-fall', '2026-fall', '--repo', repo, '--start', '2027-01-11']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('Cohort 2026-fall already exists');
    expect(same.stderr).not.toContain('--early');
    const named = await mentorIn(['next', '2026-fall', 'Spring 2027', '--repo', repo, '--start', '2027-01-11']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('"Spring 2027" is not a cohort id.\n  Use lower-case letters, digits and dashes, e.g. spring-2027.');
  });

  it('--commit writes the new cohort on next/<to>', async () => {
    const repo = gitRepo(makeTree(threeCohorts()));
    expect((await mentorIn(['next', 'c1', 'c9', '--repo', repo, '--start', '2026-06-01', '--yes', '--commit'])).code).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('next/c9');
    expect(git(repo, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe('cohorts/c9/cohort.yaml');
  });

  it('says a cycle opened without --end never finishes, with the end a cycle as long as the last would have', async () => {
    const repo = makeTree(threeCohorts());
    // c3 ran 2026-05-04 to 2026-05-31: 27 days after its start.
    const open = await mentorIn(['next', 'c3', 'c4', '--repo', repo, '--start', '2026-06-08', '--yes']);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).toContain('Note: c4 has no end, so it is a rolling cohort that never finishes. For a cycle as long as c3 (2026-05-04 to 2026-05-31), add `end: 2026-07-05` to cohorts/c4/cohort.yaml (or pass --end).\n');
    const ended = await mentorIn(['next', 'c3', 'c5', '--repo', repo, '--start', '2026-06-08', '--end', '2026-07-05', '--yes']);
    expect(ended.stdout).not.toContain('no end');
  });

  it('suggests no end past the year 9999 (no YYYY-MM-DD date): it says the last date a record may hold', async () => {
    const repo = makeTree(threeCohorts());
    const open = await mentorIn(['next', 'c3', 'c4', '--repo', repo, '--start', '9999-12-20', '--yes']);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).not.toContain('+010000');
    expect(open.stdout).toContain('Note: c4 has no end, so it is a rolling cohort that never finishes. A cycle as long as c3 (2026-05-04 to 2026-05-31) would end after 9999-12-31, the last date a record may hold: add `end: 9999-12-31` (or an earlier date) to cohorts/c4/cohort.yaml (or pass --end).\n');
  });

  it('says a rolling cohort a cycle is opened from (--early) keeps running beside it, and the end that stops it the day before', async () => {
    const files = threeCohorts();
    files['cohorts/c3/cohort.yaml'] = files['cohorts/c3/cohort.yaml']!.replace('end: 2026-05-31\n', '');
    const repo = makeTree(files);
    const open = await mentorIn(['next', 'c3', 'c4', '--repo', repo, '--start', '2026-06-08', '--end', '2026-07-05', '--yes', '--early'], { env: { MENTOR_NOW: '2026-06-02T00:00:00Z' } });
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).toContain('Note: c3 has no end, so it keeps running beside c4: logs stay due in both, and each person\'s hours count in both against their budget. To end it the day before c4 starts, add `end: 2026-06-07` to cohorts/c3/cohort.yaml.\n');
  });

  it('refuses to open a cycle from a rolling cohort without --early, and says how, not to wait for an end that never comes', async () => {
    const files = threeCohorts();
    files['cohorts/c3/cohort.yaml'] = files['cohorts/c3/cohort.yaml']!.replace('end: 2026-05-31\n', '');
    const repo = makeTree(files);
    const refused = await mentorIn(['next', 'c3', 'c4', '--repo', repo, '--start', '2026-06-08', '--yes'], { env: { MENTOR_NOW: '2026-06-02T00:00:00Z' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('mentor: Cohort c3 has not finished (it is a rolling cohort with no end; today is 2026-06-02).\n  A rolling cohort never finishes: pass --early to open c4 beside it now (only complete weeks are counted), or give c3 an end first (end: in cohorts/c3/cohort.yaml).\n');
    expect(existsSync(path.join(repo, 'cohorts/c4'))).toBe(false);
  });

  it("names the new cohort 'Cohort <to>' unless --name names it: the last one's name does not follow it from cycle to cycle", async () => {
    const repo = makeTree(threeCohorts());
    expect((await mentorIn(['next', 'c3', 'c4', '--repo', repo, '--start', '2026-06-08', '--end', '2026-07-05', '--yes'])).code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'cohorts/c4/cohort.yaml'), 'utf8')).name).toBe('Cohort c4');
    expect((await mentorIn(['next', 'c4', 'c5', '--repo', repo, '--start', '2026-07-06', '--end', '2026-08-02', '--yes', '--early'], { env: { MENTOR_NOW: '2026-08-10T00:00:00Z' } })).code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'cohorts/c5/cohort.yaml'), 'utf8')).name).toBe('Cohort c5');
    expect((await mentorIn(['next', 'c4', 'c6', '--repo', repo, '--start', '2026-07-06', '--name', 'Summer 2026', '--yes'], { env: { MENTOR_NOW: '2026-08-10T00:00:00Z' } })).code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'cohorts/c6/cohort.yaml'), 'utf8')).name).toBe('Summer 2026');
  });

  it("carries a request the cohort never answered with its requestedAt: the new cohort's queue shows the whole wait, overdue and mentioned, not a request of no time", async () => {
    const repo = exampleRepo();
    const env = { MENTOR_NOW: '2026-12-01T09:00:00-08:00' };
    expect((await mentorIn(['next', '2026-fall', '2027-winter', '--start', '2027-01-04', '--end', '2027-03-28', '--yes', '--repo', repo], { env })).code).toBe(0);
    const members = parse(readFileSync(path.join(repo, 'cohorts/2027-winter/cohort.yaml'), 'utf8')).members as Array<Record<string, unknown>>;
    expect(members.find((m) => m.person === 'cleo')).toEqual({ person: 'cleo', role: 'mentee', wants: ['react'], prefers: 'ada', requestedAt: '2026-11-20T15:04:00-08:00' });
    expect(members.find((m) => m.person === 'jon')).toMatchObject({ requestedAt: '2026-11-22T18:30:00-08:00' });
    // Those who had a mentor carry no request: the organiser places them with assign.
    expect(members.filter((m) => m.requestedAt !== undefined).map((m) => m.person)).toEqual(['cleo', 'jon']);
    expect((await mentorInJson(['validate', '--repo', repo, '--format', 'json'])).json.problems).toEqual([]);
    const status = (await mentorInJson(['status', '2027-winter', '--repo', repo, '--format', 'json'], { env })).json.cohorts[0];
    expect(status.overdue).toEqual(['cleo', 'jon']);
    const issue = (await mentorIn(['status', '--repo', repo, '--format', 'markdown'], { env })).stdout;
    expect(issue).toMatch(/\| cleo \(mentee\) \| 10 d 18 h \| \*\*overdue\*\* by 8 d 18 h \|.*@andrew-gh \(maintainer\)/);
  });

  it('rejects bad dates and ids as usage errors', async () => {
    const repo = makeTree(threeCohorts());
    expect(mentor(['next', 'c1', 'C 9', '--repo', repo, '--start', '2026-06-01']).code).toBe(2);
    expect((await mentorIn(['next', 'c1', 'c9', '--repo', repo, '--start', '2026-02-30'])).code).toBe(2);
    expect((await mentorIn(['next', 'c1', 'c9', '--repo', repo, '--start', '2026-06-01', '--end', '2026-05-01'])).code).toBe(2);
  });
});

describe('assign at the end of a cycle', () => {
  it('warns that those it places in a cohort that has ended have no week of it left, and points at the next cycle', async () => {
    // The example's 2026-fall ended 2026-11-29 with cleo and jon still waiting.
    const result = await mentorIn(['assign', '2026-fall', '--repo', exampleRepo(), '--dry-run'], { env: { MENTOR_NOW: '2026-12-01T10:00:00-08:00' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Proposed placements in 2026-fall: 2 of 2 waiting');
    expect(result.stderr).toBe('mentor: warning: 2026-fall ended on 2026-11-29: whoever is placed there now has no week of it left. To give them a mentor, carry them into the next cycle (mentor next 2026-fall <next-cohort> --start <date>) and assign that cohort.\n');
    const running = await mentorIn(['assign', '2026-fall', '--repo', exampleRepo(), '--dry-run'], { env: { MENTOR_NOW: '2026-11-24T10:00:00-08:00' } });
    expect(running.stderr).toBe('');
  });
});

describe('mentor progress', () => {
  it('gives each person their history across cohorts, counted by hand', async () => {
    const repo = makeTree(threeCohorts());
    const { code, json } = await mentorInJson(['progress', '--repo', repo, '--format', 'json']);
    expect(code).toBe(0);
    const byId = Object.fromEntries(json.people.map((p: { id: string }) => [p.id, p]));
    expect(byId.ann.cohorts.map((c: { cohort: string; role: string; weeksLogged: number; weeksRun: number; hoursLogged: number; pullRequests: number; movedUp: boolean }) => [c.cohort, c.role, c.weeksLogged, c.weeksRun, c.hoursLogged, c.pullRequests, c.movedUp])).toEqual([
      ['c1', 'mentee', 3, 4, 9, 3, false],
      ['c2', 'mentor', 4, 4, 16, 4, true],
      ['c3', 'lead', 0, 4, 0, 0, true],
    ]);
    expect(byId.ann.movesUp).toBe(2);
    // sam skipped c2: back as a mentee in c3, which is not a move up.
    expect(byId.sam.cohorts.map((c: { cohort: string }) => c.cohort)).toEqual(['c1', 'c3']);
    expect(byId.sam.movesUp).toBe(0);
    expect(byId.max.movesUp).toBe(1);
  });

  it("gives the program's figures: people helped, moves up, share of logs, time to assignment", async () => {
    const repo = makeTree(threeCohorts());
    const { json } = await mentorInJson(['progress', '--repo', repo, '--format', 'json']);
    expect(json.program.peopleHelped).toBe(3); // ann, bob, sam logged as mentees
    expect(json.program.movesUpByCohort).toEqual([
      { cohort: 'c1', movesUp: 0 },
      { cohort: 'c2', movesUp: 2 },
      { cohort: 'c3', movesUp: 1 },
    ]);
    // c1: lee, max, ann, bob, cat, sam expected (dan waits) = 6 x 4 weeks; logs 4 + 4 + 3 + 2 = 13.
    expect(json.program.logShareByCohort[0]).toEqual({ cohort: 'c1', logs: 13, expected: 24, share: 0.542 });
    expect(json.program.logShareByCohort[1]).toEqual({ cohort: 'c2', logs: 5, expected: 16, share: 0.313 });
    // waits: ann 24 h, bob 72 h, bob (c2) 30 h -> median 30, worst 72, 2 of 3 within 48 h.
    expect(json.program.requestToAssignment).toEqual({ count: 3, medianHours: 30, worstHours: 72, slaHours: 48, withinSla: 2, openOverSla: 0 });
  });

  it('says — for the share of logs of a cohort in which no log was expected yet, not 0%', async () => {
    // On 1 April c3 has not started: 0 of 0 logs.
    const { stdout } = await mentorIn(['progress', '--repo', makeTree(threeCohorts())], { env: { MENTOR_NOW: '2026-04-01T12:00:00Z' } });
    expect(stdout).toContain('logs submitted: c1 13/24 (54%), c2 5/16 (31%), c3 0/0 (—)\n');
  });

  it('shows one person, and refuses an unknown one', async () => {
    const repo = makeTree(threeCohorts());
    const one = await mentorIn(['progress', 'ann', '--repo', repo]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('ann ANN (2 moves up a tier)');
    expect(one.stdout).not.toContain('The program');
    expect((await mentorIn(['progress', 'anne', '--repo', repo])).stderr).toContain('Did you mean ann?');
  });
});
