import type { Cohort, Config, Log, Person, Role } from '../model/schemas.js';
import { cohortCommitments, expectsLog, hoursWaited, isOverdue, mentoring, type PersonHours } from './commitments.js';
import { byTierThenId } from '../domain/tiers.js';
import { directMenteeCounts, roomFor, roundHours } from '../domain/commitments.js';
import { budgetLeft, type ElsewhereHours } from '../domain/cross-cohort.js';
import { localDate, startOfDay } from '../domain/time.js';
import { mondayOf, sundayOf } from '../domain/weeks.js';
import { awayUntil, countedWeeks, isAwayInWeek, isCohortWeek, isPaused } from '../domain/cohort-state.js';
import { ExpectedWeeks } from './cohort-as-of.js';
import { byId, cohortTree, type TreeNode } from './snapshot-tree.js';

// What a cohort looks like at the end of a week, and what needs attention. Pure: the records, the
// week and the instant to measure waiting at are all arguments, so a report is reproducible.

export type { TreeNode } from './snapshot-tree.js';

export interface WaitingMember {
  id: string;
  name: string;
  role: Role;
  requestedAt?: string;
  waitedHours?: number;
  overdue: boolean;
  /** `requestedAt` later than the snapshot's time: a mistyped date, that would never fall due. */
  requestedAtInFuture?: true;
  /** Away (pausedUntil) until this day: not placed nor claimed before it, so not overdue meanwhile. */
  awayUntil?: string;
  wants: string[];
  prefers?: string;
}

export interface MentorRoom {
  id: string;
  role: Role;
  directMentees: number;
  room: number;
}

export interface InactiveMentor {
  id: string;
  role: Role;
  reason: 'opted-out' | 'no-recent-logs';
  weeksWithoutLog: number;
}

export interface CohortSnapshot {
  cohort: { id: string; name: string; start: string; end?: string; cadence: string };
  week: string;
  weekStart: string;
  weekEnd: string;
  slaHours: number;
  tree: TreeNode[];
  hours: PersonHours[];
  missingLogs: string[];
  /** Planned past maxHoursPerWeek, counting the overlapping cohorts (named in `otherCohorts`). */
  overBudget: Array<{ id: string; plannedTotal: number; maxHoursPerWeek: number; otherCohorts?: string[] }>;
  waiting: WaitingMember[];
  mentorsWithRoom: MentorRoom[];
  inactiveMentors: InactiveMentor[];
  /** Away until a date (`pausedUntil`): mentors neither with room nor inactive, and never mentioned; placed mentees too (no log is expected of them meanwhile). Keeps its name for status --format json. */
  pausedMentors?: Array<{ id: string; role: Role; until: string }>;
  pullRequests: Array<{ id: string; url: string }>;
  weeksLogged: Array<{ id: string; logged: number; of: number }>;
  counts: { members: number; leads: number; mentors: number; mentees: number; waiting: number; overdue: number; logs: number; expectedLogs: number };
}

export interface SnapshotInput {
  config: Config;
  cohort: Cohort;
  people: ReadonlyMap<string, Person | undefined>;
  /** Every log of the cohort, by person then week. */
  logs: ReadonlyMap<string, ReadonlyMap<string, Log>>;
  week: string;
  /** The instant waiting is measured at: the end of the week for a report, now for status. */
  at: number;
  /** Now, when waits are measured at a finished cohort's end (`at`): a request made since is not in the future. */
  now?: number;
  /** Each person's planned hours in the other cohorts that overlap this one: budgets add up. */
  elsewhere?: ReadonlyMap<string, ElsewhereHours>;
}

