import { activitiesOf, totalHours } from '../../domain/commitments.js';
import { cohortWeeksText, isCohortWeek } from '../../domain/cohort-state.js';
import { isIsoWeek } from '../../domain/weeks.js';
import { datesInOrder } from '../../domain/member-checks.js';
import type { Problem, Severity } from '../problem.js';
import type { CohortEntry, Program } from '../program.js';
import type { Log, Member } from '../schemas.js';
import type { PathSegment, YamlSource } from '../source.js';
import { closest } from '../suggest.js';
import { CONFIG_FILE, ID_PATTERN, cohortFile, memberFile, personFile, personLogsDir } from '../../domain/layout.js';
import { yamlText } from '../yaml-value.js';

// Rules of one weekly log against the index (config, people, cohorts). A log depends on no
// other log, so logs can be checked in any order, in parallel, or only the changed ones.

export interface LogContext {
  program: Program;
  cohortId: string;
  /** The person the folder names: cohorts/<cohort>/logs/<person>/. */
  folderPerson: string;
  /** The week the file name gives: <week>.yaml. */
  fileWeek: string;
}

/** A log's fields: all of them, or those valid on their own when another field has an error. */
export type LogFields = Partial<Log>;

interface LogRuleInput {
  context: LogContext;
  log: LogFields;
  member: Member | undefined;
  report(path: readonly PathSegment[], at: 'key' | 'value', rule: string, severity: Severity, message: string, fix?: string, subject?: string): void;
}

type LogRule = (input: LogRuleInput) => void;

const personIsFolder: LogRule = ({ context, log, report }) => {
  if (log.person !== undefined && log.person !== context.folderPerson) {
    const move = `move the file to ${personLogsDir(context.cohortId, log.person)}/`;
    // Setting the field to the folder's name is offered only when that name is an id.
    const fix = ID_PATTERN.test(context.folderPerson) ? `Set \`person: ${yamlText(context.folderPerson)}\`, or ${move}.` : `${move[0]!.toUpperCase()}${move.slice(1)}.`;
    report(['person'], 'value', 'log-person-folder', 'error', `This log is in the folder of ${context.folderPerson} but says person: ${log.person}.`, fix);
  }
};

const weekIsFileName: LogRule = ({ context, log, report }) => {
  if (log.week !== undefined && log.week !== context.fileWeek) {
    // Setting the field to the file's name is offered only when that name is a week.
    const fix = isIsoWeek(context.fileWeek) ? `Rename the file to ${log.week}.yaml, or set \`week: ${context.fileWeek}\`.` : `Rename the file to ${log.week}.yaml.`;
    report(['week'], 'value', 'log-week-file', 'error', `The file is named ${context.fileWeek}.yaml but says week: ${log.week}.`, fix);
  }
};

/** A log folder named for nobody: the person it most likely means (Kim -> kim), else a person file to create, under an id that can be one. */
function unknownFolderFix(program: { people: ReadonlyMap<string, unknown> }, folder: string): string {
  const lower = folder.toLowerCase();
  if (folder !== lower && program.people.has(lower)) return `Rename the folder ${folder}/ to ${lower}/, the id of ${personFile(lower)}.`;
  if (!ID_PATTERN.test(folder)) return `Rename the folder to the person's id (lower-case letters, digits and dashes), or move the log to the right folder.`;
  return `Create ${personFile(folder)}, or move the log to the right folder.`;
}

/** Whether the cohort lists this person in an entry (of cohort.yaml, or a member file) that has errors. */
function entryWithErrors(cohort: CohortEntry, person: string): boolean {
  const listed = (cohort.source?.value as { members?: unknown } | null | undefined)?.members;
  if (Array.isArray(listed) && listed.some((entry) => (entry as { person?: unknown } | null)?.person === person)) return true;
  return cohort.problems.some((problem) => problem.file === memberFile(cohort.id, person) && problem.severity === 'error');
}

