import { dayNumber } from './time.js';

// Pure checks of a cohort's members and dates, for the cohort rules to report (issue 17). Each
// returns what is wrong with the indexes into `members`, so a rule can point at every entry.

/** A person listed more than once: every index, so a message can point at each entry. */
export function duplicateMembers(members: ReadonlyArray<{ person: string }>): Array<{ person: string; indexes: number[] }> {
  const indexes = new Map<string, number[]>();
  members.forEach((member, index) => {
    const list = indexes.get(member.person);
    if (list) list.push(index);
    else indexes.set(member.person, [index]);
  });
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

/**
 * Cycles of mentors (a's mentor is b, b's mentor is a): each as the indexes of its members in
 * mentor order, starting from the one listed first, so the last one's `mentor:` closes it. A
 * member who is their own mentor is a cycle of one. Each cycle is found once, in list order.
 */
export function mentorCycles(members: ReadonlyArray<{ person: string; mentor?: string | undefined }>): number[][] {
  const indexOf = new Map<string, number>();
  members.forEach((member, index) => {
    if (!indexOf.has(member.person)) indexOf.set(member.person, index);
  });
  const state = new Map<number, 'on-path' | 'done'>();
  const cycles: number[][] = [];
  for (const start of indexOf.values()) {
    const path: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && !state.has(at)) {
      state.set(at, 'on-path');
      path.push(at);
      const mentor: string | undefined = members[at]!.mentor;
      at = mentor === undefined ? undefined : indexOf.get(mentor);
    }
    if (at !== undefined && state.get(at) === 'on-path') {
      const cycle = path.slice(path.indexOf(at));
      const first = cycle.indexOf(Math.min(...cycle));
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    for (const index of path) state.set(index, 'done');
  }
  return cycles;
}
