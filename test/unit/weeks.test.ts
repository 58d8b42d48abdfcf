import { describe, expect, it } from 'vitest';
import { addWeeks, isIsoWeek, mondayOf, weekAt, weekOfDate, weeksBetween } from '../../src/domain/weeks.js';
import { formatInstant, isRealDate, isValidTimeZone, utcOffsetMinutes } from '../../src/domain/time.js';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-03', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, week) => expect(weekOfDate(date)).toBe(week));

  it('knows which years have a week 53', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-48')).toBe(false);
  });

  it('finds Mondays and steps across years', () => {
    expect(mondayOf('2026-W48')).toBe('2026-11-23');
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(addWeeks('2026-W52', 2)).toBe('2027-W01');
    expect(weeksBetween('2026-09-07', '2026-09-27')).toEqual(['2026-W37', '2026-W38', '2026-W39']);
  });

  it('counts weeks in the program zone', () => {
    const sundayNightInLA = Date.parse('2026-11-23T07:00:00Z'); // Sunday 23:00 in Los Angeles
    expect(weekAt('America/Los_Angeles', sundayNightInLA)).toBe('2026-W47');
    expect(weekAt('UTC', sundayNightInLA)).toBe('2026-W48');
  });
});

describe('time helpers', () => {
  it('checks dates and zones', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Base')).toBe(false);
    expect(isValidTimeZone('../../etc/passwd')).toBe(false);
  });

  it('gives offsets and instants with zones', () => {
    expect(utcOffsetMinutes('America/Los_Angeles', Date.parse('2026-07-01T12:00:00Z'))).toBe(-420);
    expect(utcOffsetMinutes('Asia/Kolkata', Date.parse('2026-07-01T12:00:00Z'))).toBe(330);
    expect(formatInstant('America/Los_Angeles', Date.parse('2026-11-23T17:00:00Z'))).toBe('2026-11-23T09:00:00-08:00');
    expect(formatInstant('UTC', Date.parse('2026-11-23T17:00:00Z'))).toBe('2026-11-23T17:00:00Z');
  });
});
