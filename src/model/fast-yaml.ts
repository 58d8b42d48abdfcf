// A fast reader for the plain YAML that records are almost always written in: block mappings and
// sequences, `[a, b]` lists, plain and simply quoted scalars, comments. It returns exactly what
// the `yaml` library would (YAML 1.2 core schema), or undefined the moment it meets anything it
// does not fully understand (anchors, tags, block scalars, flow mappings, escapes, odd numbers,
// tabs, duplicate keys, ...); the caller then parses with `yaml`, which also gives the positions
// and messages for problems. Most files never need the full parser.

import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import { MAX_DEPTH } from './yaml-depth.js';

interface Line {
  indent: number;
  text: string; // without indentation and comment, trimmed at the end
}

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// Forbidden keys, and keys the core schema reads as null or a boolean: the full parser reports them.
const LEFT_TO_FULL_PARSER = new Set([...FORBIDDEN_KEYS, 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const SIMPLE_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
// The core schema's other number forms (+1, 007, 1e3, .5, 1., 0x1F, 0o7, .inf, .nan): left to
// the full parser. Anything else that is not null or a boolean is a string.
const OTHER_NUMBERS = [/^0o[0-7]+$/, /^[-+]?[0-9]+$/, /^0x[0-9a-fA-F]+$/, /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/];
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\t\r\u2028\u2029]/;
const FAIL = Symbol('fail');
type Result = unknown | typeof FAIL;

export function fastParse(text: string): { value: unknown } | undefined {
  if (UNSAFE.test(text.replace(/\r\n/g, '\n'))) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const indent = raw.length - raw.trimStart().length;
    const content = stripComment(raw.slice(indent));
    if (content === undefined) return undefined;
    if (content === '') continue;
    if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content.startsWith('%'))) return undefined;
    lines.push({ indent, text: content });
  }
  if (lines.length === 0) return { value: null };
  const reader = { lines, at: 0 };
  const value = parseBlock(reader, lines[0]!.indent, 1);
  if (value === FAIL || reader.at !== lines.length) return undefined;
  return { value };
}

/** Removes a comment (a `#` at the start or after a space, outside quotes); undefined if unsure. */
export function stripComment(text: string): string | undefined {
  if (text.startsWith('#')) return '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      // Quotes only open a scalar at its start (after ": ", "- ", "[" or ", ").
      const before = text.slice(0, i).trimEnd();
      if (before === '' || before.endsWith(':') || before.endsWith('-') || before.endsWith('[') || before.endsWith(',')) quote = ch;
    } else if (ch === '#' && text[i - 1] === ' ') {
      return text.slice(0, i).trimEnd();
    }
  }
  if (quote) return undefined;
  return text.trimEnd();
}

/** `depth` counts the block levels; past MAX_DEPTH the full path reports the nesting with its position. */
function parseBlock(reader: { lines: Line[]; at: number }, indent: number, depth: number): Result {
  const first = reader.lines[reader.at];
  if (!first || first.indent !== indent || depth > MAX_DEPTH) return FAIL;
  return first.text === '-' || first.text.startsWith('- ') ? parseSequence(reader, indent, depth) : parseMapping(reader, indent, depth);
}

function parseSequence(reader: { lines: Line[]; at: number }, indent: number, depth: number): Result {
  const items: unknown[] = [];
  while (reader.at < reader.lines.length) {
    const line = reader.lines[reader.at]!;
    if (line.indent < indent) break;
    if (line.indent > indent || !line.text.startsWith('- ')) return FAIL;
    const rest = line.text.slice(2).trimStart();
    const column = indent + (line.text.length - rest.length);
    if (rest.startsWith('- ') || rest === '-' || rest === '') return FAIL;
    const colon = keyColon(rest);
    if (colon !== -1) {
      // `- key: value`: a mapping whose first key sits after the dash.
      reader.lines[reader.at] = { indent: column, text: rest };
      const map = depth < MAX_DEPTH ? parseMapping(reader, column, depth + 1) : FAIL;
      if (map === FAIL) return FAIL;
      items.push(map);
    } else {
      const value = parseScalarOrFlow(rest);
      if (value === FAIL) return FAIL;
      items.push(value);
      reader.at++;
    }
  }
  return items;
}

function parseMapping(reader: { lines: Line[]; at: number }, indent: number, depth: number): Result {
  const map: Record<string, unknown> = {};
  const seen = new Set<string>();
  while (reader.at < reader.lines.length) {
    const line = reader.lines[reader.at]!;
    if (line.indent < indent) break;
    if (line.indent > indent) return FAIL;
    const colon = keyColon(line.text);
    if (colon === -1) return FAIL;
    const key = line.text.slice(0, colon);
    if (!KEY.test(key) || LEFT_TO_FULL_PARSER.has(key) || seen.has(key)) return FAIL;
    seen.add(key);
    const rest = line.text.slice(colon + 1).trim();
    reader.at++;
    if (rest !== '') {
      const value = parseScalarOrFlow(rest);
      if (value === FAIL) return FAIL;
      map[key] = value;
      continue;
    }
    const next = reader.lines[reader.at];
    if (next && (next.indent > indent || (next.indent === indent && (next.text.startsWith('- ') || next.text === '-')))) {
      const value = parseBlock(reader, next.indent, depth + 1);
      if (value === FAIL) return FAIL;
      map[key] = value;
    } else {
      map[key] = null;
    }
  }
  return map;
}

/** Where `key:` ends in a line that starts with a simple key, or -1. */
function keyColon(text: string): number {
  const match = /^[A-Za-z_][A-Za-z0-9_-]*:(?= |$)/.exec(text);
  return match ? match[0].length - 1 : -1;
}

function parseScalarOrFlow(text: string): Result {
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) return FAIL;
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    const items: unknown[] = [];
    for (const part of inner.split(',')) {
      const item = part.trim();
      if (item === '' || /[[\]{}"'#:]/.test(item)) return FAIL;
      const value = parseScalar(item);
      if (value === FAIL) return FAIL;
      items.push(value);
    }
    return items;
  }
  return parseScalar(text);
}

function parseScalar(text: string): Result {
  const first = text[0]!;
  if (first === '"') {
    if (text.length < 2 || !text.endsWith('"')) return FAIL;
    const inner = text.slice(1, -1);
    return inner.includes('"') || inner.includes('\\') ? FAIL : inner;
  }
  if (first === "'") {
    if (text.length < 2 || !text.endsWith("'")) return FAIL;
    const inner = text.slice(1, -1);
    if (inner.replace(/''/g, '').includes("'")) return FAIL;
    return inner.replace(/''/g, "'");
  }
  if ('?:,[]{}#&*!|>%@`'.includes(first) || (first === '-' && (text.length === 1 || text[1] === ' '))) return FAIL;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return FAIL;
  if (SIMPLE_NUMBER.test(text)) return Number(text);
  switch (text) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (OTHER_NUMBERS.some((pattern) => pattern.test(text))) return FAIL;
  return text;
}
