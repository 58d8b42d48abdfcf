import type { CohortSnapshot, TreeNode, WaitingMember } from '../core/report.js';
import type { NeverPlaced } from '../core/attention.js';
import { hours } from './hours.js';
import type { Style } from '../domain/style.js';
import { sanitizeInline } from './terminal.js';
import { fitColumns, visibleWidth, wrapLine } from '../domain/columns.js';
import { emptyCohort, noLogsExpectedWhy, packList, plural, TOTALS_FROM, waitText } from './words.js';
import { countText } from '../domain/text.js';
import { cohortWeeksText, isCohortWeek } from '../domain/cohort-state.js';
import { addWeeks } from '../domain/weeks.js';

export interface StatusView {
  now: string;
  /** Each cohort as of last week (the last complete one), with this week's progress; a finished one, with who it never placed. */
  cohorts: Array<{ lastWeek: CohortSnapshot; thisWeek: CohortSnapshot['counts']; neverPlaced?: NeverPlaced }>;
}

export function renderStatusJson(view: StatusView): string {
  const cohorts = view.cohorts.map(({ lastWeek: s, thisWeek }) => ({
    id: s.cohort.id,
    name: s.cohort.name,
    waiting: s.waiting,
    overdue: s.waiting.filter((w) => w.overdue).map((w) => w.id),
    lastWeek: s.week,
    missingLogs: s.missingLogs,
    thisWeek: { logs: thisWeek.logs, expectedLogs: thisWeek.expectedLogs },
    mentorsWithRoom: s.mentorsWithRoom,
    inactiveMentors: s.inactiveMentors,
    pausedMentors: s.pausedMentors ?? [],
    overBudget: s.overBudget,
  }));
  return `${JSON.stringify({ now: view.now, cohorts }, null, 2)}\n`;
}

