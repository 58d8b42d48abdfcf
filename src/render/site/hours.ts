import type { CohortPage, MemberWeeks, RoleHours } from '../../core/site-cohort.js';
import { FAR_UNDER } from '../../core/commitments.js';
import { axes, NARROW_WIDTH, PAINT, pattern, renderChart, twoWidths } from './chart.js';
import { figure, hours, memberAnchor, menteesAnchor, person, section, table, text, when } from './html.js';
import { plural } from '../words.js';

// Planned against logged hours, week by week: one picture per role (the role's members summed),
// and a table of each member's weeks. Planned is a dashed line, logged a patterned bar, so the
// two differ by shape as well as colour.

const PLURAL = { lead: 'leads', mentor: 'mentors', mentee: 'mentees' } as const;

/** The weeks the page shows (the latest MOST_WEEK_COLUMNS, core/site-cohort.ts), and the index of the first in `cohort.weeks`. */
function shownWeeks(cohort: CohortPage): { first: number; weeks: string[] } {
  return { first: cohort.shownFrom, weeks: cohort.weeks.slice(cohort.shownFrom) };
}

/** Most weeks a picture draws on a narrow screen: the latest ones (the table lists them all). */
export const NARROW_WEEKS = 8;

function roleSvg(row: RoleHours, weeks: readonly string[], title: string, narrow: boolean): string {
  // On a narrow screen, the latest weeks, labelled W37 (the caption and the table give the years).
  const from = narrow ? Math.max(0, weeks.length - NARROW_WEEKS) : 0;
  const shown = weeks.slice(from);
  const labels = narrow ? shown.map((week) => week.slice(5)) : shown;
  return renderChart(
    {
      grid: narrow ? { left: 40, right: 10, top: 44, bottom: 30 } : { left: 56, right: 20, top: 44, bottom: 36 },
      legend: { top: 4, right: narrow ? 10 : 40, itemGap: 18, textStyle: { color: PAINT.ink }, itemWidth: 22, data: ['logged', { name: 'planned', itemStyle: { color: PAINT.planned } }] },
      ...axes(labels, { valueName: 'hours' }),
      series: [
        { type: 'bar', name: 'logged', data: row.logged.slice(from), barMaxWidth: 36, itemStyle: { color: PAINT[row.role], ...pattern('stripes') } },
        { type: 'line', name: 'planned', data: row.planned.slice(from), step: 'middle', symbol: 'none', lineStyle: { color: PAINT.planned, type: 'dashed', width: 2 }, itemStyle: { color: PAINT.planned } },
      ],
    },
    {
      id: `hours-${row.role}`,
      width: narrow ? NARROW_WIDTH : Math.max(420, Math.min(960, 120 + weeks.length * 56)),
      height: 240,
      title: from > 0 ? `${title}, the last ${shown.length} weeks` : title,
      narrow,
    },
  );
}

function roleFigure(row: RoleHours, weeks: readonly string[]): string {
  const id = `hours-${row.role}`;
  const title = `Hours of the ${plural(row.people, row.role)}: planned against logged, week by week`;
  const svg = twoWidths((narrow) => roleSvg(row, weeks, title, narrow));
  const rows = weeks.map((week, index) => {
    const planned = row.planned[index]!;
    const logged = row.logged[index]!;
    const share = planned > 0 ? `${Math.round((logged / planned) * 100)}%` : '—';
    return [when(week), hours(planned), hours(logged), share];
  });
  const equivalent = table(`Hours of the ${PLURAL[row.role]}, summed, by week`, [{ head: 'Week' }, { head: 'Planned', numeric: true }, { head: 'Logged', numeric: true }, { head: 'Logged of planned', numeric: true }], rows);
  const fewer = weeks.length > NARROW_WEEKS ? `<span class="narrow-only"> On this narrow screen it draws the last ${NARROW_WEEKS} weeks.</span>` : '';
  return figure(id, `${text(title)}. Bars: hours logged; dashed line: hours planned.${fewer}`, svg, equivalent);
}

/** One cell of the member table: hours with a mark, never colour alone. */
function weekCell(member: MemberWeeks, logged: number | null, expected: boolean, away: boolean): string {
  if (away && logged !== null) return `<td class="w met">${hours(logged)}<span class="sr">, while away</span></td>`;
  if (away) return '<td class="w none"><span aria-hidden="true">–</span><span class="sr">away</span></td>';
  if (!expected) return '<td class="w none"><span aria-hidden="true">·</span><span class="sr">waiting</span></td>';
  if (logged === null) return '<td class="w none"><span aria-hidden="true">✗</span><span class="sr"> no log</span></td>';
  const low = logged < member.plannedTotal * FAR_UNDER;
  return `<td class="w ${low ? 'low' : 'met'}">${hours(logged)}${low ? '<span aria-hidden="true"> ▼</span><span class="sr">, under half the plan</span>' : ''}</td>`;
}

