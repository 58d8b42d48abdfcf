import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo } from './helpers/repo.js';

// A volunteer whose offer to mentor (the Become a mentor form) was merged has a person file but is
// in no cohort yet. Their `/claim` (the claim workflow runs `mentor claim`) was answered 'only a
// mentor of cohort 2026-fall may claim them, and uma is not a member there.', with no way on:
// the README says a maintainer places them in a cohort, and now the answer says so.

describe('mentor claim by a person who is not a member of the cohort', () => {
  it('says a maintainer first adds them, and the member file that does it', async () => {
    const repo = exampleRepo({ 'people/uma.yaml': 'id: uma\nname: Uma Mehta\ngithub: uma-m\ntimezone: Asia/Kolkata\nskills: [react]\nactive: true\n' });
    const result = await mentorIn(['claim', 'cleo', '--as', 'uma', '--repo', repo], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cleo is a mentee: only a mentor of cohort 2026-fall may claim them, and uma is not a member there. A maintainer first adds uma to it as a mentor (cohorts/2026-fall/members/uma.yaml with `role: mentor` and their lead as `mentor:`).');
  });

  it('keeps the words for a member of another tier', async () => {
    const result = await mentorIn(['claim', 'cleo', '--as', 'bob', '--repo', exampleRepo()], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('and bob is a mentee there.');
    expect(result.stderr).not.toContain('A maintainer first adds');
  });
});
