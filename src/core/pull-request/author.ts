import { peopleWithHandle, type Program } from '../../model/program.js';
import { GITHUB_PATTERN } from '../../model/schemas.js';
import { WITH_ACCESS, type AuthorAssociation } from '../../domain/github.js';
import { personFile } from '../../domain/layout.js';

// Who opened a pull request, as the base branch knows them: never as the pull request itself
// says, so a pull request that adds its author to the maintainers does not approve itself.

export type AuthorKind = 'maintainer' | 'person' | 'newcomer' | 'bot';

export interface Author {
  handle: string;
  kind: AuthorKind;
  /** The person id whose `github` is this handle at the base. */
  person?: string;
  /** Listed in `maintainers`, but GitHub says the login has no access to the repository. */
  listedWithoutAccess?: true;
  /** GitHub's author_association, one this mentor does not know: judged as NONE (no access). */
  unknownAssociation?: string;
}

export const BOT_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\[bot\]$/;

export const isHandle = (text: string) => GITHUB_PATTERN.test(text) || BOT_HANDLE.test(text);

/** Who the author is at the base; `association` is GitHub's, when the caller knows it. */
export function whoIs(base: Program, handle: string, association?: AuthorAssociation): Author {
  const key = handle.toLowerCase();
  const listed = base.config.maintainers.some((maintainer) => maintainer.toLowerCase() === key);
  if (listed && (association === undefined || WITH_ACCESS.includes(association))) return { handle, kind: 'maintainer', ...personWith(base, handle) };
  const without = listed ? { listedWithoutAccess: true as const } : {};
  if (BOT_HANDLE.test(handle)) return { handle, kind: 'bot', ...without };
  const person = personWith(base, handle);
  return person.person !== undefined ? { handle, kind: 'person', ...person, ...without } : { handle, kind: 'newcomer', ...without };
}

function personWith(base: Program, handle: string): { person?: string } {
  // A valid file owns a handle before one with errors that writes it too (validate says that one is wrong).
  const entries = peopleWithHandle(base, handle);
  const entry = entries.find((candidate) => candidate.person !== undefined) ?? entries[0];
  return entry ? { person: entry.id } : {};
}

/** The maintainers (at the base) among those who approved the head commit. */
export function maintainerApprovals(base: Program, approvedBy: readonly string[]): string[] {
  const maintainers = new Set(base.config.maintainers.map((m) => m.toLowerCase()));
  return [...new Set(approvedBy.filter((login) => maintainers.has(login.toLowerCase())))].sort();
}

/**
 * To a newcomer changing a person's records: why the gate does not take them for that person, when
 * that person file names no handle or another (a slip of whoever wrote it, a maintainer's to fix).
 */
export function notTakenForOwner(base: Program, who: Author, person: string): string {
  const entry = who.kind === 'newcomer' ? base.people.get(person) : undefined;
  if (!entry) return '';
  // A handle only as a handle can be written: other text in a file with errors is not repeated.
  const written = [entry.person?.github ?? entry.handleKey()].find((handle) => handle !== undefined && GITHUB_PATTERN.test(handle));
  return written === undefined
    ? ` (if you are ${person}: ${personFile(person)} names no GitHub handle, so the gate cannot tell it is you; a maintainer adds \`github: ${who.handle}\` there, or approves this)`
    : ` (if you are ${person}: ${personFile(person)} gives the GitHub handle ${written}, not ${who.handle}; a maintainer corrects it there, or approves this)`;
}
