import path from 'node:path';
import { ExitCode } from '../errors.js';
import { readIssueBody } from '../io/request-files.js';
import { writeFileAtomic } from '../io/write.js';
import { chosenFolder } from '../io/write-path.js';
import { attentionData } from '../core/attention.js';
import { notifiedKeys, stillNotified } from '../core/attention-notified.js';
import { programProgress } from '../core/cycles.js';
import { cohortState } from '../domain/cohort-state.js';
import { renderAttentionBody, renderAttentionComment } from '../render/attention.js';
import { print, styleFor, terminalWidth } from '../io/output.js';
import { cohortSnapshot, type CohortSnapshot } from '../core/report.js';
import type { CohortEntry } from '../model/program.js';
import type { Cohort } from '../model/schemas.js';
import { formatInstant } from '../domain/time.js';
import { lastCompleteWeek, weekOfDate } from '../domain/weeks.js';
import { renderStatusJson, renderStatusText, renderTreeText } from '../render/status.js';
import { chooseCohort, loadForCommand, peopleOf, runningCohorts, type Loaded } from './context.js';
import { hoursInOverlappingCohorts, usableCohortLogs, warnLeftOut } from './week-logs.js';

export interface StatusOptions {
  repo?: string;
  format: 'text' | 'json' | 'markdown';
  failOn?: 'overdue';
  /** With markdown: the attention issue's current body, whose recorded mentions are not repeated. */
  since?: string;
  /** With markdown: where to write the comment carrying new mentions (written only when there are some). */
  commentOut?: string;
}

/**
 * A cohort as of any week, waiting measured now: its logs are read once, however many weeks are
 * asked. A log with errors is left out (its week shows as missing) and said on stderr: the
 * attention issue keeps showing who waits while someone fixes the log.
 */
function cohortNow(loaded: Loaded, entry: CohortEntry & { cohort: Cohort }): (week: string) => CohortSnapshot {
  const { program } = loaded;
  const { logs, skipped } = usableCohortLogs(program, entry.id);
  warnLeftOut(skipped, 'status', 'each counts as a missing log');
  const input = { config: program.config, cohort: entry.cohort, people: peopleOf(program), logs, at: loaded.now, elsewhere: hoursInOverlappingCohorts(program, entry.cohort) };
  return (week) => cohortSnapshot({ ...input, week });
}

export async function statusCommand(cohortId: string | undefined, options: StatusOptions): Promise<number> {
  if (options.format === 'markdown') return attentionCommand(cohortId, options);
  const loaded = loadForCommand(options.repo);
  const ids = cohortId !== undefined ? [cohortId] : runningCohorts(loaded).map((entry) => entry.id);
  // Missing logs and silence are judged on last week, the last complete one; this week is shown as progress.
  const view = {
    now: formatInstant(loaded.program.config.timezone, loaded.now),
    cohorts: ids.map((id) => {
      const asOf = cohortNow(loaded, chooseCohort(loaded, id, { strict: false }));
      return { lastWeek: asOf(lastCompleteWeek(loaded.today)), thisWeek: asOf(weekOfDate(loaded.today)).counts };
    }),
  };
  print(options.format === 'json' ? renderStatusJson(view) : renderStatusText(view, styleFor(process.stdout), terminalWidth()));
  const overdue = view.cohorts.some((c) => c.lastWeek.waiting.some((w) => w.overdue));
  return options.failOn === 'overdue' && overdue ? ExitCode.invalid : ExitCode.ok;
}

export async function treeCommand(cohortId: string | undefined, options: { repo?: string; format?: 'text' | 'json' }): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const entry = chooseCohort(loaded, cohortId, { strict: false, command: 'tree' });
  const snapshot = cohortNow(loaded, entry)(weekOfDate(loaded.today));
  print(options.format === 'json' ? `${JSON.stringify({ cohort: entry.id, tree: snapshot.tree, waiting: snapshot.waiting }, null, 2)}\n` : renderTreeText(snapshot, styleFor(process.stdout), terminalWidth()));
  return ExitCode.ok;
}

const SINCE_FIX = "Pass the file the attention issue's current body was saved to; an empty file when there is no issue yet.";

/** The attention issue: every cohort that has not finished (or the one named), waiting measured now. */
async function attentionCommand(cohortId: string | undefined, options: StatusOptions): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  const entries = [...program.cohorts.values()].filter((entry) => entry.cohort && (cohortId !== undefined ? entry.id === cohortId : cohortState(entry.cohort, loaded.today) !== 'finished'));
  if (cohortId !== undefined && entries.length === 0) chooseCohort(loaded, cohortId, { strict: false });
  const people = peopleOf(program);
  const finished = [...program.cohorts.values()].filter((entry) => entry.cohort?.end !== undefined && cohortState(entry.cohort, loaded.today) === 'finished').sort((a, b) => (a.cohort!.end! < b.cohort!.end! ? -1 : 1));
  const last = finished.at(-1);
  const lastCycle = last ? { id: last.id, medianHours: programProgress(program.config, [{ cohort: last.cohort!, logs: new Map() }], people, loaded.today).program.requestToAssignment.medianHours } : undefined;
  const data = attentionData(program.config, entries.map((entry) => cohortNow(loaded, chooseCohort(loaded, entry.id, { strict: false }))(lastCompleteWeek(loaded.today))), people, loaded.today, lastCycle);
  // The comment first: the body records only the mentions it sends (or sent before), so one cut
  // to fit goes out on a later run.
  const notified = notifiedKeys(options.since === undefined ? undefined : readIssueBody(options.since, SINCE_FIX));
  const { comment, sent } = renderAttentionComment(data, notified);
  print(renderAttentionBody(data, formatInstant(program.config.timezone, loaded.now), stillNotified(data, notified, sent)));
  if (options.commentOut !== undefined && comment !== undefined) {
    const out = chosenFolder(program.root, path.dirname(path.resolve(options.commentOut)));
    writeFileAtomic(out.root, path.join(out.relative, path.basename(options.commentOut)), comment);
  }
  const overdue = data.cohorts.some((c) => c.queue.some((q) => q.overdue));
  return options.failOn === 'overdue' && overdue ? ExitCode.invalid : ExitCode.ok;
}
