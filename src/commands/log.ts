import { existsInRepo } from '../io/generated.js';
import { ExitCode, MentorError, usageError } from '../errors.js';
import { assertCanCommit, openGit } from '../io/git.js';
import { print, printError, say, styleFor, ttyWidth } from '../io/output.js';
import { isInteractive, terminalAsker, type Asker } from '../io/prompts.js';
import { inUsersWords } from '../io/invocation.js';
import { readRecord } from '../io/repo.js';
import { writeFileAtomic } from '../io/write.js';
import { directMenteeCounts, plannedHours } from '../domain/commitments.js';
import { logFile } from '../domain/layout.js';
import { checkLogFlags, parseHoursFlags, totalAgainstPlan, type LogDraft } from '../core/log-draft.js';
import { checkLogWeek, cohortsForLog, defaultWeekFor, logDraftOf, logForm, membershipsIn, type Membership } from '../core/log-form.js';
import { askForm } from '../core/questions.js';
import { compareWeeks, firstOpenWeek, lastCompleteWeek, mondayOf, weekAt } from '../domain/weeks.js';
import { cohortWeeksText, isCohortWeek } from '../domain/cohort-state.js';
import { wrapText } from '../domain/columns.js';
import { checkShape } from '../model/check-shape.js';
import { isError } from '../model/problem.js';
import { logContext } from '../model/load.js';
import { checkLogRules } from '../model/rules/log-rules.js';
import { GITHUB_PATTERN, ID_PATTERN, type Log } from '../model/schemas.js';
import { peopleWithHandle } from '../model/program.js';
import { YamlSource } from '../model/source.js';
import { closest } from '../model/suggest.js';
import { renderNewLog, updateLogText } from '../render/log-yaml.js';
import { logCommandLine } from '../render/log-command.js';
import { renderLogJson } from '../render/outcome-json.js';
import { sanitizeForTerminal, sanitizeInline } from '../render/terminal.js';
import { changedMeanwhile, chooseCohort, cohortRecordErrors, loadForCommand, lockAndReadAgain, personOfGitUser, recordErrorsMessage, refuseNotAWeek, unknownCohorts, unknownCohortsError, type Loaded } from './context.js';
import { nextStepAfterCommit, nextStepWithoutCommit, planCommit, writeAndCommit } from './commit-step.js';

export interface LogOptions {
  repo?: string;
  cohort?: string;
  person?: string;
  week?: string;
  hours: string[];
  pr: string[];
  done?: string;
  blockers?: string;
  next?: string;
  force?: boolean;
  commit?: boolean;
  format?: 'text' | 'json';
}

