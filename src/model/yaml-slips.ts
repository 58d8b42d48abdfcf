import type { Document } from 'yaml';
import { repeatedKeys, type RepeatedKey } from './repeated-keys.js';
import { stripComment } from './fast-yaml.js';
import { parserSlip } from './yaml-parser-words.js';
import { describeUnclosed, openerOf, unclosedOpeners, type Unclosed } from './yaml-unclosed.js';

// The YAML slips of a person editing a record by hand (text with ": " in it, no space after a
// colon, a line indented unlike the line above, a key written twice), each said in plain words,
// at the line to change, with the change to make. The `yaml` library speaks of "compact mappings"
// and "implicit keys" and often points at the line before the slip; its message stays only for
// errors that are none of these.

export interface YamlSlip {
  offset: number;
  rule: 'yaml-syntax' | 'yaml-duplicate-key';
  message: string;
  fix: string;
}

interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

interface TextLine {
  /** 1-based. */
  number: number;
  /** Offset of the line's first character in the text. */
  start: number;
  indent: number;
  /** The line after its indentation, without a comment, trimmed at the end ('' for a blank or comment line). */
  content: string;
}

/** Longest line shown whole in a fix; a longer one is described instead. */
const SHOWN_LINE = 100;
/** How far back to look for the lines a line could line up with. */
const LOOK_BACK = 500;

