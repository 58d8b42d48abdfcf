import type { NextProposal, PersonProgress, ProgramProgress } from '../core/cycles.js';
import { ROLES } from '../domain/tiers.js';
import { renderNewDocument } from './new-yaml.js';
import type { Style } from '../domain/style.js';
import { wrapText, wrapWords } from '../domain/columns.js';
import { formatTable } from './table.js';
import { plural } from './words.js';
import { dateOfDayNumber, dayNumber, isRealDate, LAST_DATE } from '../domain/time.js';
import { sanitizeInline } from './terminal.js';
import { CONFIG_FILE, cohortFile, memberFile } from '../domain/layout.js';
import { MAX_RECORD_BYTES } from '../model/record-source.js';
import { schemaLineFor } from '../model/json-schema.js';
import { markerLine } from './member-text.js';

/** `width`: the terminal's, which the table keeps to, its reasons wrapping under themselves (or, narrower, one block per person). */
export function renderProposalText(from: string, to: string, proposals: NextProposal[], style: Style, width?: number): string {
  const rows = proposals.map((p) => [
    p.person,
    p.from,
    p.kind === 'leave-out' ? style.dim('left out') : p.kind === 'promote' ? style.ok(p.proposed) : p.proposed,
    `${p.weeksLogged}/${p.weeksRun}`,
    p.reason,
  ]);
  const promotions = proposals.filter((p) => p.kind === 'promote').length;
  const title = `From ${from} to ${to}: ${promotions} proposed to move up a tier`;
  return `${(width === undefined ? [title] : wrapWords(title, width)).map(style.bold).join('\n')}\n\n${formatTable(['person', `in ${from}`, `in ${to}`, 'logged', 'why'], rows, { indent: 2, headerStyle: style.dim, ...(width === undefined ? {} : { width }) })}\n`;
}

export interface NewCohort {
  id: string;
  name: string;
  start: string;
  end?: string;
  cadence: string;
  members: Array<{ person: string; role: string; wants?: string[]; prefers?: string; requestedAt?: string }>;
}

/** The cohort the answers give, before it is written: how many of each tier, and who. */
/** `width`: the terminal's; a long list of ids wraps between them, under itself. */
export function renderNextSummary(to: string, members: NewCohort['members'], style: Style, width = Number.POSITIVE_INFINITY): string {
  const lines = [style.bold(`${to} would open with ${plural(members.length, 'member')}:`)];
  for (const role of ROLES) {
    const ids = members.filter((member) => member.role === role).map((member) => member.person);
    const said = `${plural(ids.length, role)}${ids.length > 0 ? `: ${ids.join(', ')}` : ''}`;
    lines.push(...wrapWords(said, width - 4).map((line, index) => `${index === 0 ? '  ' : '    '}${line}`));
  }
  return `${lines.join('\n')}\n`;
}

/** cohorts/<to>/cohort.yaml for a new cycle: members carried over, none placed yet. */
export function renderNextCohort(cohort: NewCohort, from: string): string {
  return renderNewDocument(nextHeader(cohort.id, from), { ...cohortFields(cohort), members: cohort.members });
}

const nextHeader = (id: string, from: string) => [
  '# yaml-language-server: $schema=../../schemas/cohort.schema.json',
  `# Opened by \`mentor next ${from} ${id}\`. Members have no mentor yet: run \`mentor assign ${id}\`.`,
];
const cohortFields = (cohort: NewCohort) => ({ id: cohort.id, name: cohort.name, start: cohort.start, ...(cohort.end ? { end: cohort.end } : {}), cadence: cohort.cadence });

/**
 * Past this, a new cohort's members are written one file each, not as a list in cohort.yaml:
 * `assign` adds a mentor and a date to every member it places, and the file must stay under the
 * size a record may have (MAX_RECORD_BYTES), or the cohort cannot be read at all.
 */
export const NEW_LIST_MAX_BYTES = MAX_RECORD_BYTES / 2;

/**
 * The files of a new cohort: cohort.yaml, with its members one file each when `asFiles` (the
 * cohort it comes from keeps them so) or when the list would pass NEW_LIST_MAX_BYTES.
 */
export function renderNextCohortFiles(cohort: NewCohort, from: string, asFiles: boolean): { file: string; content: string }[] {
  if (!asFiles) {
    const text = renderNextCohort(cohort, from);
    if (Buffer.byteLength(text) <= NEW_LIST_MAX_BYTES) return [{ file: cohortFile(cohort.id), content: text }];
  }
  // As `mentor members --to files` leaves it: the marker line where the list was.
  const head = `${renderNewDocument(nextHeader(cohort.id, from), cohortFields(cohort))}${markerLine(cohort.id, '')}\n`;
  const members = cohort.members.map((member) => {
    const file = memberFile(cohort.id, member.person);
    return { file, content: renderNewDocument([schemaLineFor('member', file)], member) };
  });
  return [{ file: cohortFile(cohort.id), content: head }, ...members];
}

