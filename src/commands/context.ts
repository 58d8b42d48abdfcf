import { currentTime } from '../io/clock.js';
import { gitUserName, openGit } from '../io/git.js';
import { personForGitUser } from '../core/log-draft.js';
import { ExitCode, MentorError, usageError } from '../errors.js';
import { findRepoRoot } from '../io/repo.js';
import { acquireWriteLock } from '../io/lock.js';
import { printError } from '../io/output.js';
import { isError, type Problem } from '../model/problem.js';
import { loadProgram } from '../model/load.js';
import type { CohortEntry, Program } from '../model/program.js';
import { WorktreeSource } from '../io/worktree-source.js';
import type { Cohort, Config, Person } from '../model/schemas.js';
import { readRecord } from '../model/read-record.js';
import type { RecordSource } from '../model/record-source.js';
import { cohortState, cohortWeeksText, isCohortWeek } from '../domain/cohort-state.js';
import { localDate } from '../domain/time.js';
import { isIsoWeek, weekFix } from '../domain/weeks.js';
import { CONFIG_FILE, membersDir, personFile } from '../domain/layout.js';
import { membersWithoutPersonFile, peopleWithErrors, warnPeopleWithErrors, withMissingPeopleSaid } from './person-errors.js';
import { closest } from '../model/suggest.js';
import { sanitizeInline } from '../render/terminal.js';
import { plural } from '../render/words.js';

// What most commands start with: the program loaded, its records usable, and a cohort chosen.

export interface Loaded {
  program: Program;
  /** Now, read once per command and handed to the pure code. */
  now: number;
  /** Today in the program's zone. */
  today: string;
  /** The files this run has warned of already: each is said once, however many cohorts it shows. */
  warned: Set<string>;
}

/**
 * `lock`: the command writes (its name, said to a writer that finds the lock held). The lock is
 * taken before the records are read, so that what the command writes is built from records no
 * other writer changes meanwhile: a second writer reads them after the first has written. A
 * command that asks first takes it later (lockAndReadAgain).
 */
export function loadForCommand(repoOption: string | undefined, options: { lock?: string } = {}): Loaded {
  const root = findRepoRoot(repoOption);
  if (options.lock !== undefined) lockForWriting(root, options.lock);
  return loadAt(root, currentTime());
}

/**
 * For a command that asks before it writes: it reads and asks without the lock (a prompt may stay
 * open for an hour, and no other writer should wait on it), then takes the lock here and reads
 * the records again, at the same "now". The command builds what it writes from these, and
 * refuses when that is not what the user was shown: someone else wrote meanwhile.
 */
export function lockAndReadAgain(loaded: Loaded, command: string): Loaded {
  lockForWriting(loaded.program.root, command);
  return loadAt(loaded.program.root, loaded.now);
}

/** Refuses (exit 2) to write what the user did not see: the records changed while they answered. */
export function changedMeanwhile(what: string, hint: string): MentorError {
  return new MentorError(`${what} changed while you answered (another mentor command, or an editor, wrote to the repo); nothing was written.`, ExitCode.usage, hint);
}

/** The config of a folder, read alone (init, before the folder is a program repo), or its problems when it cannot be used. */
export function readConfigAlone(records: RecordSource): { config: Config } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const { record } = readRecord(records, { file: CONFIG_FILE, kind: 'config', nameId: 'config' }, problems);
  return record ? { config: record } : { problems: problems.filter(isError) };
}

function loadAt(root: string, now: number): Loaded {
  const program = loadProgram(new WorktreeSource(root));
  if (!program.configValid) {
    throw new MentorError(`${CONFIG_FILE} cannot be read:\n${listProblems(program.problems.filter((p) => p.file === CONFIG_FILE))}`, ExitCode.usage, 'Fix it, then run `mentor validate`.');
  }
  return { program, now, today: localDate(program.config.timezone, now), warned: new Set() };
}

/**
 * The cohort a command works on: the one named, or the only running one. Commands that write
 * need valid records (`strict`); commands that only show something go on past rule problems
 * (capacity, tiers) with a warning, since seeing the numbers is how they get fixed.
 */
