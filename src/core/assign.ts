import type { Cohort, Member, Role } from '../model/schemas.js';
import { directMenteeCounts, maxMenteesOf, plannedHours, roomFor, roundHours } from '../domain/commitments.js';
import { budgetLeft } from '../domain/cross-cohort.js';
import { whyNotPlaced } from './assign-reasons.js';
import type { AssignInput, AssignmentPlan, MentorStanding, Standing } from './assign-types.js';

export type * from './assign-types.js';
import { tierAbove } from '../domain/tiers.js';
import { FlowNetwork } from './min-cost-flow.js';
import { HOUR_MS } from '../domain/time.js';
import { roundScore, scoreMatrix, scorePair } from './assign-score.js';
import { isPaused } from '../domain/cohort-state.js';
import { runToEnd, type Pausable } from './pausable.js';
import { awayUntil, todayOf } from './assign-today.js';

export { roundScore, scorePair, type ScoreParts, type Weights } from './assign-score.js';

// `mentor assign`: places members who have no mentor, optimally. The objective (DESIGN.md) is
// lexicographic: (1) place as many as possible, (2) the largest total score, (3) the busiest
// mentor as little busy as possible, ties broken by id. It is solved exactly as a min-cost
// max-flow: source -> waiting member -> eligible mentor -> load slots -> sink, where a pair
// costs -score (scaled far above the slots) and the t-th mentee of a mentor costs t, so that
// among the best-scoring plans the loads are spread as evenly as possible.

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every member of the tier above a role and whether they can take one more: inactive people,
 * paused ones, full ones and ones out of budget cannot (DESIGN.md's hard rules: active, the tier
 * above, room). A mentor still waiting for a lead takes mentees as any other: the tiers are placed
 * each on its own.
 */
export function mentorStandings(input: AssignInput, role: Role): MentorStanding[] {
  const tier = tierAbove(role);
  if (tier === undefined) return [];
  const counts = directMenteeCounts(input.cohort.members);
  const today = todayOf(input);
  const seen = new Set<string>();
  const result: MentorStanding[] = [];
  for (const member of input.cohort.members) {
    if (member.role !== tier || seen.has(member.person)) continue;
    seen.add(member.person);
    const person = input.people.get(member.person);
    const load = counts.get(member.person) ?? 0;
    const budget = budgetLeft(person?.maxHoursPerWeek, input.elsewhere?.get(member.person));
    const room = roomFor(input.config, tier, load, input.cohort.cadence, budget);
    const maxMentees = maxMenteesOf(input.config, tier);
    const standing: Standing =
      person?.active === false ? 'inactive'
      : person !== undefined && isPaused(person, today) ? 'paused'
      : load >= maxMentees ? 'full'
      : room === 0 ? 'out-of-budget'
      : 'open';
    const elsewhere = input.elsewhere?.get(member.person);
    const planned = (mentees: number) => roundHours(plannedHours(input.config, tier, mentees, input.cohort.cadence).total + (elsewhere?.hours ?? 0));
    const hours = person?.maxHoursPerWeek === undefined ? undefined : { now: planned(load), oneMore: planned(load + 1), max: person.maxHoursPerWeek, ...(elsewhere ? { elsewhere } : {}) };
    result.push({ id: member.person, standing, room: standing === 'open' ? room : 0, load, capacity: load + room, maxMentees, ...(hours ? { hours } : {}) });
  }
  return result.sort((a, b) => byId(a.id, b.id));
}


/** Mentors of the tier above a role who may take mentees (active, not paused), with their room. */
export function eligibleMentors(input: AssignInput, role: Role): Array<{ id: string; room: number; load: number; capacity: number }> {
  return mentorStandings(input, role)
    .filter(mayTake)
    .map(({ id, room, load, capacity }) => ({ id, room, load, capacity }));
}

/** Members waiting for a mentor: mentors without a lead and mentees without a mentor. */
export function waitingMembers(cohort: Cohort): Member[] {
  const seen = new Set<string>();
  return cohort.members.filter((member) => {
    if (seen.has(member.person)) return false;
    seen.add(member.person);
    return member.role !== 'lead' && member.mentor === undefined;
  });
}

export function planAssignment(input: AssignInput): AssignmentPlan {
  return runToEnd(planning(input));
}

