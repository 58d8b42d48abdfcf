import { isMap, isSeq, type YAMLMap } from 'yaml';
import { parseForEdit } from '../model/repeated-keys.js';
import { renderNewDocument } from './new-yaml.js';
import { YamlEditor } from './yaml-edit.js';
import type { LogDraft } from '../core/log-draft.js';
import { schemaLineFor } from '../model/json-schema.js';

const FIELD_ORDER = ['person', 'week', 'hours', 'pullRequests', 'done', 'blockers', 'next'] as const;

function plainLog(draft: LogDraft): Record<string, unknown> {
  const log: Record<string, unknown> = { person: draft.person, week: draft.week, hours: draft.hours };
  if (draft.pullRequests.length > 0) log.pullRequests = draft.pullRequests;
  for (const field of ['done', 'blockers', 'next'] as const) if (draft[field]) log[field] = draft[field];
  return log;
}

/** A new log file: the schema line, then the fields in schema order. Any text round-trips. */
export function renderNewLog(draft: LogDraft, file: string): string {
  return renderNewDocument([schemaLineFor('log', file)], plainLog(draft));
}

/**
 * The same log with new values, edited in place: comments, key order, alignment and the style of
 * every untouched entry are kept.
 */
export function updateLogText(existing: string, draft: LogDraft, file: string): string {
  const { doc } = parseForEdit(existing);
  if (!isMap(doc.contents)) return renderNewLog(draft, file);
  const editor = new YamlEditor(existing);
  const wanted = plainLog(draft);
  const order = [...FIELD_ORDER];
  for (const field of FIELD_ORDER) {
    const value = wanted[field];
    const after = order.slice(0, order.indexOf(field)).reverse();
    if (value === undefined) {
      editor.delete([], field);
    } else if (field === 'hours' && isMap(doc.get('hours', true)) && Object.keys(value as object).length > 0) {
      const hours = value as Record<string, number>;
      const current = doc.get('hours', true) as YAMLMap;
      for (const pair of current.items) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        if (!(key in hours)) editor.delete(['hours'], key);
      }
      for (const [activity, amount] of Object.entries(hours)) editor.set(['hours'], activity, amount);
    } else if (field === 'pullRequests' && isSeq(doc.get(field, true)) && JSON.stringify((doc.get(field, true) as { toJSON(): unknown }).toJSON()) === JSON.stringify(value)) {
      continue;
    } else {
      editor.set([], field, value, after);
    }
  }
  return editor.toString();
}
