import { classifyPath, cohortFile, personLogsDir, underLogs } from '../domain/layout.js';
import type { RecordFile } from './layout-scan.js';
import { peopleWithHandles, type Program } from './program.js';

// `validate --changed`: which records a change can affect. A changed person affects the cohorts
// that name them, their logs, and the people sharing their GitHub handle; a changed cohort or
// member file affects its whole tree (a mentor's room, a lead's mentors) and its logs; a log
// affects only itself; the config affects everything.

export interface Change {
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  path: string;
  from?: string;
}

export interface Scope {
  /** Files whose problems are reported. */
  files: Set<string>;
  /** Cohorts all of whose logs must be checked. */
  cohortsWithAllLogs: Set<string>;
  /** Individual logs to check. */
  logs: Map<string, RecordFile>;
}

/** Every path a change touches: a rename is an addition and a deletion. */
const touchedPaths = (changes: readonly Change[]) => changes.flatMap((change) => (change.from !== undefined ? [change.path, change.from] : [change.path]));

export function changeScope(changes: readonly Change[], program: Program, listLogsOfPerson: (cohort: string, person: string) => RecordFile[]): Scope {
  const scope: Scope = { files: new Set(), cohortsWithAllLogs: new Set(), logs: new Map() };
  // A pull request may add a person's logs by the thousand: their folder is listed once, and a
  // cohort's listed logs are found by path, not searched again for each.
  const folders = new Map<string, RecordFile[]>();
  const logsOfPerson = (cohort: string, person: string) => {
    const key = `${cohort}/${person}`;
    let logs = folders.get(key);
    if (logs === undefined) folders.set(key, (logs = listLogsOfPerson(cohort, person)));
    return logs;
  };
  const byPath = new Map<string, Map<string, RecordFile>>();
  const trees = new Set<string>();
  const listedLog = (cohort: string, path: string) => {
    let files = byPath.get(cohort);
    if (files === undefined) {
      byPath.set(cohort, (files = new Map()));
      for (const file of program.layout.logs.get(cohort) ?? []) if (!files.has(file.file)) files.set(file.file, file);
    }
    return files.get(path);
  };
  const handles: string[] = [];
  const addLog = (file: RecordFile) => {
    scope.logs.set(file.file, file);
    scope.files.add(file.file);
  };
  for (const path of touchedPaths(changes)) {
    scope.files.add(path);
    const what = classifyPath(path);
    if (what.kind === 'person') {
      for (const entry of program.cohorts.values()) {
        if (!trees.has(entry.id) && entry.cohort?.members.some((m) => m.person === what.person || m.mentor === what.person || m.prefers === what.person)) addTree(scope, program, entry.id, trees);
      }
      for (const cohort of program.layout.logs.keys()) for (const log of logsOfPerson(cohort, what.person)) addLog(log);
      const github = program.people.get(what.person)?.person?.github;
      if (github !== undefined) handles.push(github);
    } else if (what.kind === 'cohort' || what.kind === 'member') {
      scope.cohortsWithAllLogs.add(what.cohort);
      addTree(scope, program, what.cohort, trees);
    } else {
      // Anything in a person's log folder: listed as a full run lists it, so a .yml or a stray
      // file gets the same word, a .gitkeep or a temp file none, and a log is checked.
      const under = underLogs(path);
      if (under && under.below.length >= 2) {
        const [person, inFolder] = under.below as [string, string];
        if (under.below.length === 2) {
          const listed = listedLog(under.cohort, path);
          for (const log of listed ? [listed] : logsOfPerson(under.cohort, person).filter((file) => file.file === path)) addLog(log);
        } else {
          // Deeper in a person's log folder: the full run's word is about the folder it is in.
          scope.files.add(`${personLogsDir(under.cohort, person)}/${inFolder}`);
          logsOfPerson(under.cohort, person);
        }
      }
    }
  }
  // Everyone else whose file names a changed person's handle (a handle taken twice), in one search.
  for (const others of peopleWithHandles(program, handles).values()) for (const other of others) scope.files.add(other.file);
  for (const cohort of scope.cohortsWithAllLogs) for (const log of program.layout.logs.get(cohort) ?? []) scope.files.add(log.file);
  return scope;
}

/** A cohort's whole tree: cohort.yaml and every member file, where its rules report. */
function addTree(scope: Scope, program: Program, cohort: string, added: Set<string>): void {
  // Once a cohort: a change to thousands of its member files added the same tree each time.
  if (added.has(cohort)) return;
  added.add(cohort);
  scope.files.add(cohortFile(cohort));
  for (const file of program.layout.members.get(cohort) ?? []) scope.files.add(file.file);
}

/** Cohorts whose tree a change touches (cohort.yaml or a member file): all of their logs need checking. */
export function cohortsWithChangedRecord(changes: readonly Change[]): Set<string> {
  const cohorts = new Set<string>();
  for (const path of touchedPaths(changes)) {
    const what = classifyPath(path);
    if (what.kind === 'cohort' || what.kind === 'member') cohorts.add(what.cohort);
    // A file right in logs/ (not in a person's folder) is only seen by listing the cohort's logs.
    const under = underLogs(path);
    if (under?.below.length === 1) cohorts.add(under.cohort);
  }
  return cohorts;
}
