import type { Cohort, Config, Member, Person, Role } from '../model/schemas.js';
import { directMenteeCounts, roomFor, TIER_ABOVE } from './hours.js';
import { FlowNetwork } from './min-cost-flow.js';
import { HOUR_MS, middayOf, utcOffsetMinutes } from './time.js';

// `mentor assign`: places members who have no mentor, optimally. The objective (DESIGN.md) is
// lexicographic: (1) place as many as possible, (2) the largest total score, (3) the busiest
// mentor as little busy as possible, ties broken by id. It is solved exactly as a min-cost
// max-flow: source -> waiting member -> eligible mentor -> load slots -> sink, where a pair
// costs -score (scaled far above the slots) and the t-th mentee of a mentor costs t, so that
// among the best-scoring plans the loads are spread as evenly as possible.

export type Weights = Config['matching'];

export interface ScoreParts {
  preferred: number;
  skills: number;
  timezone: number;
  language: number;
  total: number;
  matchedSkills: string[];
}

export interface Assignment {
  person: string;
  mentor: string;
  role: Role;
  score: number;
  parts: ScoreParts;
  /** Hours the member waited, from requestedAt to now, if they asked at a known time. */
  waitedHours?: number;
}

export type UnplacedReason = 'no-eligible-mentor' | 'room-taken';

export interface Unplaced {
  person: string;
  role: Role;
  code: UnplacedReason;
  reason: string;
}

export interface MentorLoad {
  mentor: string;
  role: Role;
  before: number;
  after: number;
  /** The most direct mentees this mentor may have (maxMentees and the hour budget). */
  capacity: number;
}

export interface AssignmentPlan {
  cohort: string;
  assignments: Assignment[];
  unassigned: Unplaced[];
  totalScore: number;
  waiting: number;
  loads: MentorLoad[];
}

