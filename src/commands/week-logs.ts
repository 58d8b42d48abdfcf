import { ExitCode, MentorError } from '../errors.js';
import { isError, type Problem } from '../model/problem.js';
import type { RecordFile } from '../io/repo.js';
import { loadLog } from '../model/load.js';
import type { Program } from '../model/program.js';
import { outsideCohortWeeks } from '../model/rules/log-rules.js';
import type { Cohort, Log } from '../model/schemas.js';
import { cohortsOverlap, plannedElsewhere, type ElsewhereHours } from '../domain/cross-cohort.js';
import { membersDir } from '../domain/layout.js';
import { printError } from '../io/output.js';
import { sanitizeInline } from '../render/terminal.js';

/** A log the command can use, or the first error that keeps it from being used. */
function validLog(program: Program, file: RecordFile): Log | Problem {
  const loaded = loadLog(program, file);
  const first = loaded.problems.find(isError);
  if (first || !loaded.log) return first ?? { file: file.file, line: 1, column: 1, rule: 'unreadable-file', severity: 'error', message: 'The log cannot be read.' };
  return loaded.log;
}

const isProblem = (value: Log | Problem): value is Problem => 'severity' in value;

/** A log with errors stops a command that judges from every log (report, progress, next, hours --week). */
function validOrStop(program: Program, file: RecordFile): Log {
  const log = validLog(program, file);
  if (isProblem(log)) throw new MentorError(`${file.file} has errors: ${log.line}:${log.column} ${sanitizeInline(log.message)}`, ExitCode.invalid, 'Fix it first; `mentor validate` shows how.');
  return log;
}

/** The valid logs of one cohort and week, by person (only that week's files are read). */
export function weekLogs(program: Program, cohortId: string, week: string): Map<string, Log> {
  const logs = new Map<string, Log>();
  for (const file of program.layout.logs.get(cohortId) ?? []) if (file.nameId === week) logs.set(file.person!, validOrStop(program, file));
  return logs;
}

/** Every log of a cohort, by person then week; one with errors stops the command. */
export function cohortLogs(program: Program, cohortId: string): Map<string, Map<string, Log>> {
  return usableCohortLogs(program, cohortId, validOrStop).logs;
}

/** Every valid log of a cohort, by person then week, and the logs left out with the error of each. */
export function usableCohortLogs(program: Program, cohortId: string, read: (program: Program, file: RecordFile) => Log | Problem = validLog): { logs: Map<string, Map<string, Log>>; skipped: Problem[] } {
  const logs = new Map<string, Map<string, Log>>();
  const skipped: Problem[] = [];
  const entry = program.cohorts.get(cohortId);
  for (const file of program.layout.logs.get(cohortId) ?? []) {
    // A week outside the cohort never counts (validate says it is an error): not read, not a reason to stop.
    if (outsideCohortWeeks(entry, file.nameId)) continue;
    const log = read(program, file);
    if (isProblem(log)) {
      skipped.push(log);
      continue;
    }
    if (!logs.has(file.person!)) logs.set(file.person!, new Map());
    logs.get(file.person!)!.set(file.nameId, log);
  }
  return { logs, skipped };
}

/**
 * The member files of a cohort left out of it for their errors (the member is not in the tree the
 * loader gives), each with its first error: a waiting request there is missing from what a
 * command shows. A member file whose errors leave the member in place is not among them.
 */
export function membersLeftOut(program: Program, cohort: Cohort): Problem[] {
  const placed = new Set(cohort.members.map((member) => member.person));
  const files = new Set((program.layout.members.get(cohort.id) ?? []).filter((file) => !placed.has(file.nameId)).map((file) => file.file));
  const first = new Map<string, Problem>();
  if (files.size === 0) return [];
  for (const problem of program.problems) if (isError(problem) && files.has(problem.file) && !first.has(problem.file)) first.set(problem.file, problem);
  return [...first.values()].map((problem) => ({ ...problem, message: `${problem.message} The member is left out.` }));
}

const MOST_WARNINGS = 10;

/** Says on stderr which records a command left out, and why (the first few, then how many more). */
export function warnLeftOut(records: ReadonlyArray<{ file: string; line: number; column: number; message: string }>, leftOutBy: string, more: string): void {
  for (const record of records.slice(0, MOST_WARNINGS)) {
    printError(`mentor: warning: ${sanitizeInline(record.file)}:${record.line}:${record.column} has errors, so ${leftOutBy} leaves it out: ${sanitizeInline(record.message)}`);
  }
  if (records.length > MOST_WARNINGS) printError(`mentor: warning: … and ${records.length - MOST_WARNINGS} more records left out (${more}).`);
  if (records.length > 0) printError('mentor: run `mentor validate` to see how to fix each.');
}

/**
 * Each person's planned hours in the other cohorts that overlap this one (budgets add up). Another
 * cohort whose file cannot be read is left out (its dates are unknown), and, with `warn`, said on
 * stderr: limits checked without it may be too kind.
 */
export function hoursInOverlappingCohorts(program: Program, cohort: Cohort, options: { warn?: boolean } = {}): Map<string, ElsewhereHours> {
  const cohorts = [...program.cohorts.values()].flatMap((entry) => (entry.cohort ? [entry.cohort] : []));
  if (options.warn) {
    const others = [...program.cohorts.values()].filter((entry) => entry.id !== cohort.id && (!entry.cohort || cohortsOverlap(entry.cohort, cohort)));
    const unread = others.filter((entry) => !entry.cohort).map((entry) => entry.problems.find(isError) ?? { file: entry.file, line: 1, column: 1, message: 'The cohort cannot be read.' });
    // A member file with errors in an overlapping cohort: that member's hours there are unknown too.
    const folders = others.filter((entry) => entry.cohort).map((entry) => `${membersDir(entry.id)}/`);
    const members = new Map<string, Problem>();
    for (const problem of program.problems) if (isError(problem) && !members.has(problem.file) && folders.some((folder) => problem.file.startsWith(folder))) members.set(problem.file, problem);
    warnLeftOut([...unread, ...members.values()], 'the check of hour limits across overlapping cohorts', 'records');
  }
  return plannedElsewhere(program.config, cohorts, cohort);
}
