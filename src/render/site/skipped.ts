import type { SkippedRecord } from '../../core/site.js';
import { badge, section, table, text } from './html.js';
import { plural } from '../words.js';

// The records a page leaves out because they have errors: said near the top, each with where
// and why, so a reader knows what the numbers below are missing.

export function skippedSection(records: readonly SkippedRecord[]): string {
  if (records.length === 0) return '';
  const intro = `<p>${badge('warn', `${plural(records.length, 'record')} left out`)} These records have errors, so what they hold is not shown: a log left out counts as a week without a log; of a person file, only the fields valid on their own are used. <code>mentor validate</code> says how to fix each.</p>\n`;
  const rows = records.map((record) => [`<code>${text(record.file)}</code>`, `${record.line}:${record.column}`, text(record.message)]);
  return section('left-out', 'Left out', intro + table('Each record left out, where its first error is, and the error.', [{ head: 'File' }, { head: 'Line:column' }, { head: 'Error' }], rows));
}
