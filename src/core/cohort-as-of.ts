import { dateOfDayNumber, dayNumber, startOfDay } from '../domain/time.js';
import { sundayOf } from '../domain/weeks.js';
import { isAwayInWeek } from '../domain/cohort-state.js';
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

// Instants are read once each: a program's pages ask the same dates for every week it ran.
const parsed = new Map<string, number>();
const before = (time: string | undefined, instant: number) => {
  if (time === undefined) return true;
  let at = parsed.get(time);
  if (at === undefined) parsed.set(time, (at = Date.parse(time)));
  return at < instant;
};

export function cohortAsOf(cohort: Cohort, instant: number): Cohort {
  return { ...cohort, members: cohort.members.flatMap((member) => memberAsOf(member, instant) ?? []) };
}

/** A member as they stood when a week ended: their role, and their mentor if the match had begun. */
export interface Logger {
  person: string;
  role: Member['role'];
  mentor?: string;
}

/**
 * Who was expected to log a week, as they were at its end: leads, and members who had a mentor by
 * then. One claimed later was still waiting, one released since still had a mentor. `report`,
 * `progress`, `status` and the dashboard all count a week's logs (and its planned hours) from here.
 */
export function expectedLoggers(cohort: Cohort, zone: string, week: string, people?: ReadonlyMap<string, { pausedUntil?: string | undefined } | undefined>): readonly Logger[] {
  // The dashboard asks each week of a cohort three times (its snapshot, its page, the program's
  // progress): a rolling cohort of years and a thousand members is worked out once per week.
  const byPeople = known.get(cohort) ?? known.set(cohort, new WeakMap()).get(cohort)!;
  const byWeek = byPeople.get(people ?? NOBODY) ?? byPeople.set(people ?? NOBODY, new Map()).get(people ?? NOBODY)!;
  const key = `${zone} ${week}`;
  let loggers = byWeek.get(key);
  if (loggers === undefined) byWeek.set(key, (loggers = Object.freeze(loggersAt(cohort, zone, week, people))));
  return loggers;
}

const NOBODY = {};
const known = new WeakMap<Cohort, WeakMap<object, Map<string, readonly Logger[]>>>();

function loggersAt(cohort: Cohort, zone: string, week: string, people?: ReadonlyMap<string, { pausedUntil?: string | undefined } | undefined>): Logger[] {
  const end = endOfWeek(zone, week);
  return cohort.members.flatMap((member) => {
    if (people !== undefined && isAwayInWeek(people.get(member.person), week)) return [];
    const state = stateAt(member, end);
    const mentor = state?.placed ? state.at.mentor : undefined;
    return state !== undefined && expectsLog({ role: member.role, mentor }) ? [{ person: member.person, role: member.role, ...(mentor !== undefined ? { mentor } : {}) }] : [];
  });
}

/**
 * For each of `weeks`, the people expected to log it (see expectedLoggers). Given `people`, those
 * away that week (`pausedUntil`) are not: no log is expected of them, as status, report and the
 * dashboard count a week.
 */
export function loggersByWeek(cohort: Cohort, zone: string, weeks: readonly string[], people?: ReadonlyMap<string, { pausedUntil?: string | undefined } | undefined>): Map<string, Set<string>> {
  return new Map(weeks.map((week) => [week, new Set(expectedLoggers(cohort, zone, week, people).map((logger) => logger.person))]));
}

/** Where a member stood at an instant: not yet in the cohort (undefined), or the match then (`at`) and whether it had begun. */
function stateAt(member: Member, instant: number): { at: Pick<Member, 'mentor' | 'assignedAt' | 'requestedAt'>; ended?: NonNullable<Member['history']>[number]; placed: boolean } | undefined {
  const history = member.history ?? [];
  // Since when the member has been in the cohort: their first match's request (a member placed
  // without one has always been there), else their own request.
  const first = history.length > 0 ? history[0]!.requestedAt : member.requestedAt;
  if (!before(first, instant)) return undefined;
  // The match that was running then, if it ended since.
  const ended = history.find((match) => !before(match.releasedAt, instant));
  const at = ended ?? member;
  return { at, ended, placed: at.mentor !== undefined && before(at.assignedAt, instant) };
}

function memberAsOf(member: Member, instant: number): Member | undefined {
  const state = stateAt(member, instant);
  if (state === undefined) return undefined;
  const { at, ended, placed } = state;
  const history = member.history ?? [];
  const { mentor: _mentor, assignedAt: _assignedAt, requestedAt: _requestedAt, history: _history, ...rest } = member;
  const earlier = ended ? history.slice(0, history.indexOf(ended)) : history;
  return {
    ...rest,
    ...(placed ? { mentor: at.mentor, ...(at.assignedAt !== undefined ? { assignedAt: at.assignedAt } : {}) } : {}),
    ...(at.requestedAt !== undefined ? { requestedAt: at.requestedAt } : {}),
    ...(earlier.length > 0 ? { history: earlier } : {}),
  };
}
