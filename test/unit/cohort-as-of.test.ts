import { describe, expect, it } from 'vitest';
import { cohortAsOf, expectedLoggers } from '../../src/core/cohort-as-of.js';
import type { Cohort, Member } from '../../src/model/schemas.js';

const at = (text: string) => Date.parse(text);
const cohort = (members: Member[]): Cohort => ({ id: 'c', name: 'C', start: '2026-09-07', cadence: 'weekly', members });
const mentee = (member: Partial<Member> & { person: string }): Member => ({ role: 'mentee', wants: [], ...member });

describe('a cohort as it was at an instant', () => {
  it('leaves out who asked later, unplaces who was claimed later, and gives back a match that ended later', () => {
    const members = [
      mentee({ person: 'late', requestedAt: '2026-11-24T10:00:00Z' }),
      mentee({ person: 'claimed', requestedAt: '2026-11-01T10:00:00Z', mentor: 'ada', assignedAt: '2026-11-24T10:00:00Z' }),
      mentee({ person: 'released', requestedAt: '2026-11-24T10:00:00Z', history: [{ mentor: 'ada', requestedAt: '2026-09-01T10:00:00Z', assignedAt: '2026-09-02T10:00:00Z', releasedAt: '2026-11-24T10:00:00Z', reason: 'moved' }] }),
      mentee({ person: 'placed', mentor: 'ada' }),
      mentee({ person: 'placed-then-released', requestedAt: '2026-11-24T10:00:00Z', history: [{ mentor: 'ada', releasedAt: '2026-11-24T10:00:00Z', reason: 'moved' }] }),
    ];
    const then = cohortAsOf(cohort(members), at('2026-11-16T00:00:00Z')).members;
    expect(then.map((member) => `${member.person}:${member.mentor ?? '-'}`)).toEqual(['claimed:-', 'released:ada', 'placed:ada', 'placed-then-released:ada']);
    expect(then.find((member) => member.person === 'released')).toMatchObject({ requestedAt: '2026-09-01T10:00:00Z', assignedAt: '2026-09-02T10:00:00Z' });
    expect(then.find((member) => member.person === 'released')!.history).toBeUndefined();
    // Now, every member is as written.
    expect(cohortAsOf(cohort(members), at('2026-11-25T00:00:00Z')).members).toEqual(members);
  });
});

describe('who was expected to log a week', () => {
  it('is worked out once for a cohort, week and people, however often the dashboard asks', () => {
    // A rolling cohort of years and a thousand members: the site asked each week three times.
    const members = [{ person: 'lee', role: 'lead', wants: [] } as Member, mentee({ person: 'bob', mentor: 'lee', assignedAt: '2026-09-01T10:00:00Z' })];
    let reads = 0;
    const counted = { ...cohort([]), get members() { reads++; return members; } } as Cohort;
    const away = new Map([['bob', { pausedUntil: '2026-12-01' }]]);
    const first = expectedLoggers(counted, 'UTC', '2026-W47');
    for (let i = 0; i < 5; i++) expect(expectedLoggers(counted, 'UTC', '2026-W47')).toEqual(first);
    expect(first.map((logger) => logger.person)).toEqual(['lee', 'bob']);
    expect(reads).toBe(1);
    // Other people (bob away): another answer, worked out once too.
    expect(expectedLoggers(counted, 'UTC', '2026-W47', away).map((logger) => logger.person)).toEqual(['lee']);
    expect(expectedLoggers(counted, 'UTC', '2026-W47', away).map((logger) => logger.person)).toEqual(['lee']);
    expect(reads).toBe(2);
  });
});
