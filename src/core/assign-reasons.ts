import type { Member, Role } from '../model/schemas.js';
import { tierAbove } from '../domain/tiers.js';
import { scorePair } from './assign-score.js';
import type { AssignInput, Assignment, MentorStanding, Unplaced } from './assign-types.js';
import { countText } from '../domain/text.js';
import { personFile } from '../domain/layout.js';
import { awayUntil } from './assign-today.js';

// Why a waiting member was not placed, said truthfully and by name: who of the tier above could
// not take anyone and why, or who took the room (and whether it was a tie settled by id).

export interface ReasonContext {
  input: AssignInput;
  role: Role;
  standings: MentorStanding[];
  /** This tier's placements. */
  assignments: Assignment[];
  members: Member[];
}

const list = (ids: string[]) => (ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`);
/** Mentors named in a reason: all of a few; of hundreds, the first few and how many more (each unplaced member has a reason). */
const NAMED = 5;
const someOf = (ids: string[]) => (ids.length <= NAMED ? list(ids) : `${ids.slice(0, NAMED).join(', ')} and ${countText(ids.length - NAMED)} more`);
const are = (items: readonly unknown[]) => (items.length === 1 ? 'is' : 'are');

export function whyNotPlaced(context: ReasonContext, member: Member): Unplaced {
  const { input, role, standings } = context;
  const tier = tierAbove(role)!;
  const unplaced = (code: Unplaced['code'], reason: string): Unplaced => ({ person: member.person, role, code, reason });
  const held = input.held?.get(member.person);
  if (held !== undefined) return unplaced('held', held);
  const back = awayUntil(input, member.person);
  if (back !== undefined) return unplaced('away', `away until ${back} (pausedUntil in ${personFile(member.person)}): placed once back, by the first assign from that day`);
  if (standings.length === 0) return unplaced('no-mentor-in-cohort', `no ${tier} is a member of ${input.cohort.id}`);

  const open = standings.filter((mentor) => mentor.standing === 'open');
  if (open.length === 0) return unplaced('no-eligible-mentor', `no ${tier} can take one more: ${blockers(standings, tier)}`);

  // Every open place went to someone else. A swap of equal score is a tie lost on id.
  const memberPerson = input.people.get(member.person);
  const scoreWith = (who: Member, mentor: string) => scorePair(input.config.matching, who, input.people.get(who.person), mentor, input.people.get(mentor), input.cohort.start).total;
  const openIds = new Set(open.map((mentor) => mentor.id));
  const closed = standings.filter((mentor) => mentor.standing !== 'open');
  const others = closed.length > 0 ? `; ${blockers(closed, tier)}` : '';
  const override = input.overrides?.get(member.person);
  const places = open.reduce((sum, mentor) => sum + mentor.room, 0);
  const taken = `the ${places === 1 ? 'one place' : `${places} places`} with ${someOf(open.map((m) => m.id))}`;
  // The first placement (in plan order) this member ties with: their score with each mentor is
  // worked out once, not once per placement (thousands unplaced against thousands placed).
  const ties = tiesByMentor(context, scoreWith, openIds);
  let first: { index: number; mine: number } | undefined;
  for (const [mentor, byScore] of ties) {
    if (override !== undefined && override !== mentor) continue;
    const mine = scorePair(input.config.matching, member, memberPerson, mentor, input.people.get(mentor), input.cohort.start).total;
    const index = byScore.get(mine);
    if (index !== undefined && (first === undefined || index < first.index)) first = { index, mine };
  }
  if (first !== undefined) {
    const assignment = context.assignments[first.index]!;
    return unplaced('lost-tie', `lost a tie on id to ${assignment.person} for ${assignment.mentor}'s last place (both score ${first.mine} there; ties go by id)${others}`);
  }
  // The organiser's choices hold their places whatever the scores (core/assign.ts chosenFirst).
  const chosen = context.assignments.filter((a) => a.chosen && openIds.has(a.mentor)).map((a) => a.person);
  if (chosen.length > 0) {
    const rest = context.assignments.some((a) => !a.chosen && openIds.has(a.mentor)) ? ', and to members who score higher there' : '';
    return unplaced('room-taken', `${taken} went to your ${chosen.length === 1 ? 'choice' : 'choices'}, ${someOf(chosen)}${rest}${others}`);
  }
  return unplaced(
    'room-taken',
    `${taken} went to members who score higher there (placing ${member.person} instead of any of them lowers the total)${others}`,
  );
}

/**
 * For each open mentor, each score a placement with them has, and the first placement (its index
 * in the plan) with that score; members placed by hand (overrides) are no tie to lose. The same for
 * every unplaced member of a tier, so it is worked out once for the context.
 */
const tieTables = new WeakMap<ReasonContext, Map<string, Map<number, number>>>();
function tiesByMentor(context: ReasonContext, scoreWith: (who: Member, mentor: string) => number, openIds: ReadonlySet<string>): Map<string, Map<number, number>> {
  const known = tieTables.get(context);
  if (known) return known;
  const byPerson = new Map(context.members.map((m) => [m.person, m]));
  const ties = new Map<string, Map<number, number>>();
  context.assignments.forEach((assignment, index) => {
    if (!openIds.has(assignment.mentor) || context.input.overrides?.has(assignment.person)) return;
    const score = scoreWith(byPerson.get(assignment.person)!, assignment.mentor);
    const byScore = ties.get(assignment.mentor) ?? new Map<number, number>();
    ties.set(assignment.mentor, byScore);
    if (!byScore.has(score)) byScore.set(score, index);
  });
  tieTables.set(context, ties);
  return ties;
}

/** "ada and grace are full (4 of 4), linus is out of budget (7 h left), ivy is inactive (active: false)". */
function blockers(standings: MentorStanding[], tier: Role): string {
  const by = (standing: MentorStanding['standing']) => standings.filter((mentor) => mentor.standing === standing);
  const parts: string[] = [];
  const full = by('full');
  if (full.length > 0) parts.push(`${list(full.map((m) => `${m.id} (${m.load} of ${m.maxMentees})`))} ${are(full)} full`);
  const budget = by('out-of-budget');
  if (budget.length > 0) parts.push(`${list(budget.map(budgetText))} ${are(budget)} out of budget`);
  const inactive = by('inactive');
  if (inactive.length > 0) parts.push(`${list(inactive.map((m) => m.id))} ${are(inactive)} inactive (active: false)`);
  const paused = by('paused');
  if (paused.length > 0) parts.push(`${list(paused.map((m) => m.id))} ${are(paused)} paused (pausedUntil)`);
  return parts.length > 0 ? parts.join('; ') : `no ${tier} has room`;
}

/** "grace (7 h planned, 8 h with one more, past maxHoursPerWeek 7, counting 3 h in 2026-spring)". */
function budgetText(mentor: MentorStanding): string {
  const hours = mentor.hours!;
  const elsewhere = hours.elsewhere ? `, counting ${hours.elsewhere.hours} h in ${list(hours.elsewhere.cohorts)}` : '';
  return `${mentor.id} (${hours.now} h planned, ${hours.oneMore} h with one more, past maxHoursPerWeek ${hours.max}${elsewhere})`;
}