export interface AssignInput {
  config: Config;
  cohort: Cohort;
  people: ReadonlyMap<string, Person | undefined>;
  now: number;
  /** Fixed choices (from the interactive review): member -> mentor, kept when eligible. */
  overrides?: ReadonlyMap<string, string>;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const roundScore = (score: number) => Math.round(score * 1000) / 1000;

export function scorePair(weights: Weights, member: Member, memberPerson: Person | undefined, mentorId: string, mentorPerson: Person | undefined, cohortStart: string): ScoreParts {
  const preferred = member.prefers === mentorId ? weights.preferred : 0;
  const mentorSkills = new Set((mentorPerson?.skills ?? []).map((skill) => skill.toLowerCase()));
  const matchedSkills = [...new Set(member.wants.map((skill) => skill.toLowerCase()))].filter((skill) => mentorSkills.has(skill)).sort();
  const skills = weights.skill * matchedSkills.length;
  let timezone = 0;
  if (memberPerson?.timezone && mentorPerson?.timezone) {
    const at = middayOf(cohortStart);
    const difference = Math.abs(utcOffsetMinutes(memberPerson.timezone, at) - utcOffsetMinutes(mentorPerson.timezone, at));
    if (difference <= weights.timezoneWindowHours * 60) timezone = weights.timezone;
  }
  const mentorLanguages = new Set((mentorPerson?.languages ?? []).map((language) => language.toLowerCase()));
  const language = (memberPerson?.languages ?? []).some((l) => mentorLanguages.has(l.toLowerCase())) ? weights.language : 0;
  return { preferred, skills, timezone, language, total: roundScore(preferred + skills + timezone + language), matchedSkills };
}

/** Mentors of the tier above a role who are active and have room, with that room. */
export function eligibleMentors(input: AssignInput, role: Role): Array<{ id: string; room: number; load: number; capacity: number }> {
  const tier = TIER_ABOVE[role];
  if (tier === undefined) return [];
  const counts = directMenteeCounts(input.cohort.members);
  const seen = new Set<string>();
  const result: Array<{ id: string; room: number; load: number; capacity: number }> = [];
  for (const member of input.cohort.members) {
    if (member.role !== tier || seen.has(member.person)) continue;
    seen.add(member.person);
    const person = input.people.get(member.person);
    if (person?.active === false) continue;
    const load = counts.get(member.person) ?? 0;
    const room = roomFor(input.config, tier, load, input.cohort.cadence, person?.maxHoursPerWeek);
    result.push({ id: member.person, room, load, capacity: load + room });
  }
  return result.sort((a, b) => byId(a.id, b.id));
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
  const waiting = waitingMembers(input.cohort);
  const plan: AssignmentPlan = { cohort: input.cohort.id, assignments: [], unassigned: [], totalScore: 0, waiting: waiting.length, loads: [] };
  for (const role of ['mentor', 'mentee'] as const) {
    const members = waiting.filter((member) => member.role === role).sort((a, b) => byId(a.person, b.person));
    const mentors = eligibleMentors(input, role);
    const placed = solveTier(input, members, mentors);
    const after = new Map(mentors.map((mentor) => [mentor.id, mentor.load]));
    for (const member of members) {
      const mentor = placed.get(member.person);
      if (mentor === undefined) {
        const anyRoom = mentors.some((candidate) => candidate.room > 0);
        plan.unassigned.push({
          person: member.person,
          role,
          code: anyRoom ? 'room-taken' : 'no-eligible-mentor',
          reason: anyRoom
            ? `every ${TIER_ABOVE[role]} with room was taken by members placed with a better total`
            : `no ${TIER_ABOVE[role]} of this cohort is active with room`,
        });
        continue;
      }
      const parts = scorePair(input.config.matching, member, input.people.get(member.person), mentor, input.people.get(mentor), input.cohort.start);
      after.set(mentor, (after.get(mentor) ?? 0) + 1);
      const requested = member.requestedAt === undefined ? undefined : Date.parse(member.requestedAt);
      plan.assignments.push({
        person: member.person,
        mentor,
        role,
        score: parts.total,
        parts,
        ...(requested !== undefined ? { waitedHours: Math.round(((input.now - requested) / HOUR_MS) * 10) / 10 } : {}),
      });
    }
    for (const mentor of mentors) plan.loads.push({ mentor: mentor.id, role: TIER_ABOVE[role]!, before: mentor.load, after: after.get(mentor.id)!, capacity: mentor.capacity });
  }
  plan.totalScore = roundScore(plan.assignments.reduce((sum, assignment) => sum + assignment.score, 0));
  return plan;
}

/** The exact optimum for one tier; returns member -> mentor. */
function solveTier(input: AssignInput, members: Member[], mentors: Array<{ id: string; room: number; load: number }>): Map<string, string> {
  const result = new Map<string, string>();
  const open = mentors.filter((mentor) => mentor.room > 0);
  if (members.length === 0 || open.length === 0) return result;

  const n = members.length;
  const m = open.length;
  const source = 0;
  const memberNode = (i: number) => 1 + i;
  const mentorNode = (j: number) => 1 + n + j;
  const sink = 1 + n + m;

  // Scores as integers (to a thousandth), scaled above the largest possible sum of slot costs.
  const scores: number[][] = members.map((member) =>
    open.map((mentor) => {
      const override = input.overrides?.get(member.person);
      if (override !== undefined && override !== mentor.id) return -1; // only the chosen mentor
      const parts = scorePair(input.config.matching, member, input.people.get(member.person), mentor.id, input.people.get(mentor.id), input.cohort.start);
      return Math.round(parts.total * 1000);
    }),
  );
  let slotBudget = 1;
  for (const mentor of open) for (let t = mentor.load + 1; t <= mentor.load + mentor.room; t++) slotBudget += t;
  const maxScore = Math.max(1, ...scores.flat());
  // Keep every cost an exact integer in float64; past that, balance is dropped (never the score).
  const balance = (maxScore + 1) * slotBudget * (n + 1) < Number.MAX_SAFE_INTEGER;
  const scale = balance ? slotBudget : 1;

  let arcs = n + m * 2;
  for (const mentor of open) arcs += mentor.room;
  arcs += n * m;
  const network = new FlowNetwork(sink + 1, arcs);
  const pairArcs: Int32Array = new Int32Array(n * m).fill(-1);
  // Arcs are added in reverse id order so that adjacency lists (LIFO) are explored by id.
  for (let j = m - 1; j >= 0; j--) {
    const mentor = open[j]!;
    for (let t = mentor.load + mentor.room; t > mentor.load; t--) network.addArc(mentorNode(j), sink, 1, balance ? t : 0);
  }
  for (let i = n - 1; i >= 0; i--) {
    network.addArc(source, memberNode(i), 1, 0);
    for (let j = m - 1; j >= 0; j--) {
      if (scores[i]![j]! < 0) continue;
      pairArcs[i * m + j] = network.addArc(memberNode(i), mentorNode(j), 1, -scores[i]![j]! * scale);
    }
  }

  // Potentials that make every reduced cost non-negative on this layered graph.
  const potential = new Float64Array(sink + 1);
  let sinkPotential = Infinity;
  for (let j = 0; j < m; j++) {
    let best = 0;
    for (let i = 0; i < n; i++) if (scores[i]![j]! >= 0) best = Math.min(best, -scores[i]![j]! * scale);
    potential[mentorNode(j)] = best;
    sinkPotential = Math.min(sinkPotential, best + (balance ? open[j]!.load + 1 : 0));
  }
  potential[sink] = Math.min(sinkPotential, 0);

  network.solve(source, sink, potential);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const arc = pairArcs[i * m + j]!;
      if (arc >= 0 && network.flowOn(arc) > 0) result.set(members[i]!.person, open[j]!.id);
    }
  }
  return result;
}
