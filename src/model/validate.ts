import { CONFIG_FILE, cohortFile, cohortOfPath } from '../domain/layout.js';
import { listCohortLogs, listPersonLogs, type LayoutProblem, type RecordFile } from './layout-scan.js';
import { loadLog, loadProgram } from './load.js';
import type { Problem } from './problem.js';
import type { Program } from './program.js';
import type { RecordSource } from './record-source.js';
import { withRootCauses } from './root-causes.js';
import { checkCohortRules } from './rules/cohort-rules.js';
import { checkPeopleRules } from './rules/people-rules.js';
import { changeScope, cohortsWithChangedRecord, type Change } from './scope.js';

// Validation: every record and every rule (validateProgram), or the part of it that a change can
// affect (validateScope). The two give the same problems for the files a change reports on.

/** What checking each log found before, for logs that have not changed since. */
export interface LogCheckCache {
  lookup(file: string): Problem[] | undefined;
  remember(file: string, problems: Problem[]): void;
}

export interface Validation {
  problems: Problem[];
  files: number;
  program: Program;
}

/** Full validation. `openCache` gets the key of everything a log's check depends on besides the log. */
export function validateProgram(records: RecordSource, openCache?: (indexKey: string[]) => LogCheckCache | undefined): Validation {
  const program = loadProgram(records);
  const problems = [...program.problems];
  const cache = openCache?.(logIndexKey(program));
  const logs = [...program.layout.logs.values()].flat();
  if (!cache) records.prefetch?.(logs.map((file) => file.file));
  for (const file of logs) {
    const cached = cache?.lookup(file.file);
    if (cached) {
      problems.push(...cached);
      continue;
    }
    const loaded = loadLog(program, file);
    problems.push(...loaded.problems);
    cache?.remember(file.file, loaded.problems);
  }
  const read = [program.layout.config, ...program.layout.people, ...program.layout.cohorts, ...[...program.layout.members.values()].flat(), ...logs].map((file) => file.file);
  const reported = withRootCauses(problems);
  return { problems: reported, files: filesChecked(read, reported), program };
}

/** The records read, and every other file a problem is reported on (a folder, a file that is not a record). */
function filesChecked(read: readonly string[], problems: readonly Problem[]): number {
  const others = new Set(problems.map((problem) => problem.file));
  for (const file of read) others.delete(file);
  return read.length + others.size;
}

/** Config, cohorts with their member files, the set of people and cohort folders: what every log's check reads. */
function logIndexKey(program: Program): string[] {
  const parts = [program.configSource?.text ?? '(no config)'];
  for (const entry of program.cohorts.values()) {
    parts.push(entry.file, entry.source?.text ?? '(unreadable)');
    for (const place of entry.places) if (place.file !== entry.file) parts.push(place.file, place.source.text);
  }
  for (const id of program.people.keys()) parts.push(id);
  for (const id of program.layout.logs.keys()) parts.push(`cohort folder ${id}`);
  return parts;
}

/**
 * What validateScope reads whatever the change: the config and the folders of people and cohorts
 * (no logs; no person or cohort parsed yet). A caller may do it while git says what changed.
 */
export function listForScope(records: RecordSource): Program {
  return loadProgram(records, { lazyPeople: true, lazyCohorts: true, logsOf: new Set() });
}

/**
 * Validation of what a change can affect: the same problems a full run gives, for those files
 * only. It reads the config and the cohorts, but only the people and logs the change touches.
 */
export function validateScope(records: RecordSource, changes: readonly Change[], listed: Program = listForScope(records)): Validation {
  if (changes.some((change) => change.path === CONFIG_FILE || change.from === CONFIG_FILE)) return validateProgram(records);
  const program = listed;
  const extraProblems: LayoutProblem[] = [];
  const before = program.layout.problems.length;
  for (const cohort of cohortsWithChangedRecord(changes)) listCohortLogs(records, program.layout, cohort);
  extraProblems.push(...program.layout.problems.slice(before));
  const scope = changeScope(changes, program, (cohort, person) => listPersonLogs(records, cohort, person, extraProblems));
  // A cohort's problems and rules are all in its own tree (cohort.yaml, its member files): read
  // and check the cohorts whose tree is in scope; a log's check reads its own cohort.
  const treeProblems: Problem[] = [];
  for (const entry of program.cohorts.values()) {
    if (!scope.files.has(entry.file) && !(program.layout.members.get(entry.id) ?? []).some((file) => scope.files.has(file.file))) continue;
    treeProblems.push(...entry.problems);
    checkCohortRules(program, entry, treeProblems);
  }
  const changedPaths = changes.flatMap((change) => (change.from ? [change.path, change.from] : [change.path]));
  const touchedCohorts = new Set(changedPaths.map(cohortOfPath).filter((cohort) => cohort !== undefined).map(cohortFile));
  // A problem of the listing (a missing cohort.yaml, a symlinked folder) is about every path below it.
  const layoutProblem = (problem: Problem) => touchedCohorts.has(problem.file) || changedPaths.some((path) => path.startsWith(`${problem.file}/`));
  const layoutProblems = new Set(program.layout.problems.map((problem) => `${problem.file}\0${problem.rule}`));
  const reported = (problem: Problem) => scope.files.has(problem.file) || (layoutProblems.has(`${problem.file}\0${problem.rule}`) && layoutProblem(problem));
  const problems = [...program.problems, ...treeProblems, ...extraProblems.map((problem) => ({ ...problem, line: 1, column: 1 }))].filter(reported);
  const read = [...program.layout.cohorts.map((f) => f.file), ...[...program.layout.members.values()].flat().map((f) => f.file)].filter((file) => scope.files.has(file));

  const changedPeople = [...program.people.values()].filter((entry) => scope.files.has(entry.file));
  records.prefetch?.(changedPeople.map((entry) => entry.file));
  for (const entry of changedPeople) {
    read.push(entry.file);
    problems.push(...entry.problems);
  }
  if (changedPeople.length > 0) {
    const peopleProblems: Problem[] = [];
    checkPeopleRules(program, peopleProblems);
    problems.push(...peopleProblems.filter((problem) => scope.files.has(problem.file)));
  }

  const logs = new Map<string, RecordFile>();
  for (const cohort of scope.cohortsWithAllLogs) for (const file of program.layout.logs.get(cohort) ?? []) logs.set(file.file, file);
  for (const [path, file] of scope.logs) logs.set(path, file);
  records.prefetch?.([...logs.keys()]);
  for (const file of logs.values()) {
    read.push(file.file);
    problems.push(...loadLog(program, file).problems);
  }
  const found = withRootCauses(dedupe(problems));
  return { problems: found, files: filesChecked(read, found), program };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.column}:${problem.rule}:${problem.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
