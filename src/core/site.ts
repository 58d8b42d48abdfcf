import type { InactiveMentor, WaitingMember } from './report.js';
import type { Config, Person, Role } from '../model/schemas.js';
import type { Problem } from '../model/problem.js';
import { formatInstant, dayNumber } from '../domain/time.js';
import { hasVisibleText } from '../domain/text.js';
import type { ElsewhereHours } from '../domain/cross-cohort.js';
import { byTierThenId } from '../domain/tiers.js';
import { programProgress, type CohortWithLogs } from './cycles.js';
import { cohortPage, type CohortPage } from './site-cohort.js';

// The dashboard's data: everything `mentor site` shows, computed from the loaded records and
// "now". Pure, so the same records and MENTOR_NOW give the same site.

/** A waiting member as the report sees one, with the cohort it waits in. */
export interface SiteWaiting extends Omit<WaitingMember, 'prefers'> {
  cohort: string;
}

export interface SiteMentorWithRoom {
  cohort: string;
  id: string;
  name: string;
  role: Role;
  directMentees: number;
  room: number;
  /** Set when `mentor status` calls this mentor inactive in this cohort: no log for this many weeks. */
  weeksWithoutLog?: number;
}

/** An inactive mentor of a running cohort, as `mentor status` lists them. */
export interface SiteInactiveMentor extends InactiveMentor {
  cohort: string;
  name: string;
}

/** A member of a running cohort who did not log last week, as `mentor status` lists them. */
/** A member of a running cohort away now (`pausedUntil`), as status lists them under Paused. */
export interface SitePaused {
  cohort: string;
  id: string;
  name: string;
  role: Role;
  until: string;
}

export interface SiteMissingLog {
  cohort: string;
  week: string;
  id: string;
  name: string;
  role: Role;
}

export interface CohortProgress {
  cohort: string;
  name: string;
  state: CohortPage['state'];
  members: number;
  byRole: Record<Role, number>;
  /** Members who moved up a tier since their previous cohort. */
  movesUp: number;
  /** Logs written of logs expected, over the cohort's complete weeks; null while none was expected. */
  logShare: number | null;
  /** Median hours from request to a mentor, of members with both times recorded. */
  medianHoursToMentor: number | null;
  answered: number;
  /** Answered within requestSlaHours, of `answered` + `waitingPastPromise`. */
  withinSla: number;
  /** Members still waiting past the promise now: misses too, as `mentor progress` counts them. */
  waitingPastPromise: number;
}

/** A record left out of the dashboard, and why (its first error). */
export type SkippedRecord = Pick<Problem, 'file' | 'line' | 'column' | 'message'>;

/** A cohort's page, with the records of that cohort the dashboard left out. */
export interface SiteCohortPage extends CohortPage {
  skipped: SkippedRecord[];
}

export interface SiteData {
  program: { name: string; timezone: string; now: string; slaHours: number };
  /** Newest cohort first. */
  cohorts: SiteCohortPage[];
  /** Members waiting in cohorts that have not finished: overdue first, then longest waiting. */
  waiting: SiteWaiting[];
  mentorsWithRoom: SiteMentorWithRoom[];
  /** Running cohorts' mentors who stopped logging or opted out, tier then id. */
  inactiveMentors: SiteInactiveMentor[];
  /** Running cohorts' members with no log for last week, by cohort then id. */
  missingLogs: SiteMissingLog[];
  /** Running cohorts' members away now, tier then id. */
  paused: SitePaused[];
  progress: {
    peopleHelped: number;
    movesUp: number;
    /** `waitingPastPromise`: requests not answered and past the promise now, misses as much as a late answer. */
    requestToMentor: { count: number; medianHours: number | null; worstHours: number | null; withinSla: number; waitingPastPromise: number };
    /** Oldest cohort first, as the cycles ran. */
    byCohort: CohortProgress[];
  };
  /** Every record left out because it has errors (a cohort file, a log), by file. */
  skipped: SkippedRecord[];
}

export interface SiteInput {
  config: Config;
  /** The cohorts that can be read, each with its valid logs and the logs left out. */
  cohorts: ReadonlyArray<CohortWithLogs & { skipped?: readonly SkippedRecord[]; elsewhere?: ReadonlyMap<string, ElsewhereHours> }>;
  /** Records left out that belong to no cohort shown (a cohort file that cannot be read). */
  skipped?: readonly SkippedRecord[];
  people: ReadonlyMap<string, Person | undefined>;
  now: number;
  today: string;
}

