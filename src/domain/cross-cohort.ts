import { directMenteeCounts, plannedHours, roundHours, type Cadence, type CommitmentModel } from './commitments.js';
import type { CohortDates } from './cohort-state.js';
import { dayNumber } from './time.js';
import type { Role } from './tiers.js';

/** What the sums need of a cohort (a parsed Cohort fits). */
export interface CohortPlan extends CohortDates {
  id: string;
  cadence: Cadence;
  members: ReadonlyArray<{ person: string; role: Role; mentor?: string | undefined }>;
}
type Cohort = CohortPlan;
type Config = CommitmentModel;

// A person's maxHoursPerWeek holds across every cohort whose dates overlap (DESIGN.md "Time"):
// planned hours add up. These are the sums assign, status and the capacity rule start from.

/** Whether two cohorts share a day; a rolling cohort (no end) runs on for ever. */
export function cohortsOverlap(a: CohortDates, b: CohortDates): boolean {
  const endOf = (cohort: CohortDates) => (cohort.end === undefined ? Number.POSITIVE_INFINITY : dayNumber(cohort.end));
  return dayNumber(a.start) <= endOf(b) && dayNumber(b.start) <= endOf(a);
}

/** Each person's planned weekly hours in one cohort. */
function plannedIn(config: Config, cohort: Cohort): Map<string, number> {
  const counts = directMenteeCounts(cohort.members);
  const hours = new Map<string, number>();
  for (const member of cohort.members) {
    if (!hours.has(member.person)) hours.set(member.person, plannedHours(config, member.role, counts.get(member.person) ?? 0, cohort.cadence).total);
  }
  return hours;
}

export interface ElsewhereHours {
  hours: number;
  cohorts: string[];
}

/** Each person's planned weekly hours in the other cohorts that overlap `cohort`, with their ids. */
export function plannedElsewhere(config: Config, cohorts: readonly Cohort[], cohort: Cohort): Map<string, ElsewhereHours> {
  const result = new Map<string, ElsewhereHours>();
  for (const other of cohorts) {
    if (other.id === cohort.id || !cohortsOverlap(other, cohort)) continue;
    for (const [person, hours] of plannedIn(config, other)) {
      const sum = result.get(person) ?? { hours: 0, cohorts: [] };
      result.set(person, { hours: roundHours(sum.hours + hours), cohorts: [...sum.cohorts, other.id].sort() });
    }
  }
  return result;
}

/** What is left of a budget once the other overlapping cohorts are planned (undefined: no budget). */
export function budgetLeft(maxHoursPerWeek: number | undefined, elsewhere: ElsewhereHours | undefined): number | undefined {
  return maxHoursPerWeek === undefined ? undefined : roundHours(maxHoursPerWeek - (elsewhere?.hours ?? 0));
}

export interface CrossCohortOverBudget {
  person: string;
  cohort: string;
  planned: number;
  elsewhere: ElsewhereHours;
  maxHoursPerWeek: number;
}

/**
 * For the capacity rule: each member planned past their maxHoursPerWeek only once the overlapping
 * cohorts are added (a member past budget within one cohort alone is the existing rule's).
 */
export function crossCohortOverBudget(config: Config, cohorts: readonly Cohort[], people: ReadonlyMap<string, { maxHoursPerWeek?: number | undefined } | undefined>): CrossCohortOverBudget[] {
  const found: CrossCohortOverBudget[] = [];
  for (const cohort of cohorts) {
    const elsewhere = plannedElsewhere(config, cohorts, cohort);
    for (const [person, planned] of plannedIn(config, cohort)) {
      const max = people.get(person)?.maxHoursPerWeek;
      const other = elsewhere.get(person);
      if (max === undefined || other === undefined || planned > max + 1e-9) continue;
      if (planned + other.hours > max + 1e-9) found.push({ person, cohort: cohort.id, planned, elsewhere: other, maxHoursPerWeek: max });
    }
  }
  return found;
}
