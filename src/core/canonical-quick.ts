import { isRole, tierRank, type Role } from '../domain/tiers.js';
import { fastParse } from '../model/fast-yaml.js';
import { RECORD_SCHEMAS, type RecordKind } from '../model/schemas.js';
import { elementOf, shapeOf } from '../model/schema-walk.js';

// `mentor fix` on a program of a hundred thousand records: almost all are canonical already
// (mentor wrote them). Building a YAML document of each, with its comments, and printing it twice
// cost several times a validate of the same repo. Here the plain value from the fast reader is
// enough to prove a record needs no reordering, so its canonical form is its own text, tidied.
// Anything this does not fully understand (another layout of the top, anything the fast reader
// leaves to the full parser) answers false, and canonical.ts decides with the full parser.

const SCHEMA_ON_TOP = /^#\s*yaml-language-server:\s*\$schema=[^\n]*\n(?:\r?\n)?[A-Za-z_]/;
/** The lists `mentor fix` sorts, wherever they are. */
export const SORTED_LISTS: ReadonlySet<string> = new Set(['skills', 'languages', 'wants']);

type Value = Record<string, unknown>;
const isMapValue = (value: unknown): value is Value => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True only when the record is certainly in canonical order: the schema line is the first line,
 * with at most a blank line before the first key, and the keys, the sorted lists and (with
 * `sortMembers`) a cohort's members are already in the order `mentor fix` would put them in.
 */
export function needsNoReordering(kind: RecordKind, text: string, sortMembers: boolean): boolean {
  if (!SCHEMA_ON_TOP.test(text)) return false;
  const parsed = fastParse(text);
  if (parsed === undefined || !isMapValue(parsed.value)) return false;
  const value = parsed.value;
  return keysInOrder(value, RECORD_SCHEMAS[kind]) && listsSorted(value) && (kind !== 'cohort' || !sortMembers || membersSorted(value));
}

/** As canonical.ts orders keys: schema order, unknown keys after the known ones. */
function keysInOrder(map: Value, schema: unknown): boolean {
  const shape = shapeOf(schema);
  const keys = Object.keys(map);
  if (shape) {
    const order = Object.keys(shape);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    for (let i = 1; i < keys.length; i++) if (rank(keys[i]!) < rank(keys[i - 1]!)) return false;
  }
  for (const key of keys) {
    const childSchema = shape ? shape[key] : elementOf(schema);
    const child = map[key];
    if (isMapValue(child) && !keysInOrder(child, childSchema)) return false;
    if (Array.isArray(child) && !child.every((item) => !isMapValue(item) || keysInOrder(item, elementOf(childSchema)))) return false;
  }
  return true;
}

/** As canonical.ts sorts `skills`, `languages` and `wants`, wherever they are: strictly ascending means nothing to drop or move. */
function listsSorted(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(listsSorted);
  if (!isMapValue(node)) return true;
  return Object.entries(node).every(([key, child]) => {
    if (!SORTED_LISTS.has(key) || !Array.isArray(child) || !child.every((item) => !isMapValue(item) && !Array.isArray(item))) return listsSorted(child);
    // Only strings are judged here: other scalars are left to the full parser.
    return child.every((item, index) => typeof item === 'string' && (index === 0 || (child[index - 1] as string) < item));
  });
}

/** As canonical.ts sorts members: by tier, then person. */
function membersSorted(cohort: Value): boolean {
  const members = cohort.members;
  if (!Array.isArray(members)) return true;
  const keys = members.map((item) => (isMapValue(item) ? [isRole(item.role) ? tierRank(item.role as Role) : 3, String(item.person ?? '')] : [4, '']) as [number, string]);
  return keys.every((key, index) => {
    if (index === 0) return true;
    const before = keys[index - 1]!;
    return before[0] < key[0] || (before[0] === key[0] && before[1] <= key[1]);
  });
}
