import { dateOfDayNumber, dayNumber, localDate, weekdayOfDayNumber } from './time.js';

// ISO 8601 weeks, written 2026-W48: Monday to Sunday, week 1 holds the year's first Thursday.

const WEEK = /^(\d{4})-W(\d{2})$/;

const weeksInYears = new Map<number, number>();

function weeksInYear(year: number): number {
  // The week of 28 December is always the last week of its year.
  let weeks = weeksInYears.get(year);
  if (weeks === undefined) weeksInYears.set(year, (weeks = weekNumberOf(dayNumber(`${year}-12-28`)).week));
  return weeks;
}

function weekNumberOf(days: number): { year: number; week: number } {
  const weekday = weekdayOfDayNumber(days); // 0 = Monday
  const thursday = days - weekday + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const firstDay = dayNumber(`${year}-01-01`);
  return { year, week: Math.floor((thursday - firstDay) / 7) + 1 };
}

export function isIsoWeek(text: string): boolean {
  const match = WEEK.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const week = Number(match[2]);
  return year >= 1900 && year <= 9999 && week >= 1 && week <= weeksInYear(year);
}

/**
 * How to write a week the text does not name: the spelling, or for a week past its year's last
 * (2027-W53: 2027 has 52 weeks) the year's last week, since the spelling is right.
 */
export function weekFix(text: string, otherwise = 'Write it as YYYY-Www, e.g. 2026-W48.'): string {
  const match = WEEK.exec(text);
  const year = Number(match?.[1]);
  if (match && year >= 1900 && year <= 9999 && Number(match[2]) > weeksInYear(year)) {
    return `${year} has ${weeksInYear(year)} ISO weeks: its last is ${year}-W${weeksInYear(year)}, and the week after it is ${year + 1}-W01.`;
  }
  // A week written loosely (2026-w47, 2026W47, 2026-47): the week it names, as it is written.
  const loose = /^(\d{4})[-\s]?[wW]?(\d{1,2})$/.exec(text.trim());
  const meant = loose ? `${loose[1]}-W${loose[2]!.padStart(2, '0')}` : undefined;
  return meant !== undefined && isIsoWeek(meant) ? `Write it as YYYY-Www: ${meant}.` : otherwise;
}

const weekOfDates = new Map<string, string>();

export function weekOfDate(date: string): string {
  let cached = weekOfDates.get(date);
  if (cached === undefined) {
    const { year, week } = weekNumberOf(dayNumber(date));
    cached = `${year}-W${String(week).padStart(2, '0')}`;
    if (weekOfDates.size < 10_000) weekOfDates.set(date, cached);
  }
  return cached;
}

/** The Monday a week starts on, YYYY-MM-DD. */
export function mondayOf(week: string): string {
  const match = WEEK.exec(week);
  if (!match) throw new RangeError(`not an ISO week: ${week}`);
  const jan4 = dayNumber(`${match[1]}-01-04`);
  const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7;
  return dateOfDayNumber(jan4 - jan4Weekday + (Number(match[2]) - 1) * 7);
}

export function sundayOf(week: string): string {
  return dateOfDayNumber(dayNumber(mondayOf(week)) + 6);
}

export function addWeeks(week: string, count: number): string {
  return weekOfDate(dateOfDayNumber(dayNumber(mondayOf(week)) + count * 7));
}

/**
 * The first week whose logs a person may still change with `lockLogsAfterWeeks` (counted back
 * from this week, the week of now, never from commit dates); none when logs never lock.
 */
export function firstOpenWeek(lockAfterWeeks: number | undefined, thisWeek: string): string | undefined {
  return lockAfterWeeks === undefined ? undefined : addWeeks(thisWeek, -lockAfterWeeks);
}

/** The ISO week of an instant in the program's zone. */
export function weekAt(zone: string, instantMs: number): string {
  return weekOfDate(localDate(zone, instantMs));
}

/** Every week from the one holding `start` to the one holding `end`, in order. */
export function weeksBetween(start: string, end: string): string[] {
  const weeks: string[] = [];
  const last = weekOfDate(end);
  if (dayNumber(end) < dayNumber(start)) return weeks;
  for (let week = weekOfDate(start); ; week = addWeeks(week, 1)) {
    weeks.push(week);
    if (week === last) break;
  }
  return weeks;
}

/** Weeks sort as strings: 2026-W09 < 2026-W10 < 2027-W01. */
export const compareWeeks = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The last complete week on a day (YYYY-MM-DD in the program's zone): the week before the one
 * that holds it. Logs are judged only for complete weeks.
 */
export function lastCompleteWeek(today: string): string {
  return addWeeks(weekOfDate(today), -1);
}