export async function logCommand(options: LogOptions, asker: Asker = terminalAsker()): Promise<number> {
  // A pair that is not activity=hours is a usage error, said before anything is read.
  const { hours, errors } = parseHoursFlags(options.hours);
  if (errors.length > 0) throw usageError(errors.map(sanitizeInline).join('\n'), 'Each pair is activity=hours: --hours practice=3 code-review=1 (or --hours repeated). See `mentor log --help`.');
  const flagsGiven = options.hours.length > 0 || options.pr.length > 0 || [options.done, options.blockers, options.next].some((v) => v !== undefined);
  const asJson = options.format === 'json';
  // JSON is for another program: it never asks.
  const interactive = isInteractive() && !flagsGiven && !asJson;
  // Asking takes no lock: the records are read again under it once the answers are in.
  const first = loadForCommand(options.repo, interactive ? {} : { lock: 'log' });
  const { program } = first;

  // Before asking anything: can git commit here (with --commit), and is the cohort named usable.
  if (options.commit) await assertCanCommit(openGit(program.root));
  if (options.cohort !== undefined) chooseCohort(first, options.cohort);
  const memberships = membershipsOf(first);
  const gitUser = await personOfGitUser(program);
  const thisWeek = weekAt(program.config.timezone, first.now);
  const lastWeek = lastCompleteWeek(first.today);
  const existingLog = (cohort: string, who: string, when: string) => readExisting(program.root, logFile(cohort, who, when))?.log;

  if (options.person !== undefined) refusePerson(first, options.person, options.cohort, memberships);
  if (interactive) refuseNotAWeek(options.week);
  let { cohort: cohortId, person, week } = options;
  let asked: LogDraft | undefined;
  /** The log as the last preview showed it, to write only that (the form makes a preview each time it plans). */
  let previewed: { text: string; existed: boolean } | undefined;
  let shown: typeof previewed;
  if (interactive) {
    const watching: Asker = { ask: (question) => ((shown = question.name === 'confirm' ? previewed : shown), asker.ask(question)) };
    const answers = await askForm(watching, logForm({
      memberships,
      fixed: { cohort: options.cohort, person: options.person, week: options.week },
      gitPerson: gitUser,
      notListed: fitted(inUsersWords(NOT_LISTED, 'stdout')),
      thisWeek,
      lastWeek,
      existing: existingLog,
      planned: (cohort, who) => plannedFor(first, cohort, who).byActivity,
      preview: (cohort, draft) => preview(first, cohort, draft, (seen) => (previewed = seen)),
    }));
    if (answers.confirm === 'cancel') {
      print('Nothing written.');
      return ExitCode.ok;
    }
    ({ cohort: cohortId, person, week } = answers as { cohort?: string; person?: string; week?: string });
    week = week?.trim();
    if (answers.confirm === 'write') asked = logDraftOf(answers);
  }
  // The answers are in: from here on, the records as they are now, under the lock.
  const loaded = interactive ? lockAndReadAgain(first, 'log') : first;
  person ??= gitUser;
  // Run without flags where it cannot ask (`mentor log > file`, a pipe into it): say why it did not.
  const whyNotAsked = !interactive && !flagsGiven && !asJson ? ' (mentor log asks its questions only when both its input and its output are a terminal; here one is not)' : '';
  if (person === undefined) throw usageError('Whose log is it? Pass --person <id>.', `mentor could not tell from your git user name${whyNotAsked}.`);
  // Said with the write: which week a log without --week went to, and why that one.
  const chosen = week === undefined ? defaultWeekFor(membershipsIn(memberships, options.cohort), person, { thisWeek, lastWeek, existing: existingLog }) : undefined;
  week ??= chosen!.week;
  cohortId ??= inferCohort(memberships, person, week, thisWeek);

  // The cohort is a flag here: the hint shows it as one.
  const entry = chooseCohort(loaded, cohortId, { command: 'log --cohort', looksBack: true });
  refuseUnknown(loaded, entry.id, person, week, thisWeek);
  const file = logFile(entry.id, person, week);
  const existing = readExisting(program.root, file);

  let draft: LogDraft;
  if (asked) draft = asked;
  else if (interactive) throw usageError('The log was not finished; nothing was written.');
  else {
    if (Object.keys(hours).length === 0 && !existing) throw usageError(`No hours given${whyNotAsked}.`, 'Pass --hours activity=hours for each activity, e.g. --hours practice=3 code-review=1.');
    const role = entry.members.get(person)!.role;
    const wrong = checkLogFlags(hours, options.pr, role, Object.keys(plannedFor(loaded, entry.id, person).byActivity));
    if (wrong.length > 0) throw new MentorError(wrong.map(sanitizeInline).join('\n'), ExitCode.invalid, 'Nothing was written.');
    draft = {
      person,
      week,
      hours: { ...existing?.log?.hours, ...hours },
      pullRequests: options.pr.length > 0 ? options.pr : (existing?.log?.pullRequests ?? []),
      done: options.done ?? existing?.log?.done ?? undefined,
      blockers: options.blockers ?? existing?.log?.blockers ?? undefined,
      next: options.next ?? existing?.log?.next ?? undefined,
    };
  }
  // The values are checked first: a refusal to replace should not hide an error in them.
  const text = logText(loaded, entry.id, draft).text;
  if (asked && (text !== shown?.text || shown.existed !== (existing !== undefined))) {
    throw changedMeanwhile(file, `Run \`mentor log\` again to see it as it is now; or write your answers over it with:\n    ${sanitizeInline(logCommandLine(entry.id, draft))}`);
  }
  if (!asked && existing && !options.force) {
    throw new MentorError(`${file} already exists.`, ExitCode.invalid, 'Pass --force to update it with the values given (its other values, comments and formatting are kept), or run on a terminal to confirm.');
  }

  const change = { branch: `log/${person}/${week}`, files: [file], message: `Log ${week} of ${person}` };
  const plan = options.commit ? await planCommit(program.root, change.branch, [file], { fromDefaultBranch: 'where-records-agree', addTo: 'the log' }) : undefined;
  const tell = asJson ? printError : say;
  if (chosen) tell(`Week ${week}: ${chosen.why} (--week chooses another).`);
  const unchanged = (await writeAndCommit(plan, () => writeFileAtomic(program.root, file, text), change.message)) === 'unchanged';
  if (!asJson && !unchanged) say(`${existing ? 'Updated' : 'Wrote'} ${file}.`);
  if (asJson) print(renderLogJson({ cohort: entry.id, person, week, created: !existing, hours: draft.hours, ok: true, problems: [], files: [file], branch: plan?.branch ?? null }));
  else say(plan ? nextStepAfterCommit(plan.branch, 'the log', program.root, plan.from, unchanged ? 'unchanged' : plan.onBranch) : nextStepWithoutCommit('the log', { ...change, root: program.root }));
  return ExitCode.ok;
}

