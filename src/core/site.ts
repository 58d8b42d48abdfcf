import type { WaitingMember } from './report.js';
import type { Config, Person, Role } from '../model/schemas.js';
import { formatInstant, dayNumber } from '../domain/time.js';
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
}

export interface CohortProgress {
  cohort: string;
  name: string;
  state: CohortPage['state'];
  members: number;
  byRole: Record<Role, number>;
  /** Members who moved up a tier since their previous cohort. */
  movesUp: number;
  /** Logs written of logs expected, over the cohort's complete weeks. */
  logShare: number;
  /** Median hours from request to a mentor, of members with both times recorded. */
  medianHoursToMentor: number | null;
  answered: number;
}

export interface SiteData {
  program: { name: string; timezone: string; now: string; slaHours: number };
  /** Newest cohort first. */
  cohorts: CohortPage[];
  /** Members waiting in cohorts that have not finished: overdue first, then longest waiting. */
  waiting: SiteWaiting[];
  mentorsWithRoom: SiteMentorWithRoom[];
  progress: {
    peopleHelped: number;
    movesUp: number;
    requestToMentor: { count: number; medianHours: number | null; worstHours: number | null; withinSla: number };
    /** Oldest cohort first, as the cycles ran. */
    byCohort: CohortProgress[];
  };
}

export interface SiteInput {
  config: Config;
  cohorts: readonly CohortWithLogs[];
  people: ReadonlyMap<string, Person | undefined>;
  now: number;
  today: string;
}

export function siteData(input: SiteInput): SiteData {
  const { config, people, now, today } = input;
  const oldestFirst = [...input.cohorts].sort((a, b) => dayNumber(a.cohort.start) - dayNumber(b.cohort.start) || (a.cohort.id < b.cohort.id ? -1 : 1));
  const pages = oldestFirst.map(({ cohort, logs }) => cohortPage({ config, cohort, logs, people, now, today }));
  const open = pages.filter((page) => page.state !== 'finished');

  const waiting = open
    .flatMap((page) => page.waiting.map((member): SiteWaiting => ({ cohort: page.id, ...member })))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (b.waitedHours ?? -1) - (a.waitedHours ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.cohort < b.cohort ? -1 : 1))
    .map(({ cohort, id, name, role, requestedAt, waitedHours, overdue, wants }) => ({ cohort, id, name, role, ...(requestedAt !== undefined ? { requestedAt } : {}), ...(waitedHours !== undefined ? { waitedHours } : {}), overdue, wants }));
  const mentorsWithRoom = open
    .flatMap((page) => page.mentorsWithRoom.map((mentor) => ({ cohort: page.id, name: people.get(mentor.id)?.name ?? mentor.id, ...mentor })))
    .sort((a, b) => byTierThenId(a, b) || (a.cohort < b.cohort ? -1 : 1));

  const progress = programProgress(config, oldestFirst, people, today);
  const movesUp = new Map(progress.program.movesUpByCohort.map((row) => [row.cohort, row.movesUp]));
  const logShare = new Map(progress.program.logShareByCohort.map((row) => [row.cohort, row.share]));
  const byCohort = oldestFirst.map((entry, index): CohortProgress => {
    const { cohort } = entry;
    const page = pages[index]!;
    // The program's figures of this cohort alone: its own time from request to a mentor.
    const waits = programProgress(config, [entry], people, today).program.requestToAssignment;
    return {
      cohort: cohort.id,
      name: cohort.name,
      state: page.state,
      members: page.counts.members,
      byRole: { lead: page.counts.leads, mentor: page.counts.mentors, mentee: page.counts.mentees },
      movesUp: movesUp.get(cohort.id) ?? 0,
      logShare: logShare.get(cohort.id) ?? 0,
      medianHoursToMentor: waits.medianHours,
      answered: waits.count,
    };
  });
  const { requestToAssignment } = progress.program;

  return {
    program: { name: config.program, timezone: config.timezone, now: formatInstant(config.timezone, now), slaHours: config.requestSlaHours },
    cohorts: [...pages].reverse(),
    waiting,
    mentorsWithRoom,
    progress: {
      peopleHelped: progress.program.peopleHelped,
      movesUp: byCohort.reduce((sum, row) => sum + row.movesUp, 0),
      requestToMentor: { count: requestToAssignment.count, medianHours: requestToAssignment.medianHours, worstHours: requestToAssignment.worstHours, withinSla: requestToAssignment.withinSla },
      byCohort,
    },
  };
}
