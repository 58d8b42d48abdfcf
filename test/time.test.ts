import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { parse } from 'yaml';
import { exampleRepo, makeTree, mentor, mentorJson, minimal, smallProgram, type FileTree } from './helpers/repo.js';

// DESIGN.md "Time": now is MENTOR_NOW; only complete weeks of a cohort are ever counted.

const TUESDAY_W48 = '2026-11-24T09:00:00-08:00'; // the example's 2026-fall runs 2026-W37 to 2026-W48
const at = (now: string) => ({ env: { MENTOR_NOW: now } });

describe('report and the last complete week', () => {
  it('reports the last complete week when no --week is given, not the week still running', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(
['report', '2026-fall', '--repo', repo], at(TUESDAY_W48));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('reports/2026-fall/2026-W47.md');
    expect(existsSync(path.join(repo, 'reports/2026-fall/2026-W48.md'))).toBe(false);
  });

  it.each([
    ['before the start', '2026-W30', 'outside cohort 2026-fall (2026-W37 to 2026-W48)'],
    ['after the end', '2027-W02', 'outside cohort 2026-fall'],
    ['not over yet', '2026-W48', '2026-W48 is not over yet'],
  ])('refuses a week %s with exit 2 and writes nothing', async (_name, week, message) => {
    const repo = exampleRepo();
    const result = await mentorIn(['report', '2026-fall', '--repo', repo, '--week', week], at(TUESDAY_W48));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(path.join(repo, 'reports'))).toBe(false);
  });

  describe('a cohort with no complete week yet (journey J1)', () => {
    // 2026-winter starts on the Monday of 2026-W48; now is the Tuesday of that week.
    const winter = () => exampleRepo({ 'cohorts/2026-winter/cohort.yaml': 'id: 2026-winter\nname: Winter\nstart: 2026-11-23\nend: 2027-02-14\n' });
    const FIRST = 'No week of 2026-winter is complete yet; the first report, for 2026-W48, can be written after 2026-11-29.';

    it.each([[[]], [['--week', '2026-W48']]])('says when the first report can be written (args %j), exit 2, suggesting no week outside the cohort', (args) => {
      const repo = winter();
      const result = mentor(['report', '2026-winter', '--repo', repo, ...args], at(TUESDAY_W48));
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`mentor: ${FIRST}\n`);
      expect(existsSync(path.join(repo, 'reports'))).toBe(false);
    });

    it('refuses a week before the start with the same advice, not with "use --week"', async () => {
      const result = await mentorIn(['report', '2026-winter', '--repo', winter(), '--week', '2026-W47'], at(TUESDAY_W48));
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`mentor: 2026-W47 is outside cohort 2026-winter (2026-W48 to 2027-W06).\n  ${FIRST}\n`);
    });

    it('names the last week of a finished cohort when the default week is past its end', async () => {
      const result = await mentorIn(['report', '2026-fall', '--repo', exampleRepo()], at('2027-01-20T12:00:00Z'));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('2027-W02 is outside cohort 2026-fall (2026-W37 to 2026-W48).');
      expect(result.stderr).toContain('--week 2026-W48 (its latest complete week)');
    });

    it('offers the latest complete week of the cohort for a week not over yet', async () => {
      const result = await mentorIn(['report', '2026-fall', '--repo', exampleRepo(), '--week', '2026-W48'], at(TUESDAY_W48));
      expect(result.stderr).toContain('Run it after 2026-11-29, or pass --week 2026-W47 (the latest complete week of 2026-fall).');
    });
  });

  it('counts only the weeks of the cohort that are over in weeks logged', async () => {
    const repo = exampleRepo();
    expect((await mentorIn(['report', '2026-fall', '--repo', repo, '--week', '2026-W47'], at(TUESDAY_W48))).code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(repo, 'reports/2026-fall/2026-W47.json'), 'utf8'));
    // 2026-W37 .. 2026-W47: eleven weeks.
    expect(new Set(json.weeksLogged.map((row: { of: number }) => row.of))).toEqual(new Set([11]));
  });
});

describe('status and the weeks that count', () => {
  it('expects no logs before the cohort starts', () => {
    const { code, json } = mentorJson(['status', 'c1', '--repo', smallProgram(), '--format', 'json'], at('2026-09-02T12:00:00Z'));
    expect(code).toBe(0);
    expect(json.cohorts[0].missingLogs).toEqual([]);
    expect(json.cohorts[0].inactiveMentors).toEqual([]);
  });

  it('expects no logs after the cohort ends, and counts silence only up to its last week', async () => {
    const repo = smallProgram({ 'cohorts/c1/logs/max/2026-W46.yaml': 'person: max\nweek: 2026-W46\nhours:\n  project: 2\n' });
    const { json } = await mentorInJson(['status', 'c1', '--repo', repo, '--format', 'json'], at('2027-01-20T12:00:00Z'));
    expect(json.cohorts[0].missingLogs).toEqual([]);
    // The cohort's weeks are 2026-W37 to 2026-W48: lee never logged (12), max logged 2026-W46 (2).
    expect(json.cohorts[0].inactiveMentors).toEqual([
      { id: 'lee', role: 'lead', reason: 'no-recent-logs', weeksWithoutLog: 12 },
      { id: 'max', role: 'mentor', reason: 'no-recent-logs', weeksWithoutLog: 2 },
    ]);
  });
});

