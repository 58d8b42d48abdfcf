// What GitHub accepts in one issue body or comment is 65,536 characters: a longer one is refused,
// and what was posted before stays. Every comment or body mentor writes for GitHub (the gate's
// comment, the attention issue and its mentions) keeps under COMMENT_LIMIT, which leaves room.
// Lists are cut by whole lines only: a cut inside a code span would let the rest of a name render.

export const COMMENT_LIMIT = 60_000;


const size = (lines: readonly string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0);

/** How many of the lines, from the first, fit in `room` characters (each with its newline). */
export function linesThatFit(lines: readonly string[], room: number): number {
  let length = 0;
  let kept = 0;
  while (kept < lines.length && length + lines[kept]!.length + 1 <= room) length += lines[kept++]!.length + 1;
  return kept;
}

/**
 * The lines, from the first, that fit in one comment next to `reserved` characters used elsewhere.
 * When some are cut, the lines of `cutNote(how many)` end them, within the limit too.
 */
export function withinLimit(lines: readonly string[], reserved: number, cutNote: (cut: number) => readonly string[]): string[] {
  if (reserved + size(lines) <= COMMENT_LIMIT) return [...lines];
  const kept = linesThatFit(lines, COMMENT_LIMIT - reserved - size(cutNote(lines.length)));
  return [...lines.slice(0, kept), ...cutNote(lines.length - kept)];
}