export function chooseCohort(loaded: Loaded, cohortId: string | undefined, options: { strict?: boolean | 'silent'; command?: string; looksBack?: boolean } = {}): CohortEntry & { cohort: Cohort } {
  const { program } = loaded;
  const strict = options.strict ?? true;
  if (cohortId === undefined) {
    const unknown = unknownCohorts(program);
    const named = options.command !== undefined ? `the cohort: mentor ${options.command} <cohort>` : 'the cohort';
    if (unknown.length > 0) throw unknownCohortsError(unknown, 'which cohort is running', `Fix them first (\`mentor validate\` shows how), or name ${named}.`);
    const running = runningCohorts(loaded);
    if (running.length === 1) return requireValid(loaded, running[0]!, strict);
    // The cohorts are listed once; the hint shows how to name one (`command`: the words before the id, `hours` or `log --cohort`).
    const example = running[0]?.id ?? likelyMeant(loaded, options.looksBack === true)?.id ?? [...program.cohorts.keys()][0];
    const how = example === undefined ? undefined : options.command !== undefined ? `For example: mentor ${options.command} ${example}` : `For example: ${example}`;
    throw new MentorError(
      running.length === 0 ? `No cohort is running today; name the cohort (cohorts: ${[...program.cohorts.keys()].join(', ') || 'none yet'}).` : `${running.length} cohorts are running (${running.map((e) => e.id).join(', ')}); name one.`,
      ExitCode.usage,
      how === undefined ? undefined : `${how}.`,
    );
  }
  const entry = program.cohorts.get(cohortId);
  if (!entry) {
    const guess = closest(cohortId, program.cohorts.keys());
    throw new MentorError(`There is no cohort "${sanitizeInline(cohortId)}".`, ExitCode.usage, guess ? `Did you mean ${guess}?` : `Cohorts: ${[...program.cohorts.keys()].join(', ') || 'none yet'}.`);
  }
  return requireValid(loaded, entry, strict);
}

/** Refuses (exit 2) a --week that names no ISO week, with how to write it. */
export function refuseNotAWeek(week: string | undefined): void {
  if (week !== undefined && !isIsoWeek(week)) throw usageError(`--week ${sanitizeInline(week)} is not an ISO week.`, weekFix(week));
}

/** Refuses (exit 2) a week the cohort does not run: `what` says what to do instead. */
export function refuseWeekOutside(entry: CohortEntry & { cohort: Cohort }, week: string, what: string): void {
  if (!isCohortWeek(entry.cohort, week)) throw new MentorError(`${week} is outside cohort ${entry.id} (${cohortWeeksText(entry.cohort)}).`, ExitCode.usage, what);
}

/** Who is who: each person's record by id (of a file with errors, its valid fields; undefined where nothing can be read). */
export function peopleOf(program: Program): Map<string, Person | undefined> {
  return new Map([...program.people].map(([id, entry]) => [id, entry.usable]));
}

export function runningCohorts(loaded: Loaded): CohortEntry[] {
  return [...loaded.program.cohorts.values()].filter((entry) => entry.cohort && cohortState(entry.cohort, loaded.today) === 'running');
}

/**
 * With no cohort running, the one a command most likely means: the next to start (to fill it), or
 * for a command about weeks gone by (`looksBack`: report, log) the last to have started.
 */
function likelyMeant(loaded: Loaded, looksBack: boolean): CohortEntry | undefined {
  const dated = [...loaded.program.cohorts.values()].filter((entry) => entry.cohort).sort((a, b) => (a.cohort!.start < b.cohort!.start ? -1 : a.cohort!.start > b.cohort!.start ? 1 : 0));
  const started = dated.filter((entry) => entry.cohort!.start <= loaded.today).at(-1);
  const upcoming = dated.find((entry) => entry.cohort!.start > loaded.today);
  return looksBack ? (started ?? upcoming) : (upcoming ?? started);
}

/** A cohort's fields that, left out for their errors, leave unknown when it runs or who is in it. */
const KNOWN_ONLY_WITH = new Set(['start', 'end', 'members']);

/**
 * The cohorts whose cohort.yaml could not be read or parsed (a conflict, a YAML error, bytes that
 * are not UTF-8, no permission), or whose dates or member list were left out for their errors.
 * Whether they run and who is in them is unknown, so no command may answer as if they were absent:
 * "no cohort is running", "nobody is waiting" or "not a member" could each be wrong.
 */
export function unknownCohorts(program: Program): CohortEntry[] {
  return [...program.cohorts.values()].filter((entry) => !entry.cohort || entry.replaced.some((field) => KNOWN_ONLY_WITH.has(field)));
}

