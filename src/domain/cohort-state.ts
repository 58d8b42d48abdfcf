import { dayNumber } from './time.js';
import { compareWeeks, lastCompleteWeek, weekOfDate, weeksBetween, mondayOf, sundayOf } from './weeks.js';

// Where a cohort stands in time, and which of its weeks count. DESIGN.md "Time": a cohort's weeks
// run from the week of its start to the week of its end; only complete weeks of the cohort are
// ever counted (by status, report, progress and next).

export type CohortState = 'upcoming' | 'running' | 'finished';

export interface CohortDates {
  start: string;
  end?: string | undefined;
}

/** Where a cohort stands on a day (YYYY-MM-DD in the program's zone). A rolling cohort never finishes. */
export function cohortState(cohort: CohortDates, today: string): CohortState {
  if (dayNumber(today) < dayNumber(cohort.start)) return 'upcoming';
  if (cohort.end !== undefined && dayNumber(today) > dayNumber(cohort.end)) return 'finished';
  return 'running';
}

export const firstWeekOf = (cohort: CohortDates): string => weekOfDate(cohort.start);

/** The week of the cohort's end; none for a rolling cohort. */
export const lastWeekOf = (cohort: CohortDates): string | undefined => (cohort.end === undefined ? undefined : weekOfDate(cohort.end));

/** Whether a week is one of the cohort's weeks (complete or not). */
export function isCohortWeek(cohort: CohortDates, week: string): boolean {
  const last = lastWeekOf(cohort);
  return compareWeeks(week, firstWeekOf(cohort)) >= 0 && (last === undefined || compareWeeks(week, last) <= 0);
}

/** "2026-W37 to 2026-W48" (or "from 2026-W37" for a rolling cohort): for messages. */
export function cohortWeeksText(cohort: CohortDates): string {
  const last = lastWeekOf(cohort);
  return last === undefined ? `from ${firstWeekOf(cohort)} on` : `${firstWeekOf(cohort)} to ${last}`;
}

/**
 * The weeks of a cohort that count up to `upTo` (included): from the week of its start to the
 * week of its end, none after `upTo`. Pass the last complete week to count only weeks that are over.
 */
export function countedWeeks(cohort: CohortDates, upTo: string): string[] {
  const last = lastWeekOf(cohort);
  const until = last !== undefined && compareWeeks(last, upTo) < 0 ? last : upTo;
  if (compareWeeks(until, firstWeekOf(cohort)) < 0) return [];
  return weeksBetween(mondayOf(firstWeekOf(cohort)), mondayOf(until));
}

/** The complete weeks of a cohort on a day: every week of it that is over. */
export function completeWeeks(cohort: CohortDates, today: string): string[] {
  return countedWeeks(cohort, lastCompleteWeek(today));
}

/**
 * Whether `status` still has something to say of a cohort on a day: it has not finished, or its
 * last week is still last week or later. A cohort that ends on a Sunday is finished on the Monday
 * its last week's logs fall due; without this week of grace they were never shown as missing.
 */
export function isOpenOrJustFinished(cohort: CohortDates, today: string): boolean {
  const last = lastWeekOf(cohort);
  return cohortState(cohort, today) !== 'finished' || (last !== undefined && compareWeeks(last, lastCompleteWeek(today)) >= 0);
}

/** A person who set `pausedUntil` is away until that day (in the program's zone) begins. */
export function isPaused(person: { pausedUntil?: string | undefined }, today: string): boolean {
  return person.pausedUntil !== undefined && dayNumber(today) < dayNumber(person.pausedUntil);
}

/** The day a person away today (`pausedUntil`) is back; undefined when they are not away (or unknown). */
export const awayUntil = (person: { pausedUntil?: string | undefined } | undefined, today: string): string | undefined =>
  person !== undefined && isPaused(person, today) ? person.pausedUntil : undefined;

/**
 * Whether a week is one a person was away for (`pausedUntil` after its Sunday): no log is expected
 * of them for it, and it is not silence. When the pause began is not recorded: every week before
 * the date counts as away.
 */
export function isAwayInWeek(person: { pausedUntil?: string | undefined } | undefined, week: string): boolean {
  return person?.pausedUntil !== undefined && sundayOf(week) < person.pausedUntil;
}
