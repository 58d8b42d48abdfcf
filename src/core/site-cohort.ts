import type { Cohort, Config, Person, Role } from '../model/schemas.js';
import { cohortState, completeWeeks, isAwayInWeek, type CohortState } from '../domain/cohort-state.js';
import { ROLES } from '../domain/tiers.js';
import { directMenteeCounts, plannedHours, roundHours, totalHours } from '../domain/commitments.js';
import { compareWeeks, lastCompleteWeek, weekAt, weekOfDate } from '../domain/weeks.js';
import { cohortSnapshot, type CohortSnapshot, type InactiveMentor, type TreeNode, type WaitingMember } from './report.js';
import { expectsLog, mentoring } from './commitments.js';
import { ExpectedWeeks, expectedLoggers, waitsMeasuredAt } from './cohort-as-of.js';
import type { ElsewhereHours } from '../domain/cross-cohort.js';
import { localDate } from '../domain/time.js';
import type { LogsByPerson } from './cycles.js';
import { memberGroups, type MemberGroup } from './site-groups.js';

// One cohort's page of the dashboard: the tree, planned against logged hours week by week, and
// each member's weeks. Pure: the records, the logs and "now" are arguments.

/** Most weeks a page shows week by week (a table or picture of hours): the latest ones (a rolling cohort runs for years). */
export const MOST_WEEK_COLUMNS = 12;

export interface UnplacedMember {
  id: string;
  name: string;
  role: Role;
  /** `waiting`: no mentor yet; `outside-tree`: its mentor is not in this cohort's tree. */
  reason: 'waiting' | 'outside-tree';
  mentor?: string;
}

export interface RoleHours {
  role: Role;
  /** Members of the role who are expected to log. */
  people: number;
  /** Summed over those members, one number per week shown (`weeks` from `shownFrom`). */
  planned: number[];
  logged: number[];
}

export interface MemberWeeks {
  id: string;
  name: string;
  role: Role;
  mentor?: string;
  plannedTotal: number;
  /** Placed now (or a lead). */
  expectsLog: boolean;
  /** Hours logged in each week shown (`weeks` from `shownFrom`); null where there is no log. */
  logged: Array<number | null>;
  /** For each week shown, whether a log was expected: from the week the member had a mentor, and not away, as `report` counts. */
  expected: boolean[];
  /** For each week shown, whether the member was away (`pausedUntil` after its Sunday). */
  away: boolean[];
  /** Logs of the weeks expected, and how many weeks were: of every complete week, shown or not. */
  weeksLogged: number;
  weeksExpected: number;
}

export interface CohortPage {
  id: string;
  name: string;
  state: CohortState;
  start: string;
  end?: string;
  cadence: string;
  slaHours: number;
  counts: CohortSnapshot['counts'];
  /** Leads at the top, each with the members under it. */
  tree: TreeNode[];
  unplaced: UnplacedMember[];
  waiting: WaitingMember[];
  mentorsWithRoom: CohortSnapshot['mentorsWithRoom'];
  /** The complete weeks of the cohort so far: logs are expected only for these. */
  weeks: string[];
  /** The index in `weeks` of the first week the page shows week by week: the latest MOST_WEEK_COLUMNS. */
  shownFrom: number;
  roleHours: RoleHours[];
  members: MemberWeeks[];
  /** The member table's rows: leads, then each mentor's direct mentees in tree order, then who waits. */
  groups: MemberGroup[];
  /** Matches that ended early (`mentor release`), oldest first. */
  endedEarly: EndedMatch[];
  /** A running cohort's last week as `mentor status` judges it; none for another cohort, as status lists only running ones. */
  lastWeek?: LastWeek;
}

/** The last complete week: who did not log it, and mentors who stopped logging or opted out. */
export interface LastWeek {
  week: string;
  missingLogs: string[];
  inactiveMentors: InactiveMentor[];
  /** Away now (`pausedUntil`): in neither list above for the weeks away, so listed apart, as status does. */
  paused: NonNullable<CohortSnapshot['pausedMentors']>;
}

export interface EndedMatch {
  member: string;
  memberName: string;
  mentor: string;
  mentorName: string;
  releasedAt: string;
  /** The day it ended in the program's time zone. */
  releasedOn: string;
  reason: string;
}

export interface CohortPageInput {
  config: Config;
  cohort: Cohort;
  logs: LogsByPerson;
  people: ReadonlyMap<string, Person | undefined>;
  now: number;
  today: string;
  /** Each person's planned hours in the other cohorts that overlap this one: room is what status says. */
  elsewhere?: ReadonlyMap<string, ElsewhereHours>;
}

