import { ExitCode } from '../errors.js';
import { staleFiles } from '../io/generated.js';
import { print, say } from '../io/output.js';
import { writeFilesAtomic } from '../io/write.js';
import { CONFIG_FILE, cohortDir, cohortFile, membersDir, personFile } from '../domain/layout.js';
import { cohortsOverlap } from '../domain/cross-cohort.js';
import type { Program } from '../model/program.js';
import type { Cohort } from '../model/schemas.js';
import { lastCompleteWeek } from '../domain/weeks.js';
import { renderReportOutcomeJson, type Written } from '../render/outcome-json.js';
import { chooseCohort, loadForCommand, refuseNotAWeek } from './context.js';
import { refuseWeekNotReportable, reportFiles } from './report-files.js';
import { nextStepAfterCommit, nextStepWithoutCommit, planCommit, writeAndCommit } from './commit-step.js';
import { checkGenerated } from './generated-step.js';

export interface ReportOptions {
  repo?: string;
  week?: string;
  check?: boolean;
  commit?: boolean;
  /** Every committed report (commands/report-all.ts). */
  all?: boolean;
  format?: 'text' | 'json';
}

export async function reportCommand(cohortId: string | undefined, options: ReportOptions): Promise<number> {
  refuseNotAWeek(options.week);
  const loaded = loadForCommand(options.repo, options.check ? {} : { lock: 'report' });
  const { program } = loaded;
  const entry = chooseCohort(loaded, cohortId, { command: 'report', looksBack: true });
  const week = options.week ?? lastCompleteWeek(loaded.today);
  refuseWeekNotReportable(entry, week, options.week === undefined, loaded.today);
  const files = reportFiles(program, entry, week);

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
    else say(`The report of ${entry.id} for ${week} is up to date: nothing new to commit.`);
    return ExitCode.ok;
  }
  const reads = { what: 'The report', files: recordsReadBy(program, entry.cohort) };
  const change = { branch: `report/${entry.id}/${week}`, files: [...files.keys()], message: `Report ${entry.id} ${week}` };
  const commitPlan = options.commit ? await planCommit(program.root, change.branch, change.files, { reads }) : undefined;
  await writeAndCommit(commitPlan, () => writeFilesAtomic(program.root, [...files].map(([file, content]) => ({ file, content }))), change.message);
  if (options.format === 'json') said({ ok: true, files: change.files, branch: commitPlan?.branch ?? null });
  else say([`Wrote ${change.files.join(' and ')}.`, commitPlan ? nextStepAfterCommit(commitPlan.branch, 'the report', program.root) : nextStepWithoutCommit('the report', { ...change, root: program.root })].join('\n'));
  return ExitCode.ok;
}

/** The records a report is built from: the cohort's folder, its members' person files, the config and the cohorts whose plans add up with it. */
function recordsReadBy(program: Program, cohort: Cohort): string[] {
  const overlapping = [...program.cohorts.values()].flatMap((other) => (other.cohort && other.id !== cohort.id && cohortsOverlap(other.cohort, cohort) ? [cohortFile(other.id), membersDir(other.id)] : []));
  return [CONFIG_FILE, cohortDir(cohort.id), ...cohort.members.map((member) => personFile(member.person)), ...overlapping];
}