/** Above the list of people when the git user is not in it: a request merged after the clone is not in it either. */
const UPDATE_COPY = 'run `git pull` (from a fork: Sync fork on GitHub first)';
const NOT_LISTED = `Not in this list? Your person file is not in this copy yet: press Ctrl-C, ${UPDATE_COPY}, and run this again. New to the program? \`mentor request\` asks for a mentor.`;

/** On a terminal, broken between words within its width, as mentor's messages are. */
const fitted = (text: string) => ((width) => (width === undefined ? text : wrapText(text, width)))(ttyWidth());

/** Every member of every readable cohort, for the form to choose among. */
function membershipsOf(loaded: Loaded): Membership[] {
  const { program } = loaded;
  return [...program.cohorts.values()].flatMap((entry) =>
    entry.cohort && !entry.partial
      ? entry.cohort.members.map((member) => ({ cohort: entry.id, cohortName: entry.cohort!.name, dates: entry.cohort!, person: member.person, name: program.people.get(member.person)?.person?.name ?? member.person, role: member.role }))
      : [],
  );
}

/**
 * The cohort the week tells, when the person is in exactly one cohort that holds it. When none of
 * theirs holds it, their own cohort refuses it (never the one running today, which may not be
 * theirs, or none may run).
 */
function inferCohort(memberships: Membership[], person: string, week: string, thisWeek: string): string | undefined {
  const holding = cohortsForLog(memberships, person, week);
  if (holding.length > 1) throw usageError(`${week} is a week of ${holding.length} cohorts of ${person} (${holding.map((m) => m.cohort).join(', ')}); name one.`, `Pass --cohort ${holding[0]!.cohort}, for example.`);
  if (holding.length === 1) return holding[0]!.cohort;
  const own = memberships.filter((membership) => membership.person === person);
  if (own.length <= 1) return own[0]?.cohort;
  refuseNotAWeek(week);
  throw new MentorError(`${checkLogWeek(memberships, person, week, thisWeek).toString().replace(/\.$/, '')}; nothing was written.`, ExitCode.invalid, 'Log a week of one of them (--cohort names which).');
}

function plannedFor(loaded: Loaded, cohortId: string, person: string) {
  const entry = loaded.program.cohorts.get(cohortId)!;
  const role = entry.members.get(person)!.role;
  return plannedHours(loaded.program.config, role, directMenteeCounts(entry.cohort!.members).get(person) ?? 0, entry.cohort!.cadence);
}

/** The file's text with the draft in it (an existing log keeps its comments), checked as validate would. */
function logText(loaded: Loaded, cohortId: string, draft: LogDraft): { file: string; text: string } {
  const file = logFile(cohortId, draft.person, draft.week);
  const existing = readExisting(loaded.program.root, file);
  const text = existing ? updateLogText(existing.text, draft, file) : renderNewLog(draft, file);
  refuseInvalid(loaded, file, text);
  return { file, text };
}

function preview(loaded: Loaded, cohortId: string, draft: LogDraft, seen: (log: { text: string; existed: boolean }) => void): string {
  const { file, text } = logText(loaded, cohortId, draft);
  seen({ text, existed: existsInRepo(loaded.program.root, file) });
  const style = styleFor(process.stdout);
  return `\n${style.bold(file)}\n${sanitizeForTerminal(text)}\n${totalAgainstPlan(draft.hours, plannedFor(loaded, cohortId, draft.person).total)}`;
}

/** An unknown person, or not a member of the cohort (of any cohort, when none is named): exit 1. */
function refusePerson(loaded: Loaded, person: string, cohortId: string | undefined, memberships: Membership[]): void {
  if (!ID_PATTERN.test(person) || !loaded.program.people.has(person)) {
    // The GitHub handle given for the id, as a newcomer to the records easily does.
    const owner = GITHUB_PATTERN.test(person) ? peopleWithHandle(loaded.program, person)[0]?.id : undefined;
    const guess = closest(person, loaded.program.people.keys());
    const hint = owner ? `${owner} has the GitHub handle ${person}: pass --person ${owner}, the id of the person file.` : guess ? `Did you mean ${guess}?` : `Use the id of a file in people/ (without .yaml). If yours was merged after you cloned this copy, ${UPDATE_COPY}, and run this again.`;
    throw new MentorError(`There is no person "${sanitizeInline(person)}".`, ExitCode.invalid, hint);
  }
  if (cohortId === undefined && !memberships.some((membership) => membership.person === person)) {
    // Their cohort has errors in its fields (the form leaves it out), or one that cannot be read may hold them.
    const withErrors = [...loaded.program.cohorts.values()].find((entry) => entry.partial && entry.members.has(person));
    if (withErrors) throw recordErrorsMessage(withErrors, cohortRecordErrors(loaded.program, withErrors));
    const unknown = unknownCohorts(loaded.program);
    if (unknown.length > 0) throw unknownCohortsError(unknown, `whether ${person} is a member there`);
    throw new MentorError(`${person} is not a member of any cohort.`, ExitCode.invalid, 'A log belongs to a member of a cohort: add them to one first (mentor request, or the cohort file).');
  }
  const entry = cohortId === undefined ? undefined : loaded.program.cohorts.get(cohortId);
  if (entry && !entry.members.has(person)) {
    throw new MentorError(`${person} is not a member of cohort ${cohortId}.`, ExitCode.invalid, `Members: ${[...entry.members.keys()].join(', ')}.`);
  }
}

