import { ExitCode, usageError } from '../errors.js';
import { staleFiles } from '../io/generated.js';
import { print } from '../io/output.js';
import { writeFilesAtomic } from '../io/write.js';
import { cohortSnapshot } from '../core/report.js';
import { CONFIG_FILE, cohortDir, cohortFile, membersDir, personFile, reportFile } from '../domain/layout.js';
import { completeWeeks, firstWeekOf, isCohortWeek } from '../domain/cohort-state.js';
import { cohortsOverlap } from '../domain/cross-cohort.js';
import type { CohortEntry, Program } from '../model/program.js';
import type { Cohort } from '../model/schemas.js';
import { cohortAsOf, endOfWeek } from '../core/cohort-as-of.js';
import { compareWeeks, isIsoWeek, lastCompleteWeek, sundayOf } from '../domain/weeks.js';
import { renderReportJson, renderReportMarkdown } from '../render/report.js';
import { renderReportOutcomeJson, type Written } from '../render/outcome-json.js';
import { sanitizeInline } from '../render/terminal.js';
import { chooseCohort, loadForCommand, peopleOf, refuseWeekOutside } from './context.js';
import { nextStepAfterCommit, planCommit, writeAndCommit } from './commit-step.js';
import { cohortLogs, hoursInOverlappingCohorts } from './week-logs.js';
import { checkGenerated } from './generated-step.js';

export interface ReportOptions {
  repo?: string;
  week?: string;
  check?: boolean;
  commit?: boolean;
  format?: 'text' | 'json';
}

export async function reportCommand(cohortId: string | undefined, options: ReportOptions): Promise<number> {
  if (options.week !== undefined && !isIsoWeek(options.week)) throw usageError(`--week ${sanitizeInline(options.week)} is not an ISO week.`, 'Write it as YYYY-Www, e.g. 2026-W48.');
  const loaded = loadForCommand(options.repo, options.check ? {} : { lock: 'report' });
  const { program } = loaded;
  const entry = chooseCohort(loaded, cohortId);
  const week = options.week ?? lastCompleteWeek(loaded.today);
  refuseWeekNotReportable(entry, week, options.week === undefined, loaded.today);
  const people = peopleOf(program);
  // Waiting is measured at the end of the week, so the report depends on the records alone.
  // The tree as it was then: a join, claim or release since leaves a committed report as it is.
  const weekEnd = endOfWeek(program.config.timezone, week);
  const snapshot = cohortSnapshot({ config: program.config, cohort: cohortAsOf(entry.cohort, weekEnd), people, logs: cohortLogs(program, entry.id), week, at: weekEnd, elsewhere: hoursInOverlappingCohorts(program, entry.cohort) });
  const files = new Map([
    [reportFile(entry.id, week, 'md'), renderReportMarkdown(snapshot)],
    [reportFile(entry.id, week, 'json'), renderReportJson(snapshot)],
  ]);

  const stale = staleFiles(program.root, files);
  const said = (written: Omit<Written, 'problems'>, problems: string[] = []) => print(renderReportOutcomeJson({ cohort: entry.id, week, stale, ...written, problems }));
  const regenerate = `Run \`mentor report ${entry.id} --week ${week}\` and commit the result.`;
  if (options.check && options.format === 'json') {
    said({ ok: stale.length === 0, files: [], branch: null }, stale.length === 0 ? [] : [`Out of date: ${stale.join(', ')}. ${regenerate}`]);
    return stale.length === 0 ? ExitCode.ok : ExitCode.invalid;
  }
  if (options.check) return checkGenerated(stale, `The report of ${entry.id} for ${week} is up to date.`, (list) => `Out of date: ${list}.\n${regenerate}`);

  if (options.commit && stale.length === 0) {
    if (options.format === 'json') said({ ok: true, files: [], branch: null });
    else print(`The report of ${entry.id} for ${week} is up to date: nothing new to commit.`);
    return ExitCode.ok;
  }
  const reads = { what: 'The report', files: recordsReadBy(program, entry.cohort) };
  const commitPlan = options.commit ? await planCommit(program.root, `report/${entry.id}/${week}`, [...files.keys()], { reads }) : undefined;
  await writeAndCommit(commitPlan, () => writeFilesAtomic(program.root, [...files].map(([file, content]) => ({ file, content }))), `Report ${entry.id} ${week}`);
  if (options.format !== 'json') print(`Wrote ${[...files.keys()].join(' and ')}.`);
  if (options.format === 'json') said({ ok: true, files: [...files.keys()], branch: commitPlan?.branch ?? null });
  else if (commitPlan) print(nextStepAfterCommit(commitPlan.branch, 'the report'));
  return ExitCode.ok;
}

/**
 * A report judges one complete week of the cohort (exit 2 otherwise). The advice names only weeks
 * the cohort has: its latest complete week, or, while it has none, when its first one ends.
 */
function refuseWeekNotReportable(entry: CohortEntry & { cohort: Cohort }, week: string, byDefault: boolean, today: string): void {
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

/** The records a report is built from: the cohort's folder, its members' person files, the config and the cohorts whose plans add up with it. */
function recordsReadBy(program: Program, cohort: Cohort): string[] {
  const overlapping = [...program.cohorts.values()].flatMap((other) => (other.cohort && other.id !== cohort.id && cohortsOverlap(other.cohort, cohort) ? [cohortFile(other.id), membersDir(other.id)] : []));
  return [CONFIG_FILE, cohortDir(cohort.id), ...cohort.members.map((member) => personFile(member.person)), ...overlapping];
}