export function renderProgressJson(people: PersonProgress[], program: ProgramProgress | undefined): string {
  return `${JSON.stringify({ people, ...(program ? { program } : {}) }, null, 2)}\n`;
}

/** `width`: the terminal's; a table too wide for it becomes blocks, and a long figure wraps between words. */
export function renderProgressText(people: PersonProgress[], program: ProgramProgress | undefined, style: Style, width?: number): string {
  const out: string[] = [];
  for (const person of people) {
    out.push(style.bold(`${person.id} ${sanitizeInline(person.name)}`) + style.dim(` (${plural(person.movesUp, 'move')} up a tier)`));
    out.push(
      formatTable(
        ['cohort', 'state', 'role', 'weeks logged', 'hours', 'PRs', ''],
        person.cohorts.map((c) => [c.cohort, c.state, c.role, `${c.weeksLogged} of ${c.weeksRun}`, String(c.hoursLogged), String(c.pullRequests), c.movedUp ? style.ok('moved up') : '']),
        { indent: 2, headerStyle: style.dim, ...(width === undefined ? {} : { width }) },
      ),
    );
    out.push('');
  }
  if (program) {
    const r = program.requestToAssignment;
    out.push(style.bold('The program'));
    out.push(`  people helped (mentees with at least one log): ${program.peopleHelped}`);
    out.push(`  moves up a tier: ${program.movesUpByCohort.map((c) => `${c.cohort} ${c.movesUp}`).join(', ') || 'none yet'}`);
    out.push(`  logs submitted: ${program.logShareByCohort.map((c) => `${c.cohort} ${c.logs}/${c.expected} (${c.expected === 0 ? '—' : `${Math.round(c.share * 100)}%`})`).join(', ') || 'none yet'}`);
    const open = r.openOverSla > 0 ? `, counting ${r.openOverSla} still waiting past it` : '';
    out.push(
      r.count === 0 && r.openOverSla === 0
        ? '  request to assignment: no member has both requestedAt and assignedAt yet'
        : r.count === 0
          ? `  request to assignment: none answered yet; 0 of ${r.openOverSla} within the ${r.slaHours} h promise${open}`
          : `  request to assignment: median ${r.medianHours} h, worst ${r.worstHours} h; ${r.withinSla} of ${r.count + r.openOverSla} within the ${r.slaHours} h promise${open}`,
    );
    if (program.matchesEndedEarly > 0) out.push(`  matches ended early: ${program.matchesEndedEarly}`);
  }
  const text = out.join('\n');
  return `${width === undefined ? text : wrapText(text, width)}\n`;
}

/**
 * A cycle opened without --end is a rolling cohort: it never finishes, so logs stay due, waits grow
 * and `mentor next` from it waits for an end. Said with the end a cycle as long as the last would have.
 */
export function renderNoEndNote(from: { id: string; start: string; end: string }, toId: string, start: string, file: string): string {
  const end = dateOfDayNumber(dayNumber(start) + dayNumber(from.end) - dayNumber(from.start));
  const note = `Note: ${toId} has no end, so it is a rolling cohort that never finishes.`;
  // Past year 9999 the date is no YYYY-MM-DD (+010000-03-...): the last date a record may hold is said instead.
  if (!isRealDate(end)) return `${note} A cycle as long as ${from.id} (${from.start} to ${from.end}) would end after ${LAST_DATE}, the last date a record may hold: add \`end: ${LAST_DATE}\` (or an earlier date) to ${file} (or pass --end).`;
  return `${note} For a cycle as long as ${from.id} (${from.start} to ${from.end}), add \`end: ${end}\` to ${file} (or pass --end).`;
}

/**
 * A cycle opened (--early) from a rolling cohort: that one never finishes, so it keeps running beside
 * the new one (logs due in both, hours planned in both against each budget) until it is given an end.
 */
export function renderRollingFromNote(fromId: string, toId: string, start: string, fromFile: string): string {
  const end = dateOfDayNumber(dayNumber(start) - 1);
  return `Note: ${fromId} has no end, so it keeps running beside ${toId}: logs stay due in both, and each person's hours count in both against their budget. To end it the day before ${toId} starts, add \`end: ${end}\` to ${fromFile}.`;
}

/** Said by `next` when no cohort runs until the new one starts: requests land only in a running cohort, or `intake.cohort`. */
export function renderIntakeNote(toId: string, start: string): string {
  return `Until ${start} no cohort runs, so requests for a mentor (the issue form, \`mentor request\`) are refused: to take them into ${toId} now, set \`intake: { cohort: ${toId} }\` in ${CONFIG_FILE}.`;
}
