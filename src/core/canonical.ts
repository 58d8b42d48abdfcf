import { isRole, tierRank, type Role } from '../domain/tiers.js';
import type * as z from 'zod';
import { isMap, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { RECORD_SCHEMAS, type RecordKind } from '../model/schemas.js';
import { elementOf, shapeOf } from '../model/schema-walk.js';
import { repeatedKeys } from '../model/repeated-keys.js';
import { needsNoReordering, SORTED_LISTS } from './canonical-quick.js';

// `mentor fix`: a record in canonical form, comments kept (they travel with their keys and list
// items): keys in schema order, members by tier then id, skills/languages/wants sorted without
// duplicates, the schema line on top, no trailing whitespace, one final newline.

export interface CanonicalOptions {
  sortMembers: boolean;
  schemaLine: string;
}

/** The canonical text, or undefined when the YAML cannot be read (validate says why). */
export function canonicalText(kind: RecordKind, text: string, options: CanonicalOptions): string | undefined {
  return needsNoReordering(kind, text, options.sortMembers) ? tidy(text) : reorderedText(kind, text, options);
}

/** The canonical text as the full parser makes it, comments kept; what canonicalText gives for any record the quick check cannot vouch for. */
export function reorderedText(kind: RecordKind, text: string, options: CanonicalOptions): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, version: '1.2' });
  if (doc.errors.length > 0 || repeatedKeys(doc).length > 0 || !isMap(doc.contents)) return undefined;
  const untouched = doc.toString(STRINGIFY);
  const aliases = aliasTargets(doc);
  // The parser hangs a schema line written right above the first key on that key; it stays on top.
  const schemaLine = detachSchemaLine(doc.contents);
  orderKeys(doc.contents, RECORD_SCHEMAS[kind]);
  if (schemaLine !== undefined) attachSchemaLine(doc.contents, schemaLine);
  if (kind === 'cohort' && options.sortMembers) sortMembers(doc);
  sortLists(doc.contents);
  const hasSchemaLine = /^#\s*yaml-language-server:\s*\$schema=/m.test(text);
  if (hasSchemaLine && stringify(doc, aliases) === untouched) {
    // Nothing to reorder: keep the author's layout (aligned comments and all), only tidy line ends.
    return tidy(text);
  }
  if (!hasSchemaLine) {
    const schemaComment = options.schemaLine.replace(/^#/, '');
    doc.commentBefore = [schemaComment, ...(doc.commentBefore ? [doc.commentBefore] : [])].join('\n');
  }
  return tidy(stringify(doc, aliases));
}

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * The document as text. Where the new order puts an alias before its anchor (which YAML cannot
 * say), each alias is written out as a copy of its value: the record means the same.
 */
function stringify(doc: Document, aliases: ReadonlyMap<Alias, Node>): string {
  try {
    return doc.toString(STRINGIFY);
  } catch (error) {
    if (aliases.size === 0) throw error;
    visit(doc, {
      Alias(_key, alias) {
        const copy = aliases.get(alias)?.clone() as Node | undefined;
        if (copy) delete (copy as { anchor?: string }).anchor;
        return copy;
      },
    });
    return doc.toString(STRINGIFY);
  }
}

/** What each alias stands for, found while anchors still come first. */
function aliasTargets(doc: Document): Map<Alias, Node> {
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Alias(_key, alias) {
      const target = alias.resolve(doc) as Node | undefined;
      if (target) targets.set(alias, target);
    },
  });
  return targets;
}

const SCHEMA_COMMENT = /^\s*yaml-language-server:\s*\$schema=/;

/** Takes the schema line off the comment above the first key, where the parser puts it (with any header above it); the rest of that comment stays. */
function detachSchemaLine(map: YAMLMap): string | undefined {
  const key = map.items[0]?.key;
  if (!isScalar(key) || !key.commentBefore) return undefined;
  const lines = key.commentBefore.split('\n');
  const at = lines.findIndex((line) => SCHEMA_COMMENT.test(line));
  if (at === -1) return undefined;
  const rest = lines.filter((_, index) => index !== at);
  key.commentBefore = rest.length > 0 ? rest.join('\n') : undefined;
  return lines[at];
}

/** Puts the schema line back on top, above whatever key is first now (and the blank line that key may have had above it). */
function attachSchemaLine(map: YAMLMap, line: string): void {
  const key = map.items[0]?.key;
  if (!isScalar(key)) return;
  key.spaceBefore = false;
  key.commentBefore = key.commentBefore === undefined || key.commentBefore === null ? line : `${line}\n${key.commentBefore}`;
}

/** No trailing whitespace, one final newline. */
function tidy(text: string): string {
  return `${text.split('\n').map((line) => line.trimEnd()).join('\n').replace(/\n*$/, '')}\n`;
}

const keyOf = (pair: { key: unknown }) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/** Keys in the order the schema declares them; unknown keys keep their order, after the known ones. */
function orderKeys(map: YAMLMap, schema: z.ZodType | unknown): void {
  const shape = shapeOf(schema);
  if (shape) {
    const order = Object.keys(shape);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    map.items = map.items.map((pair, index) => ({ pair, index })).sort((a, b) => rank(keyOf(a.pair)) - rank(keyOf(b.pair)) || a.index - b.index).map(({ pair }) => pair);
  }
  for (const pair of map.items) {
    const childSchema = shape ? shape[keyOf(pair)] : elementOf(schema);
    if (isMap(pair.value)) orderKeys(pair.value, childSchema);
    else if (isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) orderKeys(item, elementOf(childSchema));
  }
}

function sortMembers(doc: Document): void {
  const members = doc.get('members', true) as YAMLSeq | undefined;
  if (!isSeq(members)) return;
  const sortKey = (item: unknown) => (isMap(item) ? [isRole(item.get('role')) ? tierRank(item.get('role') as Role) : 3, String(item.get('person') ?? '')] : [4, ''] as const);
  members.items = members.items
    .map((item, index) => ({ item, index, key: sortKey(item) }))
    .sort((a, b) => (a.key[0] as number) - (b.key[0] as number) || (a.key[1] < b.key[1] ? -1 : a.key[1] > b.key[1] ? 1 : 0) || a.index - b.index)
    .map(({ item }) => item);
}

function sortLists(node: unknown): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (SORTED_LISTS.has(keyOf(pair)) && isSeq(pair.value) && pair.value.items.every(isScalar)) {
        const seen = new Set<string>();
        pair.value.items = pair.value.items
          .filter((item) => {
            const value = String((item as { value: unknown }).value);
            if (seen.has(value)) return false;
            seen.add(value);
            return true;
          })
          .sort((a, b) => (String((a as { value: unknown }).value) < String((b as { value: unknown }).value) ? -1 : 1));
      } else {
        sortLists(pair.value);
      }
    }
  } else if (isSeq(node)) {
    for (const item of node.items) sortLists(item);
  }
}
