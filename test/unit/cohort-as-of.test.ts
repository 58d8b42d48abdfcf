import { describe, expect, it } from 'vitest';
import { cohortAsOf, expectedLoggers, ExpectedWeeks } from '../../src/core/cohort-as-of.js';
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

describe('the weeks each member was expected to log', () => {
  it('are the weeks expectedLoggers names them in, for members who asked, were claimed, released, paused or listed twice', () => {
    // A seeded table of members with dates around the weeks (some mid-week, some before the start), against asking each week.
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const day = () => `2026-${String(8 + Math.floor(random() * 5)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const instant = () => `${day()}T${String(Math.floor(random() * 24)).padStart(2, '0')}:30:00Z`;
    const members: Member[] = [{ person: 'lee', role: 'lead', wants: [] } as Member];
    const people = new Map<string, { pausedUntil?: string }>();
    for (let index = 0; index < 60; index++) {
      const person = `m${index % 50}`; // ten listed twice
      const history = random() < 0.4 ? [{ mentor: 'lee', requestedAt: instant(), assignedAt: instant(), releasedAt: instant(), reason: 'moved' }] : undefined;
      members.push(
        mentee({
          person,
          ...(random() < 0.7 ? { mentor: 'lee' } : {}),
          ...(random() < 0.6 ? { requestedAt: instant() } : {}),
          ...(random() < 0.6 ? { assignedAt: instant() } : {}),
          ...(history ? { history } : {}),
        }),
      );
      if (random() < 0.3) people.set(person, { pausedUntil: day() });
    }
    const rolling = { ...cohort(members), start: '2026-07-06' };
    const weeks = Array.from({ length: 26 }, (_, index) => `2026-W${String(28 + index).padStart(2, '0')}`);
    const partly: number[] = [];
    for (const who of [undefined, people]) {
      const expected = new ExpectedWeeks(rolling, 'America/Los_Angeles', weeks, who);
      const logs = new Map(weeks.filter((_, index) => index % 3 === 0).map((week) => [week, {}]));
      for (const person of ['lee', ...new Set(members.map((member) => member.person))]) {
        const asked = weeks.filter((week) => expectedLoggers(rolling, 'America/Los_Angeles', week, who).some((logger) => logger.person === person));
        expect(weeks.filter((week) => expected.has(person, week)), person).toEqual(asked);
        expect(expected.count(person)).toBe(asked.length);
        expect(expected.first(person)).toBe(asked[0]);
        expect(expected.logged(person, logs)).toBe(asked.filter((week) => logs.has(week)).length);
        if (asked.length > 0 && asked.length < weeks.length) partly.push(asked.length);
      }
    }
    // The table is not trivial: many members were expected in some weeks only.
    expect(partly.length).toBeGreaterThan(20);
  });
});
