import { dayNumber } from './time.js';

export type CohortState = 'upcoming' | 'running' | 'finished';

/** Where a cohort stands on a day (YYYY-MM-DD in the program's zone). A rolling cohort never finishes. */
export function cohortState(cohort: { start: string; end?: string | undefined }, today: string): CohortState {
  if (dayNumber(today) < dayNumber(cohort.start)) return 'upcoming';
  if (cohort.end !== undefined && dayNumber(today) > dayNumber(cohort.end)) return 'finished';
  return 'running';
}
