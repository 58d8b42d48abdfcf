// The three tiers of a program, top to bottom. Every ordering and "tier above" in mentor comes
// from this one list.

export const ROLES = ['lead', 'mentor', 'mentee'] as const;
export type Role = (typeof ROLES)[number];

/** 0 for a lead, 1 for a mentor, 2 for a mentee: sorts members top tier first. */
export const tierRank = (role: Role): number => ROLES.indexOf(role);

/** The tier a member's mentor must be in (none for a lead). */
export const tierAbove = (role: Role): Role | undefined => ROLES[tierRank(role) - 1];

/** By tier, then by id: the order every listing of members uses. */
export const byTierThenId = (a: { id: string; role: Role }, b: { id: string; role: Role }): number =>
  tierRank(a.role) - tierRank(b.role) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
