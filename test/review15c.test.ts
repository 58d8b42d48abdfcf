import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { makeTree, minimal, type FileTree } from './helpers/repo.js';

// review15c: the lead's changes of session 15 red-teamed (who logs, returning requests, members away).

function program(cohort: string, people: Record<string, string> = {}, extra: FileTree = {}): string {
  const files: FileTree = { 'mentor.config.yaml': minimal.config, 'cohorts/c1/cohort.yaml': cohort, ...extra };
  for (const id of ['lee', 'max', 'kim', 'ann', 'bob']) files[`people/${id}.yaml`] = minimal.person(id, people[id] ?? '');
  return makeTree(files);
}

describe('an inactive mentor is silent over the weeks they were expected to log', () => {
  // Since de80660 a mentor with a mentee but no lead logs from the week the mentee was placed. Their
  // silence was still counted from the cohort's start: a mentor given their first mentee yesterday
  // was 'Inactive: no log for 11 weeks', though no report had expected a log of them. The same for a
  // mentor a lead claimed mid-cohort.
  const cohort = `id: c1\nname: One\nstart: 2026-09-07\nend: 2026-12-20\nmembers:
  - {person: lee, role: lead}
  - {person: max, role: mentor}
  - {person: kim, role: mentor, mentor: lee, requestedAt: "2026-09-01T10:00:00Z", assignedAt: "2026-11-17T10:00:00Z"}
  - {person: ann, role: mentee, mentor: max, requestedAt: "2026-09-01T10:00:00Z", assignedAt: "2026-11-24T08:00:00Z"}
  - {person: bob, role: mentee, mentor: kim, requestedAt: "2026-09-01T10:00:00Z", assignedAt: "2026-11-17T10:00:00Z"}
`;
  it('counts no week before their first mentee (or their lead) as silence', async () => {
    const repo = program(cohort, {}, { 'cohorts/c1/logs/lee/2026-W47.yaml': 'person: lee\nweek: 2026-W47\nhours:\n  code-review: 4\n' });
    const { json } = await mentorInJson(['status', 'c1', '--repo', repo, '--format', 'json'], { env: { MENTOR_NOW: '2026-11-25T09:00:00Z' } });
    const c1 = json.cohorts[0];
    // kim was expected in W47 only (claimed in it), max in no complete week yet (ann placed in W48).
    expect(c1.missingLogs).toEqual(['bob', 'kim']);
    expect(c1.inactiveMentors).toEqual([]);
  });

  it('still counts every week they were expected and silent', async () => {
    const repo = program(cohort, {}, { 'cohorts/c1/logs/lee/2026-W49.yaml': 'person: lee\nweek: 2026-W49\nhours:\n  code-review: 4\n' });
    const { json } = await mentorInJson(['status', 'c1', '--repo', repo, '--format', 'json'], { env: { MENTOR_NOW: '2026-12-08T09:00:00Z' } });
    // Now W47-W49 for kim, W48-W49 for max.
    expect(json.cohorts[0].inactiveMentors).toEqual([
      { id: 'kim', role: 'mentor', reason: 'no-recent-logs', weeksWithoutLog: 3 },
      { id: 'max', role: 'mentor', reason: 'no-recent-logs', weeksWithoutLog: 2 },
    ]);
  });
});

// A program without leads: max mentored ann from the start, and ann was released in the cycle's
// last week (W48); both logged W37-W47.
const NEXT_LOGS: FileTree = {};
for (let week = 37; week <= 47; week++) {
  for (const person of ['max', 'ann']) NEXT_LOGS[`cohorts/c1/logs/${person}/2026-W${week}.yaml`] = `person: ${person}\nweek: 2026-W${week}\nhours:\n  code-review: 1\n`;
}
const NEXT_COHORT = `id: c1\nname: One\nstart: 2026-09-07\nend: 2026-11-29\nmembers:
  - {person: max, role: mentor}
  - person: ann
    role: mentee
    requestedAt: "2026-11-25T10:00:00Z"
    history:
      - {mentor: max, requestedAt: "2026-09-01T10:00:00Z", assignedAt: "2026-09-02T10:00:00Z", releasedAt: "2026-11-25T09:00:00Z", reason: moved}
`;

