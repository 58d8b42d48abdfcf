import type { Cohort, Config, Member, Person, Role } from '../model/schemas.js';
import { directMenteeCounts, roomFor } from '../domain/commitments.js';
import { tierAbove } from '../domain/tiers.js';
import { FlowNetwork } from './min-cost-flow.js';
import { HOUR_MS, middayOf, utcOffsetMinutes } from '../domain/time.js';

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
  /** Waiting members who asked for a mentor by name. */
  askedFor: number;
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

/** What scoring needs of a person, computed once: lower-cased skills and languages, UTC offset. */
interface Profile {
  skills: Set<string>;
  languages: Set<string>;
  offset?: number;
}

const profiles = new WeakMap<Person, Map<string, Profile>>();

function profileOf(person: Person | undefined, cohortStart: string): Profile | undefined {
  if (!person) return undefined;
  let byStart = profiles.get(person);
  if (!byStart) profiles.set(person, (byStart = new Map()));
  let profile = byStart.get(cohortStart);
  if (!profile) {
    profile = {
      skills: new Set(person.skills.map((skill) => skill.toLowerCase())),
      languages: new Set(person.languages.map((language) => language.toLowerCase())),
      ...(person.timezone ? { offset: offsetAt(person.timezone, cohortStart) } : {}),
    };
    byStart.set(cohortStart, profile);
  }
  return profile;
}

const offsets = new Map<string, number>();
function offsetAt(zone: string, date: string): number {
  const key = `${zone}@${date}`;
  let offset = offsets.get(key);
  if (offset === undefined) offsets.set(key, (offset = utcOffsetMinutes(zone, middayOf(date))));
  return offset;
}

/** The score of a pair by DESIGN.md: preferred + skill per wanted skill + timezone + language. */
export function scorePair(weights: Weights, member: Member, memberPerson: Person | undefined, mentorId: string, mentorPerson: Person | undefined, cohortStart: string): ScoreParts {
  const mentee = profileOf(memberPerson, cohortStart);
  const mentor = profileOf(mentorPerson, cohortStart);
  const preferred = member.prefers === mentorId ? weights.preferred : 0;
  const matchedSkills = [...new Set(member.wants.map((skill) => skill.toLowerCase()))].filter((skill) => mentor?.skills.has(skill)).sort();
  const skills = weights.skill * matchedSkills.length;
  let timezone = 0;
  if (mentee?.offset !== undefined && mentor?.offset !== undefined && Math.abs(mentee.offset - mentor.offset) <= weights.timezoneWindowHours * 60) {
    timezone = weights.timezone;
  }
  let language = 0;
  for (const spoken of mentee?.languages ?? []) {
    if (mentor?.languages.has(spoken)) {
      language = weights.language;
      break;
    }
  }
  return { preferred, skills, timezone, language, total: roundScore(preferred + skills + timezone + language), matchedSkills };
}

/** Mentors of the tier above a role who are active and have room, with that room. */
export function eligibleMentors(input: AssignInput, role: Role): Array<{ id: string; room: number; load: number; capacity: number }> {
  const tier = tierAbove(role);
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
  const plan: AssignmentPlan = { cohort: input.cohort.id, assignments: [], unassigned: [], totalScore: 0, waiting: waiting.length, askedFor: waiting.filter((member) => member.prefers !== undefined).length, loads: [] };
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
            ? `every ${tierAbove(role)} with room was taken by members placed with a better total`
            : `no ${tierAbove(role)} of this cohort is active with room`,
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
    for (const mentor of mentors) plan.loads.push({ mentor: mentor.id, role: tierAbove(role)!, before: mentor.load, after: after.get(mentor.id)!, capacity: mentor.capacity });
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
  const scores = scoreMatrix(input, members, open.map((mentor) => mentor.id));

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

  network.solve(source, sink, potential);
  network.balance(sink, sinkArcs, open.map((mentor) => mentor.load), potential);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const arc = pairArcs[i * m + j]!;
      if (arc >= 0 && network.flowOn(arc) > 0) result.set(members[i]!.person, open[j]!.id);
    }
  }
  return result;
}

/**
 * Every pair's score in thousandths (integers, so the solver's sums are exact); -1 where a pair
 * is ruled out by an override. Skills and languages become bit sets when there are few of them.
 */
function scoreMatrix(input: AssignInput, members: Member[], mentorIds: string[]): Int32Array {
  const weights = input.config.matching;
  const start = input.cohort.start;
  const n = members.length;
  const m = mentorIds.length;
  const scores = new Int32Array(n * m);
  // Skills and languages as bit sets (numbers while there are at most 31 of each kind).
  const skillBits = new Map<string, number>();
  const languageBits = new Map<string, number>();
  const indexOf = (name: string, table: Map<string, number>) => {
    let bit = table.get(name);
    if (bit === undefined) table.set(name, (bit = table.size));
    return bit;
  };
  const mentorProfiles = mentorIds.map((id) => profileOf(input.people.get(id), start));
  for (const profile of mentorProfiles) for (const skill of profile?.skills ?? []) indexOf(skill, skillBits);
  const memberProfiles = members.map((member) => profileOf(input.people.get(member.person), start));
  for (const profile of [...mentorProfiles, ...memberProfiles]) for (const language of profile?.languages ?? []) indexOf(language, languageBits);
  const small = skillBits.size <= 31 && languageBits.size <= 31;
  const mask = (names: Iterable<string>, table: Map<string, number>) => {
    let bits = 0;
    for (const name of names) {
      const bit = table.get(name);
      if (bit !== undefined) bits |= 1 << bit;
    }
    return bits;
  };
  const mentorSkills = mentorProfiles.map((profile) => mask(profile?.skills ?? [], skillBits));
  const mentorLanguages = mentorProfiles.map((profile) => mask(profile?.languages ?? [], languageBits));
  const window = weights.timezoneWindowHours * 60;
  for (let i = 0; i < n; i++) {
    const member = members[i]!;
    const profile = memberProfiles[i];
    const wants = [...new Set(member.wants.map((skill) => skill.toLowerCase()))];
    const wantBits = mask(wants, skillBits);
    const languages = mask(profile?.languages ?? [], languageBits);
    const override = input.overrides?.get(member.person);
    for (let j = 0; j < m; j++) {
      if (override !== undefined && override !== mentorIds[j]) {
        scores[i * m + j] = -1;
        continue;
      }
      let total: number;
      if (small) {
        const mentor = mentorProfiles[j];
        total =
          (member.prefers === mentorIds[j] ? weights.preferred : 0) +
          weights.skill * popcount(wantBits & mentorSkills[j]!) +
          (profile?.offset !== undefined && mentor?.offset !== undefined && Math.abs(profile.offset - mentor.offset) <= window ? weights.timezone : 0) +
          ((languages & mentorLanguages[j]!) !== 0 ? weights.language : 0);
      } else {
        total = scorePair(weights, member, input.people.get(member.person), mentorIds[j]!, input.people.get(mentorIds[j]!), start).total;
      }
      scores[i * m + j] = Math.round(roundScore(total) * 1000);
    }
  }
  return scores;
}

function popcount(bits: number): number {
  let count = 0;
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}