export function siteData(input: SiteInput): SiteData {
  const { config, now, today } = input;
  // A name with no visible character would show as nothing where it stands alone (a bar of a
  // picture, a heading, a link): such a person or cohort is shown by id.
  const people = new Map([...input.people].map(([id, person]) => [id, person && !hasVisibleText(person.name) ? { ...person, name: id } : person]));
  const cohorts = input.cohorts.map((entry) => (hasVisibleText(entry.cohort.name) ? entry : { ...entry, cohort: { ...entry.cohort, name: entry.cohort.id } }));
  const oldestFirst = [...cohorts].sort((a, b) => dayNumber(a.cohort.start) - dayNumber(b.cohort.start) || (a.cohort.id < b.cohort.id ? -1 : 1));
  const pages = oldestFirst.map(({ cohort, logs, skipped, elsewhere }): SiteCohortPage => ({ ...cohortPage({ config, cohort, logs, people, now, today, ...(elsewhere ? { elsewhere } : {}) }), skipped: byFile(skipped ?? []) }));
  const open = pages.filter((page) => page.state !== 'finished');

  const waiting = open
    .flatMap((page) => page.waiting.map((member): SiteWaiting => ({ cohort: page.id, ...member })))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (b.waitedHours ?? -1) - (a.waitedHours ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.cohort < b.cohort ? -1 : 1))
    .map(({ cohort, id, name, role, requestedAt, waitedHours, overdue, requestedAtInFuture, wants }) => ({ cohort, id, name, role, ...(requestedAt !== undefined ? { requestedAt } : {}), ...(waitedHours !== undefined ? { waitedHours } : {}), overdue, ...(requestedAtInFuture ? { requestedAtInFuture } : {}), wants }));
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const inactiveMentors = open
    .flatMap((page) => (page.lastWeek?.inactiveMentors ?? []).map((mentor): SiteInactiveMentor => ({ cohort: page.id, name: nameOf(mentor.id), ...mentor })))
    .sort((a, b) => byTierThenId(a, b) || (a.cohort < b.cohort ? -1 : 1));
  const silentWeeks = new Map(inactiveMentors.map((mentor) => [`${mentor.cohort}\u0000${mentor.id}`, mentor.weeksWithoutLog]));
  const mentorsWithRoom = open
    .flatMap((page) =>
      page.mentorsWithRoom.map((mentor): SiteMentorWithRoom => {
        const weeksWithoutLog = silentWeeks.get(`${page.id}\u0000${mentor.id}`);
        return { cohort: page.id, name: nameOf(mentor.id), ...mentor, ...(weeksWithoutLog !== undefined ? { weeksWithoutLog } : {}) };
      }),
    )
    .sort((a, b) => byTierThenId(a, b) || (a.cohort < b.cohort ? -1 : 1));
  const paused = open
    .flatMap((page) => (page.lastWeek?.paused ?? []).map((member): SitePaused => ({ cohort: page.id, id: member.id, name: nameOf(member.id), role: member.role, until: member.until })))
    .sort((a, b) => byTierThenId(a, b) || (a.cohort < b.cohort ? -1 : 1));
  const missingLogs = [...open]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .flatMap((page) => {
      const roles = new Map(page.members.map((member) => [member.id, member.role]));
      return (page.lastWeek?.missingLogs ?? []).map((id): SiteMissingLog => ({ cohort: page.id, week: page.lastWeek!.week, id, name: nameOf(id), role: roles.get(id) ?? 'mentee' }));
    });

  const progress = programProgress(config, oldestFirst, people, today, now);
  const movesUp = new Map(progress.program.movesUpByCohort.map((row) => [row.cohort, row.movesUp]));
  const logShare = new Map(progress.program.logShareByCohort.map((row) => [row.cohort, row.expected === 0 ? null : row.share]));
  const byCohort = oldestFirst.map((entry, index): CohortProgress => {
    const { cohort } = entry;
    const page = pages[index]!;
    // The program's figures of this cohort alone: its own time from request to a mentor.
    const waits = programProgress(config, [entry], people, today, now).program.requestToAssignment;
    return {
      cohort: cohort.id,
      name: cohort.name,
      state: page.state,
      members: page.counts.members,
      byRole: { lead: page.counts.leads, mentor: page.counts.mentors, mentee: page.counts.mentees },
      movesUp: movesUp.get(cohort.id) ?? 0,
      logShare: logShare.get(cohort.id) ?? null,
      medianHoursToMentor: waits.medianHours,
      answered: waits.count,
      withinSla: waits.withinSla,
      waitingPastPromise: waits.openOverSla,
    };
  });
  const { requestToAssignment } = progress.program;

  return {
    program: { name: config.program, timezone: config.timezone, now: formatInstant(config.timezone, now), slaHours: config.requestSlaHours },
    cohorts: [...pages].reverse(),
    waiting,
    mentorsWithRoom,
    inactiveMentors,
    missingLogs,
    paused,
    progress: {
      peopleHelped: progress.program.peopleHelped,
      movesUp: byCohort.reduce((sum, row) => sum + row.movesUp, 0),
      requestToMentor: { count: requestToAssignment.count, medianHours: requestToAssignment.medianHours, worstHours: requestToAssignment.worstHours, withinSla: requestToAssignment.withinSla, waitingPastPromise: requestToAssignment.openOverSla },
      byCohort,
    },
    skipped: byFile([...(input.skipped ?? []), ...pages.flatMap((page) => page.skipped)]),
  };
}

function byFile(records: readonly SkippedRecord[]): SkippedRecord[] {
  return [...records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
