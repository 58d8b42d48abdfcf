import { freeId, ID_PATTERN, isWindowsDeviceName, personFile, suggestId } from '../domain/layout.js';
import { quoted } from '../domain/text.js';

// The id a request is for: one nobody has (a person file, or a name the records hold without
// one), made for a requester who left it to mentor, or the id of the person a handle already
// registers. Said at the terminal's questions and by the check alike.

/** The ids the records hold: the person files', and a lookup of where the records name one without a file. */
export interface IdRecords {
  takenIds: ReadonlySet<string>;
  namedBy?: (id: string) => string | undefined;
}

/** The person a GitHub handle registers already (a person file's `github`, in any case), if any. */
export function registeredAs(github: string, people: ReadonlyMap<string, { github?: string | undefined } | undefined>): string | undefined {
  const lower = github.toLowerCase();
  return [...people].find(([, person]) => person?.github?.toLowerCase() === lower)?.[0];
}

/** Why an id cannot be had, when a person file has it already: said at the question and by the check. */
export function takenIdProblem(id: string, takenIds: ReadonlySet<string>): string | undefined {
  return takenIds.has(id) ? `The id ${quoted(id)} is taken (${personFile(id)} exists): choose another, such as ${freeId(id, takenIds)}.` : undefined;
}

/**
 * Why an id cannot be had that the records name without a person file (a member, a logs folder, a
 * mentor a member has, asked for or had): someone else's, whom the gate would not let a newcomer
 * become. Said at the question and by the check, with an id nobody has.
 */
export function namedIdProblem(id: string, records: IdRecords): string | undefined {
  const where = records.namedBy?.(id);
  return where === undefined ? undefined : `The id ${quoted(id)} is someone else's: ${id} is the person ${where}. Choose another, such as ${freeId(id, idsTaken(records))}; if that person is you, ask a maintainer to add your person file.`;
}

/** Ids a requester cannot have: a person file's, or one the records name (as a set to number an id against). */
export const idsTaken = (records: IdRecords) => ({ has: (id: string) => records.takenIds.has(id) || records.namedBy?.(id) !== undefined });

/** An id for a request whose form left it empty or wrote one mentor cannot use: the first of `texts` (what was typed, the name) written as one, else the handle in lower case, that nobody has; else the first of them numbered. */
export function idForRequest(texts: ReadonlyArray<string | undefined>, github: string | undefined, taken: { has(id: string): boolean }): string | undefined {
  // Not a device name of Windows (people/con.yaml cannot be checked out there): no one chose it.
  const candidates = [...texts.map((text) => suggestId(text ?? '', '')), (github ?? '').trim().replace(/^@/, '').toLowerCase()].filter((id) => ID_PATTERN.test(id) && !isWindowsDeviceName(id));
  // Each taken (Ada, whose handle is ada): the first with a number, rather than no id for a field the form says is optional.
  return candidates.find((id) => !taken.has(id)) ?? (candidates[0] === undefined ? undefined : freeId(candidates[0], taken));
}

/** A returning person's request into a cohort they are a member of already: said by the check and at the handle's question. */
export const alreadyInCohortProblem = (github: string, id: string, cohort: string) =>
  `The GitHub handle ${github} is ${id}'s (${personFile(id)}), who is a member of cohort ${cohort} already: nothing to ask for there.`;
