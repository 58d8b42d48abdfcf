import { isMap, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseForEdit } from '../model/repeated-keys.js';

// Surgical edits of a YAML file: each change replaces or inserts text at the exact source
// position of the key or value it is about, so every other byte (comments, alignment, quoting,
// flow or block style, blank lines) stays as the author wrote it.

interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

export type PathSegment = string | number;

export class YamlEditor {
  private readonly doc;
  private readonly splices: Splice[] = [];

  constructor(private readonly text: string) {
    const { doc, errors } = parseForEdit(text);
    this.doc = doc;
    if (errors.length > 0) throw new Error(`cannot edit invalid YAML: ${errors[0]!.message}`);
  }

  /** Sets a key of the mapping at `mapPath`: replaces its value, or inserts it after the first of `after` present (else at the end). */
  set(mapPath: readonly PathSegment[], key: string, value: unknown, after: readonly string[] = []): void {
    const map = this.mapAt(mapPath);
    const pair = findPair(map, key);
    const rendered = renderInline(value);
    if (pair && pair.value && (pair.value as Node).range) {
      const range = (pair.value as Node).range!;
      if (isScalar(pair.value) && pair.value.value === value) return;
      const flowValue = isMap(pair.value) || isSeq(pair.value) ? !(pair.value as { flow?: boolean }).flow : false;
      // A block list or mapping is replaced by its flow form on the key's line.
      this.splices.push({ start: flowValue ? this.lineEndBefore(range[0]) : range[0], end: flowValue ? this.trimEnd(range[1]) : range[1], text: flowValue ? ` ${rendered}` : rendered, order: this.splices.length });
      return;
    }
    if (pair) {
      // `key:` with no value at all.
      const keyEnd = (pair.key as Node).range![1];
      const colon = this.text.indexOf(':', keyEnd);
      this.splices.push({ start: colon + 1, end: colon + 1, text: ` ${rendered}`, order: this.splices.length });
      return;
    }
    this.insertPair(map, key, rendered, after);
  }

  /**
   * Sets a key to a list or mapping written in block style, one item a line below the key, as a
   * reader follows it in a diff (`history:` of released matches). In a flow mapping it is `set`.
   */
  setBlock(mapPath: readonly PathSegment[], key: string, value: unknown, after: readonly string[] = []): void {
    const map = this.mapAt(mapPath);
    if (map.flow) return this.set(mapPath, key, value, after);
    const pair = findPair(map, key);
    const anchor = pair ?? after.map((name) => findPair(map, name)).find((found) => found !== undefined) ?? map.items.at(-1);
    if (!anchor) throw new Error(`cannot insert ${key} into an empty mapping`);
    const keyStart = (anchor.key as Node).range![0];
    const indent = ' '.repeat(keyStart - (this.text.lastIndexOf('\n', keyStart - 1) + 1));
    const block = stringify(value, { lineWidth: 0, flowCollectionPadding: false }).trimEnd().split('\n').map((line) => `${indent}  ${line}`).join('\n');
    if (pair) {
      const colon = this.text.indexOf(':', (pair.key as Node).range![1]);
      const end = pair.value && (pair.value as Node).range ? this.trimEnd((pair.value as Node).range![1]) : colon + 1;
      this.splices.push({ start: colon + 1, end, text: `\n${block}`, order: this.splices.length });
      return;
    }
    this.insertLines(anchor, `${indent}${key}:\n${block}`);
  }

  /**
   * Removes a whole line that is `comment` (indented or not; one the program wrote, e.g. a
   * request's note) from the part of the text that belongs to the item at `path`: from the end of
   * the item before it (the note is written above its member) to its own end. Each item's part is
   * its own, so placing thousands of members costs one pass over the file.
   */
  deleteCommentLine(comment: string, path: readonly PathSegment[] = []): void {
    const [from, to] = this.partOf(path);
    for (let at = this.text.lastIndexOf('\n', from - 1) + 1; at < to; ) {
      const newline = this.text.indexOf('\n', at);
      const next = newline === -1 ? this.text.length : newline + 1;
      if (this.text.slice(at, next).trim() === comment) {
        this.splices.push({ start: at, end: next, text: '', order: this.splices.length });
        return;
      }
      at = next;
    }
  }

  /** Where the item at `path` begins (the end of what comes before it) and ends; the whole text for the top. */
  private partOf(path: readonly PathSegment[]): [number, number] {
    if (path.length === 0) return [0, this.text.length];
    const item = this.doc.getIn(path, true) as Node | undefined;
    if (!item?.range) return [0, 0];
    const index = path.at(-1);
    const parent = this.doc.getIn(path.slice(0, -1), true);
    if (!isSeq(parent) || typeof index !== 'number') return [item.range[0], item.range[2]];
    if (index > 0) return [(parent.items[index - 1] as Node).range?.[1] ?? item.range[0], item.range[2]];
    // The first item: from the key of its list (`members:`), so a note above it is its own.
    const holder = path.length >= 2 ? this.doc.getIn(path.slice(0, -2), true) : undefined;
    const key = isMap(holder) ? (findPair(holder, String(path.at(-2)))?.key as Node | undefined) : undefined;
    return [key?.range?.[1] ?? parent.range?.[0] ?? item.range[0], item.range[2]];
  }

