import { describe, expect, it } from 'vitest';
import { plannedHours, roomFor } from '../../src/domain/commitments.js';
import { configSchema } from '../../src/model/schemas.js';

const defaults = configSchema.parse({});

describe('the commitment model', () => {
  it.each([
    ['lead', 3, 8],
    ['mentor', 3, 7],
    ['mentee', 0, 5.5],
    ['lead', 0, 5],
    ['mentor', 0, 4],
    ['mentor', 4, 8],
  ] as const)('with the default roles a %s with X=%i plans %d hours a week', (role, mentees, total) => {
    expect(plannedHours(defaults, role, mentees, 'weekly').total).toBe(total);
  });

  it('gives the hours by activity', () => {
    expect(plannedHours(defaults, 'mentor', 3, 'weekly').byActivity).toEqual({ 'code-review': 0.5, 'one-on-ones': 3, 'own-one-on-one': 1, project: 2, 'weekly-review': 0.5 });
  });

  it('halves every one-on-one in a biweekly cohort', () => {
    expect(plannedHours(defaults, 'lead', 3, 'biweekly').total).toBe(6.5);
    expect(plannedHours(defaults, 'mentor', 3, 'biweekly').total).toBe(5);
    expect(plannedHours(defaults, 'mentee', 0, 'biweekly').total).toBe(5);
  });

  it('follows an explicit config', () => {
    const config = configSchema.parse({ roles: { mentor: { activities: { pairing: { hours: 1.5, per: 'mentee' }, prep: { hours: 1 } } } } });
    expect(plannedHours(config, 'mentor', 2, 'weekly')).toEqual({ byActivity: { pairing: 3, prep: 1 }, total: 4 });
    expect(plannedHours(config, 'lead', 2, 'weekly').total).toBe(7);
  });

  it("gives a mentor with a budget only the room the budget allows", () => {
    expect(roomFor(defaults, 'mentor', 1, 'weekly', undefined)).toBe(3);
    expect(roomFor(defaults, 'mentor', 1, 'weekly', 6)).toBe(1);
    expect(roomFor(defaults, 'mentor', 1, 'weekly', 4.5)).toBe(0);
    expect(roomFor(defaults, 'mentor', 1, 'biweekly', 6)).toBe(3);
    expect(roomFor(defaults, 'mentee', 0, 'weekly', undefined)).toBe(0);
  });
});

describe('config defaults', () => {
  it('a config of two lines gets every default', () => {
    const config = configSchema.parse({ program: 'P', timezone: 'Europe/Paris' });
    expect(config.requestSlaHours).toBe(48);
    expect(config.roles.lead.maxMentees).toBe(4);
    expect(config.matching).toEqual({ preferred: 10, skill: 2, timezone: 1, language: 1, timezoneWindowHours: 3 });
    expect(config.promotion.minShareOfWeeksLogged).toBe(0.75);
  });

  it('a partial role keeps the default activities', () => {
    const config = configSchema.parse({ roles: { lead: { maxMentees: 2 } } });
    expect(config.roles.lead.maxMentees).toBe(2);
    expect(plannedHours(config, 'lead', 3, 'weekly').total).toBe(8);
  });
});