/** c1 runs 2026-W02 to 2026-W05; max logs every week. */
function cycle(extra: FileTree = {}): string {
  const files: FileTree = {
    'mentor.config.yaml': minimal.config,
    'cohorts/c1/cohort.yaml': `id: c1\nname: One\nstart: 2026-01-05\nend: 2026-02-01\nmembers:
  - {person: lee, role: lead}
  - {person: max, role: mentor, mentor: lee}
  - {person: ann, role: mentee, mentor: max, wants: [react], prefers: max}
  - {person: dan, role: mentee, wants: [css, git], prefers: lee}
`,
    ...extra,
  };
  for (const id of ['lee', 'max', 'ann', 'dan']) files[`people/${id}.yaml`] = minimal.person(id);
  for (const week of ['2026-W02', '2026-W03', '2026-W04', '2026-W05']) files[`cohorts/c1/logs/max/${week}.yaml`] = `person: max\nweek: ${week}\nhours:\n  project: 2\n`;
  return makeTree(files);
}

describe('next and a cohort that has not finished', () => {
  it('refuses a running cohort with exit 1 and writes nothing', async () => {
    const repo = cycle();
    const result = await mentorIn(['next', 'c1', 'c2', '--repo', repo, '--start', '2026-03-02', '--yes'], at('2026-01-21T12:00:00Z'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cohort c1 has not finished (it ends 2026-02-01; today is 2026-01-21)');
    expect(result.stderr).toContain('--early');
    expect(existsSync(path.join(repo, 'cohorts/c2'))).toBe(false);
  });

  it('with --early opens it, counting only the weeks that are over', async () => {
    const repo = cycle();
    const result = await mentorIn(['next', 'c1', 'c2', '--repo', repo, '--start', '2026-03-02', '--yes', '--early'], at('2026-01-21T12:00:00Z'));
    expect(result.code, result.stderr).toBe(0);
    // Wednesday of 2026-W04: W02 and W03 are over, W04 is not.
    expect(result.stdout).toMatch(/max +mentor +lead +2\/2/);
  });

  it('keeps what carried-over members asked for, while it can still be honoured', async () => {
    const repo = cycle();
    expect((await mentorIn(['next', 'c1', 'c2', '--repo', repo, '--start', '2026-03-02', '--yes'], at('2026-02-10T12:00:00Z'))).code).toBe(0);
    const members = parse(readFileSync(path.join(repo, 'cohorts/c2/cohort.yaml'), 'utf8')).members;
    // dan still wants css and git; lee is a lead, not a mentor, so "prefers: lee" is dropped.
    expect(members.find((m: { person: string }) => m.person === 'dan')).toEqual({ person: 'dan', role: 'mentee', wants: ['css', 'git'] });
    expect(members.find((m: { person: string }) => m.person === 'ann')).toEqual({ person: 'ann', role: 'mentee', wants: ['react'] });
  });

  it('refuses a start that overlaps the cohort it follows (exit 2)', async () => {
    const result = await mentorIn(['next', 'c1', 'c2', '--repo', cycle(), '--start', '2026-01-26', '--yes'], at('2026-02-10T12:00:00Z'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--start 2026-01-26 overlaps cohort c1, which ends 2026-02-01');
  });
});

describe('progress and the weeks that count', () => {
  it('counts the weeks of a running cohort that are over, not the current one', async () => {
    const { json } = await mentorInJson(['progress', 'max', '--repo', cycle(), '--format', 'json'], at('2026-01-21T12:00:00Z'));
    expect(json.people[0].cohorts[0]).toMatchObject({ cohort: 'c1', state: 'running', weeksLogged: 2, weeksRun: 2 });
  });
});

describe('log and the weeks of the cohort', () => {
  it.each(['2030-W01', '2026-W10'])('refuses %s, outside the cohort, with exit 1 and writes nothing', async (week) => {
    const repo = exampleRepo();
    const result = await mentorIn(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'hal', '--week', week, '--hours', 'practice=3'], at(TUESDAY_W48));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${week} is outside cohort 2026-fall (2026-W37 to 2026-W48)`);
    expect(existsSync(path.join(repo, `cohorts/2026-fall/logs/hal/${week}.yaml`))).toBe(false);
  });
});