/** `width`: the terminal's, when known; lines then wrap at spaces to fit it. */
export function renderStatusText(view: StatusView, style: Style, width?: number): string {
  const out: string[] = [];
  for (const { lastWeek: s, thisWeek, neverPlaced } of view.cohorts) {
    if (out.length > 0) out.push('');
    out.push(style.bold(`${sanitizeInline(s.cohort.name)} (${s.cohort.id}), ${view.now}`));
    if (s.counts.members === 0) {
      out.push(emptyCohort(s.cohort.id));
      continue;
    }
    const overdue = s.waiting.filter((w) => w.overdue);
    const waiting = s.waiting.filter((w) => !w.overdue);
    if (neverPlaced !== undefined) out.push(...neverPlacedText(style, neverPlaced));
    else {
      // One with no requestedAt waits from the cohort's start (before it, `assign` places them).
      const since = (w: WaitingMember) => (w.requestedAt === undefined ? " since the cohort's start (no requestedAt)" : '');
      const next = `    ${style.dim('Next:')} \`mentor assign ${s.cohort.id} --dry-run\`, then \`--commit\`; or ${s.waiting.every((w) => w.role === 'mentor') ? 'a lead' : s.waiting.some((w) => w.role === 'mentor') ? 'a mentor (a lead, for a mentor)' : 'a mentor'} takes one: \`mentor claim <member> --as <${s.waiting.every((w) => w.role === 'mentor') ? 'lead' : 'mentor'}>\``;
      out.push(section(style, `Overdue requests (past ${s.slaHours} h)`, overdue.map((w) => `${w.id} (${w.role}) has waited ${waitText(w.waitedHours)}${since(w)}${w.prefers ? `, asked for ${w.prefers}` : ''}`), 'error', 'none'));
      // The step goes under the members it is for: when every one waiting is overdue, under those.
      if (overdue.length > 0 && waiting.length === 0) out.push(next);
      // A mentor waits for a lead (an offer to mentor): the heading says so when one does.
      const forWhom = waiting.some((w) => w.role === 'mentor') ? (waiting.every((w) => w.role === 'mentor') ? 'a lead' : 'a mentor or a lead') : 'a mentor';
      out.push(section(style, `Waiting for ${forWhom}`, waiting.map((w) => `${w.id} (${w.role}) ${w.waitedHours === undefined ? `to place before the cohort starts on ${s.cohort.start} (no requestedAt)` : w.requestedAtInFuture ? `asked at ${w.requestedAt}, which is still to come: correct its requestedAt, or the request never falls due` : `has waited ${waitText(w.waitedHours)}${since(w)}`}${w.awayUntil !== undefined ? `, away until ${w.awayUntil} (placed from then)` : ''}`), 'warning', 'nobody'));
      if (waiting.length > 0) out.push(next);
    }
    out.push(isCohortWeek(s.cohort, s.week) ? section(style, `Missing logs for last week, ${s.week}`, s.missingLogs, 'warning', 'none', width ?? 80) : `${style.dim('✓')} Missing logs: ${style.dim(`none expected (last week, ${s.week}, is outside the cohort's weeks, ${cohortWeeksText(s.cohort)})`)}`);
    if (isCohortWeek(s.cohort, s.week) && s.missingLogs.length > 0) out.push(`    ${style.dim('Next:')} each writes theirs: \`mentor log --week ${s.week}\``);
    out.push(`${style.dim('•')} ${thisWeek.expectedLogs === 0 ? `Logs this week: none expected (${noLogsExpectedWhy({ placed: s.counts.members > s.counts.waiting, inCohort: isCohortWeek(s.cohort, addWeeks(s.week, 1)), anyAway: (s.pausedMentors?.length ?? 0) > 0 })})` : `Logs this week so far: ${countText(thisWeek.logs)} of ${countText(thisWeek.expectedLogs)}`}`);
    out.push(section(style, 'Mentors with room', s.mentorsWithRoom.map((m) => `${m.id} (${m.role}): ${plural(m.directMentees, 'mentee')}, room for ${m.room} more`), 'ok', 'none'));
    out.push(section(style, 'Inactive mentors', s.inactiveMentors.map((m) => `${m.id} (${m.role}): ${m.reason === 'opted-out' ? 'opted out (active: false)' : `no log for ${plural(m.weeksWithoutLog, 'week')}`}`), 'warning', 'none'));
    if (s.pausedMentors) out.push(section(style, 'Paused', s.pausedMentors.map((m) => `${m.id} (${m.role}) until ${m.until}`), 'ok', 'nobody'));
    if (s.overBudget.length > 0) out.push(section(style, 'Planned past their budget', s.overBudget.map((o) => `${o.id}: ${hours(o.plannedTotal)} h of ${hours(o.maxHoursPerWeek)} h${o.otherCohorts ? ` (with ${o.otherCohorts.join(', ')})` : ''}`), 'warning', 'none'));
  }
  if (view.cohorts.length === 0) out.push('No cohort is running today or yet to start. Name one (`mentor status <cohort>`), or open one with `mentor next`.');
  const lines = out.join('\n').split('\n');
  return `${(width === undefined ? lines : lines.flatMap((line) => wrapLine(line, width))).join('\n')}\n`;
}

/**
 * A finished cohort's members without a mentor: never placed there (no longer overdue: nobody can
 * be placed in it), each with where they are now, and the step that carries the rest on.
 */
function neverPlacedText(style: Style, never: NeverPlaced): string[] {
  if (never.members.length === 0) return [`${style.dim('✓')} Never placed: ${style.dim(`nobody (everyone who asked had a mentor by the end, ${never.cohort.end ?? ''})`)}`];
  const lines = never.members.map((m) => `${m.id} (${m.role}) has waited ${waitText(m.waitedHours)}${m.prefers ? `, asked for ${m.prefers}` : ''}${m.nowIn !== undefined ? `; now in ${m.nowIn}` : ''}`);
  const out = [section(style, `Never placed: the cohort ended ${never.cohort.end ?? ''} before they had a mentor`, lines, 'warning', '')];
  if (never.members.some((m) => m.nowIn === undefined)) out.push(`    Carry them into the next cycle: mentor next ${never.cohort.id} <next-cohort> --start <date>`);
  return out;
}

/** Why `status --fail-on overdue` fails, and what places the members: for the organiser who opens the red scheduled run. */
export function renderOverdueFailure(overdue: ReadonlyArray<{ cohort: string; members: readonly string[] }>): string {
  const count = overdue.reduce((sum, c) => sum + c.members.length, 0);
  const who = overdue.flatMap((c) => c.members.map((m) => `${m} (${c.cohort})`));
  const assign = overdue.map((c) => `mentor assign ${c.cohort} --commit`).join(', ');
  return `mentor: ${count === 1 ? '1 request for a mentor is' : `${count} requests for a mentor are`} overdue: ${who.length > 10 ? `${who.slice(0, 10).join(', ')}, … and ${who.length - 10} more` : who.join(', ')}.\n  Place ${count === 1 ? 'it' : 'them'}: ${assign} (then merge its pull request), or a mentor comments /claim <member> on the attention issue.`;
}

/** A titled list: ids (`packed`) fill lines of the width; longer lines past ten are counted, not printed. */
function section(style: Style, title: string, lines: string[], tone: 'error' | 'warning' | 'ok', empty: string, packedWidth?: number): string {
  const mark = lines.length === 0 ? style.dim('✓') : tone === 'error' ? style.error('✖') : tone === 'warning' ? style.warning('!') : style.ok('•');
  if (lines.length === 0) return `${mark} ${title}: ${style.dim(empty)}`;
  const shown = packedWidth !== undefined && lines.length > 3 ? packList(lines, packedWidth - 4) : lines.length > 12 ? [...lines.slice(0, 10), `… and ${countText(lines.length - 10)} more (--format json lists every one)`] : lines;
  return [`${mark} ${title} (${countText(lines.length)})`, ...shown.map((line) => `    ${line}`)].join('\n');
}

/** The tree with box-drawing characters; waiting members listed under it. */
function unreachableText(node: TreeNode, why: NonNullable<TreeNode['unreachable']>): string {
  if (why.mentor === node.id) return 'their own mentor';
  if (why.reason === 'too-deep') return `mentor ${sanitizeInline(why.mentor)}: deeper than lead, mentor, mentee`;
  return why.reason === 'cycle' ? `mentor ${sanitizeInline(why.mentor)}: a cycle of mentors` : `mentor ${sanitizeInline(why.mentor)} is not in this cohort`;
}

const treeSize = (node: TreeNode): number => 1 + node.children.reduce((sum, child) => sum + treeSize(child), 0);

export function renderTreeText(s: CohortSnapshot, style: Style, width?: number): string {
  const out = [style.bold(`${sanitizeInline(s.cohort.name)} (${s.cohort.id})`)];
  // On a narrow terminal a person's name is shortened (…) so each line of the tree stays one line;
  // the id, role, X and hours are what the tree is for, and always shown whole.
  const label = (node: TreeNode, lead: string) => {
    const x = node.role === 'mentee' ? '' : `, X=${node.directMentees}`;
    const facts = `(${node.role}${x}, ${hours(node.plannedTotal)} h)`;
    const name = width === undefined ? sanitizeInline(node.name) : fitColumns(sanitizeInline(node.name), width - visibleWidth(`${lead}${node.id}  ${facts}`));
    return `${style.bold(node.id)}${name === '' ? '' : ` ${name}`} ${style.dim(facts)}${node.detached ? ` ${style.warning('no lead yet')}` : ''}${node.unreachable ? ` ${style.warning(unreachableText(node, node.unreachable))}` : ''}`;
  };
  const walk = (node: TreeNode, prefix: string, last: boolean, top: boolean) => {
    const lead = top ? '' : `${prefix}${last ? '└── ' : '├── '}`;
    out.push(`${lead}${label(node, lead)}`);
    const childPrefix = top ? '' : `${prefix}${last ? '    ' : '│   '}`;
    node.children.forEach((child, index) => walk(child, childPrefix, index === node.children.length - 1, false));
  };
  const placed = s.tree.filter((root) => !root.unreachable);
  const lost = s.tree.filter((root) => root.unreachable);
  placed.forEach((root) => walk(root, '', true, true));
  if (s.counts.members === 0) out.push(emptyCohort(s.cohort.id));
  else if (placed.length === 0) out.push(style.dim('(no lead yet)'));
  if (lost.length > 0) {
    // Never dropped: a member whose mentor is missing or in a cycle is still shown, apart.
    const from = out.length;
    out.push('', style.bold(`Not reachable from a lead (${plural(lost.reduce((sum, root) => sum + treeSize(root), 0), 'member')}; run \`mentor validate\`)`));
    lost.forEach((root) => walk(root, '', true, true));
    // Their lines also say why, which no shortened name makes fit: they wrap between words instead.
    if (width !== undefined) out.splice(from, out.length - from, ...out.slice(from).flatMap((line) => (visibleWidth(line) > width ? wrapLine(line, width) : [line])));
  }
  if (s.waiting.length > 0) {
    out.push('', style.bold(`Waiting for a mentor (${s.waiting.length})`));
    for (const w of s.waiting) {
      const details = [w.wants.length ? `wants ${w.wants.join(', ')}` : '', w.prefers ? `prefers ${w.prefers}` : '', w.waitedHours !== undefined ? `waiting ${waitText(w.waitedHours)}${w.overdue ? ' (overdue)' : ''}` : ''].filter(Boolean);
      const line = `  ${style.bold(w.id)} ${sanitizeInline(w.name)} ${style.dim(`(${w.role})`)}${details.length ? ` ${sanitizeInline(details.join('; '))}` : ''}`;
      out.push(...(width === undefined ? [line] : wrapLine(line, width)));
    }
  }
  if (s.counts.members > TOTALS_FROM) {
    const { members, leads, mentors, mentees, waiting } = s.counts;
    const tier = (n: number, word: string) => `${countText(n)} ${n === 1 ? word : `${word}s`}`;
    out.push('', style.bold(`In all: ${countText(members)} members (${tier(leads, 'lead')}, ${tier(mentors, 'mentor')}, ${tier(mentees, 'mentee')}), ${waiting === 0 ? 'nobody waiting' : `${countText(waiting)} waiting for a mentor`}.`));
  }
  return `${out.join('\n')}\n`;
}
