import { siteData } from '../../src/core/site.js';
import { cohortSchema, configSchema, logSchema, personSchema, type Log } from '../../src/model/schemas.js';

// Records for the dashboard's in-process tests (test/site-data.test.ts, test/site-words.test.ts):
// two cohorts in UTC, built here, so no files.

export const config = configSchema.parse({ timezone: 'UTC', requestSlaHours: 48 });
export const now = Date.parse('2026-03-18T12:00:00Z'); // a Wednesday: 2026-W12, last complete week W11
export const people = new Map(['lee', 'ann', 'max', 'kit', 'sam', 'old'].map((id) => [id, personSchema.parse({ id, name: `Name of ${id}` })]));
export const log = (person: string, week: string, hours: number): Log => logSchema.parse({ person, week, hours: { practice: hours } });

export const spring = cohortSchema.parse({
  id: 'spring',
  name: 'Spring',
  start: '2026-03-02',
  end: '2026-05-31',
  members: [
    { person: 'lee', role: 'lead' },
    { person: 'ann', role: 'mentor', mentor: 'lee' },
    { person: 'max', role: 'mentee', mentor: 'ann', requestedAt: '2026-03-01T00:00:00Z', assignedAt: '2026-03-02T00:00:00Z' },
    { person: 'kit', role: 'mentee', requestedAt: '2026-03-17T12:00:00Z', history: [{ mentor: 'ann', releasedAt: '2026-03-16T09:00:00Z', reason: 'moved away' }] },
    { person: 'sam', role: 'mentee', requestedAt: '2026-03-14T12:00:00Z' },
  ],
});
export const winter = cohortSchema.parse({
  id: 'winter',
  name: 'Winter',
  start: '2025-12-01',
  end: '2026-02-22',
  members: [
    { person: 'lee', role: 'lead' },
    { person: 'ann', role: 'mentee', mentor: 'lee' },
    { person: 'old', role: 'mentee', requestedAt: '2025-12-01T00:00:00Z' },
  ],
});
export const logs = new Map([['max', new Map([['2026-W10', log('max', '2026-W10', 4)], ['2026-W11', log('max', '2026-W11', 1)]])]]);

export const data = siteData({
  config,
  cohorts: [
    { cohort: winter, logs: new Map() },
    { cohort: spring, logs },
  ],
  people,
  now,
  today: '2026-03-18',
});
