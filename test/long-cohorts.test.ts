import { describe, expect, it } from 'vitest';
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