/** Refuses (exit 1) to answer without these cohorts: what mentor cannot tell, each problem at file:line:col, and the fix. */
export function unknownCohortsError(entries: readonly CohortEntry[], cannotTell: string, hint = 'Fix them first; `mentor validate` shows each with how to fix it.'): MentorError {
  const errors = entries.flatMap((entry) => entry.problems.filter(isError));
  const which = entries.length === 1 ? `cohort ${entries[0]!.id}` : `cohorts ${entries.map((entry) => entry.id).join(', ')}`;
  return new MentorError(`The records of ${which} have errors, so mentor cannot tell ${cannotTell}:\n${listProblems(errors)}`, ExitCode.invalid, hint);
}

/**
 * Commands work on valid records: errors in the config, this cohort's tree or its members' person
 * files stop them. Someone else's broken file (a person in no cohort, another cohort) does not:
 * a mentee cannot fix it in their pull request, and it changes nothing here.
 */
export function cohortRecordErrors(program: Program, entry: CohortEntry): Problem[] {
  const memberFiles = `${membersDir(entry.id)}/`;
  const memberPeople = new Set([...entry.members.keys()].map(personFile));
  return program.problems.filter((problem) => isError(problem) && (problem.file === entry.file || problem.file.startsWith(memberFiles) || memberPeople.has(problem.file) || problem.file === CONFIG_FILE));
}

/** The errors that stop a command, said the way every command says them (exit 1). */
export function recordErrorsMessage(entry: CohortEntry, errors: Problem[]): MentorError {
  return new MentorError(`The records of cohort ${entry.id} have errors:\n${listProblems(errors)}`, ExitCode.invalid, 'Fix them first; `mentor validate` shows each with how to fix it.');
}

/** `strict` 'silent': the caller says the errors itself (cohortRecordErrors), so no warning here. */
function requireValid(loaded: Loaded, entry: CohortEntry, strict: boolean | 'silent'): CohortEntry & { cohort: Cohort } {
  const relevant = withMissingPeopleSaid(loaded.program, entry, cohortRecordErrors(loaded.program, entry));
  if (!entry.cohort || entry.partial || (strict === true && relevant.length > 0)) throw recordErrorsMessage(entry, relevant);
  if (relevant.length > 0 && strict === false) {
    // A member's person file with errors of its own is named, with what is used of it, and a member
    // with no person file, with what to do; the rest (the cohort's, the rules': a handle used twice) are counted.
    const missing = membersWithoutPersonFile(loaded.program, [entry]);
    const own = new Set([...[...entry.members.keys()].flatMap((id) => loaded.program.people.get(id)?.problems.filter(isError) ?? []), ...missing].map(problemLine));
    warnPeopleWithErrors([...peopleWithErrors(loaded.program, [...entry.members.keys()]), ...missing], loaded.warned);
    const rest = relevant.filter((problem) => !own.has(problemLine(problem)));
    if (rest.length > 0) printError(`mentor: warning: the records of cohort ${entry.id} have ${plural(rest.length, 'error')} (run \`mentor validate\`); showing what they give.`);
  }
  return entry as CohortEntry & { cohort: Cohort };
}

/** One problem on one line: where, what, and its rule. */
export const problemLine = (p: Problem): string => `${sanitizeInline(p.file)}:${p.line}:${p.column} ${sanitizeInline(p.message)} [${p.rule}]`;

/** The first error of a cohort that cannot be read, on one line. */
export function firstCohortError(entry: CohortEntry): string {
  const first = entry.problems.find(isError);
  return first ? problemLine(first) : `${entry.file} cannot be read`;
}

export function listProblems(problems: Problem[]): string {
  const shown = problems.slice(0, 10).map((p) => `  ${problemLine(p)}`);
  if (problems.length > 10) shown.push(`  … and ${problems.length - 10} more`);
  return shown.join('\n');
}

/** The person whose GitHub handle, name or email matches the git user (global config too), if exactly one does. */
export async function personOfGitUser(program: Program): Promise<string | undefined> {
  const people = [...program.people.values()].flatMap((entry) => (entry.person ? [entry.person] : []));
  return personForGitUser(people, await gitUserName(openGit(program.root)));
}

/** Takes the repo's write lock for the rest of the command (released when mentor exits). */
export function lockForWriting(root: string, command: string): void {
  const lock = acquireWriteLock(root, command);
  if (lock.tookOver) printError(`mentor: warning: ${lock.tookOver}`);
}
