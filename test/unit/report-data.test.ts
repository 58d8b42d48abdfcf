import { describe, expect, it } from 'vitest';
import { cohortSnapshot } from '../../src/core/report.js';
import { cohortSchema, configSchema, logSchema, personSchema } from '../../src/model/schemas.js';

const config = configSchema.parse({ requestSlaHours: 48 });
const people = new Map(['lee', 'max', 'ann', 'new'].map((id) => [id, personSchema.parse({ id, name: id.toUpperCase() })]));
const cohort = cohortSchema.parse({
  id: 'c',
  name: 'C',
  start: '2026-09-07',
  members: [
    { person: 'lee', role: 'lead' },
    { person: 'max', role: 'mentor', mentor: 'lee' },
    { person: 'ann', role: 'mentee', requestedAt: '2026-09-10T00:00:00Z' },
    { person: 'new', role: 'mentee', requestedAt: '2026-09-11T00:00:00Z' },
  ],
});
const at = Date.parse('2026-09-12T00:00:00Z'); // ann waited exactly 48 h, new 24 h

describe('report data', () => {
  it('a member waiting exactly at the SLA is not yet overdue; one past it is', () => {
    const s = cohortSnapshot({ config, cohort, people, logs: new Map(), week: '2026-W37', at });
    expect(s.waiting.map((w) => [w.id, w.waitedHours, w.overdue])).toEqual([['ann', 48, false], ['new', 24, false]]);
    const later = cohortSnapshot({ config, cohort, people, logs: new Map(), week: '2026-W37', at: at + 60_000 });
    expect(later.waiting[0]).toMatchObject({ id: 'ann', overdue: true });
  });

  it('with no logs: everyone expected is missing, a mentor with no mentees has room, silence counts from the start', () => {
    const s = cohortSnapshot({ config, cohort, people, logs: new Map(), week: '2026-W38', at });
    expect(s.missingLogs).toEqual(['lee', 'max']);
    expect(s.mentorsWithRoom).toEqual([
      { id: 'lee', role: 'lead', directMentees: 1, room: 3 },
      { id: 'max', role: 'mentor', directMentees: 0, room: 4 },
    ]);
    expect(s.inactiveMentors.map((m) => [m.id, m.weeksWithoutLog])).toEqual([['lee', 2], ['max', 2]]);
    expect(s.weeksLogged).toEqual([{ id: 'lee', logged: 0, of: 2 }, { id: 'max', logged: 0, of: 2 }]);
    expect(s.tree).toEqual([{ id: 'lee', name: 'LEE', role: 'lead', directMentees: 1, plannedTotal: 6, children: [{ id: 'max', name: 'MAX', role: 'mentor', directMentees: 0, plannedTotal: 4, children: [] }] }]);
  });

  it('counts logs, pull requests and weeks logged', () => {
    const log = logSchema.parse({ person: 'max', week: '2026-W38', hours: { project: 2 }, pullRequests: ['https://github.com/x/y/pull/2', 'https://github.com/x/y/pull/1'] });
    const s = cohortSnapshot({ config, cohort, people, logs: new Map([['max', new Map([['2026-W38', log]])]]), week: '2026-W38', at });
    expect(s.counts.logs).toBe(1);
    expect(s.pullRequests).toEqual([{ id: 'max', url: 'https://github.com/x/y/pull/1' }, { id: 'max', url: 'https://github.com/x/y/pull/2' }]);
    expect(s.weeksLogged.find((w) => w.id === 'max')).toEqual({ id: 'max', logged: 1, of: 2 });
    expect(s.inactiveMentors.map((m) => m.id)).toEqual(['lee']);
  });
});
