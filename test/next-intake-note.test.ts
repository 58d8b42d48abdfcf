import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo } from './helpers/repo.js';

// The README's worked cycle: the cohort ends, `mentor next` opens the next one to start later. Until
// it starts no cohort runs, so every request for a mentor (the issue form, `mentor request`) is
// refused, and the organisers learn it only from the first refusal. `next` now says so, with the
// setting that takes requests into the new cohort at once.

const AFTER = { MENTOR_NOW: '2026-12-10T09:00:00-08:00' };
const NOTE = 'Until 2027-01-04 no cohort runs, so requests for a mentor (the issue form, `mentor request`) are refused: to take them into 2027-spring now, set `intake: { cohort: 2027-spring }` in mentor.config.yaml.';

describe('mentor next between cycles', () => {
  it('says requests are refused until the new cohort starts, and the setting that takes them', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['next', '2026-fall', '2027-spring', '--start', '2027-01-04', '--end', '2027-03-28', '--yes', '--repo', repo], { env: AFTER });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(NOTE);
    // As said: a request now is refused, and with the setting it lands in the new cohort.
    const zoe = ['request', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'Europe/Paris', '--repo', repo];
    expect((await mentorIn(zoe, { env: AFTER })).code).toBe(1);
    const config = `${repo}/mentor.config.yaml`;
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nintake: { cohort: 2027-spring }\n`);
    const taken = await mentorIn(zoe, { env: AFTER });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toContain('cohort 2027-spring');
  });

  it('says nothing of it while a cohort still runs', async () => {
    const result = await mentorIn(['next', '2026-fall', '2027-spring', '--start', '2027-01-04', '--end', '2027-03-28', '--early', '--yes', '--repo', exampleRepo()], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('no cohort runs');
  });
});