/** One problem per distinct slip among the parser's errors, in their order. */
export function describeYamlErrors(text: string, doc: Document, errors: readonly YamlError[]): YamlSlip[] {
  const lines = textLines(text);
  const slips: YamlSlip[] = [];
  const seen = new Set<string>();
  const unclosed = errors.some((error) => error.code !== 'DUPLICATE_KEY') ? unclosedOpeners(text) : [];
  let echo: YamlSlip | undefined;
  let repeated: Map<number, RepeatedKey> | undefined;
  for (const error of errors) {
    const slip = error.code === 'MULTIPLE_DOCS' ? secondDocument(lines, error.pos[0]) : error.code === 'DUPLICATE_KEY' ? duplicateKey((repeated ??= new Map(repeatedKeys(doc).map((key) => [key.offset, key]))).get(error.pos[0]), error.pos[0], lines) : (unclosedSlip(text, lines, unclosed, error) ?? syntaxSlip(lines, error.pos) ?? parserSlip(text, error) ?? generic(error));
    // After a bracket or quote left open the parser is lost: its other unnamed errors are echoes of that one.
    if (slip.message.startsWith('Invalid YAML') && unclosed.some((opener) => opener.offset < error.pos[0])) {
      echo ??= slip;
      continue;
    }
    const key = `${slip.offset}\0${slip.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    slips.push(slip);
  }
  // An error is never lost: when every one looked like an echo, the first is said as it is.
  return slips.length === 0 && echo ? [echo] : slips;
}

/** A `[`, `{` or quote never closed: said where it opens, not where the parser gave up. */
function unclosedSlip(text: string, lines: readonly TextLine[], unclosed: readonly Unclosed[], error: YamlError): YamlSlip | undefined {
  const opener = openerOf(unclosed, error);
  if (!opener) return undefined;
  const line = lines[lineAt(lines, opener.offset)]!;
  const indentEnd = line.start + line.indent;
  const inContent = opener.offset >= indentEnd && opener.offset < indentEnd + line.content.length;
  const lineText = inContent ? line.content : text.slice(indentEnd, opener.offset + 1);
  const after = lineText.slice(opener.offset - indentEnd + 1);
  return { offset: opener.offset, rule: 'yaml-syntax', ...describeUnclosed(opener, lineText, after, (shown) => shown.length <= SHOWN_LINE) };
}

/** A `---` (or `...`) after the record: a second document, said at its marker line. */
function secondDocument(lines: readonly TextLine[], offset: number): YamlSlip {
  let marker = offset;
  // The parser points at the second document's start: after a `...`, at the line below it.
  for (let at = lineAt(lines, offset); at >= 0; at--) {
    const line = lines[at]!;
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line.content)) {
      marker = line.start;
      break;
    }
    if (line.content !== '' && line.start + line.indent < offset) break;
  }
  return {
    offset: marker,
    rule: 'yaml-syntax',
    message: 'The file holds a second YAML document from here: a record is one document, and a line `---` or `...` ends it.',
    fix: 'Delete this line and what follows it, or move that record to a file of its own.',
  };
}

function generic(error: YamlError): YamlSlip {
  // yaml's messages end with a code frame when prettyErrors is on; keep the first line only.
  const first = error.message.split('\n')[0]!.trim();
  const message = `Invalid YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}${/[.!?]$/.test(first) ? '' : '.'}`;
  return { offset: error.pos[0], rule: 'yaml-syntax', message, fix: 'Fix the YAML syntax here (check indentation, quotes and colons).' };
}

function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = line.length - line.replace(/^ +/, '').length;
    const rest = line.slice(indent);
    lines.push({ number: lines.length + 1, start, indent, content: stripComment(rest) ?? rest.trimEnd() });
    start += raw.length + 1;
  }
  return lines;
}

/** The index of the line holding an offset. */
function lineAt(lines: readonly TextLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The nearest line above `index` that holds something, or -1. */
function previousContent(lines: readonly TextLine[], index: number): number {
  for (let at = index - 1; at >= 0; at--) if (lines[at]!.content !== '') return at;
  return -1;
}

/**
 * The slip behind a syntax error: looked for on the lines the error spans and the line after the
 * first (the parser reports a line indented too far at the end of the line above it).
 */
function syntaxSlip(lines: readonly TextLine[], pos: readonly [number, number]): YamlSlip | undefined {
  const first = lineAt(lines, pos[0]);
  const last = Math.min(lineAt(lines, Math.max(pos[0], pos[1] - 1)), first + 3);
  let next = first + 1;
  while (next < lines.length && lines[next]!.content === '') next++;
  const candidates = new Set<number>();
  for (let at = first; at <= last; at++) candidates.add(at);
  if (next < lines.length) candidates.add(next);
  for (const at of candidates) {
    const line = lines[at]!;
    if (line.content === '') continue;
    const slip = textWithColon(line) ?? noSpaceAfterColon(line) ?? indentedUnlikeAbove(lines, at);
    if (slip) return slip;
  }
  return undefined;
}

const KEY_AND_TEXT = /^((?:- +)?)([A-Za-z0-9_][\w.-]*|"[^"\\]*"|'[^']*'): +(.*)$/;

/** `done: Fixed: the login bug`: plain text with ": " in it reads as a field inside a field. */
function textWithColon(line: TextLine): YamlSlip | undefined {
  const match = KEY_AND_TEXT.exec(line.content);
  if (!match) return undefined;
  const [, dash, key, value] = match as unknown as [string, string, string, string];
  if (value === '' || /^["'[{|>&*!%@`]/.test(value) || !(value.includes(': ') || value.endsWith(':'))) return undefined;
  const quoted = /["\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
  const fixed = `${dash}${key}: ${quoted}`;
  return {
    offset: line.start + line.indent + line.content.length - value.length,
    rule: 'yaml-syntax',
    message: 'Text that contains ": " (a colon and a space) must be in quotes; without them YAML reads a new field here.',
    fix: fixed.length <= SHOWN_LINE ? `Put the text in quotes: \`${fixed}\`.` : `Put the whole text after \`${key}:\` in quotes, "like this".`,
  };
}

const NO_SPACE = /^((?:- +)?)([A-Za-z_][\w-]*):([^\s:/\\].*)$/;

/** `practice:3` with the space it lacks (`practice: 3`), or undefined when the text is not such a slip. */
export function withSpaceAfterColon(text: string): string | undefined {
  const match = NO_SPACE.exec(text);
  return match && !match[3]!.includes(': ') ? `${match[1]}${match[2]}: ${match[3]}` : undefined;
}

/** `practice:3`: without a space after the colon, YAML reads one word, not a field and its value. */
function noSpaceAfterColon(line: TextLine): YamlSlip | undefined {
  const match = NO_SPACE.exec(line.content);
  if (!match) return undefined;
  const [, dash, key, value] = match as unknown as [string, string, string, string];
  const fixed = withSpaceAfterColon(line.content);
  if (fixed === undefined) return undefined;
  const word = `${key}:${value}`;
  return {
    offset: line.start + line.indent + dash.length + key.length + 1,
    rule: 'yaml-syntax',
    message: word.length <= SHOWN_LINE ? `A colon needs a space after it: YAML reads "${word}" as one word, not as a field and its value.` : 'A colon needs a space after it: without one YAML reads the field and its value as one word.',
    fix: fixed.length <= SHOWN_LINE ? `Put a space after the colon: \`${fixed}\`.` : `Put a space after the colon of \`${key}:\`.`,
  };
}

const ENTRY = /^(?:-(?: |$)|[^\s#-][^:]*:(?: |$))/;

/** A line indented more than a line above it that holds a value, or between two levels. */
function indentedUnlikeAbove(lines: readonly TextLine[], index: number): YamlSlip | undefined {
  const line = lines[index]!;
  const aboveIndex = previousContent(lines, index);
  if (aboveIndex === -1 || !ENTRY.test(line.content)) return undefined;
  const above = lines[aboveIndex]!;
  // A list item lines up with the dash of the item above; anything else with the text after it.
  const aboveColumn = line.content.startsWith('-') && above.content.startsWith('-') ? above.indent : textColumn(above);
  const message = `This line is ${indented(line.indent)}, but the line above it is ${indented(aboveColumn)}.`;
  if (line.indent > aboveColumn) {
    if (opensBlock(above.content)) return undefined;
    return { offset: line.start, rule: 'yaml-syntax', message, fix: `Line them up: ${indentBy(aboveColumn)}, like line ${above.number}.` };
  }
  if (line.indent === aboveColumn) return undefined;
  const levels = openLevels(lines, index);
  if (levels.some((level) => level.column === line.indent)) return undefined;
  const deeper = levels.filter((level) => level.column > line.indent).at(-1)!;
  const shallower = levels.find((level) => level.column < line.indent);
  const options = [`${indentBy(deeper.column)} to line up with line ${deeper.line}`, ...(shallower ? [`${indentBy(shallower.column)} to line up with line ${shallower.line}`] : [])];
  return { offset: line.start, rule: 'yaml-syntax', message, fix: `${capital(options.join(', or '))}.` };
}

/** The column of a line's own text: after the dash of a list item (`- person: ann`). */
function textColumn(line: TextLine): number {
  const dash = /^-( +)\S/.exec(line.content);
  return line.indent + (dash ? 1 + dash[1]!.length : 0);
}

/** A line after which a deeper line belongs to it: `key:`, `-`, a block text, an open bracket. */
function opensBlock(content: string): boolean {
  return /(?:^-|:)$/.test(content) || /:\s+[|>][-+0-9]*$/.test(content) || /[[{,]$/.test(content);
}

/**
 * The columns a line placed here may start at, deepest first: each line above it that is less
 * indented than every line between (and the text after a list item's dash), with its number.
 */
function openLevels(lines: readonly TextLine[], index: number): Array<{ column: number; line: number }> {
  const levels: Array<{ column: number; line: number }> = [];
  let lowest = Infinity;
  for (let at = index - 1; at >= 0 && at >= index - LOOK_BACK && lowest > 0; at--) {
    const line = lines[at]!;
    if (line.content === '' || line.indent >= lowest) continue;
    const column = textColumn(line);
    if (column !== line.indent && column < lowest) levels.push({ column, line: line.number });
    levels.push({ column: line.indent, line: line.number });
    lowest = line.indent;
  }
  return levels;
}

const indented = (spaces: number) => (spaces === 0 ? 'not indented' : `indented ${spaces} ${spaces === 1 ? 'space' : 'spaces'}`);
const indentBy = (spaces: number) => (spaces === 0 ? 'start it at the beginning of the line' : `indent it ${spaces} ${spaces === 1 ? 'space' : 'spaces'}`);
const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** A key written twice in one place: named, with the line of the first one. */
function duplicateKey(found: RepeatedKey | undefined, offset: number, lines: readonly TextLine[]): YamlSlip {
  if (!found) return { offset, rule: 'yaml-duplicate-key', message: 'This key appears twice in the same place.', fix: 'Keep one of the two entries and delete the other.' };
  const name = found.name.length > 40 ? `${found.name.slice(0, 40)}…` : found.name;
  const [a, b] = [lines[lineAt(lines, found.first)]!.number, lines[lineAt(lines, offset)]!.number];
  return {
    offset,
    rule: 'yaml-duplicate-key',
    message: a === b ? `"${name}" appears twice on line ${a}.` : `"${name}" appears twice, on lines ${a} and ${b}.`,
    fix: 'Keep one of the two and delete the other.',
  };
}
