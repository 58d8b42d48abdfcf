import { ExitCode, MentorError } from '../errors.js';
import { isError } from '../model/problem.js';
import { loadLog, type Program } from '../model/program.js';
import type { Log } from '../model/schemas.js';
import { sanitizeInline } from '../render/terminal.js';

/** The valid logs of one cohort and week, by person; a log with errors stops the command. */
export function weekLogs(program: Program, cohortId: string, week: string): Map<string, Log> {
  const logs = new Map<string, Log>();
  for (const file of program.layout.logs.get(cohortId) ?? []) {
    if (file.nameId !== week) continue;
    const loaded = loadLog(program, file);
    const errors = loaded.problems.filter(isError);
    if (errors.length > 0 || !loaded.log) {
      const first = errors[0];
      throw new MentorError(
        `${file.file} has errors${first ? `: ${first.line}:${first.column} ${sanitizeInline(first.message)}` : ''}`,
        ExitCode.invalid,
        'Fix it first; `mentor validate` shows how.',
      );
    }
    logs.set(file.person!, loaded.log);
  }
  return logs;
}

/** Every valid log of a cohort, by person then week; a log with errors stops the command. */
export function cohortLogs(program: Program, cohortId: string): Map<string, Map<string, Log>> {
  const logs = new Map<string, Map<string, Log>>();
  for (const file of program.layout.logs.get(cohortId) ?? []) {
    const loaded = loadLog(program, file);
    const first = loaded.problems.find(isError);
    if (first || !loaded.log) {
      throw new MentorError(`${file.file} has errors${first ? `: ${first.line}:${first.column} ${sanitizeInline(first.message)}` : ''}`, ExitCode.invalid, 'Fix it first; `mentor validate` shows how.');
    }
    if (!logs.has(file.person!)) logs.set(file.person!, new Map());
    logs.get(file.person!)!.set(file.nameId, loaded.log);
  }
  return logs;
}
