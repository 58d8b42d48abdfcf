// Which waiting mentors get a lead's last places. The two tiers are one problem: a mentor placed
// under a lead can take waiting mentees in the same run, so when waiting mentors outnumber the
// leads' places, the choice of who is placed decides how many mentees can be, and their scores.
// DESIGN's objective is over the whole assignment (most placed, then total score, then load), so
// the choice is searched: every choice of that many mentors while that is affordable; beyond, a
// branch and bound over the same choices in the same order, skipping those that an upper bound
// (assign-bound.ts) shows cannot beat the best found (exact, the same result). Only a search past
// even that budget of work ends with the roomiest choice and swaps from the best found (not proven
// optimal, never worse than the tier-by-tier plan). Adding a mentor never places fewer members, so
// only choices of the most mentors are searched.

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
  /** What any choice of `picks` more of `rest` besides `chosen` gives at most (assign-bound.ts), and what working it out costs. */
  bound?: { of: (chosen: readonly string[], rest: readonly string[], picks: number) => { count: number; score: number }; cost: number; leastBusiest: number };
}

/** About how much the branch and bound may do before the search falls back on swaps. */
const BRANCH_WORK = 40 * WORK;

/**
 * The best choice of `first.length` ids of `candidates` (sorted by id), `first` giving
 * `firstOutcome`. Ties keep `first`, then the choice first by id. `unproven` when the search ran
 * out of its budget: the best found, not shown to be the optimum.
 */
export function* bestChoice<T extends Outcome>(candidates: readonly string[], first: readonly string[], firstOutcome: T, search: Search<T>): Pausable<{ chosen: ReadonlySet<string>; outcome: T; unproven?: true }> {
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
  // Too many choices to try each. First swaps from the tier-by-tier plan: a good choice, fast.
  function* swaps(): Pausable<typeof best> {
    const { room } = search;
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const byRoom = (ids: string[], most: boolean) => ids.sort((a, b) => (most ? room(b) - room(a) : room(a) - room(b)) || byId(a, b));
    // The roomiest swaps, as far as the waiting mentees need room (no solving: that is what
    // decides how many are placed), then swaps one by one.
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
  const swapped = yield* swaps();
  const bound = search.bound;
  if (!bound) return { ...swapped, unproven: true };
  // Then every choice in id order, as above, skipping those whose bound cannot beat the best
  // known: the same result as trying each (what is skipped is worse than the optimum), when the
  // work stays within its budget.
  best = { chosen: new Set(first), outcome: firstOutcome };
  let work = 0;
  function* branch(from: number, chosen: string[]): Pausable<boolean> {
    if (chosen.length === k) {
      work += search.cost;
      yield* consider(new Set(chosen));
      return work <= BRANCH_WORK;
    }
    const left = k - chosen.length;
    work += bound!.cost;
    const most = bound!.of(chosen, candidates.slice(from), left);
    yield;
    const known = better(swapped.outcome, best.outcome) ? swapped.outcome : best.outcome;
    const worse = most.count < known.count || (most.count === known.count && most.score < known.score);
    // A later choice replaces the best so far only if strictly better: one that can at most tie it is skipped too.
    const tiesAtMost = most.count === best.outcome.count && most.score === best.outcome.score && bound!.leastBusiest >= best.outcome.maxLoad;
    if (worse || tiesAtMost) return work <= BRANCH_WORK;
    for (let i = from; i <= candidates.length - left; i++) {
      chosen.push(candidates[i]!);
      const within = yield* branch(i + 1, chosen);
      chosen.pop();
      if (!within) return false;
    }
    return work <= BRANCH_WORK;
  }
  const complete = yield* branch(0, []);
  if (complete) return best;
  return { ...(better(swapped.outcome, best.outcome) ? swapped : best), unproven: true };
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
