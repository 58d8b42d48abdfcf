import { isError, type Problem } from '../model/problem.js';
import type { CohortEntry, Program } from '../model/program.js';
import { membersDir, personFile } from '../domain/layout.js';
import { printError } from '../io/output.js';
import { sanitizeInline } from '../render/terminal.js';

// A person file with errors is not dropped: every command uses the fields that are valid on their
// own (PersonEntry.usable), and says once which file has errors, so that an organiser fixes it.

/** Said of a person file with errors, after its first error. */
export const PERSON_PARTLY_READ = 'Only its fields that are valid on their own are used (the person is shown by their id when the name is not one of them).';

/** Said instead of a person file none of whose fields can be read (over the size limit, not a mapping, YAML that does not parse). */
export const PERSON_UNREAD = 'None of its fields can be read, so the person is shown by their id.';

/** The person files with errors among `ids` (every person's when left out), each with its first error and what is used of it. */
export function peopleWithErrors(program: Program, ids?: Iterable<string>): Problem[] {
  const entries = ids === undefined ? [...program.people.values()] : [...new Set(ids)].flatMap((id) => program.people.get(id) ?? []);
  return entries.flatMap((entry) => {
    const first = entry.problems.find(isError);
    return first ? [{ ...first, message: `${first.message} ${entry.fields ? PERSON_PARTLY_READ : PERSON_UNREAD}` }] : [];
  });
}

/** Said of a member with no person file at all, after the error: what to do (until then the commands that go on show the id). */
export const missingPersonNext = (id: string) => `Create ${personFile(id)} with their id, name, GitHub handle and time zone.`;

/**
 * `problems` with each error of a member of `entry` that has no person file said with what to do
 * next: the same words from status, hours, tree, progress, site and the refusal of report.
 */
export function withMissingPeopleSaid(program: Program, entry: CohortEntry, problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => {
    const id = problem.rule === 'member-unknown-person' && problem.subject?.startsWith('missing-person:') ? problem.subject.slice('missing-person:'.length) : undefined;
    const inTree = problem.file === entry.file || problem.file.startsWith(`${membersDir(entry.id)}/`);
    return id !== undefined && inTree && entry.members.has(id) && !program.people.has(id) ? { ...problem, message: `${problem.message} ${missingPersonNext(id)}` } : problem;
  });
}

/** The members of `entries` with no person file, each at its entry in the tree, said as withMissingPeopleSaid says them. */
export function membersWithoutPersonFile(program: Program, entries: Iterable<CohortEntry>): Problem[] {
  return [...entries].flatMap((entry) => withMissingPeopleSaid(program, entry, program.problems).filter((problem, index) => problem !== program.problems[index]));
}

/** Says each on stderr, once per command (`warned`: the places said already), with how to see the fixes. */
export function warnPeopleWithErrors(records: ReadonlyArray<Pick<Problem, 'file' | 'line' | 'column' | 'message'>>, warned: Set<string>): void {
  // A person file is said once (its first error); a cohort file once per member it lacks a person for.
  const place = (record: Pick<Problem, 'file' | 'line' | 'column'>) => `${record.file}:${record.line}:${record.column}`;
  const fresh = records.filter((record) => !warned.has(place(record)));
  for (const record of fresh) {
    warned.add(place(record));
    printError(`mentor: warning: ${sanitizeInline(record.file)}:${record.line}:${record.column} has errors: ${sanitizeInline(record.message)}`);
  }
  if (fresh.length > 0) printError('mentor: run `mentor validate` to see how to fix each.');
}