const personIsMember: LogRule = ({ context, member, report }) => {
  const cohort = context.program.cohorts.get(context.cohortId);
  if (!cohort?.cohort || member !== undefined) return;
  // A member whose own entry has errors is left out of the tree: that error is the one to fix, not the log.
  if (entryWithErrors(cohort, context.folderPerson)) return;
  const known = context.program.people.has(context.folderPerson);
  report(
    ['person'],
    'value',
    known ? 'log-not-member' : 'member-unknown-person',
    'error',
    known ? `${context.folderPerson} is not a member of cohort ${context.cohortId}.` : `There is no person "${context.folderPerson}" (no ${personFile(context.folderPerson)}).`,
    known ? `Add ${context.folderPerson} to the members in ${cohortFile(context.cohortId)}, or move the log to their cohort.` : unknownFolderFix(context.program, context.folderPerson),
    known ? undefined : `missing-person:${context.folderPerson}`,
  );
};

const activitiesOfRole: LogRule = ({ context, log, member, report }) => {
  if (member === undefined || log.hours === undefined) return;
  const activities = Object.keys(activitiesOf(context.program.config, member.role));
  for (const name of Object.keys(log.hours)) {
    if (activities.includes(name)) continue;
    const guess = closest(name, activities);
    report(['hours', name], 'key', 'log-unknown-activity', 'error', `"${name}" is not an activity of a ${member.role}.`, guess ? `Did you mean "${guess}"?` : activities.length > 0 ? `Use one of: ${activities.join(', ')}.` : `The ${member.role} role has no activities in ${CONFIG_FILE} (roles.${member.role}.activities): add this one there, or remove it from the log.`);
  }
};

const totalWithinWeek: LogRule = ({ log, report }) => {
  const total = totalHours(log.hours ?? {});
  if (total > 168) {
    report(['hours'], 'key', 'log-total-hours', 'error', `The hours add up to ${total}, more than the 168 hours of a week.`, 'Correct the hours: they are per week.');
  }
};

/**
 * Whether a week falls outside a cohort's weeks, judged only when the cohort's dates can be used
 * (a cohort with errors in its dates, or ending before it starts, has its own error instead).
 */
export function outsideCohortWeeks(entry: CohortEntry | undefined, week: string): boolean {
  const cohort = entry?.cohort;
  if (!cohort || entry.replaced.includes('start') || entry.replaced.includes('end') || !datesInOrder(cohort) || !isIsoWeek(week)) return false;
  return !isCohortWeek(cohort, week);
}

// An error, as `mentor log` and the gate refuse such a week: a log CI passes is one they accept.
const weekInCohort: LogRule = ({ context, log, report }) => {
  const entry = context.program.cohorts.get(context.cohortId);
  if (log.week === undefined || log.week !== context.fileWeek || !outsideCohortWeeks(entry, log.week)) return;
  const weeks = cohortWeeksText(entry!.cohort!);
  report(
    ['week'],
    'value',
    'log-week-outside-cohort',
    'error',
    `Week ${log.week} is outside cohort ${context.cohortId} (${weeks}); a log is for a week of its cohort.`,
    `Cohort ${context.cohortId} runs ${/^from /.test(weeks) ? weeks : `from ${weeks}`}: rename the file and its \`week:\` to the week you meant, move the log to the cohort that ran ${log.week}, or delete the file.`,
  );
};

export const LOG_RULES: readonly LogRule[] = [personIsFolder, weekIsFileName, personIsMember, activitiesOfRole, totalWithinWeek, weekInCohort];

export function checkLogRules(context: LogContext, source: YamlSource, log: LogFields, problems: Problem[]): void {
  const member = context.program.cohorts.get(context.cohortId)?.members.get(context.folderPerson);
  const input: LogRuleInput = {
    context,
    log,
    member,
    report: (path, at, rule, severity, message, fix, subject) => problems.push({ ...source.problemAt(path, at, rule, severity, message, fix), ...(subject ? { subject } : {}) }),
  };
  for (const rule of LOG_RULES) rule(input);
}
