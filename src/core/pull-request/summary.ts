import { totalHours } from '../../domain/commitments.js';
import { classifyPath } from '../../domain/layout.js';
import type { LogBeforeAfter } from '../../model/changed-logs.js';
import type { CohortEntry, Program } from '../../model/program.js';
import type { Change } from '../../model/scope.js';
import { cohortCommitments } from '../commitments.js';
import { membersIn } from './members-in-file.js';

// What a pull request changes, in the program's terms (a log and its hours, who was placed,
// who joined), for the gate's comment and `mentor pr-summary`. Pure.

export type ChangeSummary =
  | { kind: 'log'; status: Change['status']; file: string; person: string; week: string; cohort: string; hours?: number; previousHours?: number; plannedHours?: number; pullRequests: number }
  | { kind: 'tree'; status: Change['status']; file: string; cohort: string; placed: Array<{ person: string; mentor: string }>; moved: Array<{ person: string; from: string; to: string }>; released: Array<{ person: string; mentor: string }>; joined: string[]; left: string[] }
  | { kind: 'person' | 'config' | 'report' | 'other'; status: Change['status']; file: string };

export function summarizeChanges(base: Program, head: Program, changes: readonly Change[], logs: ReadonlyMap<string, LogBeforeAfter>): ChangeSummary[] {
  // Planned hours do not depend on the people's files (only budgets do), so none is read here.
  const people = new Map<string, undefined>();
  // Each cohort's plan once, by person: a pull request of 1,000 logs worked it out 1,000 times.
  const plans = new Map<string, Map<string, number>>();
  const plannedOf = (cohortId: string, person: string) => {
    let plan = plans.get(cohortId);
    if (!plan) {
      const cohort = head.cohorts.get(cohortId)?.cohort;
      plan = new Map();
      if (cohort) for (const row of cohortCommitments(head.config, cohort, people)) if (!plan.has(row.id)) plan.set(row.id, row.plannedTotal);
      plans.set(cohortId, plan);
    }
    return plan.get(person);
  };
  return changes.map((change): ChangeSummary => {
    const what = classifyPath(change.path);
    const common = { status: change.status, file: change.path };
    if (what.kind === 'log') {
      const log = logs.get(change.path);
      const planned = plannedOf(what.cohort, what.person);
      return {
        kind: 'log',
        ...common,
        person: what.person,
        week: what.week,
        cohort: what.cohort,
        ...(log?.after ? { hours: totalHours(log.after.hours) } : {}),
        ...(log?.before ? { previousHours: totalHours(log.before.hours) } : {}),
        ...(planned !== undefined ? { plannedHours: planned } : {}),
        pullRequests: log?.after?.pullRequests.length ?? 0,
      };
    }
    if (what.kind === 'cohort' || what.kind === 'member') return { kind: 'tree', ...common, ...treeChange(base.cohorts.get(what.cohort), head.cohorts.get(what.cohort), change.path, what.cohort) };
    return { kind: what.kind === 'person' || what.kind === 'config' || what.kind === 'report' ? what.kind : 'other', ...common };
  });
}

function treeChange(before: CohortEntry | undefined, after: CohortEntry | undefined, file: string, cohort: string) {
  const inFile = (entry: CohortEntry | undefined) => membersIn(entry, file);
  const old = inFile(before);
  const now = inFile(after);
  const change = { cohort, placed: [] as Array<{ person: string; mentor: string }>, moved: [] as Array<{ person: string; from: string; to: string }>, released: [] as Array<{ person: string; mentor: string }>, joined: [] as string[], left: [] as string[] };
  for (const [person, member] of now) {
    const previous = old.get(person) ?? before?.members.get(person);
    if (!previous) change.joined.push(person);
    else if (previous.mentor === undefined && member.mentor !== undefined) change.placed.push({ person, mentor: member.mentor });
    else if (previous.mentor !== undefined && member.mentor === undefined) change.released.push({ person, mentor: previous.mentor });
    else if (previous.mentor !== undefined && member.mentor !== undefined && previous.mentor !== member.mentor) change.moved.push({ person, from: previous.mentor, to: member.mentor });
  }
  for (const person of old.keys()) if (!now.has(person) && !after?.members.has(person)) change.left.push(person);
  return change;
}

/**
 * The GitHub handle of each person the tree changes name (members and their mentors), as the
 * program given has them: the base's, which the pull request does not write.
 */
export function handlesNamed(program: Program, summary: readonly ChangeSummary[]): Record<string, string> {
  const named = new Set<string>();
  for (const change of summary) {
    if (change.kind !== 'tree') continue;
    for (const { person, mentor } of [...change.placed, ...change.released]) named.add(person).add(mentor);
    for (const { person, from, to } of change.moved) named.add(person).add(from).add(to);
    for (const person of [...change.joined, ...change.left]) named.add(person);
  }
  const handles: Record<string, string> = {};
  for (const id of [...named].sort()) {
    const github = program.people.get(id)?.person?.github;
    if (github !== undefined) Object.defineProperty(handles, id, { value: github, enumerable: true, configurable: true, writable: true });
  }
  return handles;
}
