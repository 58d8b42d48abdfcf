import path from 'node:path';
import { ExitCode } from '../errors.js';
import { readIssueBody } from '../io/request-files.js';
import { writeFileAtomic } from '../io/write.js';
import { attentionData, notifiedKeys } from '../core/attention.js';
import { programProgress } from '../core/cycles.js';
import { cohortState } from '../domain/cohort-state.js';
import { renderAttentionBody, renderAttentionComment } from '../render/attention.js';
import { print, styleFor, terminalWidth } from '../io/output.js';
import { cohortSnapshot } from '../core/report.js';
import { formatInstant } from '../domain/time.js';
import { lastCompleteWeek, weekOfDate } from '../domain/weeks.js';
import { renderStatusJson, renderStatusText, renderTreeText } from '../render/status.js';
import { chooseCohort, loadForCommand, runningCohorts, type Loaded } from './context.js';
import { cohortLogs, hoursInOverlappingCohorts } from './week-logs.js';

export interface StatusOptions {
  repo?: string;
  format: 'text' | 'json' | 'markdown';
  failOn?: 'overdue';
  /** With markdown: the attention issue's current body, whose recorded mentions are not repeated. */
  since?: string;
  /** With markdown: where to write the comment carrying new mentions (written only when there are some). */
  commentOut?: string;
}

/** The cohort now; `lastComplete` looks at the last complete week, with waiting still measured now. */
function snapshotNow(loaded: Loaded, cohortId: string, lastComplete = false) {
  const { program } = loaded;
  const entry = chooseCohort(loaded, cohortId, { strict: false });
  const people = new Map([...program.people].map(([id, person]) => [id, person.person]));
  const week = lastComplete ? lastCompleteWeek(loaded.today) : weekOfDate(loaded.today);
  return cohortSnapshot({ config: program.config, cohort: entry.cohort, people, logs: cohortLogs(program, entry.id), week, at: loaded.now, elsewhere: hoursInOverlappingCohorts(program, entry.cohort) });
}

export async function statusCommand(cohortId: string | undefined, options: StatusOptions): Promise<number> {
  if (options.format === 'markdown') return attentionCommand(cohortId, options);
  const loaded = loadForCommand(options.repo);
  const ids = cohortId !== undefined ? [cohortId] : runningCohorts(loaded).map((entry) => entry.id);
  // Missing logs and silence are judged on last week, the last complete one; this week is shown as progress.
  const view = {
    now: formatInstant(loaded.program.config.timezone, loaded.now),
    cohorts: ids.map((id) => ({ lastWeek: snapshotNow(loaded, id, true), thisWeek: snapshotNow(loaded, id).counts })),
  };
  print(options.format === 'json' ? renderStatusJson(view) : renderStatusText(view, styleFor(process.stdout), terminalWidth()));
  const overdue = view.cohorts.some((c) => c.lastWeek.waiting.some((w) => w.overdue));
  return options.failOn === 'overdue' && overdue ? ExitCode.invalid : ExitCode.ok;
}

export async function treeCommand(cohortId: string | undefined, options: { repo?: string; format?: 'text' | 'json' }): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const entry = chooseCohort(loaded, cohortId, { strict: false });
  const snapshot = snapshotNow(loaded, entry.id);
  print(options.format === 'json' ? `${JSON.stringify({ cohort: entry.id, tree: snapshot.tree, waiting: snapshot.waiting }, null, 2)}\n` : renderTreeText(snapshot, styleFor(process.stdout)));
  return ExitCode.ok;
}

/** The attention issue: every cohort that has not finished (or the one named), waiting measured now. */
async function attentionCommand(cohortId: string | undefined, options: StatusOptions): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  const entries = [...program.cohorts.values()].filter((entry) => entry.cohort && (cohortId !== undefined ? entry.id === cohortId : cohortState(entry.cohort, loaded.today) !== 'finished'));
  if (cohortId !== undefined && entries.length === 0) chooseCohort(loaded, cohortId, { strict: false });
  const people = new Map([...program.people].map(([id, person]) => [id, person.person]));
  const finished = [...program.cohorts.values()].filter((entry) => entry.cohort?.end !== undefined && cohortState(entry.cohort, loaded.today) === 'finished').sort((a, b) => (a.cohort!.end! < b.cohort!.end! ? -1 : 1));
  const last = finished.at(-1);
  const lastCycle = last ? { id: last.id, medianHours: programProgress(program.config, [{ cohort: last.cohort!, logs: new Map() }], people, loaded.today).program.requestToAssignment.medianHours } : undefined;
  const data = attentionData(program.config, entries.map((entry) => snapshotNow(loaded, entry.id, true)), people, loaded.today, lastCycle);
  print(renderAttentionBody(data, formatInstant(program.config.timezone, loaded.now)));
  if (options.commentOut !== undefined) {
    const comment = renderAttentionComment(data, notifiedKeys(options.since === undefined ? undefined : readIssueBody(options.since)));
    if (comment !== undefined) writeFileAtomic(path.resolve(options.commentOut), comment);
  }
  const overdue = data.cohorts.some((c) => c.queue.some((q) => q.overdue));
  return options.failOn === 'overdue' && overdue ? ExitCode.invalid : ExitCode.ok;
}
