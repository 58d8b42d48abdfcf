/**
 * A small seeded random source (xorshift) for generated test cases, so a failing case can be
 * replayed from its seed: `next` in [0, 1), `int` below a bound, `pick` one item, `some` each item
 * with a chance.
 */
export function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: T[]) => items[Math.floor(next() * items.length)]!,
    some: <T>(items: T[], share: number) => items.filter(() => next() < share),
  };
}
