import { peopleWithHandle, type Program } from '../../model/program.js';
import { GITHUB_PATTERN } from '../../model/schemas.js';

// Who opened a pull request, as the base branch knows them: never as the pull request itself
// says, so a pull request that adds its author to the maintainers does not approve itself.

export type AuthorKind = 'maintainer' | 'person' | 'newcomer' | 'bot';

export interface Author {
  handle: string;
  kind: AuthorKind;
  /** The person id whose `github` is this handle at the base. */
  person?: string;
}

export const BOT_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\[bot\]$/;

export const isHandle = (text: string) => GITHUB_PATTERN.test(text) || BOT_HANDLE.test(text);

export function whoIs(base: Program, handle: string): Author {
  const key = handle.toLowerCase();
  if (base.config.maintainers.some((maintainer) => maintainer.toLowerCase() === key)) return { handle, kind: 'maintainer', ...personWith(base, handle) };
  if (BOT_HANDLE.test(handle)) return { handle, kind: 'bot' };
  const person = personWith(base, handle);
  return person.person !== undefined ? { handle, kind: 'person', ...person } : { handle, kind: 'newcomer' };
}

function personWith(base: Program, handle: string): { person?: string } {
  const [entry] = peopleWithHandle(base, handle);
  return entry ? { person: entry.id } : {};
}

/** The maintainers (at the base) among those who approved the head commit. */
export function maintainerApprovals(base: Program, approvedBy: readonly string[]): string[] {
  const maintainers = new Set(base.config.maintainers.map((m) => m.toLowerCase()));
  return [...new Set(approvedBy.filter((login) => maintainers.has(login.toLowerCase())))].sort();
}
