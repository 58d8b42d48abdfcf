import { ExitCode } from '../errors.js';
import { print, styleFor, terminalWidth } from '../io/output.js';
import { cohortSnapshot } from '../core/report.js';
import { formatInstant } from '../domain/time.js';
import { lastCompleteWeek, weekOfDate } from '../domain/weeks.js';
import { renderStatusJson, renderStatusText, renderTreeText } from '../render/status.js';
import { chooseCohort, loadForCommand, runningCohorts, type Loaded } from './context.js';
import { cohortLogs, hoursInOverlappingCohorts } from './week-logs.js';

export interface StatusOptions {
  repo?: string;
  format: 'text' | 'json';
  failOn?: 'overdue';
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
