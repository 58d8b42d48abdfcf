import { classifyPath } from '../domain/layout.js';
import type { Problem } from './problem.js';
import type { Program } from './program.js';
import { readRecord } from './read-record.js';
import type { Log } from './schemas.js';
import type { Change } from './scope.js';

export interface LogBeforeAfter {
  cohort: string;
  person: string;
  week: string;
  before?: Log;
  after?: Log;
}

/** The logs a change touches, as they were at the base and as they are at the head. */
export function changedLogs(base: Program, head: Program, changes: readonly Change[]): Map<string, LogBeforeAfter> {
  const logs = new Map<string, LogBeforeAfter>();
  const read = (program: Program, file: string) => {
    const what = classifyPath(file);
    if (what.kind !== 'log') return undefined;
    return readRecord(program.records, { file, kind: 'log', nameId: what.week, cohort: what.cohort, person: what.person }, [] as Problem[]).record;
  };
  // Each side's logs in one read of git's objects, not one each (1,000 changed logs were 1,000 processes).
  const logChanges = changes.filter((change) => classifyPath(change.path).kind === 'log');
  base.records.prefetch?.(logChanges.filter((change) => change.status !== 'added').map((change) => change.from ?? change.path));
  head.records.prefetch?.(logChanges.filter((change) => change.status !== 'deleted').map((change) => change.path));
  for (const change of logChanges) {
    const what = classifyPath(change.path);
    if (what.kind !== 'log') continue;
    logs.set(change.path, {
      cohort: what.cohort,
      person: what.person,
      week: what.week,
      before: change.status === 'added' ? undefined : read(base, change.from ?? change.path),
      after: change.status === 'deleted' ? undefined : read(head, change.path),
    });
  }
  return logs;
}