describe('next judges a member on the weeks they were expected to log, whatever they are at the end', () => {
  // A program without leads: max mentored ann the whole cycle, and ann was released in its last
  // week. next said of both 'was still waiting for a lead' / '... for a mentor' (logged 11/11),
  // since it asked who logs as the cohort stands at the end, not week by week.
  it('proposes both to move up, on 11 of their 11 weeks', async () => {
    const repo = program(NEXT_COHORT, {}, NEXT_LOGS);
    const { json } = await mentorInJson(['next', 'c1', 'c2', '--start', '2026-12-07', '--repo', repo, '--format', 'json'], { env: { MENTOR_NOW: '2026-12-01T09:00:00Z' } });
    const byPerson = Object.fromEntries(json.proposals.map((p: { person: string }) => [p.person, p]));
    expect(byPerson.max).toMatchObject({ kind: 'promote', toRole: 'lead', weeksLogged: 11, weeksRun: 11 });
    expect(byPerson.ann).toMatchObject({ kind: 'promote', toRole: 'mentor', weeksLogged: 11, weeksRun: 11 });
  });
});

describe("the report's weeks logged so far", () => {
  // The same cohort: max and ann logged W37-W47, and ann was released in W48. The report of W48
  // listed 'Weeks logged so far' as an empty table: it kept only who logs as the week ended.
  it('lists everyone expected to log some week, released since or not', async () => {
    const repo = program(NEXT_COHORT, {}, NEXT_LOGS);
    const result = await mentorIn(['report', 'c1', '--week', '2026-W48', '--repo', repo], { env: { MENTOR_NOW: '2026-12-01T09:00:00Z' } });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(repo, 'reports/c1/2026-W48.json'), 'utf8'));
    expect(report.weeksLogged).toEqual([
      { id: 'ann', logged: 11, of: 11 },
      { id: 'max', logged: 11, of: 11 },
    ]);
  });
});

describe('the attention issue for a waiting member who is away (pausedUntil)', () => {
  // Since 01d7d83/b853dec assign and claim refuse a member away until they are back. The attention
  // issue still mentioned the mentor she asked for (and, escalated, every mentor with room) to
  // '/claim' her: a claim that is then refused.
  const files: FileTree = {
    'mentor.config.yaml': 'program: T\ntimezone: America/Los_Angeles\nmaintainers: [org-gh]\nnotify:\n  escalateAfterHours: 24\n',
    'people/lee.yaml': minimal.person('lee', 'skills: [react]\n'),
    'people/max.yaml': minimal.person('max', 'skills: [react]\n'),
    'people/kim.yaml': minimal.person('kim', 'skills: [react]\n'),
    'people/ann.yaml': minimal.person('ann', 'pausedUntil: 2026-11-26\n'),
    'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-09-07\nend: 2026-12-20\nmembers:\n  - {person: lee, role: lead}\n  - {person: max, role: mentor, mentor: lee}\n  - {person: kim, role: mentor, mentor: lee}\n',
    'cohorts/c1/members/ann.yaml': 'person: ann\nrole: mentee\nwants: [react]\nprefers: max\nrequestedAt: 2026-11-20T10:00:00Z\n',
  };
  const row = async (now: string) => {
    const result = await mentorIn(['status', 'c1', '--repo', makeTree(files), '--format', 'markdown'], { env: { MENTOR_NOW: now } });
    return result.stdout.split('\n').find((line) => line.startsWith('| 1 | ann'))!;
  };

  it('asks no mentor to claim her before she is back, and says until when', async () => {
    // 2026-11-25 in the program's zone (2026-11-26 in UTC): still away.
    const away = await row('2026-11-25T20:00:00-08:00');
    expect(away).toContain('away until 2026-11-26 (pausedUntil): placed from then');
    expect(away).not.toContain('@max-gh');
    expect(away).not.toContain('@kim-gh');
    // Not overdue while away (9d9957e): nothing for the maintainers to do before she is back either.
    expect(away).not.toContain('@org-gh');
  });

  it('assign places her from that day, in the program\'s zone, as its reason says', async () => {
    const repo = makeTree(files);
    const plan = async (now: string) => (await mentorInJson(['assign', 'c1', '--dry-run', '--repo', repo, '--format', 'json'], { env: { MENTOR_NOW: now } })).json;
    // 20:00 in Los Angeles on the 25th is the 26th in UTC: still away in the program's zone.
    expect((await plan('2026-11-25T20:00:00-08:00')).unassigned).toEqual([{ person: 'ann', reason: 'away until 2026-11-26 (pausedUntil in people/ann.yaml): placed once back, by the first assign from that day' }]);
    expect((await plan('2026-11-26T08:00:00-08:00')).assignments).toEqual([{ person: 'ann', mentor: 'max', score: expect.any(Number) }]);
  });

  it('asks them again on the day she is back', async () => {
    const back = await row('2026-11-26T08:00:00-08:00');
    expect(back).not.toContain('away until');
    expect(back).toContain('@max-gh (asked for)');
    expect(back).toContain('@kim-gh');
  });
});

