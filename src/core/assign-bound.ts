import type { Member } from '../model/schemas.js';
import { scoreMatrix, type ScoreInput } from './assign-score.js';

// An upper bound on what any choice that starts with some waiting mentors can give, so that the
// search of assign-tiers.ts can skip every choice that cannot beat the best one found, and still
// return the optimum (a bound never under-promises). Capacities and the one-mentor-per-member
// rule are relaxed: a mentee scores its best pair among the mentors that have or may get a lead,
// and the mentors still to be picked add at most their own gains and lead scores each.

/** Who the bound is about: the waiting mentors (candidates), the mentees, and who can take whom. */
export interface BoundInput {
  input: ScoreInput;
  /** Waiting mentors, by id: the candidates for the leads' places. */
  candidates: readonly Member[];
  /** Room each candidate would have for mentees once placed. */
  room: (id: string) => number;
  /** Leads that can take one more mentor. */
  leads: readonly string[];
  mentees: readonly Member[];
  /** Mentors who already have a lead and room for mentees, with their room. */
  placed: ReadonlyArray<{ id: string; room: number }>;
}

export interface Bound {
  count: number;
  /** Thousandths, as the search's outcomes. */
  score: number;
}

/** The bound of every choice that picks `picks` more of `rest` besides `chosen`, and what working it out costs. */
export interface ChoiceBound {
  of: (chosen: readonly string[], rest: readonly string[], picks: number) => Bound;
  cost: number;
}

export function choiceBound({ input, candidates, room, leads, mentees, placed }: BoundInput): ChoiceBound {
  const index = new Map(candidates.map((member, i) => [member.person, i]));
  const w = mentees.length;
  const leadScores = scoreMatrix(input, [...candidates], [...leads]);
  const bestLead = candidates.map((_, i) => Math.max(0, ...Array.from({ length: leads.length }, (_, j) => leadScores[i * leads.length + j]!)));
  const ids = [...placed.map((mentor) => mentor.id), ...candidates.map((member) => member.person)];
  const scores = scoreMatrix(input, [...mentees], ids);
  const p = placed.length;
  const base = Array.from({ length: w }, (_, e) => Math.max(0, ...Array.from({ length: p }, (_, j) => scores[e * ids.length + j]!)));
  const baseTotal = base.reduce((sum, value) => sum + value, 0);
  // Each candidate's lifts: the mentees it would score better than any mentor who has a lead, and
  // by how much (most candidates lift few mentees in a program with many mentors).
  const lifts = candidates.map((_, i) => {
    const lift: Array<[number, number]> = [];
    for (let e = 0; e < w; e++) if (scores[e * ids.length + p + i]! > base[e]!) lift.push([e, scores[e * ids.length + p + i]!]);
    return lift;
  });
  const placedRoom = placed.reduce((sum, mentor) => sum + mentor.room, 0);
  const top = (values: number[], n: number) => values.sort((a, b) => b - a).slice(0, n).reduce((sum, value) => sum + value, 0);
  const of = (chosen: readonly string[], rest: readonly string[], picks: number): Bound => {
    const raised = new Map<number, number>();
    let roomGiven = placedRoom;
    let score = baseTotal;
    for (const id of chosen) {
      const i = index.get(id)!;
      roomGiven += room(id);
      score += bestLead[i]!;
      for (const [e, value] of lifts[i]!) if (value > (raised.get(e) ?? base[e]!)) raised.set(e, value);
    }
    for (const [e, value] of raised) score += value - base[e]!;
    const gains = rest.map((id) => lifts[index.get(id)!]!.reduce((gain, [e, value]) => gain + Math.max(0, value - (raised.get(e) ?? base[e]!)), 0));
    score += top(gains, picks) + top(rest.map((id) => bestLead[index.get(id)!]!), picks);
    const count = chosen.length + picks + Math.min(w, roomGiven + top(rest.map(room), picks));
    return { count, score };
  };
  return { of, cost: candidates.length + lifts.reduce((sum, lift) => sum + lift.length, 0) };
}

/**
 * The least the busiest mentor or lead can be after any choice of `picks` mentors for the leads:
 * nobody's load goes down, and the picks raise the leads with room at least to their average.
 */
export function leastBusiest(leads: ReadonlyArray<{ load: number; room: number }>, loads: readonly number[], picks: number): number {
  const open = leads.filter((lead) => lead.room > 0);
  const average = open.length === 0 ? 0 : Math.ceil((open.reduce((sum, lead) => sum + lead.load, 0) + picks) / open.length);
  return Math.max(0, average, ...loads);
}
