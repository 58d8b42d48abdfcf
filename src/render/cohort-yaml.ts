import { YamlEditor } from './yaml-edit.js';

export interface MemberEdit {
  /** Index in the `members:` list of the file. */
  index: number;
  mentor: string;
  assignedAt: string;
}

/**
 * Adds `mentor:` (after `role:`) and `assignedAt:` (after `requestedAt:`, else after `mentor:`)
 * to members. The edit is surgical: every comment, the order of keys, the alignment and the
 * block or flow style of each entry are kept.
 */
export function applyMemberEdits(text: string, edits: readonly MemberEdit[]): string {
  const editor = new YamlEditor(text);
  for (const edit of edits) {
    editor.set(['members', edit.index], 'mentor', edit.mentor, ['role', 'person']);
    editor.set(['members', edit.index], 'assignedAt', edit.assignedAt, ['requestedAt', 'role', 'person']);
  }
  return editor.toString();
}
