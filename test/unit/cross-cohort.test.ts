import { describe, expect, it, vi } from 'vitest';
import { plannedElsewhere } from '../../src/domain/cross-cohort.js';
import { configSchema } from '../../src/model/schemas.js';
import { startOfDay } from '../../src/domain/time.js';

// status, report and the dashboard ask each cohort's hours elsewhere in turn: with hundreds of
// cohorts, working out every other cohort's plan again for each made the ask quadratic.

/** A cohort whose members are counted each time they are read. */
function countedCohort(id: string, reads: { count: number }) {
  const members = [
    { person: 'lee', role: 'lead' as const },
    { person: 'ada', role: 'mentor' as const, mentor: 'lee' },
  ];
  return {
    id,
    start: '2026-09-07',
    end: '2026-12-20',
    cadence: 'weekly' as const,
    get members() {
      reads.count++;
      return members;
    },
  };
}

describe('the hours a person is planned in overlapping cohorts', () => {
  it('reads each cohort once however many cohorts ask, with the same sums', () => {
    const config = configSchema.parse({});
    const reads = { count: 0 };
    const cohorts = Array.from({ length: 200 }, (_, i) => countedCohort(`c${String(i).padStart(3, '0')}`, reads));
    const sums = cohorts.map((cohort) => plannedElsewhere(config, cohorts, cohort));
    expect(sums[0]!.get('ada')!.cohorts).toHaveLength(199);
    expect(sums[0]!.get('ada')!.hours).toBe(sums[199]!.get('ada')!.hours);
    // Two reads a cohort at most (its mentee counts, its hours); asked again for each, it was 79,600.
    expect(reads.count).toBeLessThanOrEqual(2 * cohorts.length);
  });
});

describe('when a day begins in a zone', () => {
  it('is worked out once a day and zone, however often it is asked', () => {
    const first = startOfDay('America/Los_Angeles', '2026-11-02');
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    for (let i = 0; i < 100; i++) expect(startOfDay('America/Los_Angeles', '2026-11-02')).toBe(first);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(new Date(first).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});
