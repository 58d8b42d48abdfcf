import { CST, parseDocument, Parser } from 'yaml';

// A `[`, `{` or quote that is never closed. The parser notices only where the file goes on (the
// next line, or the end of the file) and says "flow sequence in block collection must be
// sufficiently indented"; the mistake is where it opens, so that is where the problem points.

export interface Unclosed {
  offset: number;
  /** Where the text the parser read into it ends. */
  end: number;
  opener: '[' | '{' | '"' | "'";
}

const CLOSER: Record<Unclosed['opener'], string> = { '[': ']', '{': '}', '"': '"', "'": "'" };

/** Every opener in the text that is never closed, in the order they open. */
export function unclosedOpeners(text: string): Unclosed[] {
  const found: Unclosed[] = [];
  const check = (token: CST.Token | null | undefined) => {
    if (!token) return;
    if (token.type === 'flow-collection') {
      const opener = token.start.source as '[' | '{';
      if (!token.end.some((end) => end.source === CLOSER[opener])) found.push({ offset: token.offset, end: token.offset + CST.stringify(token).length, opener });
    } else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      const opener = token.source[0] as '"' | "'";
      if (!closedQuote(token.source, opener)) found.push({ offset: token.offset, end: token.offset + token.source.length, opener });
    }
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    check(token.value);
    CST.visit(token, (item) => {
      check(item.key);
      check(item.value);
    });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** A quoted scalar's source ends with its quote (not an escaped one, in double quotes). */
function closedQuote(source: string, quote: string): boolean {
  if (source.length < 2 || !source.endsWith(quote)) return false;
  if (quote === "'") return true;
  let backslashes = 0;
  for (let at = source.length - 2; at > 0 && source[at] === '\\'; at--) backslashes++;
  return backslashes % 2 === 0;
}

/**
 * The opener a parser error is about: for "end with a ]" or "missing closing quote", the last
 * unclosed one of that kind before it; for any other error, the innermost unclosed one it is
 * inside (what the parser reads into an unclosed list or text breaks in many ways, all one slip).
 */
export function openerOf(unclosed: readonly Unclosed[], error: { message: string; pos: readonly [number, number] }): Unclosed | undefined {
  const before = unclosed.filter((opener) => opener.offset <= error.pos[0]);
  const flow = /^Flow (sequence|map) (?:in block collection|must end with)/.exec(error.message);
  if (flow) return before.filter((opener) => opener.opener === (flow[1] === 'map' ? '{' : '[')).at(-1);
  const quote = /^Missing closing (["'])quote/.exec(error.message);
  if (quote) return before.filter((opener) => opener.opener === quote[1]).at(-1);
  return before.filter((opener) => error.pos[0] < opener.end).at(-1);
}

/**
 * What to say about an unclosed opener. `lineText` is its line (comment removed) and `after` the
 * part of it after the opener: the line is shown closed only when closing it at the end is the
 * whole fix (something follows the opener, and no other bracket or quote is left open after it).
 */
export function describeUnclosed(opener: Unclosed, lineText: string, after: string, fitsShown: (line: string) => boolean): { message: string; fix: string } {
  const closer = CLOSER[opener.opener];
  const closedLine = `${lineText}${closer}`;
  const quoted = opener.opener === '"' || opener.opener === "'";
  // The closed line is shown only when it is the whole fix: the items end on this line (no comma
  // left hanging for items below it) and closing it makes YAML that reads.
  const plainEnd = after.trim() !== '' && !after.trimEnd().endsWith(',') && (quoted ? !after.includes(opener.opener) : !/[[\]{}"']/.test(after));
  const shown = plainEnd && fitsShown(closedLine) && parseDocument(closedLine).errors.length === 0;
  if (quoted) {
    const name = opener.opener === '"' ? 'double' : 'single';
    return {
      message: `This text opens with a ${name} quote (${opener.opener}) that is never closed, so YAML reads the lines after it as part of the text.`,
      fix: shown ? `End the text with the same quote: \`${closedLine}\`.` : `End the text with a ${name} quote (${opener.opener}).`,
    };
  }
  const [message, close] = opener.opener === '['
    ? ['This list opens with "[" but is never closed with "]", so YAML reads the lines after it as part of the list.', 'Close it with "]" after its last item']
    : ['These fields open with "{" but are never closed with "}", so YAML reads the lines after them as more fields.', 'Close them with "}" after the last field'];
  return { message, fix: shown ? `${close}: \`${closedLine}\`. If the value is text that starts with "${opener.opener}", put it in quotes instead.` : `${close}.` };
}
