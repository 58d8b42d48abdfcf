import { ROLES } from '../domain/tiers.js';
import { roundHours } from '../domain/commitments.js';
import type { HoursFlag, PersonHours } from '../core/commitments.js';
import type { Role } from '../model/schemas.js';
import type { Style } from '../domain/style.js';
import { wrapWords } from '../domain/columns.js';
import { formatTable, tableFits } from './table.js';
import { sanitizeInline } from './terminal.js';
import { emptyCohort, TOTALS_FROM } from './words.js';
import { countText } from '../domain/text.js';

export interface HoursView {
  cohort: string;
  cohortName: string;
  week?: string;
  people: PersonHours[];
}

/** DESIGN.md's JSON: { cohort, week?, people: [{ id, role, directMentees, planned, plannedTotal, logged?, loggedTotal? }] }. */
export function renderHoursJson(view: HoursView): string {
  const people = view.people.map((row) => ({
    id: row.id,
    role: row.role,
    directMentees: row.directMentees,
    planned: row.planned,
    plannedTotal: row.plannedTotal,
    ...(row.logged ? { logged: row.logged, loggedTotal: row.loggedTotal } : {}),
  }));
  return `${JSON.stringify({ cohort: view.cohort, ...(view.week ? { week: view.week } : {}), people }, null, 2)}\n`;
}

const TIER_TITLES: Record<Role, string> = { lead: 'Leads', mentor: 'Mentors', mentee: 'Mentees' };

const FLAG_TEXT: Record<HoursFlag, string> = {
  'over-budget': 'planned past maxHoursPerWeek',
  'no-log': 'no log this week',
  waiting: 'waiting for a mentor',
  'logged-under': 'logged far under plan',
  'logged-over': 'logged far over plan',
};

/** Hours as every figure of a table shows them: rounded to 2 decimals (a log may hold 1e-7, which String would print as such). */
export const hours = (value: number | undefined) => (value === undefined ? '–' : String(roundHours(value)));

export function renderHoursText(view: HoursView, style: Style, width?: number): string {
  let blocks = false;
  const title = `Weekly hours of ${sanitizeInline(view.cohortName)} (${view.cohort})${view.week ? `, week ${view.week}` : ''}`;
  const out: string[] = (width === undefined ? [title] : wrapWords(title, width)).map((line) => style.bold(line));
  for (const role of ROLES) {
    const rows = view.people.filter((row) => row.role === role);
    if (rows.length === 0) continue;
    const activities = [...new Set(rows.flatMap((row) => [...Object.keys(row.planned), ...Object.keys(row.logged ?? {})]))].sort();
    const header = ['person', ...(role === 'mentee' ? [] : ['X']), ...activities, 'planned', ...(view.week ? ['logged', 'diff'] : []), ''];
    const body = rows.map((row) => {
      const cells = activities.map((name) => (view.week ? `${hours(row.logged?.[name] ?? (row.logged ? 0 : undefined))}/${hours(row.planned[name] ?? 0)}` : hours(row.planned[name] ?? 0)));
      const diff = row.loggedTotal === undefined ? '' : signedHours(row.loggedTotal - row.plannedTotal);
      const notes = row.flags.map((flag) => (flag === 'no-log' || flag === 'over-budget' ? style.warning(FLAG_TEXT[flag]) : style.dim(FLAG_TEXT[flag]))).join(', ');
      return [row.id, ...(role === 'mentee' ? [] : [String(row.directMentees)]), ...cells, hours(row.plannedTotal), ...(view.week ? [hours(row.loggedTotal), diff] : []), notes];
    });
    const table = formatTable(header, body, { indent: 2, headerStyle: style.dim, ...(width ? { width } : {}) });
    // A terminal narrower than the table gets one block per person, not rows wrapped into noise.
    const narrow = !tableFits(header, body, width, 2);
    blocks ||= narrow;
    out.push('', style.bold(`${TIER_TITLES[role]} (${rows.length})`), narrow ? rows.map((row, index) => personBlock(row, header.slice(1, -1).map((title) => (title === 'X' ? 'mentees (X)' : title)), body[index]!.slice(1, -1), style)).join('\n\n') : table);
  }
  if (view.people.length === 0) out.push(emptyCohort(view.cohort));
  else if (view.week) out.push('', style.dim(blocks ? 'Activities show logged/planned hours.' : 'Activity columns show logged/planned hours.'));
  if (view.people.length > TOTALS_FROM) out.push('', style.bold(totals(view)));
  return `${out.join('\n')}\n`;
}

/** The cohort's hours in one line: planned, and for a week logged and who has no log; who is flagged. */
function totals(view: HoursView): string {
  const sum = (values: (number | undefined)[]) => countText(roundHours(values.reduce<number>((total, value) => total + (value ?? 0), 0)));
  const flagged = (flag: HoursFlag) => view.people.filter((row) => row.flags.includes(flag)).length;
  const parts = [`${countText(view.people.length)} members, ${sum(view.people.map((row) => row.plannedTotal))} h planned a week${view.week ? `, ${sum(view.people.map((row) => row.loggedTotal))} h logged` : ''}`];
  if (view.week) parts.push(`${countText(flagged('no-log'))} with no log this week`);
  if (flagged('over-budget') > 0) parts.push(`${countText(flagged('over-budget'))} ${FLAG_TEXT['over-budget']}`);
  if (flagged('waiting') > 0) parts.push(`${countText(flagged('waiting'))} ${FLAG_TEXT.waiting}`);
  return `In all: ${parts.join('; ')}.`;
}

/** One person's figures as lines (name, then each column title and value): what fits a narrow terminal. */
function personBlock(row: PersonHours, titles: readonly string[], values: readonly string[], style: Style): string {
  const keyWidth = Math.max(...titles.map((title) => title.length));
  const lines = [`  ${style.bold(row.id)}`, ...titles.map((title, index) => `    ${style.dim(title.padEnd(keyWidth))}  ${values[index]}`)];
  for (const flag of row.flags) lines.push(`    ${flag === 'no-log' || flag === 'over-budget' ? style.warning(FLAG_TEXT[flag]) : style.dim(FLAG_TEXT[flag])}`);
  return lines.join('\n');
}

/** A difference of hours, rounded, with its sign: "+1.5", "-2", "0". */
export function signedHours(value: number): string {
  const rounded = roundHours(value);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}