  /** Removes a key and its value (the whole line in a block mapping). */
  delete(mapPath: readonly PathSegment[], key: string): void {
    const map = this.mapAt(mapPath);
    const pair = findPair(map, key);
    if (!pair) return;
    const start = (pair.key as Node).range![0];
    const end = ((pair.value as Node | null)?.range ?? (pair.key as Node).range!)[2];
    if (map.flow) {
      const before = this.text.lastIndexOf(',', start);
      const from = before > (map.range?.[0] ?? 0) ? before : start;
      const comma = this.text.indexOf(',', end);
      const to = from === start && comma !== -1 && comma < (map.range?.[1] ?? 0) ? comma + 1 : end;
      this.splices.push({ start: from, end: to, text: '', order: this.splices.length });
      return;
    }
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const nextLine = this.text.indexOf('\n', Math.max(end - 1, start));
    this.splices.push({ start: lineStart, end: nextLine === -1 ? this.text.length : nextLine + 1, text: '', order: this.splices.length });
  }

  /** The comment at the end of a key's line in a block mapping (`mentor: ada # why`), after its `#`; undefined when none. */
  lineComment(mapPath: readonly PathSegment[], key: string): string | undefined {
    const map = this.mapAt(mapPath);
    const pair = findPair(map, key);
    if (!pair || map.flow) return undefined;
    const end = ((pair.value as Node | null)?.range ?? (pair.key as Node).range!)[1];
    const newline = this.text.indexOf('\n', end);
    return /^[ \t]+#(.*?)\r?$/.exec(this.text.slice(end, newline === -1 ? undefined : newline))?.[1];
  }

  /** Removes the comment at the end of a key's line (lineComment), with the blanks before it. */
  deleteLineComment(mapPath: readonly PathSegment[], key: string): void {
    const map = this.mapAt(mapPath);
    const pair = findPair(map, key);
    if (!pair || map.flow) return;
    const end = ((pair.value as Node | null)?.range ?? (pair.key as Node).range!)[1];
    const comment = /^[ \t]+#[^\r\n]*/.exec(this.text.slice(end));
    if (comment) this.splices.push({ start: end, end: end + comment[0].length, text: '', order: this.splices.length });
  }

  has(mapPath: readonly PathSegment[], key: string): boolean {
    return findPair(this.mapAt(mapPath), key) !== undefined;
  }

  toString(): string {
    // Inserted lines take the file's line endings: a CRLF file (core.autocrlf) stays CRLF.
    const crlf = this.text.includes('\r\n');
    // Pieces joined once, in source order (at one offset, in the order the edits were asked for):
    // thousands of placements in one cohort.yaml cost one pass over its text, not one each.
    const sorted = [...this.splices].sort((a, b) => a.start - b.start || a.order - b.order);
    const pieces: string[] = [];
    let cursor = 0;
    for (const splice of sorted) {
      if (splice.start > cursor) pieces.push(this.text.slice(cursor, splice.start));
      pieces.push(crlf ? splice.text.replace(/\r?\n/g, '\r\n') : splice.text);
      cursor = Math.max(cursor, splice.end);
    }
    pieces.push(this.text.slice(cursor));
    return pieces.join('');
  }

  private insertPair(map: YAMLMap, key: string, rendered: string, after: readonly string[]): void {
    const anchor = after.map((name) => findPair(map, name)).find((pair) => pair !== undefined) ?? map.items.at(-1);
    if (map.flow) {
      const at = anchor ? pairEnd(anchor) : map.range![0] + 1;
      this.splices.push({ start: at, end: at, text: `${anchor ? ', ' : ' '}${key}: ${rendered}`, order: this.splices.length });
      return;
    }
    if (!anchor) throw new Error(`cannot insert ${key} into an empty mapping`);
    const keyStart = (anchor.key as Node).range![0];
    const indent = ' '.repeat(keyStart - (this.text.lastIndexOf('\n', keyStart - 1) + 1));
    this.insertLines(anchor, `${indent}${key}: ${rendered}`);
  }

  /** Inserts whole lines after the anchor's last line (its value may span lines, e.g. a block list). */
  private insertLines(anchor: Pair, lines: string): void {
    const end = this.trimEnd(pairEnd(anchor));
    const newline = this.text.indexOf('\n', end);
    const at = newline === -1 ? this.text.length : newline + 1;
    const lead = newline === -1 ? '\n' : '';
    this.splices.push({ start: at, end: at, text: `${lead}${lines}\n`, order: this.splices.length });
  }

  private mapAt(path: readonly PathSegment[]): YAMLMap {
    const node = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (!isMap(node)) throw new Error(`no mapping at ${path.join('.') || 'the top'}`);
    return node;
  }

  /** The end of the text before any trailing newlines or spaces. */
  private trimEnd(offset: number): number {
    let end = offset;
    while (end > 0 && /\s/.test(this.text[end - 1]!)) end--;
    return end;
  }

  /** The end of the key's line part before a block value: right after `key:`. */
  private lineEndBefore(valueStart: number): number {
    const lineStart = this.text.lastIndexOf('\n', valueStart - 1);
    const colonLine = this.text.lastIndexOf(':', lineStart);
    return colonLine + 1;
  }
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)) === key) as Pair | undefined;
}

function pairEnd(pair: Pair): number {
  const value = pair.value as Node | null;
  return value?.range ? value.range[1] : (pair.key as Node).range![1];
}

/** A value as one line of YAML (flow style for lists and mappings), quoted only when needed. */
export function renderInline(value: unknown): string {
  const text = stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd();
  // A value YAML would write over several lines (a block scalar) is written as JSON, which is
  // also YAML: one double-quoted line with escapes.
  return text.includes('\n') ? JSON.stringify(value) : text;
}
