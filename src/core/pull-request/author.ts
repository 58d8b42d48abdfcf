import { peopleWithHandle, type Program } from '../../model/program.js';
import { GITHUB_PATTERN } from '../../model/schemas.js';
import { WITH_ACCESS, type AuthorAssociation } from '../../domain/github.js';

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
