import { ExitCode, usageError } from '../errors.js';
import { linkedReportFolders, reportWeeks, staleFiles } from '../io/generated.js';
import { print, say } from '../io/output.js';
import { writeFilesAtomic } from '../io/write.js';
import { refuseLinkedFolder } from '../io/write-path.js';
import { COHORTS_DIR, CONFIG_FILE, PEOPLE_DIR, REPORTS_DIR, reportFile } from '../domain/layout.js';
import { renderReportsOutcomeJson, type CommittedReport } from '../render/outcome-json.js';
import { plural } from '../render/words.js';
import { countText } from '../domain/text.js';
import { chooseCohort, loadForCommand } from './context.js';
import { committedReports } from './report-files.js';
import { nextStepAfterCommit, nextStepWithoutCommit, planCommit, writeAndCommit } from './commit-step.js';
import type { ReportOptions } from './report.js';

// `mentor report --all`: every committed report (reports/<cohort>/<week>.md and .json) at once,
// the records read once. With --check it is CI's check of the reports (mentor.yml, job
// `generated`), which a program with a year of weekly reports would otherwise run as a hundred
// runs of mentor; without, it rewrites those the records have moved on from.

export async function reportAllCommand(cohortId: string | undefined, options: ReportOptions): Promise<number> {
  if (options.week !== undefined) throw usageError('--all takes every committed week: it takes no --week.', 'Leave out --week, or leave out --all to write one week.');
  const loaded = loadForCommand(options.repo, options.check ? {} : { lock: 'report' });
  const { program } = loaded;
  // `report` refuses to write through a linked reports/ (or reports/<cohort>/): never "no committed report" (a check passed).
  for (const folder of [REPORTS_DIR, ...linkedReportFolders(program.root)]) refuseLinkedFolder(program.root, folder, options.check ? 'Not checking the reports' : 'Not rewriting the reports');
  // A cohort named that does not exist is refused as `mentor report <cohort>` refuses it.
  if (cohortId !== undefined && !program.cohorts.has(cohortId)) chooseCohort(loaded, cohortId);
  const reports = committedReports(
    loaded,
    reportWeeks(program.root).filter((report) => cohortId === undefined || report.cohort === cohortId),
  ).map((made): CommittedReport & { files: Map<string, string> } => ({ ...made, files: made.files ?? new Map(), stale: made.files === undefined ? [] : staleFiles(program.root, made.files) }));
  const stale = reports.flatMap((report) => report.stale);
  const unmade = reports.filter((report) => report.problem !== null);
  const problems = [...reports.filter((report) => report.stale.length > 0).map((report) => `Out of date: ${report.stale.join(', ')}. ${regenerate(report)}`), ...unmade.map(cannotBeMade)];
  const json = (written: { ok: boolean; files: readonly string[]; branch: string | null }) => print(renderReportsOutcomeJson({ reports, stale, problems, ...written }));

  if (options.check) {
    const ok = problems.length === 0;
    if (options.format === 'json') json({ ok, files: [], branch: null });
    else say(checked(reports, cohortId));
    return ok ? ExitCode.ok : ExitCode.invalid;
  }

  const toWrite = reports.flatMap((report) => report.stale.map((file) => ({ file, content: report.files.get(file)! })));
  const change = { branch: `report-refresh/${loaded.today}`, files: toWrite.map((w) => w.file), message: `Refresh ${plural(reports.filter((report) => report.stale.length > 0).length, 'report')}` };
  const commitPlan = options.commit && toWrite.length > 0 ? await planCommit(program.root, change.branch, change.files, { reads: { what: 'The reports', files: [CONFIG_FILE, PEOPLE_DIR, COHORTS_DIR] } }) : undefined;
  if (toWrite.length > 0) await writeAndCommit(commitPlan, () => writeFilesAtomic(program.root, toWrite), change.message);
  if (options.format === 'json') json({ ok: unmade.length === 0, files: change.files, branch: commitPlan?.branch ?? null });
  else say(wrote(reports, cohortId, commitPlan ? nextStepAfterCommit(commitPlan.branch, 'the reports', program.root) : toWrite.length > 0 ? nextStepWithoutCommit('the reports', { ...change, root: program.root }) : undefined));
  return unmade.length === 0 ? ExitCode.ok : ExitCode.invalid;
}

const regenerate = (report: CommittedReport) => `Run \`mentor report ${report.cohort} --week ${report.week}\` (or \`mentor report --all\`) and commit the result.`;
const cannotBeMade = (report: CommittedReport) => `Cannot be made: ${reportFile(report.cohort, report.week, 'md')}: ${report.problem} Fix that, or delete the report.`;
const committed = (cohortId: string | undefined) => `committed ${cohortId === undefined ? '' : `${cohortId} `}report`;

/** What --check found: every report current, or each one that is not and what to do. */
function checked(reports: ReadonlyArray<CommittedReport>, cohortId: string | undefined): string {
  if (reports.length === 0) return `There is no ${committed(cohortId)} to check (${reportFile(cohortId ?? '<cohort>', '<week>', 'md')}).`;
  const behind = reports.filter((report) => report.stale.length > 0);
  const unmade = reports.filter((report) => report.problem !== null);
  if (behind.length === 0 && unmade.length === 0) return reports.length === 1 ? `The ${committed(cohortId)} is up to date.` : `All ${countText(reports.length)} ${committed(cohortId)}s are up to date.`;
  const lines: string[] = [];
  if (behind.length > 0) {
    lines.push(`Out of date: ${countText(behind.length)} of ${plural(reports.length, committed(cohortId))}.`);
    for (const report of behind) lines.push(`  ${report.stale.join(', ')}`);
    lines.push(`Run \`mentor report --all${cohortId === undefined ? '' : ` ${cohortId}`}\` to rewrite ${behind.length === 1 ? 'it' : 'them'}, and commit the result.`);
  }
  for (const report of unmade) lines.push(cannotBeMade(report));
  return lines.join('\n');
}

/** What the write did: the reports rewritten (and where they were committed), or that none needed it. */
function wrote(reports: ReadonlyArray<CommittedReport>, cohortId: string | undefined, nextStep: string | undefined): string {
  const behind = reports.filter((report) => report.stale.length > 0);
  const unmade = reports.filter((report) => report.problem !== null);
  // Up to date: made, and the same as the records give (a report that cannot be made is neither).
  const current = reports.length - behind.length - unmade.length;
  const currentWords = unmade.length === 0 ? (reports.length === 1 ? `The ${committed(cohortId)} is` : `All ${countText(reports.length)} ${committed(cohortId)}s are`) : `${countText(current)} of ${plural(reports.length, committed(cohortId))} ${current === 1 ? 'is' : 'are'}`;
  const lines =
    reports.length === 0
      ? [`There is no ${committed(cohortId)} to rewrite: \`mentor report <cohort> --week <week>\` writes one.`]
      : behind.length === 0
        ? [`${currentWords} up to date: nothing written.`]
        : [`Wrote ${plural(behind.reduce((sum, report) => sum + report.stale.length, 0), 'file')}: ${plural(behind.length, 'report')} the records had moved on from (${countText(current)} already up to date).`, ...behind.map((report) => `  ${report.stale.join(', ')}`)];
  for (const report of unmade) lines.push(cannotBeMade(report));
  if (nextStep !== undefined) lines.push(nextStep);
  return lines.join('\n');
}