/** A week column's head: W37 to the eye, the week with its year to a screen reader and on hover. */
function weekHead(week: string): string {
  const [year, number] = week.split('-W') as [string, string];
  return `<th scope="col" class="num" title="${text(week)}"><span aria-hidden="true">W${text(number)}</span><span class="sr">week ${text(Number(number))} of ${text(year)}</span></th>`;
}

function memberTable(cohort: CohortPage): string {
  const { first, weeks } = shownWeeks(cohort);
  // The summary before the weeks: with 12 week columns the table is wider than a 1280 px screen's
  // page, and a last column would sit behind the table's sideways scroll.
  const head = ['Member', 'Tier', 'Planned a week', 'Weeks logged'];
  const byId = new Map(cohort.members.map((member) => [member.id, member]));
  const row = (member: MemberWeeks): string => {
    const name = `<th scope="row">${person(member.name, member.id)}</th>`;
    const logged = member.weeksExpected > 0 ? `${member.weeksLogged} of ${member.weeksExpected}` : !member.expectsLog ? 'waiting' : member.away.some(Boolean) ? 'away' : '—';
    const cells = member.logged.map((value, index) => weekCell(member, value, member.expected[index]!, member.away[index]!)).join('');
    return `<tr id="${text(memberAnchor(member.id))}">${name}<td>${member.role}</td><td class="num">${hours(member.plannedTotal)}</td><td class="num">${logged}</td>${cells}</tr>`;
  };
  const groups = cohort.groups.map((group) => {
    const mentor = group.mentor === undefined ? undefined : byId.get(group.mentor);
    const who = group.mentor === undefined ? '' : mentor ? `<a href="#${text(memberAnchor(mentor.id))}">${person(mentor.name, mentor.id)}</a>` : `${person(group.mentor, group.mentor)}, not a member of this cohort`;
    const title = group.kind === 'leads' ? 'Leads' : group.kind === 'waiting' ? 'Without a mentor' : `Mentees of ${who}`;
    const id = group.kind === 'mentees-of' ? ` id="${text(menteesAnchor(group.mentor!))}"` : '';
    const header = `<tr class="group"><th scope="rowgroup" colspan="${head.length + weeks.length}">${title} <span class="role">(${group.members.length})</span></th></tr>`;
    return `<tbody${id}>\n${header}\n${group.members.map((id) => row(byId.get(id)!)).join('\n')}\n</tbody>`;
  });
  const headRow = head.map((cell, index) => `<th scope="col"${index >= 2 ? ' class="num"' : ''}>${text(cell)}</th>`).join('') + weeks.map(weekHead).join('');
  const which = first > 0 ? `the last ${weeks.length} of the ${cohort.weeks.length} complete weeks` : 'each complete week';
  return `<div class="table-wrap"><table class="weeks">
<caption>Hours each member logged in ${which}, grouped by mentor as in the tree: the leads, then each mentor's mentees. ✗: no log; ▼: under half the plan; ·: no log expected (waiting for a mentor then); –: away (pausedUntil), no log expected. Weeks logged counts every complete week a log was expected in.</caption>
<thead><tr>${headRow}</tr></thead>
${groups.join('\n')}
</table></div>
`;
}

export function hoursSection(cohort: CohortPage): string {
  if (cohort.weeks.length === 0) {
    return section('hours', 'Planned against logged hours', `<p class="empty">No complete week yet: logs are expected from the end of the cohort's first week.</p>\n`);
  }
  const { first, weeks } = shownWeeks(cohort);
  const figures = cohort.roleHours.filter((row) => row.people > 0).map((row) => roleFigure(row, weeks));
  const span = `${when(weeks[0]!)} to ${when(weeks.at(-1)!)}`;
  const which =
    first === 0
      ? `Weeks ${span}, the complete weeks so far.`
      : `The last ${weeks.length} complete weeks, ${span}; the ${plural(first, 'earlier week')} since ${when(cohort.weeks[0]!)} ${first === 1 ? 'is' : 'are'} not shown.`;
  return (
    section('hours', 'Planned against logged hours', `<p>${which}</p>\n${figures.join('')}`) +
    section('weeks', "Each member's weeks", memberTable(cohort))
  );
}
