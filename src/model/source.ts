import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLMap } from 'yaml';
import type { Problem, Severity } from './problem.js';
import { fastParse } from './fast-yaml.js';
import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import { excessiveNesting, MAX_DEPTH } from './yaml-depth.js';
import { describeYamlErrors } from './yaml-slips.js';
import { withRepeatedKeys } from './repeated-keys.js';

/** More aliases than this in one record is an alias bomb, not a weekly log. */
export const MAX_ALIASES = 50;

export type PathSegment = string | number;

// Keys written twice are found by repeatedKeys (model/repeated-keys.ts), in one pass: the parser's own check is quadratic.
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' } as const;

/**
 * A YAML file parsed with positions, so that any problem can point at the key or value it is
 * about. Parsing is done once; positions cost nothing until asked for.
 */
export class YamlSource {
  readonly problems: Problem[] = [];
  /** The plain value, or undefined when the YAML could not be read. */
  value: unknown;
  private doc: Document | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    // Plain records take the fast path; the full parser (and positions) only when needed.
    const fast = fastParse(text);
    if (fast !== undefined) {
      this.value = fast.value;
      return;
    }
    this.parseFully();
  }

  /** The full parse: errors with positions, forbidden keys, aliases. */
  private parseFully(): void {
    const text = this.text;
    // Conflict markers from a merge are the one thing to fix first; YAML errors would only blur it.
    const conflict = /^(<{7}|={7}|>{7})(?: |$)/m.exec(text);
    if (conflict) {
      this.add(conflict.index, 'merge-conflict', 'error', `Unresolved merge conflict: the file still holds git's ${conflict[1]} markers.`, 'Keep the right lines, delete the <<<<<<<, ======= and >>>>>>> lines, then commit.');
      return;
    }
    // The yaml library ends lines at LF only: lines ended by a lone CR (classic Mac) read as one line.
    const loneCr = /\r(?!\n)/.exec(text);
    if (loneCr) {
      this.add(loneCr.index, 'yaml-syntax', 'error', 'This line ends with a lone carriage return (CR, the line ending of old Macs), so YAML reads it and the lines after it as one line.', 'Save the file with LF (or CRLF) line endings: most editors show and change the line ending in their status bar.');
      return;
    }
    // Refused before the parser, which would spend seconds and hundreds of megabytes on it.
    const tooDeep = excessiveNesting(text);
    if (tooDeep !== -1) {
      this.add(tooDeep, 'yaml-too-deep', 'error', `The YAML nests more than ${MAX_DEPTH} levels deep here; a record is a few levels deep.`, 'Flatten the value: a record is a mapping of fields holding short lists and mappings.');
      return;
    }
    try {
      this.doc = parseDocument(text, PARSE_OPTIONS);
    } catch (error) {
      // The parser recurses on nesting; a file nested thousands deep can exhaust the stack.
      this.add(0, 'yaml-syntax', 'error', `The YAML could not be parsed (${error instanceof Error ? error.message : 'unknown error'}).`, 'Simplify the file: records are shallow mappings.');
      return;
    }
    const errors = withRepeatedKeys(this.doc);
    const tab = errors.length > 0 ? /^[ ]*\t/m.exec(this.text) : null;
    if (tab) {
      // One tab in the indentation breaks every line after it; say the one cause, once.
      this.add(tab.index + tab[0].length - 1, 'yaml-tab-indent', 'error', 'This line is indented with a tab; YAML indents with spaces only.', 'Replace the tab with spaces (two per level); most editors can show tabs and convert them.');
      return;
    }
    for (const slip of describeYamlErrors(text, this.doc, errors)) this.add(slip.offset, slip.rule, 'error', slip.message, slip.fix);
    if (errors.length > 0) return;
    if (!this.checkKeysAndAliases()) return;
    try {
      this.value = this.doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      this.add(0, 'yaml-alias-limit', 'error', `The YAML expands too far through aliases (${error instanceof Error ? error.message : 'unknown error'}).`, 'Write the values out instead of using anchors and aliases.');
      this.value = undefined;
    }
  }

  /** The document with positions, parsed on first need (a fast-path file that has a problem). */
  private ensureDocument(): void {
    if (this.doc !== undefined) return;
    try {
      this.doc = parseDocument(this.text, PARSE_OPTIONS);
    } catch {
      // Unparseable even for positions (nesting too deep): problems point at the file's start.
      this.doc = parseDocument('');
    }
  }

  /**
   * Offset-based position, 1-based line and column. Lines are counted here from the text itself
   * (the parser's own line counter misses lines it skips while recovering from errors).
   */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - starts[low]! + 1 };
  }

  private starts: number[] | undefined;

  private lineStarts(): number[] {
    if (!this.starts) {
      this.starts = [0];
      for (let index = this.text.indexOf('\n'); index !== -1; index = this.text.indexOf('\n', index + 1)) this.starts.push(index + 1);
    }
    return this.starts;
  }

  add(offset: number, rule: string, severity: Severity, message: string, fix?: string): Problem {
    const problem = this.problemAtOffset(offset, rule, severity, message, fix);
    this.problems.push(problem);
    return problem;
  }

  /** Adds a problem at the node a path leads to (or the nearest existing parent). */
  addAt(path: readonly PathSegment[], at: 'key' | 'value', rule: string, severity: Severity, message: string, fix?: string): Problem {
    return this.add(this.offsetOf(path, at), rule, severity, message, fix);
  }

  /** A problem at the node a path leads to, for the caller to keep. */
  problemAt(path: readonly PathSegment[], at: 'key' | 'value', rule: string, severity: Severity, message: string, fix?: string): Problem {
    return this.problemAtOffset(this.offsetOf(path, at), rule, severity, message, fix);
  }

  private problemAtOffset(offset: number, rule: string, severity: Severity, message: string, fix?: string): Problem {
    return { file: this.file, ...this.position(offset), rule, severity, message, ...(fix ? { fix } : {}) };
  }

  /** The source offset of the key or value at a path; the closest existing ancestor if it is missing. */
  offsetOf(path: readonly PathSegment[], at: 'key' | 'value'): number {
    this.ensureDocument();
    let node: unknown = this.doc?.contents;
    let keyNode: Node | undefined;
    let found = true;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairNamed(node, String(segment));
        if (!pair) {
          found = false;
          break;
        }
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        keyNode = undefined;
        node = node.items[segment];
      } else {
        found = false;
        break;
      }
    }
    const valueStart = (node as Node | null | undefined)?.range?.[0];
    if (at === 'key' && found && keyNode?.range) return keyNode.range[0];
    if (valueStart !== undefined && (node as Node).range![1] > valueStart) return valueStart;
    if (keyNode?.range) return keyNode.range[0];
    return valueStart ?? 0;
  }

  /** A node's range starts after its tag: the offset of the tag itself (`!custom value`). */
  private tagStart(valueStart: number): number {
    let at = valueStart;
    while (at > 0 && (this.text[at - 1] === ' ' || this.text[at - 1] === '\t')) at--;
    let start = at;
    while (start > 0 && !/\s/.test(this.text[start - 1]!)) start--;
    return this.text[start] === '!' ? start : valueStart;
  }

  private checkKeysAndAliases(): boolean {
    let aliases = 0;
    let ok = true;
    // Anchors in document order, as the parser resolves them: an alias stands for an anchor above it.
    const anchors = new Set<string>();
    visit(this.doc!, {
      Pair: (_, pair) => {
        if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
          this.add(pair.key.range?.[0] ?? 0, 'forbidden-key', 'error', `The key "${String(pair.key.value)}" is not allowed in a record.`, 'Delete this key.');
        }
        if (isPair(pair) && pair.key !== null && !isScalar(pair.key)) {
          this.add((pair.key as Node).range?.[0] ?? 0, 'yaml-complex-key', 'error', 'Keys must be plain names, not lists or mappings.', 'Write the key as a plain word.');
          ok = false;
        }
      },
      Node: (_, node) => {
        const anchor = (node as { anchor?: string }).anchor;
        if (anchor !== undefined) anchors.add(anchor);
        const tag = (node as { tag?: string }).tag;
        if (tag === undefined || CORE_TAGS.has(tag)) return;
        this.add(this.tagStart((node as Node).range?.[0] ?? 0), 'yaml-tag', 'error', tagMessage(tag), 'Delete the tag and write the value as plain YAML: text, a number, true/false, a list or a mapping.');
        ok = false;
      },
      Alias: (_, alias) => {
        aliases += 1;
        if (isAlias(alias) && !anchors.has(alias.source)) {
          this.add(alias.range?.[0] ?? 0, 'yaml-syntax', 'error', `The alias *${alias.source} has no anchor &${alias.source} before it to stand for.`, `Write the value out here, or set the anchor &${alias.source} on a value above this line.`);
          ok = false;
        }
        if (aliases === MAX_ALIASES + 1 && isAlias(alias)) {
          this.add(alias.range?.[0] ?? 0, 'yaml-alias-limit', 'error', `More than ${MAX_ALIASES} aliases in one record (an alias bomb?).`, 'Write the values out instead of using anchors and aliases.');
          ok = false;
        }
      },
    });
    return ok;
  }
}

/** The tags of the YAML 1.2 core schema, which records are read with; any other is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

function tagMessage(tag: string): string {
  const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
  if (shown === '!!binary') return 'The tag !!binary marks base64-encoded binary data, which no record field holds.';
  if (shown.startsWith('!!js/') || shown.startsWith('!!python/') || shown.startsWith('!ruby/')) return `The tag ${shown} asks for code or a language's object; mentor never runs or builds anything from YAML.`;
  return `The tag ${shown} is a custom YAML tag; records are plain YAML and mentor does not read tagged values.`;
}

type YamlPair = YAMLMap['items'][number];
/** Each map's pairs by key, made on first need: finding the place of every key of a map of thousands of keys stays linear. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, YamlPair>>();

/** The first pair of a map whose scalar key reads `key` (as a search of the items would find it). */
function pairNamed(map: YAMLMap, key: string): YamlPair | undefined {
  if (map.items.length <= 16) return map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    pairsByKey.set(map, index);
  }
  return index.get(key);
}
