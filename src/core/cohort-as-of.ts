import { dateOfDayNumber, dayNumber, startOfDay } from '../domain/time.js';
import { sundayOf } from '../domain/weeks.js';
import type { Cohort, Member } from '../model/schemas.js';
import { expectsLog } from './commitments.js';

// A cohort as it was at an instant, from the dates its members carry: who had asked by then
// (requestedAt), who had a mentor (assignedAt), and the matches that ended since (history). A
// report of a past week describes that week, so a join, claim or release today leaves it as it was.

/** The first instant after a week: Monday 00:00 of the next week, in the program's zone. */
export function endOfWeek(zone: string, week: string): number {
  return startOfDay(zone, dateOfDayNumber(dayNumber(sundayOf(week)) + 1));
}

/**
 * The instant a cohort's waits are measured at: now, or once the cohort is over, the end of its
 * last day. A request never answered in a finished cohort stops waiting there ("never placed"),
 * instead of growing overdue for ever.
 */
export function waitsMeasuredAt(cohort: Pick<Cohort, 'end'>, zone: string, now: number): number {
  return cohort.end === undefined ? now : Math.min(now, startOfDay(zone, dateOfDayNumber(dayNumber(cohort.end) + 1)));
}

const before = (time: string | undefined, instant: number) => time === undefined || Date.parse(time) < instant;

export function cohortAsOf(cohort: Cohort, instant: number): Cohort {
  return { ...cohort, members: cohort.members.flatMap((member) => memberAsOf(member, instant) ?? []) };
}

/**
 * Who was expected to log a week, as they were at its end: leads, and members who had a mentor by
 * then. One claimed later was still waiting, one released since still had a mentor. `report`,
 * `progress`, `status` and the dashboard all count a week's logs (and its planned hours) from here.
 */
export function expectedLoggers(cohort: Cohort, zone: string, week: string): Member[] {
  return cohortAsOf(cohort, endOfWeek(zone, week)).members.filter(expectsLog);
}

/** For each of `weeks`, the people expected to log it (see expectedLoggers). */
export function loggersByWeek(cohort: Cohort, zone: string, weeks: readonly string[]): Map<string, Set<string>> {
  return new Map(weeks.map((week) => [week, new Set(expectedLoggers(cohort, zone, week).map((member) => member.person))]));
}

function memberAsOf(member: Member, instant: number): Member | undefined {
  const history = member.history ?? [];
  // Since when the member has been in the cohort: their first match's request (a member placed
  // without one has always been there), else their own request.
  const first = history.length > 0 ? history[0]!.requestedAt : member.requestedAt;
  if (!before(first, instant)) return undefined;
  // The match that was running then, if it ended since.
  const ended = history.find((match) => !before(match.releasedAt, instant));
  const { mentor: _mentor, assignedAt: _assignedAt, requestedAt: _requestedAt, history: _history, ...rest } = member;
  const at = ended ?? member;
  const placed = at.mentor !== undefined && before(at.assignedAt, instant);
  const earlier = ended ? history.slice(0, history.indexOf(ended)) : history;
  return {
    ...rest,
    ...(placed ? { mentor: at.mentor, ...(at.assignedAt !== undefined ? { assignedAt: at.assignedAt } : {}) } : {}),
    ...(at.requestedAt !== undefined ? { requestedAt: at.requestedAt } : {}),
    ...(earlier.length > 0 ? { history: earlier } : {}),
  };
}