export function cohortSnapshot(input: SnapshotInput): CohortSnapshot {
  const { config, cohort, people, logs, week } = input;
  const members = uniqueMembers(cohort);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const weekLogs = new Map<string, Log>();
  for (const [person, byWeek] of logs) {
    const log = byWeek.get(week);
    if (log) weekLogs.set(person, log);
  }
  const hours = cohortCommitments(config, cohort, people, weekLogs);
  const planned = new Map(hours.map((row) => [row.id, row]));
  const counts = directMenteeCounts(members);
  const mentors = mentoring(members);

  const roots = cohortTree(members, (member) => ({ id: member.person, name: nameOf(member.person), role: member.role, directMentees: counts.get(member.person) ?? 0, plannedTotal: planned.get(member.person)!.plannedTotal, children: [] }));

  // Logs are expected only in the cohort's own weeks (none before its start or after its end), of
  // those who had a mentor by the end of that week (one claimed since was still waiting) and were
  // not away (`pausedUntil`): paused mentors are listed apart.
  const inCohort = isCohortWeek(cohort, week);
  const weeksRun = countedWeeks(cohort, week);
  const loggers = new ExpectedWeeks(cohort, config.timezone, weeksRun, people);
  const expected = inCohort ? members.filter((member) => expectsLog(member, mentors) && loggers.has(member.person, week)) : [];
  const missingLogs = expected.filter((member) => !weekLogs.has(member.person)).map((member) => member.person).sort();
  const overBudget = hours.flatMap((row) => {
    const other = input.elsewhere?.get(row.id);
    const total = roundHours(row.plannedTotal + (other?.hours ?? 0));
    if (row.maxHoursPerWeek === undefined || total <= row.maxHoursPerWeek + 1e-9) return [];
    return [{ id: row.id, plannedTotal: total, maxHoursPerWeek: row.maxHoursPerWeek, ...(other ? { otherCohorts: other.cohorts } : {}) }];
  });
  const startsAt = startOfDay(config.timezone, cohort.start);
  const today = localDate(config.timezone, input.at);
  const waiting = members
    .filter((member) => !expectsLog(member, mentors))
    .map((member): WaitingMember => {
      const away = awayUntil(people.get(member.person), today);
      const exactHours = hoursWaited(member, input.at, startsAt, mentors);
      const waitedHours = exactHours === undefined ? undefined : Math.round(exactHours * 10) / 10;
      return {
        id: member.person,
        name: nameOf(member.person),
        role: member.role,
        ...(member.requestedAt !== undefined ? { requestedAt: member.requestedAt } : {}),
        ...(waitedHours !== undefined ? { waitedHours } : {}),
        overdue: away === undefined && isOverdue(member, input.at, startsAt, config.requestSlaHours, mentors),
        ...(away !== undefined ? { awayUntil: away } : {}),
        ...(member.requestedAt !== undefined && Date.parse(member.requestedAt) > (input.now ?? input.at) ? { requestedAtInFuture: true as const } : {}),
        wants: member.wants,
        ...(member.prefers !== undefined ? { prefers: member.prefers } : {}),
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (b.waitedHours ?? -1) - (a.waitedHours ?? -1) || byId(a, b));

  const mentorsWithRoom: MentorRoom[] = [];
  const inactiveMentors: InactiveMentor[] = [];
  const pausedMentors: NonNullable<CohortSnapshot['pausedMentors']> = [];
  for (const member of members) {
    const person = people.get(member.person);
    const paused = person !== undefined && person.active !== false && isPaused(person, today);
    // A placed mentee away is listed too: no log is expected of them meanwhile, so they would be in no list.
    if (paused && (member.role !== 'mentee' || expectsLog(member, mentors))) pausedMentors.push({ id: member.person, role: member.role, until: person.pausedUntil! });
    if (member.role === 'mentee' || paused) continue;
    const x = counts.get(member.person) ?? 0;
    if (person?.active === false) {
      inactiveMentors.push({ id: member.person, role: member.role, reason: 'opted-out', weeksWithoutLog: weeksWithout(logs.get(member.person), weeksRun) });
      continue;
    }
    const room = roomFor(config, member.role, x, cohort.cadence, budgetLeft(person?.maxHoursPerWeek, input.elsewhere?.get(member.person)));
    if (room > 0) mentorsWithRoom.push({ id: member.person, role: member.role, directMentees: x, room });
    // Weeks away (`pausedUntil`) are not silence, nor weeks no log was expected (before a mentee or a lead).
    const silent = weeksWithout(logs.get(member.person), weeksRun, (w) => isAwayInWeek(person, w) || !loggers.has(member.person, w));
    if (expectsLog(member, mentors) && silent >= 2) inactiveMentors.push({ id: member.person, role: member.role, reason: 'no-recent-logs', weeksWithoutLog: silent });
  }
  mentorsWithRoom.sort(byTierThenId);
  inactiveMentors.sort(byTierThenId);

  const pullRequests = [...weekLogs]
    .flatMap(([id, log]) => log.pullRequests.map((url) => ({ id, url })))
    .sort((a, b) => byId(a, b) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

  // Over the weeks each was expected to log (one claimed mid-cohort starts then, one released since ends then); a week away is none.
  const weeksLogged = members
    .filter((member) => expectsLog(member, mentors) || loggers.count(member.person) > 0)
    .map((member) => {
      return { id: member.person, logged: loggers.logged(member.person, logs.get(member.person)), of: loggers.count(member.person) };
    })
    .sort(byId);

  return {
    cohort: { id: cohort.id, name: cohort.name, start: cohort.start, ...(cohort.end !== undefined ? { end: cohort.end } : {}), cadence: cohort.cadence },
    week,
    weekStart: mondayOf(week),
    weekEnd: sundayOf(week),
    slaHours: config.requestSlaHours,
    tree: roots,
    hours,
    missingLogs,
    overBudget,
    waiting,
    mentorsWithRoom,
    inactiveMentors,
    // Only when someone is paused, so reports of programs without pauses keep their bytes.
    ...(pausedMentors.length > 0 ? { pausedMentors: pausedMentors.sort(byTierThenId) } : {}),
    pullRequests,
    weeksLogged,
    counts: {
      members: members.length,
      leads: members.filter((m) => m.role === 'lead').length,
      mentors: members.filter((m) => m.role === 'mentor').length,
      mentees: members.filter((m) => m.role === 'mentee').length,
      waiting: waiting.length,
      overdue: waiting.filter((w) => w.overdue).length,
      logs: weekLogs.size,
      expectedLogs: expected.length,
    },
  };
}

/** Consecutive weeks at the end of `weeks` without a log, back to the last week `away` (a pause runs up to a day: all before it are away). */
function weeksWithout(logs: ReadonlyMap<string, Log> | undefined, weeks: readonly string[], away: (week: string) => boolean = () => false): number {
  let count = 0;
  while (count < weeks.length && !away(weeks[weeks.length - 1 - count]!) && !logs?.has(weeks[weeks.length - 1 - count]!)) count++;
  return count;
}

function uniqueMembers(cohort: Cohort) {
  const seen = new Set<string>();
  return cohort.members.filter((member) => !seen.has(member.person) && seen.add(member.person));
}
