import type { Member, Role } from '../model/schemas.js';
import { formatPath, type Problem } from '../model/problem.js';
import type { CohortEntry } from '../model/program.js';
import { scorePair } from './assign-score.js';
import { eligibleMentors, planAssignment } from './assign.js';
import type { AssignInput, AssignmentPlan } from './assign-types.js';

// The interactive review of `mentor assign`, as plain data: which members to hold back, and the
// choices of each question (who is placed where, with what score; which mentor, which is current).

export interface Choice {
  name: string;
  value: string;
}

/**
 * Waiting members whose entry has an unknown field (a typo such as `mentr: marta`): placing them
 * would write `mentor:` beside the typo, so they wait until it is fixed.
 */
export function heldByFieldTypos(problems: readonly Problem[], entry: Pick<CohortEntry, 'places'> & { cohort: { members: readonly Member[] } }): Map<string, string> {
  const held = new Map<string, string>();
  for (const problem of problems) {
    const field = /^unknown-field:(.+)$/.exec(problem.subject ?? '')?.[1];
    if (field === undefined) continue;
    // The member whose entry (a `members:` item, or a whole member file) holds the unknown field.
    const index = entry.places.findIndex((place) => place.file === problem.file && (place.path.length === 0 ? !/[.[]/.test(field) : field.startsWith(`${formatPath(place.path)}.`)));
    const member = entry.cohort.members[index];
    if (member === undefined || member.mentor !== undefined || held.has(member.person)) continue;
    const name = field.slice(field.lastIndexOf('.') + 1);
    const fix = /Did you mean "([^"]+)"/.exec(problem.fix ?? '')?.[1];
    held.set(member.person, `its entry has an unknown field "${name}"${fix ? ` (did you mean "${fix}"?)` : ''} at ${problem.file}:${problem.line}; fix it, then assign`);
  }
  return held;
}

/** Every waiting member, with where the plan puts them and the score, overrides marked. */
export function memberChoices(plan: AssignmentPlan, overrides: ReadonlyMap<string, string>): Choice[] {
  const placed = plan.assignments.map((a) => ({ name: `${a.person} -> ${a.mentor} (score ${a.score})${overrides.has(a.person) ? ', your choice' : ''}`, value: a.person }));
  const left = plan.unassigned.map((u) => ({ name: `${u.person} (not placed)`, value: u.person }));
  return [...placed, ...left];
}

/**
 * The mentors who could take a member, each with the pair's score and room; the current one marked.
 * A place the plan gave to someone else is offered too, after those with room, saying so: choosing
 * it moves them (or they wait). Only the organiser's own choices hold a place for good.
 */
export function mentorChoices(input: AssignInput, plan: AssignmentPlan, member: Member): Choice[] {
  const current = plan.assignments.find((a) => a.person === member.person)?.mentor;
  // Who else holds each mentor's places in the plan, and how many of them the organiser chose (a big cohort: once, not per mentor).
  const holdersOf = new Map<string, string[]>();
  const chosenAt = new Map<string, number>();
  for (const a of plan.assignments) {
    if (a.person === member.person) continue;
    holdersOf.set(a.mentor, [...(holdersOf.get(a.mentor) ?? []), a.person]);
    if (a.chosen) chosenAt.set(a.mentor, (chosenAt.get(a.mentor) ?? 0) + 1);
  }
  const heldBy = (id: string) => holdersOf.get(id)?.length ?? 0;
  // Mentors with room in the plan first; then those whose places the plan gave to others.
  return eligibleMentors(input, member.role as Role)
    .filter((mentor) => mentor.room - (chosenAt.get(mentor.id) ?? 0) > 0)
    .sort((a, b) => Number(a.room <= heldBy(a.id)) - Number(b.room <= heldBy(b.id)))
    .map((mentor) => {
      const score = scorePair(input.config.matching, member, input.people.get(member.person), mentor.id, input.people.get(mentor.id), input.cohort.start).total;
      const holders = holdersOf.get(mentor.id) ?? [];
      const left = mentor.room - holders.length;
      const room = left > 0 ? `room ${left}` : holders.length === 1 ? `its one place is ${holders[0]}'s in the plan: ${holders[0]} then moves or waits` : `its ${holders.length} places are taken in the plan (${holders.join(', ')}): one of them then moves or waits`;
      return { name: `${mentor.id}  score ${score}, ${room}${mentor.id === current ? ' (current)' : ''}`, value: mentor.id };
    });
}

/**
 * The choices after placing `person` with `mentor`; undefined when that changes nothing. A pick
 * the plan would make anyway (the current mentor, or the best one once an earlier choice for the
 * member is dropped) is no choice of the organiser's: the plan stays optimal.
 */
export function overridesAfter(input: AssignInput, first: AssignmentPlan, overrides: ReadonlyMap<string, string>, person: string, mentor: string): Map<string, string> | undefined {
  const without = new Map(overrides);
  without.delete(person);
  const planWithout = without.size === 0 ? first : planAssignment({ ...input, overrides: without });
  const next = planWithout.assignments.some((a) => a.person === person && a.mentor === mentor) ? without : new Map([...overrides, [person, mentor]]);
  const same = next.size === overrides.size && [...next].every(([key, value]) => overrides.get(key) === value);
  return same ? undefined : next;
}
