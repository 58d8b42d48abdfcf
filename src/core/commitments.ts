import { byTierThenId } from '../domain/tiers.js';
import type { Cohort, Config, Log, Person, Role } from '../model/schemas.js';
import { directMenteeCounts, plannedHours, totalHours } from '../domain/commitments.js';
import { HOUR_MS } from '../domain/time.js';

export type HoursFlag = 'over-budget' | 'no-log' | 'waiting' | 'logged-under' | 'logged-over';

/** Who mentors someone: the `mentor` of each member (`members`: a cohort's, as they stand). */
export const mentoring = (members: ReadonlyArray<{ mentor?: string }>): ReadonlySet<string> => new Set(members.flatMap((member) => (member.mentor === undefined ? [] : [member.mentor])));

/**
 * Who is expected to log: leads, members with a mentor, and a mentor with mentees of their own
 * though no lead yet (`mentors` holds who mentors someone: assign gives mentees to a mentor still
 * waiting for a lead, and in a program without leads every mentor is one). Members still waiting,
 * with nobody of their own, don't log yet.
 */
export const expectsLog = (member: { person: string; role: Role; mentor?: string }, mentors: ReadonlySet<string>) =>
  member.role === 'lead' || member.mentor !== undefined || (member.role !== 'mentee' && mentors.has(member.person));

/**
 * How long a member waiting for a mentor has waited at `at`, in exact hours; undefined for a
 * member who is placed (or a lead). One with no requestedAt (carried into a cycle by `mentor next`,
 * or added by hand) has needed a mentor since the cohort began, `startsAt`: before then they wait
 * for no one (undefined), `mentor assign` places them. Past `requestSlaHours` the wait is overdue:
 * status, the report, progress and the dashboard all judge it here.
 */
export function hoursWaited(member: { person: string; role: Role; mentor?: string; requestedAt?: string }, at: number, startsAt: number, mentors: ReadonlySet<string>): number | undefined {
  if (expectsLog(member, mentors)) return undefined;
  const since = member.requestedAt === undefined ? startsAt : Date.parse(member.requestedAt);
  if (member.requestedAt === undefined && at < startsAt) return undefined;
  return Math.max(0, (at - since) / HOUR_MS);
}

export const isOverdue = (member: { person: string; role: Role; mentor?: string; requestedAt?: string }, at: number, startsAt: number, slaHours: number, mentors: ReadonlySet<string>): boolean => (hoursWaited(member, at, startsAt, mentors) ?? 0) > slaHours;

export interface PersonHours {
  id: string;
  role: Role;
  directMentees: number;
  planned: Record<string, number>;
  plannedTotal: number;
  logged?: Record<string, number>;
  loggedTotal?: number;
  maxHoursPerWeek?: number;
  flags: HoursFlag[];
}


/** Logged this far under or over plan is worth a look (half or one and a half times the plan). */
export const FAR_UNDER = 0.5;
export const FAR_OVER = 1.5;

/**
 * Each member's planned weekly hours by activity and, when the week's logs are given, the hours
 * logged beside them. Members are ordered by tier, then id.
 */
export function cohortCommitments(config: Config, cohort: Cohort, people: ReadonlyMap<string, Person | undefined>, weekLogs?: ReadonlyMap<string, Log>): PersonHours[] {
  const counts = directMenteeCounts(cohort.members);
  const mentors = mentoring(cohort.members);
  const seen = new Set<string>();
  const rows: PersonHours[] = [];
  for (const member of cohort.members) {
    if (seen.has(member.person)) continue;
    seen.add(member.person);
    const directMentees = counts.get(member.person) ?? 0;
    const planned = plannedHours(config, member.role, directMentees, cohort.cadence);
    const budget = people.get(member.person)?.maxHoursPerWeek;
    const row: PersonHours = { id: member.person, role: member.role, directMentees, planned: planned.byActivity, plannedTotal: planned.total, flags: [] };
    if (budget !== undefined) row.maxHoursPerWeek = budget;
    if (budget !== undefined && planned.total > budget + 1e-9) row.flags.push('over-budget');
    if (weekLogs) {
      const log = weekLogs.get(member.person);
      if (log === undefined) {
        row.flags.push(expectsLog(member, mentors) ? 'no-log' : 'waiting');
      } else {
        row.logged = Object.fromEntries(Object.entries(log.hours).sort(([a], [b]) => (a < b ? -1 : 1)));
        row.loggedTotal = totalHours(log.hours);
        if (row.loggedTotal < planned.total * FAR_UNDER) row.flags.push('logged-under');
        if (row.loggedTotal > planned.total * FAR_OVER) row.flags.push('logged-over');
      }
    }
    rows.push(row);
  }
  return rows.sort(byTierThenId);
}