describe('a returning person whose person file says active: false offers to mentor again', () => {
  // Since ae6e3a2 a returning person's offer writes only their member file. One who had opted out
  // (active: false) was taken as a mentor waiting for a lead, and at once 'Inactive mentors: ann
  // (opted out)': assign and claim never give them a mentee, and nothing told them why.
  const files: FileTree = {
    'mentor.config.yaml': minimal.config,
    'people/lee.yaml': minimal.person('lee'),
    'people/ann.yaml': 'id: ann\nname: Ann\ngithub: Ann-GH\ntimezone: UTC\nskills: [css]\nactive: false\n',
    'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-11-02\nend: 2027-01-31\nmembers:\n  - {person: lee, role: lead}\n',
  };
  const env = { env: { MENTOR_NOW: '2026-11-25T09:00:00Z' } };
  const words = 'people/ann.yaml says active: false, so assign and claim give ann no mentees: set active: true in it (yours to change, in a pull request), then offer again.';

  it('is refused with what to change, by flags and by the form, writing nothing', async () => {
    const repo = makeTree(files);
    const flags = await mentorIn(['request', '--repo', repo, '--cohort', 'c1', '--person', 'ann', '--name', 'Ann', '--github', 'ann-gh', '--timezone', 'UTC', '--role', 'mentor', '--skills', 'css'], env);
    expect(flags.code).toBe(1);
    expect(flags.stderr).toContain(words);
    const body = ['### Your id\n\nann', '### Your name\n\nAnn', '### Your time zone\n\nUTC', '### Skills you can teach\n\ncss', '### Languages you speak\n\n_No response_', '### Hours a week you can give\n\n_No response_'].join('\n\n');
    const file = path.join(makeTree({ 'body.md': body }), 'body.md');
    const form = await mentorIn(['request', '--repo', repo, '--cohort', 'c1', '--from-issue', file, '--github', 'ANN-gh', '--role', 'mentor', '--format', 'markdown'], env);
    expect(form.code).toBe(1);
    expect(form.stdout).toContain('active: false');
    expect(existsSync(path.join(repo, 'cohorts/c1/members'))).toBe(false);
  });

  it('is taken once active: true, and a request for a mentor is taken whatever active says', async () => {
    const repo = makeTree({ ...files, 'people/ann.yaml': files['people/ann.yaml']!.replace('active: false', 'active: true') });
    const offer = await mentorIn(['request', '--repo', repo, '--cohort', 'c1', '--person', 'ann', '--name', 'Ann', '--github', 'ann-gh', '--timezone', 'UTC', '--role', 'mentor', '--skills', 'css'], env);
    expect(offer.code, offer.stderr).toBe(0);
    const mentee = await mentorIn(['request', '--repo', makeTree(files), '--cohort', 'c1', '--person', 'ann', '--name', 'Ann', '--github', 'ann-gh', '--timezone', 'UTC'], env);
    expect(mentee.code, mentee.stderr).toBe(0);
  });
});