export function cohortPage(input: CohortPageInput): CohortPage {
  const { config, cohort, logs, people, now, today, elsewhere } = input;
  const thisWeek = weekAt(config.timezone, now);
  const endWeek = cohort.end === undefined ? thisWeek : weekOfDate(cohort.end);
  const snapshotWeek = compareWeeks(endWeek, thisWeek) < 0 ? endWeek : thisWeek;
  const snapshot = cohortSnapshot({ config, cohort, people, logs, week: snapshotWeek, at: waitsMeasuredAt(cohort, config.timezone, now), now, ...(elsewhere ? { elsewhere } : {}) });
  const state = cohortState(cohort, today);
  const weeks = completeWeeks(cohort, today);
  // Week by week, only the weeks shown: a rolling cohort since 1910 has 6,000 weeks, and its page
  // would cost its members times all of them. The counts of weeks logged cover every week.
  const shownFrom = Math.max(0, weeks.length - MOST_WEEK_COLUMNS);
  const shown = weeks.slice(shownFrom);
  const asOfWeek = shown.map((week) => weekPlan(config, cohort, week, people));
  const expectedWeeks = new ExpectedWeeks(cohort, config.timezone, weeks, people);

  const planned = new Map(snapshot.hours.map((row) => [row.id, row.plannedTotal]));
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const inTree = new Set<string>();
  const walk = (nodes: TreeNode[]): void => {
    for (const node of nodes) {
      inTree.add(node.id);
      walk(node.children);
    }
  };
  // The page draws the tree from the leads and lists the members no lead reaches on their own.
  const placedTree = snapshot.tree.filter((root) => !root.unreachable);
  walk(placedTree);

  const seen = new Set<string>();
  const members: MemberWeeks[] = [];
  const unplaced: UnplacedMember[] = [];
  const mentors = mentoring(cohort.members);
  for (const member of cohort.members) {
    if (seen.has(member.person)) continue;
    seen.add(member.person);
    const byWeek = logs.get(member.person);
    const logged = shown.map((week) => {
      const log = byWeek?.get(week);
      return log === undefined ? null : totalHours(log.hours);
    });
    const mentor = member.mentor !== undefined ? { mentor: member.mentor } : {};
    const expected = asOfWeek.map((plan) => plan.has(member.person));
    const away = shown.map((week) => isAwayInWeek(people.get(member.person), week));
    members.push({
      id: member.person,
      name: nameOf(member.person),
      role: member.role,
      ...mentor,
      plannedTotal: planned.get(member.person) ?? 0,
      expectsLog: expectsLog(member, mentors),
      logged,
      expected,
      away,
      weeksLogged: expectedWeeks.logged(member.person, byWeek),
      weeksExpected: expectedWeeks.count(member.person),
    });
    if (!inTree.has(member.person)) {
      unplaced.push({ id: member.person, name: nameOf(member.person), role: member.role, reason: expectsLog(member, mentors) ? 'outside-tree' : 'waiting', ...mentor });
    }
  }
  members.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || (a.id < b.id ? -1 : 1));
  unplaced.sort((a, b) => (a.reason === b.reason ? 0 : a.reason === 'waiting' ? -1 : 1) || ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || (a.id < b.id ? -1 : 1));

  return {
    id: cohort.id,
    name: cohort.name,
    state,
    start: cohort.start,
    ...(cohort.end !== undefined ? { end: cohort.end } : {}),
    cadence: cohort.cadence,
    slaHours: config.requestSlaHours,
    counts: snapshot.counts,
    tree: placedTree,
    unplaced,
    waiting: snapshot.waiting,
    mentorsWithRoom: snapshot.mentorsWithRoom,
    weeks,
    shownFrom,
    roleHours: ROLES.map((role) => roleHours(role, members, asOfWeek)),
    members,
    groups: memberGroups(members, placedTree),
    endedEarly: cohort.members
      .flatMap((member) =>
        (member.history ?? []).map((match) => ({
          member: member.person,
          memberName: nameOf(member.person),
          mentor: match.mentor,
          mentorName: nameOf(match.mentor),
          releasedAt: match.releasedAt,
          releasedOn: localDate(config.timezone, Date.parse(match.releasedAt)),
          reason: match.reason,
        })),
      )
      .sort((a, b) => Date.parse(a.releasedAt) - Date.parse(b.releasedAt) || (a.member < b.member ? -1 : 1)),
    ...(state === 'running' ? { lastWeek: lastWeekAsStatusSees(input) } : {}),
  };
}

/** The same snapshot `mentor status` takes: last week, waiting measured now. */
function lastWeekAsStatusSees({ config, cohort, logs, people, now, today, elsewhere }: CohortPageInput): LastWeek {
  const week = lastCompleteWeek(today);
  const snapshot = cohortSnapshot({ config, cohort, people, logs, week, at: now, ...(elsewhere ? { elsewhere } : {}) });
  return { week, missingLogs: snapshot.missingLogs, inactiveMentors: snapshot.inactiveMentors, paused: snapshot.pausedMentors ?? [] };
}

/**
 * The cohort as it was at the end of a week: each member expected to log it, with their planned
 * hours then (a mentor's grow with each mentee claimed), as `report` sees that week.
 */
function weekPlan(config: Config, cohort: Cohort, week: string, people: ReadonlyMap<string, Person | undefined>): Map<string, { role: Role; planned: number }> {
  // A mentor's planned hours grow with each mentee, away or not; only those not away are expected to log.
  const counts = directMenteeCounts(expectedLoggers(cohort, config.timezone, week));
  const loggers = expectedLoggers(cohort, config.timezone, week, people);
  const plan = new Map<string, { role: Role; planned: number }>();
  for (const member of loggers) {
    if (!plan.has(member.person)) plan.set(member.person, { role: member.role, planned: plannedHours(config, member.role, counts.get(member.person) ?? 0, cohort.cadence).total });
  }
  return plan;
}

function roleHours(role: Role, members: readonly MemberWeeks[], plans: ReadonlyArray<ReadonlyMap<string, { role: Role; planned: number }>>): RoleHours {
  const ofRole = members.filter((member) => member.role === role);
  const sum = (values: number[]) => roundHours(values.reduce((total, value) => total + value, 0));
  return {
    role,
    people: ofRole.filter((member) => member.weeksExpected > 0).length,
    planned: plans.map((plan) => sum([...plan.values()].filter((entry) => entry.role === role).map((entry) => entry.planned))),
    logged: plans.map((_, index) => sum(ofRole.map((member) => (member.expected[index] ? (member.logged[index] ?? 0) : 0)))),
  };
}
