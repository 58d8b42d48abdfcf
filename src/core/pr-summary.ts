import type { Cohort, Log } from '../model/schemas.js';
import type { Verdict } from './ownership.js';
import type { Problem } from '../model/problem.js';
import { roundHours } from '../domain/commitments.js';

// What a pull request changes, in plain words, for a comment on it. Pure: the changed records
// before and after are arguments.

export interface LogChange {
  kind: 'log';
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  person: string;
  week: string;
  cohort: string;
  hours?: number;
  previousHours?: number;
  plannedHours?: number;
  pullRequests: number;
}

export interface CohortChange {
  kind: 'cohort';
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  cohort: string;
  placed: Array<{ person: string; mentor: string }>;
  moved: Array<{ person: string; from: string; to: string }>;
  joined: string[];
  left: string[];
}

export interface OtherChange {
  kind: 'report' | 'person' | 'config' | 'other';
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  path: string;
}

export type Change = LogChange | CohortChange | OtherChange;

export function logHours(log: Log | undefined): number | undefined {
  return log === undefined ? undefined : roundHours(Object.values(log.hours).reduce((sum, hours) => sum + hours, 0));
}

export function cohortChange(status: CohortChange['status'], id: string, before: Cohort | undefined, after: Cohort | undefined): CohortChange {
  const old = new Map((before?.members ?? []).map((m) => [m.person, m]));
  const now = new Map((after?.members ?? []).map((m) => [m.person, m]));
  const change: CohortChange = { kind: 'cohort', status, cohort: id, placed: [], moved: [], joined: [], left: [] };
  for (const [person, member] of now) {
    const previous = old.get(person);
    if (!previous) change.joined.push(person);
    else if (previous.mentor === undefined && member.mentor !== undefined) change.placed.push({ person, mentor: member.mentor });
    else if (previous.mentor !== undefined && member.mentor !== undefined && previous.mentor !== member.mentor) change.moved.push({ person, from: previous.mentor, to: member.mentor });
  }
  for (const person of old.keys()) if (!now.has(person)) change.left.push(person);
  return change;
}

const h = (value: number | undefined) => (value === undefined ? '?' : `${value} h`);
const list = (items: string[]) => items.join(', ');

export function renderPrSummary(input: { changes: Change[]; problems: Problem[]; verdicts?: Verdict[]; author?: string; maintainers: string[] }): string {
  const out: string[] = ['### mentor: what this pull request changes', ''];
  if (input.changes.length === 0) out.push('Nothing in the program records.');
  for (const change of input.changes) {
    if (change.kind === 'log') {
      const what = change.status === 'added' ? 'New log' : change.status === 'deleted' ? 'Deleted log' : 'Updated log';
      const hours =
        change.status === 'deleted'
          ? ''
          : `: ${h(change.hours)} logged${change.previousHours !== undefined && change.status !== 'added' ? ` (was ${h(change.previousHours)})` : ''}${change.plannedHours !== undefined ? ` against ${h(change.plannedHours)} planned` : ''}${change.pullRequests ? `, ${change.pullRequests} pull ${change.pullRequests === 1 ? 'request' : 'requests'} linked` : ''}`;
      out.push(`- **${what}** of \`${change.person}\` for ${change.week} in \`${change.cohort}\`${hours}.`);
    } else if (change.kind === 'cohort') {
      if (change.status === 'added') out.push(`- **New cohort** \`${change.cohort}\` with ${change.joined.length} members.`);
      else if (change.status === 'deleted') out.push(`- **Deleted cohort** \`${change.cohort}\`.`);
      else {
        if (change.placed.length) out.push(`- **Placed** in \`${change.cohort}\`: ${list(change.placed.map((p) => `\`${p.person}\` with \`${p.mentor}\``))}.`);
        if (change.moved.length) out.push(`- **Moved** in \`${change.cohort}\`: ${list(change.moved.map((m) => `\`${m.person}\` from \`${m.from}\` to \`${m.to}\``))}.`);
        if (change.joined.length) out.push(`- **Joined** \`${change.cohort}\`: ${list(change.joined.map((p) => `\`${p}\``))}.`);
        if (change.left.length) out.push(`- **Left** \`${change.cohort}\`: ${list(change.left.map((p) => `\`${p}\``))}.`);
        if (!change.placed.length && !change.moved.length && !change.joined.length && !change.left.length) out.push(`- **Edited** \`cohorts/${change.cohort}/cohort.yaml\` (no change to the tree).`);
      }
    } else if (change.kind === 'report') {
      out.push(`- **Report ${change.status === 'added' ? 'written' : change.status === 'deleted' ? 'deleted' : 'refreshed'}**: \`${change.path}\`.`);
    } else if (change.kind === 'person') {
      out.push(`- **Person file ${change.status}**: \`${change.path}\`.`);
    } else if (change.kind === 'config') {
      out.push(`- **Program settings changed**: \`mentor.config.yaml\`.`);
    } else {
      out.push(`- ${change.status[0]!.toUpperCase()}${change.status.slice(1)}: \`${change.path}\`.`);
    }
  }
  out.push('', '### Problems', '');
  const errors = input.problems.filter((p) => p.severity === 'error');
  if (input.problems.length === 0) out.push('None: the changed records are valid.');
  for (const problem of input.problems.slice(0, 20)) out.push(`- ${problem.severity === 'error' ? '❌' : '⚠️'} \`${problem.file}:${problem.line}:${problem.column}\` ${escapeInline(problem.message)}${problem.fix ? ` ${escapeInline(problem.fix)}` : ''}`);
  if (input.problems.length > 20) out.push(`- … and ${input.problems.length - 20} more (run \`mentor validate\`).`);
  const refused = input.verdicts?.filter((v) => !v.allowed) ?? [];
  if (input.verdicts) {
    out.push('', '### Who may change these records', '');
    if (refused.length === 0) out.push(`@${input.author} may change every file in this pull request.`);
    for (const verdict of refused) out.push(`- ❌ \`${verdict.path}\`: ${escapeInline(verdict.reason)}`);
  }
  out.push('', '### Next step', '');
  if (errors.length > 0) out.push('Fix the problems above (`npx mentor validate` shows each with how to fix it) and push again.');
  else if (refused.length > 0) out.push(`A maintainer (${input.maintainers.map((m) => `@${m}`).join(', ') || 'none configured'}) must make or approve the changes marked ❌.`);
  else out.push('Ready for review: a maintainer can merge when CI is green.');
  return `${out.join('\n')}\n`;
}

function escapeInline(text: string): string {
  return text.replace(/[\u0000-\u001f]/g, ' ').replace(/[<>&]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[ch]!).replace(/([`*_[\]|])/g, '\\$1');
}
