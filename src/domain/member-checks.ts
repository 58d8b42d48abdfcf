import { dayNumber } from './time.js';

// Pure checks of a cohort's members and dates, for the cohort rules to report (issue 17). Each
// returns what is wrong with the indexes into `members`, so a rule can point at every entry.

/** A person listed more than once: every index, so a message can point at each entry. */
export function duplicateMembers(members: ReadonlyArray<{ person: string }>): Array<{ person: string; indexes: number[] }> {
  const indexes = new Map<string, number[]>();
  members.forEach((member, index) => indexes.set(member.person, [...(indexes.get(member.person) ?? []), index]));
  return [...indexes].filter(([, list]) => list.length > 1).map(([person, list]) => ({ person, indexes: list }));
}

/** Members named as their own mentor. */
export function selfMentoring(members: ReadonlyArray<{ person: string; mentor?: string | undefined }>): Array<{ person: string; index: number }> {
  return members.flatMap((member, index) => (member.mentor !== undefined && member.mentor === member.person ? [{ person: member.person, index }] : []));
}

/**
 * Whether a cohort's dates can be used to judge weeks: false when it ends before it starts. Rules
 * that place logs in the cohort's weeks should stay silent then: the one date error says it all.
 */
export function datesInOrder(cohort: { start: string; end?: string | undefined }): boolean {
  return cohort.end === undefined || dayNumber(cohort.end) >= dayNumber(cohort.start);
}
