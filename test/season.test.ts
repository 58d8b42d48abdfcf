import { describe, expect, it } from 'vitest';
import { startOfDay } from '../src/domain/time.js';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, mentor } from './helpers/repo.js';

// A program run through a season of simulated time (MENTOR_NOW stepped week by week): what an
// organiser sees at the edges of weeks, years, cohorts and time zones. DESIGN.md "Time".

const at = (now: string) => ({ env: { MENTOR_NOW: now } });

// The example's 2026-fall runs 2026-09-07 to Sunday 2026-11-29 (2026-W37 to 2026-W48), in America/Los_Angeles.
describe('status around the end of a cohort', () => {
  it('still shows a cohort on the Monday after its last Sunday, with the missing logs of its last week', async () => {
    const { code, json } = await mentorInJson(['status', '--repo', exampleRepo(), '--format', 'json'], at('2026-11-30T09:00:00-08:00'));
    expect(code).toBe(0);
    expect(json.cohorts.map((c: { id: string; lastWeek: string }) => [c.id, c.lastWeek])).toEqual([['2026-fall', '2026-W48']]);
    expect(json.cohorts[0].missingLogs).toContain('hal');
    const text = await mentorIn(['status', '--repo', exampleRepo()], at('2026-11-30T09:00:00-08:00'));
    expect(text.stdout).toContain('Missing logs for last week, 2026-W48');
  });

  it('leaves the cohort out once its last week is no longer last week', async () => {
    const { json } = await mentorInJson(['status', '--repo', exampleRepo(), '--format', 'json'], at('2026-12-07T00:00:00-08:00'));
    expect(json.cohorts).toEqual([]);
  });

  it('does not fail --fail-on overdue for requests of a cohort that has finished: nobody can be placed there any more', () => {
    const result = mentor(['status', '--repo', exampleRepo(), '--fail-on', 'overdue'], at('2026-11-30T09:00:00-08:00'));
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('cleo (mentee) has waited 9 d 9 h');
  });

  it('measures the waits of a finished cohort up to its end, as the dashboard and progress do, so they stop growing', async () => {
    // cleo asked at 2026-11-20T15:04-08:00; the cohort's last day ends at 2026-11-30T00:00-08:00: 224.9 hours.
    for (const now of ['2026-11-30T09:00:00-08:00', '2027-03-01T09:00:00-08:00']) {
      const { json } = await mentorInJson(['status', '2026-fall', '--repo', exampleRepo(), '--format', 'json'], at(now));
      expect(json.cohorts[0].waiting.find((w: { id: string }) => w.id === 'cleo').waitedHours, now).toBe(224.9);
    }
  });
});

describe('MENTOR_NOW that mentor cannot take', () => {
  it.each([
    ['a year before 1900', '0001-01-01T00:00:00Z', 'the year must be 1900 to 9999'],
    ['a leap day in a year without one', '2027-02-29T12:00:00Z', '2027-02-29 is not a day of the calendar'],
    ['a leap second', '2026-12-31T23:59:60Z', 'leap second'],
    ['a date without a time', '2026-11-24', 'a date without a time of day and a zone'],
    ['a time without a zone', '2026-11-24T09:00:00', 'no zone'],
    ['hour 24', '2026-11-24T24:00:00Z', 'write 00:00 of the next day'],
  ])('says what is wrong with %s, exit 2 and no stack trace', async (_what, now, reason) => {
    const result = await mentorIn(['status', '--repo', exampleRepo()], at(now));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`MENTOR_NOW="${now}" is not an ISO 8601 instant with a zone`);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).toContain('Set it like MENTOR_NOW=');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('takes a real leap day', async () => {
    expect((await mentorIn(['status', '--repo', exampleRepo()], at('2028-02-29T23:59:59Z'))).code).toBe(0);
  });
});

describe('the start of a day in a zone whose clocks skip midnight', () => {
  it.each([
    // Havana springs forward at 00:00 to 01:00; Santiago at 24:00 Saturday to 01:00 Sunday.
    ['America/Havana', '2027-03-14', '2027-03-14T05:00:00.000Z'],
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00.000Z'],
    ['America/New_York', '2027-03-14', '2027-03-14T05:00:00.000Z'],
    ['Pacific/Kiritimati', '2027-01-04', '2027-01-03T10:00:00.000Z'],
  ])('%s: %s begins at %s, not an hour before', (zone, date, instant) => {
    expect(new Date(startOfDay(zone, date)).toISOString()).toBe(instant);
  });
});

describe('week 53', () => {
  it.each([['report', '2026-fall'], ['hours', '2026-fall']])('%s --week 2027-W53 says that 2027 has 52 weeks, not to write it as YYYY-Www (it is)', async (command, cohort) => {
    const result = await mentorIn([command, cohort, '--repo', exampleRepo(), '--week', '2027-W53']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('mentor: --week 2027-W53 is not an ISO week.\n  2027 has 52 ISO weeks: its last is 2027-W52, and the week after it is 2028-W01.\n');
  });

  it('log --week 2025-W53 says the same, and writes nothing', async () => {
    const result = await mentorIn(['log', '--repo', exampleRepo(), '--person', 'hal', '--week', '2025-W53', '--hours', 'practice=1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('2025 has 52 ISO weeks: its last is 2025-W52');
  });
});

describe('a mentor back from a pause', () => {
  // linus logged 2026-W45 only; the example's now (Tuesday of 2026-W48) makes him silent for W46 and W47.
  const backOn = (date: string) => exampleRepo({ 'people/linus.yaml': `id: linus\nname: Linus Svensson\ngithub: linus-s\ntimezone: Europe/Stockholm\nskills: [javascript, node]\npausedUntil: ${date}\n` });
  const inactive = async (repo: string, now: string) => (await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], at(now))).json.cohorts[0].inactiveMentors.map((m: { id: string; weeksWithoutLog: number }) => [m.id, m.weeksWithoutLog]);

  it('is not called inactive on the day he returns for the weeks he was away', async () => {
    expect(await inactive(backOn('2026-11-23'), '2026-11-24T09:00:00-08:00')).toEqual([]);
  });

  it('counts the silence from his return on: two full weeks back without a log is inactive again', async () => {
    const repo = backOn('2026-11-09');
    expect(await inactive(repo, '2026-11-17T09:00:00-08:00')).toEqual([]);
    expect(await inactive(repo, '2026-11-24T09:00:00-08:00')).toEqual([['linus', 2]]);
  });
});
