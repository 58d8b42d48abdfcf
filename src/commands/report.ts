import { ExitCode, usageError } from '../errors.js';
import { staleFiles } from '../io/generated.js';
import { print } from '../io/output.js';
import { writeFilesAtomic } from '../io/write.js';
import { cohortSnapshot } from '../core/report.js';
import { reportFile } from '../domain/layout.js';
import { cohortAsOf, endOfWeek } from '../core/cohort-as-of.js';
import { compareWeeks, isIsoWeek, lastCompleteWeek, sundayOf } from '../domain/weeks.js';
import { renderReportJson, renderReportMarkdown } from '../render/report.js';
import { sanitizeInline } from '../render/terminal.js';
import { chooseCohort, loadForCommand, lockForWriting, peopleOf, refuseWeekOutside } from './context.js';
import { finishCommit, nextStepAfterCommit, planCommit, startBranch } from './commit-step.js';
import { cohortLogs, hoursInOverlappingCohorts } from './week-logs.js';
import { checkGenerated } from './generated-step.js';

export interface ReportOptions {
  repo?: string;
  week?: string;
  check?: boolean;
  commit?: boolean;
}

export async function reportCommand(cohortId: string | undefined, options: ReportOptions): Promise<number> {
  if (options.week !== undefined && !isIsoWeek(options.week)) throw usageError(`--week ${sanitizeInline(options.week)} is not an ISO week.`, 'Write it as YYYY-Www, e.g. 2026-W48.');
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  const entry = chooseCohort(loaded, cohortId);
  const lastComplete = lastCompleteWeek(loaded.today);
  const week = options.week ?? lastComplete;
  refuseWeekOutside(entry, week, 'Report a week of the cohort with --week.');
  if (compareWeeks(week, lastComplete) > 0) {
    throw usageError(`${week} is not over yet: a report judges complete weeks only (the last complete week is ${lastComplete}).`, `Run it after ${sundayOf(week)}, or pass --week ${lastComplete}.`);
  }
  const people = peopleOf(program);
  // Waiting is measured at the end of the week, so the report depends on the records alone.
  // The tree as it was then: a join, claim or release since leaves a committed report as it is.
  const weekEnd = endOfWeek(program.config.timezone, week);
  const snapshot = cohortSnapshot({ config: program.config, cohort: cohortAsOf(entry.cohort, weekEnd), people, logs: cohortLogs(program, entry.id), week, at: weekEnd, elsewhere: hoursInOverlappingCohorts(program, entry.cohort) });
  const files = new Map([
    [reportFile(entry.id, week, 'md'), renderReportMarkdown(snapshot)],
    [reportFile(entry.id, week, 'json'), renderReportJson(snapshot)],
  ]);

  if (options.check) {
    return checkGenerated(staleFiles(program.root, files), `The report of ${entry.id} for ${week} is up to date.`, (stale) => `Out of date: ${stale}.\nRun \`mentor report ${entry.id} --week ${week}\` and commit the result.`);
  }

  if (options.commit && staleFiles(program.root, files).length === 0) {
    print(`The report of ${entry.id} for ${week} is up to date: nothing new to commit.`);
    return ExitCode.ok;
  }
  lockForWriting(program.root, 'report');
  const commitPlan = options.commit ? await planCommit(program.root, `report/${entry.id}/${week}`, [...files.keys()]) : undefined;
  if (commitPlan) await startBranch(commitPlan);
  writeFilesAtomic(program.root, [...files].map(([file, content]) => ({ file, content })));
  print(`Wrote ${[...files.keys()].join(' and ')}.`);
  if (commitPlan) {
    await finishCommit(commitPlan, `Report ${entry.id} ${week}`);
    print(nextStepAfterCommit(commitPlan.branch, 'the report'));
  }
  return ExitCode.ok;
}
