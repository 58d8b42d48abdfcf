import { isError, type Problem } from '../model/problem.js';
import type { Program } from '../model/program.js';
import { printError } from '../io/output.js';
import { sanitizeInline } from '../render/terminal.js';

// A person file with errors is not dropped: every command uses the fields that are valid on their
// own (PersonEntry.usable), and says once which file has errors, so that an organiser fixes it.

/** Said of a person file with errors, after its first error. */
export const PERSON_PARTLY_READ = 'Only its fields that are valid on their own are used (the person is shown by their id when the name is not one of them).';

/** The person files with errors among `ids` (every person's when left out), each with its first error and what is used of it. */
export function peopleWithErrors(program: Program, ids?: Iterable<string>): Problem[] {
  const entries = ids === undefined ? [...program.people.values()] : [...new Set(ids)].flatMap((id) => program.people.get(id) ?? []);
  return entries.flatMap((entry) => {
    const first = entry.problems.find(isError);
    return first ? [{ ...first, message: `${first.message} ${PERSON_PARTLY_READ}` }] : [];
  });
}

/** Says each on stderr, once per command (`warned`: the files said already), with how to see the fixes. */
export function warnPeopleWithErrors(records: ReadonlyArray<Pick<Problem, 'file' | 'line' | 'column' | 'message'>>, warned: Set<string>): void {
  const fresh = records.filter((record) => !warned.has(record.file));
  for (const record of fresh) {
    warned.add(record.file);
    printError(`mentor: warning: ${sanitizeInline(record.file)}:${record.line}:${record.column} has errors: ${sanitizeInline(record.message)}`);
  }
  if (fresh.length > 0) printError('mentor: run `mentor validate` to see how to fix each.');
}
