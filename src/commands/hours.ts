import { ExitCode, usageError } from '../errors.js';
import { print, styleFor, terminalWidth } from '../io/output.js';
import { cohortCommitments } from '../core/commitments.js';
import { compareWeeks, weekOfDate } from '../domain/weeks.js';
import { weekLogs } from './week-logs.js';
import { chooseCohort, loadForCommand, peopleOf, refuseNotAWeek, refuseWeekOutside } from './context.js';
import { renderHoursJson, renderHoursText } from '../render/hours.js';

export interface HoursOptions {
  repo?: string;
  week?: string;
  format: 'text' | 'json';
}

export async function hoursCommand(cohortId: string | undefined, options: HoursOptions): Promise<number> {
  refuseNotAWeek(options.week);
  const loaded = loadForCommand(options.repo);
  const entry = chooseCohort(loaded, cohortId, { strict: false, command: 'hours' });
  if (options.week !== undefined) {
    refuseWeekOutside(entry, options.week, 'Give a week of the cohort with --week, or leave it out for the planned hours alone.');
    const current = weekOfDate(loaded.today);
    if (compareWeeks(options.week, current) > 0) throw usageError(`${options.week} has not started yet (this week is ${current}): nobody has logged it.`, `Give ${current} or an earlier week of the cohort.`);
  }
  const people = peopleOf(loaded.program);
  const logs = options.week === undefined ? undefined : weekLogs(loaded.program, entry.id, options.week);
  const view = { cohort: entry.id, cohortName: entry.cohort.name, week: options.week, people: cohortCommitments(loaded.program.config, entry.cohort, people, logs) };
  print(options.format === 'json' ? renderHoursJson(view) : renderHoursText(view, styleFor(process.stdout), terminalWidth()));
  return ExitCode.ok;
}
