import type { Program } from './program.js';

// `validate --changed`: which records a change can affect. A changed person affects the cohorts
// that name them and the people sharing their GitHub handle; a changed cohort affects its logs;
// a log affects only itself; the config affects everything.

export interface Change {
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  path: string;
  from?: string;
}

export interface Scope {
  /** Everything must be checked (the config changed). */
  all: boolean;
  /** Files whose problems are reported. */
  files: Set<string>;
  /** Cohorts all of whose logs must be checked. */
  cohortsWithAllLogs: Set<string>;
  /** Individual logs to check. */
  logs: Set<string>;
}

const PERSON = /^people\/([^/]+)\.yaml$/;
const COHORT = /^cohorts\/([^/]+)\/cohort\.yaml$/;
const LOG = /^cohorts\/([^/]+)\/logs\/[^/]+\/[^/]+$/;
const IN_COHORT = /^cohorts\/([^/]+)\//;

export function changeScope(changes: readonly Change[], program: Program): Scope {
  const scope: Scope = { all: false, files: new Set(), cohortsWithAllLogs: new Set(), logs: new Set() };
  const touched = changes.flatMap((change) => (change.status === 'renamed' ? [{ ...change, status: 'added' as const }, { status: 'deleted' as const, path: change.from! }] : [change]));
  for (const change of touched) {
    const { path } = change;
    if (path === 'mentor.config.yaml') {
      scope.all = true;
      continue;
    }
    scope.files.add(path);
    const person = PERSON.exec(path)?.[1];
    if (person !== undefined) {
      for (const entry of program.cohorts.values()) {
        if (entry.cohort?.members.some((m) => m.person === person || m.mentor === person || m.prefers === person)) scope.files.add(entry.file);
      }
      const github = program.people.get(person)?.person?.github?.toLowerCase();
      if (github !== undefined) {
        for (const other of program.people.values()) if (other.person?.github?.toLowerCase() === github) scope.files.add(other.file);
      }
      continue;
    }
    const cohort = COHORT.exec(path)?.[1];
    if (cohort !== undefined) {
      scope.cohortsWithAllLogs.add(cohort);
      continue;
    }
    if (LOG.test(path)) {
      scope.logs.add(path);
      continue;
    }
    const inCohort = IN_COHORT.exec(path)?.[1];
    if (inCohort !== undefined) scope.files.add(`cohorts/${inCohort}/cohort.yaml`);
  }
  for (const cohort of scope.cohortsWithAllLogs) {
    scope.files.add(`cohorts/${cohort}/cohort.yaml`);
    for (const log of program.layout.logs.get(cohort) ?? []) scope.files.add(log.file);
  }
  for (const log of scope.logs) scope.files.add(log);
  return scope;
}

/** Cohorts whose cohort.yaml a change touches: all of their logs need checking. */
export function cohortsWithChangedRecord(changes: readonly Change[]): Set<string> {
  const cohorts = new Set<string>();
  for (const change of changes) {
    for (const path of [change.path, change.from]) {
      const cohort = path === undefined ? undefined : COHORT.exec(path)?.[1];
      if (cohort !== undefined) cohorts.add(cohort);
    }
  }
  return cohorts;
}
