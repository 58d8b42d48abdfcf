import type { AssignmentPlan } from '../core/assign.js';
import type { Style } from '../domain/style.js';
import type { Problem } from '../model/problem.js';
import { problemJson } from './problems.js';
import { wrapText, wrapWords } from '../domain/columns.js';
import { formatTable } from './table.js';
import { plural, waitText } from './words.js';
import { sanitizeInline } from './terminal.js';

/**
 * DESIGN.md's JSON: { cohort, assignments: [{ person, mentor, score }], unassigned: [{ person, reason }], totalScore },
 * and `problems`: the errors in the cohort's records that stopped it (then nothing is assigned), as validate gives them.
 */
export function renderAssignJson(plan: Pick<AssignmentPlan, 'cohort' | 'assignments' | 'unassigned' | 'totalScore'>, problems: readonly Problem[] = []): string {
  return `${JSON.stringify(
    {
      cohort: plan.cohort,
      assignments: plan.assignments.map(({ person, mentor, score }) => ({ person, mentor, score })),
      unassigned: plan.unassigned.map(({ person, reason }) => ({ person, reason })),
      totalScore: plan.totalScore,
      problems: problems.map(problemJson),
    },
    null,
    2,
  )}\n`;
}

const partsText = (parts: AssignmentPlan['assignments'][number]['parts']) =>
  [
    parts.preferred ? `preferred +${parts.preferred}` : '',
    parts.skills ? `skills ${parts.matchedSkills.join(', ')} +${parts.skills}` : '',
    parts.timezone ? `zone +${parts.timezone}` : '',
    parts.language ? `language +${parts.language}` : '',
  ]
    .filter(Boolean)
    .join(', ') || 'no match points';

export function renderAssignText(plan: AssignmentPlan, options: { explain: boolean; slaHours: number; width?: number | undefined }, style: Style): string {
  const out: string[] = [];
  if (plan.waiting === 0) return `Nobody in ${plan.cohort} is waiting for a mentor.\n`;
  out.push(style.bold(`Proposed placements in ${plan.cohort}: ${plan.assignments.length} of ${plan.waiting} waiting`));
  if (plan.assignments.length > 0) {
    const header = ['member', 'role', 'mentor', 'score', ...(options.explain ? ['why'] : []), ...(plan.chosen > 0 ? [''] : [])];
    const rows = plan.assignments.map((a) => [a.person, a.role, a.mentor, String(a.score), ...(options.explain ? [partsText(a.parts)] : []), ...(plan.chosen > 0 ? [a.chosen ? style.accent('your choice') : ''] : [])]);
    out.push('', formatTable(header, rows, { indent: 2, headerStyle: style.dim, ...(options.width ? { width: options.width } : {}) }));
  }
  if (plan.unassigned.length > 0) {
    out.push('', style.warning(`Not placed (${plan.unassigned.length})`));
    for (const u of plan.unassigned) out.push(...wrapWords(`${u.person} (${u.role}): ${u.reason}`, (options.width ?? Number.POSITIVE_INFINITY) - 5).map((line, index) => `${index === 0 ? '  ' : '    '}${line}`));
  }
  out.push('', `Total score ${plan.totalScore}.`);
  if (plan.chosen > 0) out.push(...wrapWords(`With ${plural(plan.chosen, 'placement')} of your choice, this is the best plan around them, not the optimum.`, options.width ?? Number.POSITIVE_INFINITY).map(style.dim));
  if (options.explain) out.push('', ...explainSummary(plan, options.slaHours, style, options.width));
  const text = out.join('\n');
  return `${options.width === undefined ? text : wrapText(text, options.width)}\n`;
}

function explainSummary(plan: AssignmentPlan, slaHours: number, style: Style, width = Number.POSITIVE_INFINITY): string[] {
  const scores = plan.assignments.map((a) => a.score);
  const mean = scores.length ? Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 100) / 100 : 0;
  const asked = plan.assignments.filter((a) => a.parts.preferred > 0).length;
  const out = [style.bold('Summary')];
  out.push(`  placed ${plan.assignments.length} of ${plan.waiting} waiting; total score ${plan.totalScore}, mean ${mean}, lowest ${scores.length ? Math.min(...scores) : 0}`);
  out.push(plan.askedFor === 0 ? '  preferences: nobody asked for a mentor by name' : `  preferences honoured: ${asked} of ${plan.askedFor} who asked for a mentor by name`);
  out.push('', style.bold('Load after placing (direct mentees of capacity)'));
  out.push(
    formatTable(
      ['mentor', 'role', 'before', 'after', 'capacity'],
      plan.loads.map((l) => [l.mentor, l.role, String(l.before), String(l.after), String(l.capacity)]),
      { indent: 2, headerStyle: style.dim, ...(Number.isFinite(width) ? { width } : {}) },
    ),
  );
  const waited = plan.assignments.filter((a) => a.waitedHours !== undefined);
  if (waited.length > 0) {
    out.push('', style.bold(`Waiting time against the ${slaHours} h promise`));
    out.push(
      formatTable(
        ['member', 'waited', ''],
        // A requestedAt still to come (a mistyped year) is no wait at all: said so, as status says it.
        waited.map((a) => (a.waitedHours! < 0 ? [a.person, 'still to come', style.warning('requestedAt is in the future: correct it')] : [a.person, waitText(a.waitedHours), a.waitedHours! > slaHours ? style.warning('overdue') : 'within'])),
        { indent: 2, headerStyle: style.dim, ...(Number.isFinite(width) ? { width } : {}) },
      ),
    );
  }
  const rule = plan.chosen > 0 ? `Around your ${plural(plan.chosen, 'choice')}` : 'Optimal';
  out.push('', ...wrapWords(`${rule}: the most members placed, then the highest total score, then the lightest busiest mentor (ties by id).`, width).map(style.dim));
  return out;
}

/** assign in a cohort that has ended: those it places there have no week of it left. */
export function renderFinishedCohortWarning(cohort: string, end: string): string {
  return `mentor: warning: ${cohort} ended on ${end}: whoever is placed there now has no week of it left. To give them a mentor, carry them into the next cycle (mentor next ${cohort} <next-cohort> --start <date>) and assign that cohort.`;
}

/** Members placed here whom a mentor's claim branch places too (from `/claim` on the attention issue): merging both conflicts. */
export function renderClaimedWarning(claims: ReadonlyArray<{ member: string; login: string; branch: string }>): string {
  return claims.map((c) => `mentor: warning: a mentor claimed ${c.member} on the attention issue (branch ${sanitizeInline(c.branch)}, by ${c.login}). If its pull request is still open, merge either it or these placements for ${c.member}, not both: both change ${c.member}'s record (branches as of your last git fetch).`).join('\n');
}