describe("a returning person's offer to mentor, against the hours of their person file", () => {
  // A newcomer offering 4 hours is refused (a mentor with one mentee plans 5); a returning person
  // whose people/ann.yaml says maxHoursPerWeek: 4 was taken (ae6e3a2 skipped the check for them),
  // to wait for a lead and then never be given a mentee.
  const files: FileTree = {
    'mentor.config.yaml': minimal.config,
    'people/lee.yaml': minimal.person('lee'),
    'people/ann.yaml': 'id: ann\nname: Ann\ngithub: ann-gh\ntimezone: UTC\nskills: [css]\nmaxHoursPerWeek: 4\n',
    'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-11-02\nend: 2027-01-31\nmembers:\n  - {person: lee, role: lead}\n',
  };
  const args = ['request', '--cohort', 'c1', '--person', 'ann', '--name', 'Ann', '--github', 'ann-gh', '--timezone', 'UTC', '--role', 'mentor', '--skills', 'css'];
  const env = { env: { MENTOR_NOW: '2026-11-25T09:00:00Z' } };

  it('is refused when their maxHoursPerWeek cannot hold one mentee, saying where to raise it', async () => {
    const repo = makeTree(files);
    const result = await mentorIn([...args, '--repo', repo], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("maxHoursPerWeek: 4 in people/ann.yaml is less than a mentor's plan with one mentee in cohort c1 (5 h: 4 h, and 1 h more per mentee): raise it to at least 5 (or remove it) in your person file");
    expect(existsSync(path.join(repo, 'cohorts/c1/members'))).toBe(false);
  });

  it('is taken when it can', async () => {
    const result = await mentorIn([...args, '--repo', makeTree({ ...files, 'people/ann.yaml': files['people/ann.yaml']!.replace('maxHoursPerWeek: 4', 'maxHoursPerWeek: 5') })], env);
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('a returning person who is away (pausedUntil) asks for a mentor', () => {
  // Since ae6e3a2 the request writes only their member; with pausedUntil still ahead in their person
  // file, assign and claim place them with no one (01d7d83, b853dec) while the wait runs against the
  // promise: the request was answered as taken and nothing said so.
  const files: FileTree = {
    'mentor.config.yaml': minimal.config,
    'people/lee.yaml': minimal.person('lee'),
    'people/max.yaml': minimal.person('max'),
    'people/ann.yaml': minimal.person('ann', 'pausedUntil: 2026-12-20\n'),
    'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-11-02\nend: 2027-01-31\nmembers:\n  - {person: lee, role: lead}\n  - {person: max, role: mentor, mentor: lee}\n',
  };
  const args = ['request', '--cohort', 'c1', '--person', 'ann', '--name', 'Ann', '--github', 'ann-gh', '--timezone', 'UTC'];

  it('is refused before that day, saying what to change, and taken from it', async () => {
    const repo = makeTree(files);
    const early = await mentorIn([...args, '--repo', repo], { env: { MENTOR_NOW: '2026-12-19T23:00:00Z' } });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('people/ann.yaml says pausedUntil: 2026-12-20, so assign and claim place ann with no one before then: remove it from your person file (yours to change, in a pull request) to ask now, or ask from 2026-12-20.');
    expect(existsSync(path.join(repo, 'cohorts/c1/members'))).toBe(false);
    const back = await mentorIn([...args, '--repo', repo], { env: { MENTOR_NOW: '2026-12-20T00:30:00Z' } });
    expect(back.code, back.stderr).toBe(0);
  });
});
