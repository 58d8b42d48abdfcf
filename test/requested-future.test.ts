import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, readText } from './helpers/repo.js';

// A requestedAt later than now (a mistyped year) is named as such; one merely later than the
// instant a finished cohort's waits stop at (its end) is not.

describe('a request dated after its cohort ended', () => {
  it('is not called "in the future": its waits stop at the end, its date is past', async () => {
    const repo = exampleRepo();
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    // The cohort ended on 2026-11-29; jon's request was entered the day after, and it is now 12-01.
    writeFileSync(cohort, readText(repo, 'cohorts/2026-fall/cohort.yaml').replace('requestedAt: 2026-11-22T18:30:00-08:00', 'requestedAt: 2026-11-30T09:00:00-08:00'));
    const env = { MENTOR_NOW: '2026-12-01T12:00:00-08:00', NO_COLOR: '1' };
    const json = JSON.parse((await mentorIn(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env })).stdout);
    expect(json.cohorts[0].waiting.find((w: { id: string }) => w.id === 'jon')).not.toHaveProperty('requestedAtInFuture');
    expect((await mentorIn(['status', '2026-fall', '--repo', repo], { env })).stdout).not.toContain('still to come');
  });

  it('is named in assign --explain as a date still to come, never as a negative wait', async () => {
    const repo = exampleRepo();
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    // A mistyped year: jon asked "a year from now".
    writeFileSync(cohort, readText(repo, 'cohorts/2026-fall/cohort.yaml').replace('requestedAt: 2026-11-22T18:30:00-08:00', 'requestedAt: 2027-11-22T18:30:00-08:00'));
    const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00', NO_COLOR: '1', COLUMNS: '100' };
    const explained = (await mentorIn(['assign', '2026-fall', '--repo', repo, '--dry-run', '--explain'], { env })).stdout;
    expect(explained).toMatch(/^ {2}jon +still to come +requestedAt is in the future: correct it$/m);
    expect(explained).not.toMatch(/-\d+ h/);
  });
});
