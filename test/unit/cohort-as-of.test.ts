import { describe, expect, it } from 'vitest';
import { cohortAsOf } from '../../src/core/cohort-as-of.js';
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
