import { describe, expect, it } from 'vitest';
import { crossCohortOverBudget } from '../../src/domain/cross-cohort.js';
import { datesInOrder, duplicateMembers, selfMentoring } from '../../src/domain/member-checks.js';
import { configSchema } from '../../src/model/schemas.js';

// The pure checks the cohort rules call (issue 17: duplicate members, self-mentoring, dates,
// maxHoursPerWeek across overlapping cohorts).

describe('checks of a cohort for the rules', () => {
  it('gives every entry of a person listed twice, so both can be pointed at', () => {
    expect(duplicateMembers([{ person: 'bob' }, { person: 'ada' }, { person: 'bob' }, { person: 'bob' }])).toEqual([{ person: 'bob', indexes: [0, 2, 3] }]);
    expect(duplicateMembers([{ person: 'bob' }, { person: 'ada' }])).toEqual([]);
  });

  it('names a member who is their own mentor', () => {
    expect(selfMentoring([{ person: 'grace', mentor: 'grace' }, { person: 'ada', mentor: 'andrew' }, { person: 'andrew' }])).toEqual([{ person: 'grace', index: 0 }]);
  });

  it('tells when dates cannot be used to judge weeks', () => {
    expect(datesInOrder({ start: '2026-09-07', end: '2026-08-01' })).toBe(false);
    expect(datesInOrder({ start: '2026-09-07', end: '2026-09-07' })).toBe(true);
    expect(datesInOrder({ start: '2026-09-07' })).toBe(true);
  });

  it('adds up planned hours across overlapping cohorts only', () => {
    const config = configSchema.parse({});
    const cohort = (id: string, start: string, end: string) => ({ id, start, end, cadence: 'weekly' as const, members: [{ person: 'lee', role: 'lead' as const }, { person: 'max', role: 'mentor' as const, mentor: 'lee' }] });
    const people = new Map([['max', { maxHoursPerWeek: 7 }]]);
    // max is a mentor without mentees in each: 4 h a cohort.
    expect(crossCohortOverBudget(config, [cohort('a', '2026-09-07', '2026-11-29'), cohort('b', '2026-11-01', '2027-01-31')], people)).toEqual([
      { person: 'max', cohort: 'a', planned: 4, elsewhere: { hours: 4, cohorts: ['b'] }, maxHoursPerWeek: 7 },
      { person: 'max', cohort: 'b', planned: 4, elsewhere: { hours: 4, cohorts: ['a'] }, maxHoursPerWeek: 7 },
    ]);
    expect(crossCohortOverBudget(config, [cohort('a', '2026-09-07', '2026-11-29'), cohort('b', '2026-12-01', '2027-01-31')], people)).toEqual([]);
  });
});
