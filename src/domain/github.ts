// Facts of GitHub that mentor's checks depend on.

/** GitHub's `author_association` of a login with a repository (on pull requests, reviews, issues, comments). */
export const AUTHOR_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN', 'NONE'] as const;
export type AuthorAssociation = (typeof AUTHOR_ASSOCIATIONS)[number];

/**
 * The associations that mean access to the repository: its owner, a member of the organisation
 * that owns it, or a collaborator. A login is a name anyone may take once its owner renames: a
 * maintainer listed by login but without access is someone else, or a typo.
 */
export const WITH_ACCESS: readonly AuthorAssociation[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];
