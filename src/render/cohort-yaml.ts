import { placeOf, type CohortEntry } from '../model/program.js';
import { memberSchema } from '../model/schemas.js';
import { Document, isMap, isSeq, type Scalar } from 'yaml';
import { YamlEditor, type PathSegment } from './yaml-edit.js';
import { WAITING_NOTES } from '../domain/text.js';

export interface MemberEdit {
  person: string;
  /** Fields to set (a key missing from the member is inserted in the schema's key order). */
  set?: Record<string, unknown>;
  /** Fields to delete. */
  unset?: readonly string[];
}

const MEMBER_KEYS = Object.keys(memberSchema.shape);

/** Lists of records, one item a line: readable in a diff. */
const BLOCK_KEYS = new Set(['history']);

/** Where a new key goes: after the first of these the member has (else after the keys before it in the schema). */
const INSERT_AFTER: Record<string, readonly string[]> = { mentor: ['role', 'person'], assignedAt: ['requestedAt', 'mentor', 'role', 'person'] };
const keysBefore = (key: string) => INSERT_AFTER[key] ?? MEMBER_KEYS.slice(0, Math.max(0, MEMBER_KEYS.indexOf(key))).reverse();

/**
 * Edits members where they are written (an entry of `members:` in cohort.yaml, or a member
 * file) and returns the new text of each file touched. The edits are surgical: every comment,
 * the order of keys, the alignment and the block or flow style of each entry are kept.
 */
export function applyMemberEdits(entry: CohortEntry, edits: readonly MemberEdit[]): Map<string, string> {
  const editors = new Map<string, YamlEditor>();
  for (const edit of edits) {
    const place = placeOf(entry, edit.person);
    if (place === undefined) throw new RangeError(`${edit.person} is not a member of ${entry.id}`);
    let editor = editors.get(place.file);
    if (!editor) editors.set(place.file, (editor = new YamlEditor(place.source.text)));
    for (const [key, value] of Object.entries(edit.set ?? {})) {
      if (BLOCK_KEYS.has(key)) editor.setBlock(place.path, key, withLeftComments(editor, place.path, value, edit), keysBefore(key));
      else editor.set(place.path, key, value, keysBefore(key));
    }
    // A member placed is no longer the request its note says is waiting.
    if (edit.set?.mentor !== undefined) for (const note of Object.values(WAITING_NOTES)) editor.deleteCommentLine(note, place.path);
    for (const key of edit.unset ?? []) editor.delete(place.path, key);
  }
  return new Map([...editors].map(([file, editor]) => [file, editor.toString()]));
}

/**
 * A match moved into history (the list's last item, new) keeps the comments of the lines the
 * release deletes or gives a new value (`mentor: ada # chosen at the kickoff`, `requestedAt: ...
 * # asked at the fair`), on the same fields there: a comment goes with the value it spoke of, and
 * the new requestedAt starts without one.
 */
function withLeftComments(editor: YamlEditor, path: readonly PathSegment[], value: unknown, edit: MemberEdit): unknown {
  const replaced = Object.keys(edit.set ?? {}).filter((key) => !BLOCK_KEYS.has(key));
  const comments = [...(edit.unset ?? []), ...replaced].flatMap((key) => {
    const comment = editor.lineComment(path, key);
    return comment === undefined ? [] : [[key, comment] as const];
  });
  if (comments.length === 0 || !Array.isArray(value)) return value;
  const doc = new Document(value);
  const last = isSeq(doc.contents) ? doc.contents.items.at(-1) : undefined;
  if (!isMap(last)) return value;
  for (const [key, comment] of comments) {
    const node = last.get(key, true) as Scalar | undefined;
    if (!node) continue;
    node.comment = comment;
    if (replaced.includes(key)) editor.deleteLineComment(path, key);
  }
  return doc;
}
