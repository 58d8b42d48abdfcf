import type { Cohort, Config, Log, Person, Role } from '../model/schemas.js';
import { cohortState, completeWeeks, type CohortState } from '../domain/cohort-state.js';
import { expectsLog, isOverdue, mentoring } from './commitments.js';
import { roundHours, sumHours } from '../domain/commitments.js';
import { tierAbove, tierRank } from '../domain/tiers.js';
import { HOUR_MS, dayNumber, startOfDay } from '../domain/time.js';
import { ExpectedWeeks, waitsMeasuredAt } from './cohort-as-of.js';

// Cycles and progress: opening the next cohort with proposed promotions, and each person's
// history across cohorts. Pure: records, logs and "today" are arguments.


export type LogsByPerson = ReadonlyMap<string, ReadonlyMap<string, Log>>;

export interface NextProposal {
  person: string;
  from: Role;
  proposed: Role;
  weeksLogged: number;
  weeksRun: number;
  share: number;
  /** `promote`: completed the cycle; `same`: stays at its tier; `leave-out`: inactive. */
  kind: 'promote' | 'same' | 'leave-out';
  reason: string;
}

export function proposeNext(config: Config, from: Cohort, people: ReadonlyMap<string, Person | undefined>, logs: LogsByPerson, today: string): NextProposal[] {
  const weeks = completeWeeks(from, today);
  // A member's share counts the weeks they were expected to log (from the week they had a
  // mentor), as report and progress count them: one claimed late is not held to weeks they waited.
  // Weeks away count here (no `people`): when a pause began is not recorded, so one set now would
  // clear every earlier week; a promotion rests on the logs of the weeks the member had a mentor.
  const loggers = new ExpectedWeeks(from, config.timezone, weeks);
  const seen = new Set<string>();
  const proposals: NextProposal[] = [];
  // Judged on the weeks they were expected to log, whatever they are at the end: a mentor whose
  // mentee was released last week, or a mentee released, mentored the cycle all the same.
  const mentors = mentoring(from.members);
  for (const member of from.members) {
    if (seen.has(member.person)) continue;
    seen.add(member.person);
    const ownWeeks = loggers.count(member.person);
    const logged = loggers.logged(member.person, logs.get(member.person));
    const share = ownWeeks === 0 ? 0 : logged / ownWeeks;
    const base = { person: member.person, from: member.role, weeksLogged: logged, weeksRun: ownWeeks, share: Math.round(share * 1000) / 1000 };
    const since = ownWeeks < weeks.length && ownWeeks > 0 ? ` since ${loggers.first(member.person)}` : '';
    if (people.get(member.person)?.active === false) {
      proposals.push({ ...base, proposed: member.role, kind: 'leave-out', reason: 'inactive (active: false)' });
    } else if (member.role !== 'lead' && ownWeeks > 0 && share >= config.promotion.minShareOfWeeksLogged - 1e-9) {
      proposals.push({ ...base, proposed: tierAbove(member.role) ?? member.role, kind: 'promote', reason: `completed the cycle: logged ${logged} of ${ownWeeks} weeks${since}` });
    } else {
      const reason =
        member.role === 'lead'
          ? 'leads stay leads'
          : ownWeeks === 0
            ? expectsLog(member, mentors)
              ? 'had a mentor for no complete week of the cycle'
              : `was still waiting for a ${tierAbove(member.role)}`
              : `logged ${logged} of ${ownWeeks} weeks${since}, under ${Math.round(config.promotion.minShareOfWeeksLogged * 100)}%`;
      proposals.push({ ...base, proposed: member.role, kind: 'same', reason });
    }
  }
  return proposals.sort((a, b) => tierRank(a.proposed) - tierRank(b.proposed) || (a.person < b.person ? -1 : 1));
}

export interface NextMember {
  person: string;
  role: Role;
  wants?: string[];
  prefers?: string;
  requestedAt?: string;
}

/**
 * The members of the next cohort from the chosen roles (undefined: left out), none placed yet.
 * Each keeps what they asked for: `wants`, and `prefers` while the preferred person is carried
 * over in the tier above (a preference that cannot be honoured is dropped). One whose request the
 * cohort never answered (no mentor) keeps its `requestedAt`: they have waited since, so the new
 * cohort's queue shows the whole wait, overdue and escalated as it is, not a request of no time.
 */
export function nextMembers(from: Cohort, chosen: ReadonlyMap<string, Role | undefined>): NextMember[] {
  const previous = new Map(from.members.map((member) => [member.person, member]));
  const members: NextMember[] = [];
  for (const [person, role] of chosen) {
    if (role === undefined) continue;
    const before = previous.get(person);
    const { wants = [], prefers } = before ?? {};
    const keepPrefers = prefers !== undefined && chosen.get(prefers) !== undefined && chosen.get(prefers) === tierAbove(role);
    const stillWaiting = before !== undefined && before.role === role && before.mentor === undefined && before.requestedAt !== undefined;
    members.push({ person, role, ...(wants.length > 0 ? { wants: [...wants] } : {}), ...(keepPrefers ? { prefers } : {}), ...(stillWaiting ? { requestedAt: before.requestedAt } : {}) });
  }
  return members.sort((a, b) => tierRank(a.role) - tierRank(b.role) || (a.person < b.person ? -1 : 1));
}

