// Which waiting mentors get a lead's last places. The two tiers are one problem: a mentor placed
// under a lead can take waiting mentees in the same run, so when waiting mentors outnumber the
// leads' places, the choice of who is placed decides how many mentees can be, and their scores.
// DESIGN's objective is over the whole assignment (most placed, then total score, then load), so
// the choice is searched: every choice of that many mentors while that is affordable (exact);
// else the roomiest choice and swaps from the tier-by-tier plan within a budget of work (not
// proven optimal, never worse than the tier-by-tier plan). Adding a mentor never places fewer
// members, so only choices of the most mentors are searched.

import type { Pausable } from './pausable.js';

/** What a choice of mentors gives, across both tiers; compared in this order. */
export interface Outcome {
  /** Members placed in both tiers. */
  count: number;
  /** Total score in thousandths (integers: exact sums). */
  score: number;
  /** The busiest mentor's or lead's direct mentees after placing. */
  maxLoad: number;
}

/** About how much solving the search may do: pair arcs of the tiers, summed over the choices tried. */
const WORK = 100_000;

const better = (a: Outcome, b: Outcome) => a.count !== b.count ? a.count > b.count : a.score !== b.score ? a.score > b.score : a.maxLoad < b.maxLoad;

/** What the search is given besides the choices. */
export interface Search<T extends Outcome> {
  /** What a choice achieves, or undefined when it cannot be placed as a whole (a solve: it may pause). */
  evaluate: (chosen: ReadonlySet<string>) => Pausable<T | undefined>;
  /** How many mentees a candidate could take once it has a lead. */
  room: (id: string) => number;
  /** Room for mentees the chosen mentors must bring for every waiting mentee to be placed. */
  roomNeeded: number;
  /** Pair arcs one evaluation solves (its cost). */
  cost: number;
}

/**
 * The best choice of `first.length` ids of `candidates` (sorted by id), `first` giving
 * `firstOutcome`. Ties keep `first`, then the choice first by id.
 */
export function* bestChoice<T extends Outcome>(candidates: readonly string[], first: readonly string[], firstOutcome: T, search: Search<T>): Pausable<{ chosen: ReadonlySet<string>; outcome: T }> {
  let best = { chosen: new Set(first) as ReadonlySet<string>, outcome: firstOutcome };
  const k = first.length;
  if (k === 0 || k === candidates.length) return best;
  const budget = Math.max(1, Math.floor(WORK / Math.max(1, search.cost)));
  function* consider(chosen: Set<string>): Pausable<void> {
    const outcome = yield* search.evaluate(chosen);
    if (outcome !== undefined && better(outcome, best.outcome)) best = { chosen, outcome };
  }
  if (choices(candidates.length, k, budget) <= budget) {
    for (const chosen of subsets(candidates, k)) yield* consider(new Set(chosen));
    return best;
  }
  const { room } = search;
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byRoom = (ids: string[], most: boolean) => ids.sort((a, b) => (most ? room(b) - room(a) : room(a) - room(b)) || byId(a, b));
  // Too many choices to try each. First the roomiest swaps, as far as the waiting mentees need
  // room (no solving: that is what decides how many are placed), then swaps one by one.
  const roomiest = new Set(best.chosen);
  let roomGiven = [...roomiest].reduce((sum, id) => sum + room(id), 0);
  const outside = byRoom(candidates.filter((id) => !roomiest.has(id)), true);
  const inside = byRoom([...roomiest], false);
  for (let i = 0; roomGiven < search.roomNeeded && i < Math.min(outside.length, inside.length) && room(outside[i]!) > room(inside[i]!); i++) {
    roomiest.delete(inside[i]!);
    roomiest.add(outside[i]!);
    roomGiven += room(outside[i]!) - room(inside[i]!);
  }
  let evaluations = 0;
  if (roomiest.size === k && [...roomiest].some((id) => !best.chosen.has(id))) {
    evaluations++;
    yield* consider(roomiest);
  }
  for (let improved = true; improved && evaluations < budget; ) {
    improved = false;
    const before = best;
    search: for (const entering of byRoom(candidates.filter((id) => !before.chosen.has(id)), true)) {
      for (const leaving of byRoom([...before.chosen], false)) {
        if (++evaluations > budget) break search;
        const chosen = new Set(before.chosen);
        chosen.delete(leaving);
        chosen.add(entering);
        yield* consider(chosen);
        if (best !== before) {
          improved = true;
          break search;
        }
      }
    }
  }
  return best;
}

/** n choose k, stopping once past the budget. */
function choices(n: number, k: number, budget: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) {
    result = (result * (n - k + i)) / i;
    if (result > budget) return result;
  }
  return result;
}

/** Every k-subset of `items`, in order. */
function* subsets(items: readonly string[], k: number, from = 0, prefix: string[] = []): Generator<string[]> {
  if (prefix.length === k) {
    yield [...prefix];
    return;
  }
  for (let i = from; i <= items.length - (k - prefix.length); i++) {
    prefix.push(items[i]!);
    yield* subsets(items, k, i + 1, prefix);
    prefix.pop();
  }
}
