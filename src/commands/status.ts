import path from 'node:path';
import { ExitCode } from '../errors.js';
import { readIssueBody } from '../io/request-files.js';
import { writeFileAtomic } from '../io/write.js';
import { chosenFolder } from '../io/write-path.js';
import { resolveFromHere } from '../io/repo.js';
import { attentionData, neverPlaced, openClaims, type NeverPlaced } from '../core/attention.js';
import { offQueue, withOffQueue } from '../core/off-queue.js';
import { unreadableCohorts, withUnreadable } from '../core/unreadable-cohorts.js';
import { isError } from '../model/problem.js';
import { sanitizeInline } from '../render/terminal.js';
import { mentionDigests, notifiedKeys, stillNotified } from '../core/attention-notified.js';
import { programProgress } from '../core/cycles.js';
import { cohortState, isOpenOrJustFinished } from '../domain/cohort-state.js';
import { renderAttentionBody, renderAttentionComment } from '../render/attention.js';
import { print, printError, styleFor, terminalWidth } from '../io/output.js';
import { cohortSnapshot, type CohortSnapshot } from '../core/report.js';
import { waitsMeasuredAt } from '../core/cohort-as-of.js';
import type { CohortEntry } from '../model/program.js';
import type { Cohort } from '../model/schemas.js';
import { formatInstant } from '../domain/time.js';
import { lastCompleteWeek, weekOfDate } from '../domain/weeks.js';
import { renderOverdueFailure, renderStatusJson, renderStatusText, renderTreeText } from '../render/status.js';
import { chooseCohort, loadForCommand, peopleOf, unknownCohorts, unknownCohortsError, type Loaded } from './context.js';
import { hoursInOverlappingCohorts, usableCohortLogs, warnLeftOut } from './week-logs.js';

export interface StatusOptions {
  repo?: string;
  format: 'text' | 'json' | 'markdown';
  failOn?: 'overdue';
  /** With markdown: the attention issue's current body, whose recorded mentions are not repeated. */
  since?: string;
  /** With markdown: where to write the comment carrying new mentions (written only when there are some). */
  commentOut?: string;
  /** With markdown: the open pull requests, a line `<branch> <url>` each; those of claims mark their members claimed. */
  claims?: string;
}

/**
 * A cohort as of any week, waiting measured now (in a finished cohort, at its end, as the
 * dashboard does: a request never answered there stops growing overdue): its logs are read once, however many weeks are
 * asked. A log with errors is left out (its week shows as missing) and said on stderr: the
 * attention issue keeps showing who waits while someone fixes the log.
 */
function cohortNow(loaded: Loaded, entry: CohortEntry & { cohort: Cohort }, command: 'status' | 'tree' = 'status'): (week: string) => CohortSnapshot {
  const { program } = loaded;
  // The tree shows who mentors whom and the hours planned: it reads no log, and says nothing of one.
  const { logs, skipped } = command === 'tree' ? { logs: new Map(), skipped: [] } : usableCohortLogs(program, entry.id);
  warnLeftOut(skipped, command, 'each counts as a missing log');
  const input = { config: program.config, cohort: entry.cohort, people: peopleOf(program), logs, at: waitsMeasuredAt(entry.cohort, program.config.timezone, loaded.now), now: loaded.now, elsewhere: hoursInOverlappingCohorts(program, entry.cohort) };
  return (week) => cohortSnapshot({ ...input, week });
}