/** An unknown person, a person not in the cohort, or a week the log cannot have (outside the cohort, not begun, or closed): exit 1, nothing written; a week that is no ISO week is a usage error (2), as in report and hours. */
function refuseUnknown(loaded: Loaded, cohortId: string, person: string, week: string, thisWeek: string): void {
  const entry = loaded.program.cohorts.get(cohortId)!;
  refusePerson(loaded, person, cohortId, []);
  refuseNotAWeek(week);
  if (!isCohortWeek(entry.cohort!, week)) {
    throw new MentorError(`${week} is outside cohort ${cohortId} (${cohortWeeksText(entry.cohort!)}); nothing was written.`, ExitCode.invalid, 'Log a week of the cohort, or name the cohort that ran that week with --cohort.');
  }
  if (compareWeeks(week, thisWeek) > 0) {
    throw new MentorError(`${week} has not started yet (this week is ${thisWeek}); nothing was written.`, ExitCode.invalid, `Log it once it has begun, on ${mondayOf(week)}; for an earlier week, pass it with --week.`);
  }
  // The gate would refuse the pull request: say so before anything is written.
  const lock = loaded.program.config.lockLogsAfterWeeks;
  const firstOpen = firstOpenWeek(lock, thisWeek);
  if (firstOpen !== undefined && compareWeeks(week, firstOpen) < 0) {
    throw new MentorError(
      `${week} is closed: logs of weeks before ${firstOpen} are locked (lockLogsAfterWeeks: ${lock}), so a pull request that changes it needs a maintainer; nothing was written.`,
      ExitCode.invalid,
      `Log ${firstOpen} or a later week. For a closed week, ask a maintainer to make or approve the change.`,
    );
  }
}

/** The log must pass the same checks validate runs, before anything is written. */
function refuseInvalid(loaded: Loaded, file: string, text: string): void {
  const source = new YamlSource(file, text);
  const log = checkShape(source, 'log');
  const problems = [...source.problems];
  if (log) {
    const [, cohort, , person, name] = file.split('/');
    checkLogRules(logContext(loaded.program, { file, kind: 'log', nameId: name!.replace(/\.yaml$/, ''), cohort, person }), source, log, problems);
  }
  const errors = problems.filter(isError);
  if (errors.length > 0) {
    throw new MentorError(`The log is not valid, nothing was written:\n${errors.map((p) => `  ${sanitizeInline(p.message)}${p.fix ? ` ${sanitizeInline(p.fix)}` : ''}`).join('\n')}`, ExitCode.invalid);
  }
}

/**
 * The log already written, which the new one updates. One with errors (a hand edit gone wrong) is
 * refused: read as far as it parses, its other hours and notes would be dropped without a word.
 */
function readExisting(root: string, file: string): { text: string; log: Log } | undefined {
  if (!existsInRepo(root, file)) return undefined;
  const outcome = readRecord(root, file);
  if ('problem' in outcome) throw new MentorError(`${file}:${outcome.problem.line ?? 1}:${outcome.problem.column ?? 1} cannot be read: ${outcome.problem.message}`, ExitCode.invalid, outcome.problem.fix);
  const source = new YamlSource(file, outcome.text);
  const log = checkShape(source, 'log');
  const errors = source.problems.filter(isError);
  if (log && errors.length === 0) return { text: outcome.text, log };
  const first = errors[0];
  const where = first ? `${file}:${first.line}:${first.column}` : file;
  throw new MentorError(
    `${where}: ${first ? sanitizeInline(first.message).replace(/\.$/, '') : 'the log has errors'}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}; mentor edits a log only when it reads whole, so nothing was written.`,
    ExitCode.invalid,
    `${first?.fix ? `${sanitizeInline(first.fix)} ` : ''}Fix the file by hand (\`mentor validate\` shows every problem), or delete it to write the week afresh; then run the command again.`,
  );
}
