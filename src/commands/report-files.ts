import { cohortSnapshot } from '../core/report.js';
import { reportFile } from '../domain/layout.js';
import { completeWeeks, firstWeekOf, isCohortWeek } from '../domain/cohort-state.js';
import { compareWeeks, isIsoWeek, lastCompleteWeek, sundayOf, weekFix } from '../domain/weeks.js';
import { MentorError, usageError } from '../errors.js';
import type { CohortEntry, Program } from '../model/program.js';
import type { Cohort, Log } from '../model/schemas.js';
import type { ElsewhereHours } from '../domain/cross-cohort.js';
import { cohortAsOf, endOfWeek } from '../core/cohort-as-of.js';
import { renderReportJson, renderReportMarkdown } from '../render/report.js';
import { chooseCohort, peopleOf, refuseWeekOutside, type Loaded } from './context.js';
import { cohortLogs, hoursInOverlappingCohorts } from './week-logs.js';

// A cohort's report of a week, as `mentor report` writes it and `mentor upgrade` brings committed
// ones up to date.

/** What a report is made from besides the week: the cohort's logs and its members' hours in overlapping cohorts. */
interface CohortReads {
  logs: Map<string, Map<string, Log>>;
  elsewhere: Map<string, ElsewhereHours>;
}

const cohortReads = (program: Program, entry: CohortEntry & { cohort: Cohort }): CohortReads => ({ logs: cohortLogs(program, entry.id), elsewhere: hoursInOverlappingCohorts(program, entry.cohort) });

/** reports/<cohort>/<week>.md and .json (path -> content) from the records. */
export function reportFiles(program: Program, entry: CohortEntry & { cohort: Cohort }, week: string, reads: CohortReads = cohortReads(program, entry)): Map<string, string> {
  const people = peopleOf(program);
  // Waiting is measured at the end of the week, so the report depends on the records alone.
  // The tree as it was then: a join, claim or release since leaves a committed report as it is.
  const weekEnd = endOfWeek(program.config.timezone, week);
  const snapshot = cohortSnapshot({ config: program.config, cohort: cohortAsOf(entry.cohort, weekEnd), people, logs: reads.logs, week, at: weekEnd, elsewhere: reads.elsewhere });
  return new Map([
    [reportFile(entry.id, week, 'md'), renderReportMarkdown(snapshot)],
    [reportFile(entry.id, week, 'json'), renderReportJson(snapshot)],
  ]);
}

/**
 * reportFiles for many weeks of a program (every committed report, for `report --all` and
 * `upgrade`): each cohort's logs are read once, not once a week. A cohort whose logs stop the
 * report (a log with errors) stops each of its weeks with the same error.
 */
function reportMaker(program: Program): (entry: CohortEntry & { cohort: Cohort }, week: string) => Map<string, string> {
  const made = new Map<string, { reads: CohortReads } | { error: unknown }>();
  return (entry, week) => {
    let outcome = made.get(entry.id);
    if (outcome === undefined) {
      try {
        outcome = { reads: cohortReads(program, entry) };
      } catch (error) {
        outcome = { error };
      }
      made.set(entry.id, outcome);
    }
    if ('error' in outcome) throw outcome.error;
    return reportFiles(program, entry, week, outcome.reads);
  };
}

/** A committed report as the records make it now: its files, or why it cannot be made. */
export type MadeReport = { cohort: string; week: string } & ({ files: Map<string, string>; problem: null } | { files: undefined; problem: string });

/**
 * Each of the committed reports (`reports`, as io/generated.ts reportWeeks finds them) made from
 * the records, each cohort's logs read once; one mentor cannot make (a name that is no ISO week,
 * a cohort gone, a week it does not have, records with errors) says why, as `mentor report` would.
 */
export function committedReports(loaded: Loaded, reports: ReadonlyArray<{ cohort: string; week: string }>): MadeReport[] {
  const make = reportMaker(loaded.program);
  return reports.map(({ cohort, week }): MadeReport => {
    try {
      if (!isIsoWeek(week)) throw usageError(`${week} is not an ISO week. ${weekFix(week)}`);
      const entry = chooseCohort(loaded, cohort);
      refuseWeekNotReportable(entry, week, false, loaded.today);
      return { cohort, week, files: make(entry, week), problem: null };
    } catch (error) {
      if (!(error instanceof MentorError)) throw error;
      return { cohort, week, files: undefined, problem: refusalLine(error) };
    }
  });
}

/** A refusal's first line as a sentence (a list of problems may follow it). */
export const refusalLine = (error: MentorError) => error.message.split('\n')[0]!.replace(/:$/, '.');

/**
 * A report judges one complete week of the cohort (exit 2 otherwise). The advice names only weeks
 * the cohort has: its latest complete week, or, while it has none, when its first one ends.
 */
export function refuseWeekNotReportable(entry: CohortEntry & { cohort: Cohort }, week: string, byDefault: boolean, today: string): void {
  const complete = completeWeeks(entry.cohort, today);
  const latest = complete.at(-1);
  const first = firstWeekOf(entry.cohort);
  const noneYet = `No week of ${entry.id} is complete yet; the first report, for ${first}, can be written after ${sundayOf(first)}.`;
  const outside = !isCohortWeek(entry.cohort, week);
  if (latest === undefined && (byDefault || !outside)) throw usageError(noneYet);
  if (outside) refuseWeekOutside(entry, week, latest === undefined ? noneYet : `Report a week of the cohort with --week, e.g. --week ${latest} (its latest complete week).`);
  if (compareWeeks(week, lastCompleteWeek(today)) > 0) {
    throw usageError(`${week} is not over yet: a report judges complete weeks only.`, `Run it after ${sundayOf(week)}, or pass --week ${latest} (the latest complete week of ${entry.id}).`);
  }
}

