import { isMap, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseForEdit } from '../model/repeated-keys.js';
import { memberFile } from '../domain/layout.js';
import { isRole, tierRank } from '../domain/tiers.js';
import { schemaLineFor } from '../model/json-schema.js';
import { commentsOf, dedent, indentOf, isComment, lineEnd, lineStart, MARKER, markerLine, SCHEMA_LINE } from './member-text.js';

// Moves a cohort's members between the `members:` list of cohort.yaml and member files, as text:
// each member's own lines are moved as they are written (keys, order, quoting, comments at the
// end of a line), and the comments above an entry travel with it. Nothing else in either file
// changes. A move that would drop a comment is refused, not done.

export interface MemberText {
  /** The member file, cohorts/<cohort>/members/<person>.yaml. */
  file: string;
  person: string;
  role: string;
  text: string;
}

export type MoveResult = { refused: string } | { cohortText: string; memberFiles: MemberText[] };

interface Entry {
  person: string;
  role: string;
  /** Comment lines above the entry. */
  above: string[];
  /** The entry's own lines, out-dented to a mapping at column 0. */
  body: string[];
  /** The column its keys were written at in the list. */
  column: number;
}

/** The members of `members:` as member files, and cohort.yaml without them. */
export function membersToFiles(cohortId: string, cohortText: string): MoveResult {
  const text = cohortText.replace(/\r\n/g, '\n');
  const { doc, errors } = parseForEdit(text, '1.2');
  const pair = isMap(doc.contents) ? (doc.contents.items.find((p) => String((p.key as { value?: unknown }).value) === 'members') as Pair | undefined) : undefined;
  if (errors.length > 0 || !pair || !isSeq(pair.value) || pair.value.items.length === 0) return { cohortText, memberFiles: [] };
  const seq = pair.value as YAMLSeq;
  if (seq.flow) return { refused: `The members of ${cohortId} are one flow list (\`members: [...]\`).` };
  const keyStart = lineStart(text, (pair.key as Node).range![0]);
  const keyLine = text.slice(keyStart, lineEnd(text, keyStart)).replace(/\n$/, '');
  const keyComment = /^\s*members\s*:\s*(#.*)?$/.exec(keyLine);
  if (!keyComment) return { refused: `The line \`${keyLine.trim()}\` of ${cohortId}/cohort.yaml is not a plain \`members:\`.` };

  const entries: Entry[] = [];
  let cursor = lineEnd(text, keyStart);
  for (const item of seq.items) {
    if (!isMap(item) || !item.range) return { refused: `An entry of members: in ${cohortId}/cohort.yaml is not a mapping.` };
    const start = lineStart(text, item.range[0]);
    const gap = splitGap(text.slice(cursor, start), entries.at(-1));
    if (gap === undefined) return { refused: `Something other than comments sits between two members of ${cohortId}/cohort.yaml.` };
    entries.at(-1)?.body.push(...gap.before);
    const column = item.range[0] - start;
    const end = lineEnd(text, lastContent(text, item.range[1]));
    const above = gap.after.map((line) => line.trim());
    if (item.flow) {
      // `- { person: x, role: y } # note`: a block mapping in its file, the comments above it.
      above.push(...commentsOf(text.slice(start, end)));
      entries.push({ person: String(item.get('person')), role: String(item.get('role')), above, body: flowPairs(text, item), column });
    } else {
      const lines = text.slice(start, end).replace(/\n$/, '').split('\n');
      lines[0] = ' '.repeat(column) + lines[0]!.slice(column);
      entries.push({ person: String(item.get('person')), role: String(item.get('role')), above, body: dedent(lines, column), column });
    }
    cursor = end;
  }
  // Comments after the last entry: indented as its fields, they are its own; others stay in cohort.yaml.
  const tail = trailingComments(text, cursor);
  const last = entries.at(-1)!;
  const own = tail.lines.filter((line) => indentOf(line) >= last.column);
  last.body.push(...dedent(own, last.column));
  const stay = tail.lines.filter((line) => indentOf(line) < last.column);

  const indent = ' '.repeat(indentOf(keyLine));
  const replacement = [markerLine(cohortId, indent), ...(keyComment[1] ? [indent + keyComment[1]] : []), ...stay].join('\n');
  const memberFiles = entries.map((entry) => {
    const file = memberFile(cohortId, entry.person);
    return { file, person: entry.person, role: entry.role, text: `${[schemaLineFor('member', file), ...entry.above, ...entry.body].join('\n')}\n` };
  });
  const result = { cohortText: `${text.slice(0, keyStart)}${replacement}\n${text.slice(tail.end)}`, memberFiles };
  return keepsComments([cohortText], [result.cohortText, ...memberFiles.map((f) => f.text)]) ? result : { refused: lostComment(cohortId) };
}

/** Member files as entries of `members:` (by tier, then id, after any entries already listed). */
export function membersToList(cohortId: string, cohortText: string, files: readonly MemberText[]): MoveResult {
  const text = cohortText.replace(/\r\n/g, '\n');
  const { doc, errors } = parseForEdit(text, '1.2');
  if (errors.length > 0 || !isMap(doc.contents)) return { refused: `${cohortId}/cohort.yaml cannot be read as YAML.` };
  const sorted = [...files].sort((a, b) => rank(a.role) - rank(b.role) || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
  const entries: Entry[] = [];
  for (const file of sorted) {
    const entry = fileToEntry(file);
    if (!entry) return { refused: `${file.file} holds more than one mapping (a \`---\`, \`...\` or \`%\` line); a list entry cannot hold it.` };
    entries.push(entry);
  }
  const pair = doc.contents.items.find((p) => String((p.key as { value?: unknown }).value) === 'members') as Pair | undefined;
  const seq = pair && isSeq(pair.value) && pair.value.items.length > 0 ? (pair.value as YAMLSeq) : undefined;
  if (seq?.flow) return { refused: `The members of ${cohortId} are one flow list (\`members: [...]\`); write one entry per line first.` };

  let out: string;
  if (seq) {
    const lastItem = seq.items.at(-1) as YAMLMap;
    const dash = indentOf(text.slice(lineStart(text, lastItem.range![0])));
    let at = lineEnd(text, lastContent(text, lastItem.range![1]));
    // The last entry's own trailing comments stay with it.
    const column = lastItem.range![0] - lineStart(text, lastItem.range![0]);
    const tail = trailingComments(text, at);
    for (const [index, line] of tail.lines.entries()) {
      if (indentOf(line) < column) break;
      at = tail.ends[index]!;
    }
    out = `${text.slice(0, at)}${at > 0 && text[at - 1] !== '\n' ? '\n' : ''}${renderEntries(entries, dash, false)}${text.slice(at)}`;
  } else {
    const marker = MARKER.exec(text);
    const empty = pair ? { start: lineStart(text, (pair.key as Node).range![0]), end: lineEnd(text, lastContent(text, ((pair.value as Node | null)?.range ?? (pair.key as Node).range!)[1])) } : undefined;
    const spot = empty ?? (marker ? { start: marker.index, end: lineEnd(text, marker.index) } : undefined);
    // `members: [] # none yet` keeps its comment.
    const keyComment = empty ? commentsOf(text.slice(empty.start, empty.end)).map((comment) => ` ${comment}`).join('') : '';
    const block = `members:${keyComment}\n${renderEntries(entries, 2, true)}`;
    out = spot ? `${text.slice(0, spot.start)}${block}${text.slice(spot.end)}` : `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${block}`;
  }
  return keepsComments([cohortText, ...files.map((f) => f.text)], [out]) ? { cohortText: out, memberFiles: [] } : { refused: lostComment(cohortId) };
}

const rank = (role: string) => (isRole(role) ? tierRank(role) : 3);

function renderEntries(entries: readonly Entry[], dash: number, first: boolean): string {
  const pad = ' '.repeat(dash);
  const lines: string[] = [];
  entries.forEach((entry, index) => {
    if (entry.above.length > 0 && !(first && index === 0)) lines.push('');
    lines.push(...entry.above.map((line) => pad + line));
    entry.body.forEach((line, n) => lines.push(line === '' ? '' : `${pad}${n === 0 ? '- ' : '  '}${line}`));
  });
  return `${lines.join('\n')}\n`;
}

/** A member file as an entry: its comments above the first key go above the entry. */
function fileToEntry(file: MemberText): Entry | undefined {
  const lines = file.text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n').filter((line) => !SCHEMA_LINE.test(line));
  if (lines[0] === '---') lines.shift();
  if (lines.some((line) => line === '---' || line === '...' || line.startsWith('%'))) return undefined;
  const first = lines.findIndex((line) => line.trim() !== '' && !isComment(line));
  const above = lines.slice(0, first).filter(isComment).map((line) => line.trim());
  return { person: file.person, role: file.role, above, body: lines.slice(first), column: 0 };
}

/** The comment lines between two entries: those indented as the previous entry's fields are its own. */
function splitGap(gap: string, previous: Entry | undefined): { before: string[]; after: string[] } | undefined {
  const lines = gap.split('\n').filter((line) => line.trim() !== '');
  if (!lines.every(isComment)) return undefined;
  const cut = previous ? lines.findIndex((line) => indentOf(line) < previous.column) : 0;
  const split = cut === -1 ? lines.length : cut;
  return { before: dedent(lines.slice(0, split), previous?.column ?? 0), after: lines.slice(split) };
}

/** The comment lines (and blank lines between them) right after `from`, and where they end. */
function trailingComments(text: string, from: number): { lines: string[]; ends: number[]; end: number } {
  const lines: string[] = [];
  const ends: number[] = [];
  for (let at = from; at < text.length; ) {
    const next = lineEnd(text, at);
    const line = text.slice(at, next).replace(/\n$/, '');
    if (line.trim() !== '' && !isComment(line)) break;
    if (isComment(line)) {
      lines.push(line);
      ends.push(next);
    }
    at = next;
  }
  return { lines, ends, end: ends.at(-1) ?? from };
}

/** The last character that is not white space, before `end`. */
function lastContent(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return Math.max(0, at - 1);
}

/** A flow mapping's pairs as block lines, each value as written. */
function flowPairs(text: string, map: YAMLMap): string[] {
  return map.items.map((pair) => `${String((pair.key as { value?: unknown }).value)}:${pair.value ? ` ${text.slice((pair.value as Node).range![0], (pair.value as Node).range![1])}` : ''}`);
}

/** Every comment of the inputs is in the outputs (the schema line and the marker aside). */
function keepsComments(inputs: readonly string[], outputs: readonly string[]): boolean {
  const count = (texts: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const comment of texts.flatMap(commentsOf)) if (!SCHEMA_LINE.test(comment) && !MARKER.test(comment)) counts.set(comment, (counts.get(comment) ?? 0) + 1);
    return counts;
  };
  const before = count(inputs);
  const after = count(outputs);
  return before.size === after.size && [...before].every(([comment, n]) => after.get(comment) === n);
}

const lostComment = (cohortId: string) => `Moving the members of ${cohortId} would lose a comment that sits inside an entry in a way mentor cannot place.`;