/** planAssignment as work that pauses now and then (core/pausable.ts): the same plan. */
export function* planning(input: AssignInput): Pausable<AssignmentPlan> {
  const waiting = waitingMembers(input.cohort);
  const plan: AssignmentPlan = { cohort: input.cohort.id, assignments: [], unassigned: [], totalScore: 0, waiting: waiting.length, askedFor: waiting.filter((member) => member.prefers !== undefined).length, loads: [], chosen: 0 };
  const all = (role: Role) => waiting.filter((member) => member.role === role).sort((a, b) => byId(a.person, b.person));
  // DESIGN: a person away (pausedUntil) is "not assigned": neither given mentees nor placed meanwhile.
  const placeable = (role: Role) => all(role).filter((member) => !input.held?.has(member.person) && awayUntil(input, member.person) === undefined);
  // The tiers share nothing: a lead's room is for mentors, a mentor's for mentees, whether or not
  // the mentor has a lead yet. Each is placed on its own, exactly.
  const upper = yield* placeTier(input, 'mentor', placeable('mentor'));
  const lower = yield* placeTier(input, 'mentee', placeable('mentee'));
  for (const [role, tier] of [['mentor', upper], ['mentee', lower]] as const) {
    const after = new Map(tier.mentors.map((mentor) => [mentor.id, mentor.load]));
    for (const member of all(role)) {
      const mentor = tier.placed.get(member.person);
      if (mentor === undefined) continue;
      const parts = scorePair(input.config.matching, member, input.people.get(member.person), mentor, input.people.get(mentor), input.cohort.start);
      after.set(mentor, (after.get(mentor) ?? 0) + 1);
      const requested = member.requestedAt === undefined ? undefined : Date.parse(member.requestedAt);
      plan.assignments.push({
        person: member.person,
        mentor,
        role,
        score: parts.total,
        parts,
        ...(input.overrides?.get(member.person) === mentor ? { chosen: true as const } : {}),
        ...(requested !== undefined ? { waitedHours: Math.round(((input.now - requested) / HOUR_MS) * 10) / 10 } : {}),
      });
    }
    const context = { input, role, standings: tier.standings, assignments: plan.assignments.filter((a) => a.role === role), members: all(role) };
    for (const member of all(role)) {
      if (tier.placed.has(member.person)) continue;
      plan.unassigned.push(whyNotPlaced(context, member));
      yield;
    }
    for (const mentor of tier.mentors) plan.loads.push({ mentor: mentor.id, role: tierAbove(role)!, before: mentor.load, after: after.get(mentor.id)!, capacity: mentor.capacity });
  }
  plan.chosen = plan.assignments.filter((a) => a.chosen).length;
  plan.totalScore = roundScore(plan.assignments.reduce((sum, assignment) => sum + assignment.score, 0));
  return plan;
}

interface TierPlacement {
  placed: Map<string, string>;
  standings: MentorStanding[];
  mentors: MentorStanding[];
}

/** Who of the tier above may be given someone: not inactive, not paused (full or out of budget: no room). */
const mayTake = (mentor: MentorStanding) => mentor.standing !== 'inactive' && mentor.standing !== 'paused';

/** One tier's optimum for these waiting members of `role`. */
function* placeTier(input: AssignInput, role: Role, members: Member[]): Pausable<TierPlacement> {
  const standings = mentorStandings(input, role);
  const mentors = standings.filter(mayTake);
  return { placed: yield* solveTier(input, members, mentors), standings, mentors };
}

/** The exact optimum for one tier; returns member -> mentor. */
function* solveTier(input: AssignInput, members: Member[], mentors: Array<{ id: string; room: number; load: number }>): Pausable<Map<string, string>> {
  const result = new Map<string, string>();
  const open = mentors.filter((mentor) => mentor.room > 0);
  if (members.length === 0 || open.length === 0) return result;

  const n = members.length;
  const m = open.length;
  const source = 0;
  const memberNode = (i: number) => 1 + i;
  const mentorNode = (j: number) => 1 + n + j;
  const sink = 1 + n + m;
  const scores = chosenFirst(input, members, open.map((mentor) => mentor.id), scoreMatrix(input, members, open.map((mentor) => mentor.id)));
  yield;

  const network = new FlowNetwork(sink + 1, n + m + n * m);
  for (let i = 0; i < n; i++) network.addArc(source, memberNode(i), 1, 0);
  const pairArcs = new Int32Array(n * m).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const score = scores[i * m + j]!;
      if (score >= 0) pairArcs[i * m + j] = network.addArc(memberNode(i), mentorNode(j), 1, -score);
    }
  }
  const sinkArcs = open.map((mentor, j) => network.addArc(mentorNode(j), sink, mentor.room, 0));

  // Potentials that make every reduced cost non-negative on this layered graph.
  const potential = new Float64Array(sink + 1);
  let sinkPotential = 0;
  for (let j = 0; j < m; j++) {
    let best = 0;
    for (let i = 0; i < n; i++) {
      const score = scores[i * m + j]!;
      if (score >= 0 && -score < best) best = -score;
    }
    potential[mentorNode(j)] = best;
    sinkPotential = Math.min(sinkPotential, best);
  }
  potential[sink] = sinkPotential;

  yield;
  yield* network.solving(source, sink, potential);
  yield* network.balancing(sink, sinkArcs, open.map((mentor) => mentor.load), potential);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const arc = pairArcs[i * m + j]!;
      if (arc >= 0 && network.flowOn(arc) > 0) result.set(members[i]!.person, open[j]!.id);
    }
  }
  return result;
}


/**
 * The organiser's choices (overrides) placed whenever they can be without placing fewer: each
 * chosen pair weighs more than every score of the tier together, so no better total outweighs it.
 * What is reported and explained is each pair's own score (scorePair).
 */
function chosenFirst(input: AssignInput, members: Member[], mentorIds: string[], scores: Int32Array): Int32Array | Float64Array {
  if (!input.overrides || !members.some((member) => input.overrides!.has(member.person))) return scores;
  const m = mentorIds.length;
  let all = 1;
  for (let i = 0; i < members.length; i++) all += Math.max(0, ...scores.subarray(i * m, (i + 1) * m));
  const weights = Float64Array.from(scores);
  members.forEach((member, i) => {
    const j = mentorIds.indexOf(input.overrides!.get(member.person) ?? '');
    if (j >= 0 && weights[i * m + j]! >= 0) weights[i * m + j] = weights[i * m + j]! + all;
  });
  return weights;
}