export async function statusCommand(cohortId: string | undefined, options: StatusOptions): Promise<number> {
  if (options.format === 'markdown') return attentionCommand(cohortId, options);
  const loaded = loadForCommand(options.repo);
  // Every cohort that has not finished, as the attention issue shows: one yet to start already
  // takes requests, and who waits there needs attention now. One that has just finished stays
  // while its last week is last week: that week's missing logs are due now.
  const ids = cohortId !== undefined ? [cohortId] : [...loaded.program.cohorts.values()].filter((entry) => entry.cohort && isOpenOrJustFinished(entry.cohort, loaded.today)).map((entry) => entry.id);
  // A cohort that cannot be read may be running, with people waiting: the text shows the cohorts
  // that can be read, then says which cannot (exit 1); JSON, one object for a program, only says.
  const unknown = cohortId !== undefined ? [] : unknownCohorts(loaded.program);
  const unreadable = () => unknownCohortsError(unknown, 'what needs attention there', 'Fix them first; `mentor validate` shows each with how to fix it (`mentor status <cohort>` shows one cohort).');
  if (unknown.length > 0 && (ids.length === 0 || options.format === 'json')) throw unreadable();
  // Missing logs and silence are judged on last week, the last complete one; this week is shown as progress.
  const view = {
    now: formatInstant(loaded.program.config.timezone, loaded.now),
    cohorts: ids.map((id) => {
      const entry = chooseCohort(loaded, id, { strict: false });
      const asOf = cohortNow(loaded, entry);
      const lastWeek = asOf(lastCompleteWeek(loaded.today));
      // A finished cohort's members without a mentor were never placed there: said so, with where each is now.
      const never = cohortState(entry.cohort, loaded.today) === 'finished' ? { neverPlaced: neverPlacedNow(loaded, lastWeek) } : {};
      return { lastWeek, thisWeek: asOf(weekOfDate(loaded.today)).counts, ...never };
    }),
  };
  print(options.format === 'json' ? renderStatusJson(view) : renderStatusText(view, styleFor(process.stdout), terminalWidth()));
  if (unknown.length > 0) throw unreadable();
  // Unless a cohort is named, overdue fails only where someone can still be placed (as the
  // attention issue shows), not in one shown for its last week's logs.
  const judged = view.cohorts.filter((c) => cohortId !== undefined || cohortState(c.lastWeek.cohort, loaded.today) !== 'finished');
  const overdue = judged.filter((c) => c.lastWeek.waiting.some((w) => w.overdue));
  if (options.failOn !== 'overdue' || overdue.length === 0) return ExitCode.ok;
  // The scheduled run fails here: its last lines say what fails it, and what places them.
  printError(renderOverdueFailure(overdue.map((c) => ({ cohort: c.lastWeek.cohort.id, members: c.lastWeek.waiting.filter((w) => w.overdue).map((w) => w.id) }))));
  return ExitCode.invalid;
}

export async function treeCommand(cohortId: string | undefined, options: { repo?: string; format?: 'text' | 'json' }): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const entry = chooseCohort(loaded, cohortId, { strict: false, command: 'tree' });
  const snapshot = cohortNow(loaded, entry, 'tree')(weekOfDate(loaded.today));
  print(options.format === 'json' ? `${JSON.stringify({ cohort: entry.id, tree: snapshot.tree, waiting: snapshot.waiting }, null, 2)}\n` : renderTreeText(snapshot, styleFor(process.stdout), terminalWidth()));
  return ExitCode.ok;
}

/** Each cohort that has just finished (its last week is last week) with members it never placed, and where they are now. */
function justFinishedNeverPlaced(loaded: Loaded, readable: (entry: CohortEntry) => boolean = () => true): NeverPlaced[] {
  return [...loaded.program.cohorts.values()]
    .filter((entry) => readable(entry) && entry.cohort && cohortState(entry.cohort, loaded.today) === 'finished' && isOpenOrJustFinished(entry.cohort, loaded.today))
    .map((entry) => neverPlacedNow(loaded, cohortNow(loaded, chooseCohort(loaded, entry.id, { strict: false }))(lastCompleteWeek(loaded.today))))
    .filter((never) => never.members.length > 0);
}

/** Who a finished cohort's snapshot never placed, and where each is now: a member of a cohort that has not finished. */
function neverPlacedNow(loaded: Loaded, snapshot: CohortSnapshot): NeverPlaced {
  return neverPlaced(snapshot, openCohorts(loaded).map((entry) => ({ id: entry.id, members: entry.cohort!.members })));
}

