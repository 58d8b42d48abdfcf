import { ExitCode, MentorError } from '../errors.js';
import { isError } from '../model/problem.js';
import type { RecordFile } from '../io/repo.js';
import { loadLog } from '../model/load.js';
import type { Program } from '../model/program.js';
import type { Cohort, Log } from '../model/schemas.js';
import { plannedElsewhere, type ElsewhereHours } from '../domain/cross-cohort.js';
import { sanitizeInline } from '../render/terminal.js';

/** A log the command can use; a log with errors stops the command. */
function validLog(program: Program, file: RecordFile): Log {
  const loaded = loadLog(program, file);
  const first = loaded.problems.find(isError);
  if (first || !loaded.log) {
    throw new MentorError(`${file.file} has errors${first ? `: ${first.line}:${first.column} ${sanitizeInline(first.message)}` : ''}`, ExitCode.invalid, 'Fix it first; `mentor validate` shows how.');
  }
  return loaded.log;
}

/** The valid logs of one cohort and week, by person (only that week's files are read). */
export function weekLogs(program: Program, cohortId: string, week: string): Map<string, Log> {
  const logs = new Map<string, Log>();
  for (const file of program.layout.logs.get(cohortId) ?? []) if (file.nameId === week) logs.set(file.person!, validLog(program, file));
  return logs;
}

/** Every valid log of a cohort, by person then week. */
export function cohortLogs(program: Program, cohortId: string): Map<string, Map<string, Log>> {
  const logs = new Map<string, Map<string, Log>>();
  for (const file of program.layout.logs.get(cohortId) ?? []) {
    if (!logs.has(file.person!)) logs.set(file.person!, new Map());
    logs.get(file.person!)!.set(file.nameId, validLog(program, file));
  }
  return logs;
}

/** Each person's planned hours in the other cohorts that overlap this one (budgets add up). */
export function hoursInOverlappingCohorts(program: Program, cohort: Cohort): Map<string, ElsewhereHours> {
  const cohorts = [...program.cohorts.values()].flatMap((entry) => (entry.cohort ? [entry.cohort] : []));
  return plannedElsewhere(program.config, cohorts, cohort);
}
