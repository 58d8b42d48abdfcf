import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo } from './helpers/repo.js';

// `mentor log --person hal --week <w>` with no cohort of hal's holding the week: the cohort comes
// from the person's own cohorts, never from the one running today. Before, with no cohort running
// it said 'No cohort is running today; name the cohort' (exit 2), and naming it as told was then
// refused anyway; with another cohort running it said hal was not a member of that one.

const AFTER_THE_FALL = { MENTOR_NOW: '2026-12-20T09:00:00-08:00' };
const hal = ['log', '--person', 'hal', '--week', '2026-W50', '--hours', 'practice=3'];

describe('mentor log for a week none of the person’s cohorts holds', () => {
  it('says the week is outside their one cohort, exit 1, when no cohort runs today', async () => {
    const repo = exampleRepo();
    const result = await mentorIn([...hal, '--repo', repo], { env: AFTER_THE_FALL });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('2026-W50 is outside cohort 2026-fall (2026-W37 to 2026-W48); nothing was written.');
    expect(result.stderr).not.toContain('No cohort is running today');
    expect(existsSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W50.yaml'))).toBe(false);
  });

  it('names their cohort, not the one running today that they are not in', async () => {
    const repo = exampleRepo({
      'cohorts/2026-winter/cohort.yaml': 'id: 2026-winter\nname: Winter\nstart: 2026-12-07\nend: 2027-02-28\nmembers:\n  - person: andrew\n    role: lead\n',
    });
    const result = await mentorIn([...hal, '--repo', repo], { env: AFTER_THE_FALL });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('2026-W50 is outside cohort 2026-fall (2026-W37 to 2026-W48)');
    expect(result.stderr).not.toContain('not a member of cohort 2026-winter');
  });

  it('lists each of their cohorts with its weeks when they are in several', async () => {
    const repo = exampleRepo({
      'cohorts/2027-spring/cohort.yaml': 'id: 2027-spring\nname: Spring\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: hal\n    role: mentee\n',
    });
    const result = await mentorIn([...hal, '--repo', repo], { env: AFTER_THE_FALL });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain("2026-W50 is in none of hal's cohorts (2026-fall 2026-W37 to 2026-W48; 2027-spring 2027-W01 to 2027-W12); nothing was written.");
  });
});
