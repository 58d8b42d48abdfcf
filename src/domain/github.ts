// Facts of GitHub that mentor's checks depend on.

/** GitHub's `author_association` of a login with a repository (on pull requests, reviews, issues, comments). */
export const AUTHOR_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN', 'NONE'] as const;
export type AuthorAssociation = (typeof AUTHOR_ASSOCIATIONS)[number];

/** What an author_association looks like: GitHub's are upper-case words joined by '_' (and GitHub adds new ones). */
export const ASSOCIATION_SHAPE = /^[A-Z][A-Z_]{0,39}$/;

/**
 * The author_association a check judges by: one this mentor does not know (GitHub added it since
 * this runner was built) counts as the least access, NONE, and is returned as `unknown` to be said.
 */
export function judgedAssociation(value: string): { association: AuthorAssociation; unknown?: string } {
  return (AUTHOR_ASSOCIATIONS as readonly string[]).includes(value) ? { association: value as AuthorAssociation } : { association: 'NONE', unknown: value };
}

/**
 * The associations that mean access to the repository: its owner, a member of the organisation
 * that owns it, or a collaborator. A login is a name anyone may take once its owner renames: a
 * maintainer listed by login but without access is someone else, or a typo.
 */
export const WITH_ACCESS: readonly AuthorAssociation[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

/**
 * The branch the claim workflow pushes for `/claim <member>` by a login: claim/<cohort>/<member>@<login>
 * (lowercased; '@' is in no id and no login). Groups: cohort, member, login.
 */
export const CLAIM_BRANCH = /claim\/([a-z0-9][a-z0-9-]{0,62})\/([a-z0-9][a-z0-9-]{0,62})@([A-Za-z0-9-]{1,39})/;
