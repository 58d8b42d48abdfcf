import { describe, expect, it, vi } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, readText } from './helpers/repo.js';

// Record shapes far from the example but legal: a rolling cohort that began twenty-odd years ago
// (or a start year mistyped as 2001) has more than 1,000 weeks. Every command counts them all.

const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00', NO_COLOR: '1' };

function rollingSince(start: string): string {
  const repo = exampleRepo();
  const cohort = readText(repo, 'cohorts/2026-fall/cohort.yaml').replace(/^start: .*$/m, `start: ${start}`).replace(/^end: .*\n/m, '');
  return exampleRepo({ 'cohorts/2026-fall/cohort.yaml': cohort });
}

describe('a rolling cohort more than 1,000 weeks old', () => {
  it('is shown by status, report and the dashboard, with none of its weeks left out', async () => {
    // 2001-01-01 is a Monday, 2001-W01; 2026-W47 (the last complete week) is its 1,351st week.
    const repo = rollingSince('2001-01-01');
    const status = await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.json.cohorts[0].missingLogs).toEqual(['hal', 'linus']);
    const markdown = await mentorIn(['status', '--repo', repo, '--format', 'markdown'], { env });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout.split('\n')[0]).toBe('<!-- mentor:attention -->');
    const report = await mentorIn(['report', '2026-fall', '--repo', repo], { env });
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const weeksLogged = JSON.parse(readText(repo, 'reports/2026-fall/2026-W47.json')).weeksLogged as { id: string; of: number }[];
    expect(Math.max(...weeksLogged.map((row) => row.of))).toBe(1351);
    const site = await mentorIn(['site', '--repo', repo, '--out', '_site'], { env });
    expect(site.stderr).toBe('');
    expect(site.code).toBe(0);
  });
});

describe('a rolling cohort that began in 1910', () => {
  it('is counted from its members’ requests, matches and pauses, not week by week: report, progress and next', async () => {
    // 1910-01-03 is a Monday; 2026-W47 (the last complete week, from 2026-11-16) is its 6,072nd week.
    const repo = rollingSince('1910-01-03');
    const weeks = (Date.UTC(2026, 10, 16) - Date.UTC(1910, 0, 3)) / (7 * 86_400_000) + 1;
    const lookups = vi.spyOn(Set.prototype, 'has');
    try {
      const report = await mentorIn(['report', '2026-fall', '--repo', repo], { env });
      expect(report.code).toBe(0);
      const progress = await mentorInJson(['progress', '--repo', repo, '--format', 'json'], { env });
      expect(progress.code).toBe(0);
      const next = await mentorInJson(['next', '2026-fall', '2027-spring', '--start', '2027-01-04', '--early', '--yes', '--format', 'json', '--repo', repo], { env });
      expect(next.code).toBe(0);
      const weeksLogged = JSON.parse(readText(repo, 'reports/2026-fall/2026-W47.json')).weeksLogged as { id: string; logged: number; of: number }[];
      // andrew, a lead, has logged 3 weeks; bob, placed on 2026-09-02, is expected from that week on.
      expect(weeksLogged.find((row) => row.id === 'andrew')).toEqual({ id: 'andrew', logged: 3, of: weeks });
      expect(weeksLogged.find((row) => row.id === 'bob')!.of).toBe(12);
      const andrew = progress.json.people.find((person: { id: string }) => person.id === 'andrew');
      expect(andrew.cohorts[0]).toMatchObject({ weeksLogged: 3, weeksRun: weeks });
      expect(next.json.proposals.find((proposal: { person: string }) => proposal.person === 'bob')).toMatchObject({ weeksRun: 12 });
      // Asking every one of 6,072 weeks whether each of 13 members was expected took ~240,000 lookups.
      expect(lookups.mock.calls.length).toBeLessThan(30_000);
    } finally {
      lookups.mockRestore();
    }
  });
});
