/** The candidate closest to a misspelt word, if it is close enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // Lengths further apart than the limit cannot be close: skipped before any work.
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit + 1);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** How many different misspelt names one rule guesses at in a cohort; past it, thousands of the same mistake are systemic, not typos. */
export const GUESSES_PER_RULE = 100;

/**
 * closest() for many names against the same candidates: each name guessed once, and only the
 * first GUESSES_PER_RULE names (each guess reads every candidate: 5,000 unknown ids against 5,000
 * people took 18 s).
 */
export function guesser(candidates: () => Iterable<string>): (word: string) => string | undefined {
  const guesses = new Map<string, string | undefined>();
  let list: string[] | undefined;
  return (word) => {
    if (guesses.has(word)) return guesses.get(word);
    if (guesses.size >= GUESSES_PER_RULE) return undefined;
    const guess = closest(word, (list ??= [...candidates()]));
    guesses.set(word, guess);
    return guess;
  };
}

/** Edit distance where swapping two neighbours counts as one edit ("nmae" is 1 from "name"). */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

let zoneNames: string[] | undefined;

/**
 * The IANA zone a misspelt one meant (America/LosAngeles -> America/Los_Angeles), or the one a
 * city alone names (Berlin -> Europe/Berlin, new york -> America/New_York), if close.
 */
export function closestTimeZone(zone: string): string | undefined {
  zoneNames ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const squashed = (name: string) => name.toLowerCase().replace(/[_\s-]/g, '');
  const exact = zoneNames.find((name) => squashed(name) === squashed(zone));
  if (exact !== undefined) return exact;
  if (!zone.includes('/')) {
    const cities = zoneNames.filter((name) => squashed(name.slice(name.lastIndexOf('/') + 1)) === squashed(zone));
    if (cities.length === 1) return cities[0];
  }
  return closest(zone, zoneNames);
}