export interface CohortHistory {
  cohort: string;
  state: CohortState;
  role: Role;
  /** Of `weeksRun`: the complete weeks the member was expected to log (from the week they had a mentor). */
  weeksLogged: number;
  weeksRun: number;
  hoursLogged: number;
  pullRequests: number;
  movedUp: boolean;
}

export interface PersonProgress {
  id: string;
  name: string;
  cohorts: CohortHistory[];
  movesUp: number;
}

export interface ProgramProgress {
  peopleHelped: number;
  movesUpByCohort: Array<{ cohort: string; movesUp: number }>;
  logShareByCohort: Array<{ cohort: string; logs: number; expected: number; share: number }>;
  /** `count` requests answered; `openOverSla` still waiting past the promise now: misses too. */
  requestToAssignment: { count: number; medianHours: number | null; worstHours: number | null; slaHours: number; withinSla: number; openOverSla: number };
  /** Matches that ended early (`mentor release`), each kept in a member's history. */
  matchesEndedEarly: number;
}

export interface CohortWithLogs {
  cohort: Cohort;
  logs: LogsByPerson;
}

/** Each person's history across cohorts (in order of start), and the program's figures. */
export function programProgress(config: Config, cohorts: readonly CohortWithLogs[], people: ReadonlyMap<string, Person | undefined>, today: string, now?: number): { people: PersonProgress[]; program: ProgramProgress } {
  const ordered = [...cohorts].sort((a, b) => dayNumber(a.cohort.start) - dayNumber(b.cohort.start) || (a.cohort.id < b.cohort.id ? -1 : 1));
  const histories = new Map<string, PersonProgress>();
  const helped = new Set<string>();
  const movesUpByCohort: ProgramProgress['movesUpByCohort'] = [];
  const logShareByCohort: ProgramProgress['logShareByCohort'] = [];
  const waits: number[] = [];
  let openOverSla = 0;
  let matchesEndedEarly = 0;
  for (const { cohort, logs } of ordered) {
    const weeks = completeWeeks(cohort, today);
    const loggers = new ExpectedWeeks(cohort, config.timezone, weeks, people);
    let movesUp = 0;
    let logCount = 0;
    let expected = 0;
    const seen = new Set<string>();
    const mentors = mentoring(cohort.members);
    for (const member of cohort.members) {
      if (seen.has(member.person)) continue;
      seen.add(member.person);
      const personLogs = logs.get(member.person);
      const inWeeks = loggers.within(personLogs);
      // Weeks the member was expected to log, as `report` counts them: from the week they had a
      // mentor, and not away.
      const ownWeeks = loggers.count(member.person);
      const ownLogged = loggers.logged(member.person, personLogs);
      let hours = 0;
      let pullRequests = 0;
      for (const week of inWeeks) {
        const log = personLogs!.get(week)!;
        hours += sumHours(log.hours);
        pullRequests += log.pullRequests.length;
      }
      if (member.role === 'mentee' && (personLogs?.size ?? 0) > 0) helped.add(member.person);
      expected += ownWeeks;
      logCount += ownLogged;
      let progress = histories.get(member.person);
      if (!progress) histories.set(member.person, (progress = { id: member.person, name: people.get(member.person)?.name ?? member.person, cohorts: [], movesUp: 0 }));
      const previous = progress.cohorts.at(-1);
      const movedUp = previous !== undefined && tierRank(member.role) < tierRank(previous.role);
      if (movedUp) {
        progress.movesUp++;
        movesUp++;
      }
      progress.cohorts.push({ cohort: cohort.id, state: cohortState(cohort, today), role: member.role, weeksLogged: ownLogged, weeksRun: ownWeeks, hoursLogged: roundHours(hours), pullRequests, movedUp });
      // Every answered request counts, those of matches that ended early too.
      for (const match of [...(member.history ?? []), member]) {
        if (match.requestedAt !== undefined && match.assignedAt !== undefined) waits.push(Math.max(0, (Date.parse(match.assignedAt) - Date.parse(match.requestedAt)) / HOUR_MS));
      }
      matchesEndedEarly += member.history?.length ?? 0;
      // Requests only: one placed with no requestedAt (carried over, added by hand) asked for nothing here.
      if (now !== undefined && member.requestedAt !== undefined && isOverdue(member, waitsMeasuredAt(cohort, config.timezone, now), startOfDay(config.timezone, cohort.start), config.requestSlaHours, mentors)) openOverSla++;
    }
    movesUpByCohort.push({ cohort: cohort.id, movesUp });
    logShareByCohort.push({ cohort: cohort.id, logs: logCount, expected, share: expected === 0 ? 0 : Math.round((logCount / expected) * 1000) / 1000 });
  }
  waits.sort((a, b) => a - b);
  const median = waits.length === 0 ? null : waits.length % 2 ? waits[(waits.length - 1) / 2]! : (waits[waits.length / 2 - 1]! + waits[waits.length / 2]!) / 2;
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    people: [...histories.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    program: {
      peopleHelped: helped.size,
      movesUpByCohort,
      logShareByCohort,
      requestToAssignment: { count: waits.length, medianHours: round(median), worstHours: round(waits.at(-1) ?? null), slaHours: config.requestSlaHours, withinSla: waits.filter((w) => w <= config.requestSlaHours).length, openOverSla },
      matchesEndedEarly,
    },
  };
}
