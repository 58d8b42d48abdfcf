import { Document, isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
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
  const doc = new Document(plainLog(draft));
  return `${schemaLineFor('log', file)}\n${doc.toString({ lineWidth: 0 })}`;
}

/**
 * The same log with new values, edited in place: comments, key order and the style of every
 * untouched entry are kept.
 */
export function updateLogText(existing: string, draft: LogDraft, file: string): string {
  const doc = parseDocument(existing);
  if (!isMap(doc.contents)) return renderNewLog(draft, file);
  const wanted = plainLog(draft);
  for (const field of FIELD_ORDER) {
    const value = wanted[field];
    if (value === undefined) {
      doc.delete(field);
    } else if (field === 'hours') {
      const current = doc.get('hours', true);
      if (!isMap(current)) {
        doc.set('hours', doc.createNode(value));
        continue;
      }
      const hours = value as Record<string, number>;
      for (const pair of [...(current as YAMLMap).items]) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        if (!(key in hours)) current.delete(key);
      }
      for (const [activity, amount] of Object.entries(hours)) {
        if (current.get(activity) !== amount) current.set(activity, amount);
      }
    } else if (field === 'pullRequests') {
      const current = doc.get(field, true);
      const same = isSeq(current) && JSON.stringify(current.toJSON()) === JSON.stringify(value);
      if (!same) doc.set(field, doc.createNode(value));
    } else if (doc.get(field) !== value) {
      doc.set(field, value);
    }
  }
  return doc.toString({ lineWidth: 0 });
}
