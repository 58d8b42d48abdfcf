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

/** A cohort's first and last day as day numbers; a rolling cohort (no end) runs on for ever. */
const daysOf = (cohort: CohortDates) => ({ from: dayNumber(cohort.start), to: cohort.end === undefined ? Number.POSITIVE_INFINITY : dayNumber(cohort.end) });

/** Whether two cohorts share a day. */
export function cohortsOverlap(a: CohortDates, b: CohortDates): boolean {
  const [x, y] = [daysOf(a), daysOf(b)];
  return x.from <= y.to && y.from <= x.to;
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

/** A cohort's days (daysOf) and its planned hours, worked out once. */
interface Planned {
  id: string;
  from: number;
  to: number;
  hours: Map<string, number>;
}

// status, report and the dashboard ask for the hours elsewhere of every cohort in turn: each
// cohort's plan is worked out once (per config), not once for every cohort that overlaps it.
const plans = new WeakMap<Cohort, { config: Config; plan: Planned }>();
function planOf(config: Config, cohort: Cohort): Planned {
  const known = plans.get(cohort);
  if (known?.config === config) return known.plan;
  const plan = { id: cohort.id, ...daysOf(cohort), hours: plannedIn(config, cohort) };
  plans.set(cohort, { config, plan });
  return plan;
}

export interface ElsewhereHours {
  hours: number;
  cohorts: string[];
}

/** The hours of `plans` other than `plan` whose days overlap it, by person. */
function sumElsewhere(plans: readonly Planned[], plan: Planned): Map<string, ElsewhereHours> {
  const result = new Map<string, ElsewhereHours>();
  for (const other of plans) {
    if (other.id === plan.id || other.from > plan.to || plan.from > other.to) continue;
    for (const [person, hours] of other.hours) {
      const sum = result.get(person);
      if (sum) {
        sum.hours = roundHours(sum.hours + hours);
        sum.cohorts.push(other.id);
      } else result.set(person, { hours: roundHours(hours), cohorts: [other.id] });
    }
  }
  for (const sum of result.values()) sum.cohorts.sort();
  return result;
}

/** Each person's planned weekly hours in the other cohorts that overlap `cohort`, with their ids. */
export function plannedElsewhere(config: Config, cohorts: readonly Cohort[], cohort: Cohort): Map<string, ElsewhereHours> {
  const others = cohorts.filter((other) => other.id !== cohort.id && cohortsOverlap(other, cohort));
  return sumElsewhere(others.map((other) => planOf(config, other)), { id: cohort.id, from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY, hours: new Map() });
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
  // Each cohort's hours once, not once for every other cohort: 300 cohorts took 1.5 s.
  const plans = cohorts.map((cohort) => planOf(config, cohort));
  const found: CrossCohortOverBudget[] = [];
  for (const plan of plans) {
    let elsewhere: Map<string, ElsewhereHours> | undefined;
    for (const [person, planned] of plan.hours) {
      const max = people.get(person)?.maxHoursPerWeek;
      if (max === undefined || planned > max + 1e-9) continue;
      const other = (elsewhere ??= sumElsewhere(plans, plan)).get(person);
      if (other === undefined) continue;
      if (planned + other.hours > max + 1e-9) found.push({ person, cohort: plan.id, planned, elsewhere: other, maxHoursPerWeek: max });
    }
  }
  return found;
}