/** The cohorts that have not finished: running, or yet to start. */
function openCohorts(loaded: Loaded): CohortEntry[] {
  return [...loaded.program.cohorts.values()].filter((entry) => entry.cohort && cohortState(entry.cohort, loaded.today) !== 'finished');
}

const CLAIMS_FIX = 'Pass the file the open pull requests were listed to, a line `<branch> <url>` each; an empty file when there are none.';
const SINCE_FIX = "Pass the file the attention issue's current body was saved to; an empty file when there is no issue yet.";

/** The attention issue: every cohort that has not finished (or the one named), waiting measured now. */
async function attentionCommand(cohortId: string | undefined, options: StatusOptions): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  // A cohort that cannot be read could hold anyone: the body lists it (and so never says "nobody is
  // waiting"), the maintainers are told once, and the other cohorts' requests go out as ever.
  const unknown = cohortId !== undefined ? [] : unknownCohorts(program);
  const unreadable = unreadableCohorts(program.config, unknown.map((entry) => ({ id: entry.id, errors: entry.problems.filter(isError) })));
  for (const entry of unreadable) printError(`mentor: warning: the records of cohort ${sanitizeInline(entry.id)} have errors, so the attention issue cannot tell who waits there; it lists the cohort and tells the maintainers. \`mentor validate\` shows each error with how to fix it.`);
  const readable = (entry: CohortEntry) => !unknown.includes(entry);
  const entries = cohortId !== undefined ? [...program.cohorts.values()].filter((entry) => entry.cohort && entry.id === cohortId) : openCohorts(loaded).filter(readable);
  if (cohortId !== undefined && entries.length === 0) chooseCohort(loaded, cohortId, { strict: false });
  const people = peopleOf(program);
  const finished = [...program.cohorts.values()].filter((entry) => readable(entry) && entry.cohort?.end !== undefined && cohortState(entry.cohort, loaded.today) === 'finished').sort((a, b) => (a.cohort!.end! < b.cohort!.end! ? -1 : 1));
  const last = finished.at(-1);
  const lastCycle = last ? { id: last.id, medianHours: programProgress(program.config, [{ cohort: last.cohort!, logs: new Map() }], people, loaded.today).program.requestToAssignment.medianHours } : undefined;
  // The workflow's list of what is open on GitHub: claims' pull requests, and requests not on main yet.
  const open = options.claims === undefined ? '' : readIssueBody(options.claims, CLAIMS_FIX);
  const queues = attentionData(program.config, entries.map((entry) => cohortNow(loaded, chooseCohort(loaded, entry.id, { strict: false }))(lastCompleteWeek(loaded.today))), people, loaded.today, lastCycle, openClaims(open));
  const data = { ...withUnreadable(withOffQueue(queues, cohortId !== undefined ? [] : offQueue(program.config, open, loaded.now)), unreadable), neverPlaced: cohortId !== undefined ? [] : justFinishedNeverPlaced(loaded, readable) };
  // The comment first: the body records only the mentions it sends (or sent before), so one cut
  // to fit goes out on a later run.
  const notified = notifiedKeys(options.since === undefined ? undefined : readIssueBody(options.since, SINCE_FIX));
  const digest = mentionDigests();
  const { comment, sent } = renderAttentionComment(data, notified, digest);
  print(renderAttentionBody(data, formatInstant(program.config.timezone, loaded.now), stillNotified(data, notified, sent, digest)));
  if (options.commentOut !== undefined && comment !== undefined) {
    const out = chosenFolder(program.root, path.dirname(resolveFromHere(options.commentOut)));
    writeFileAtomic(out.root, path.join(out.relative, path.basename(options.commentOut)), comment);
  }
  const overdue = data.cohorts.some((c) => c.queue.some((q) => q.overdue));
  return options.failOn === 'overdue' && overdue ? ExitCode.invalid : ExitCode.ok;
}
