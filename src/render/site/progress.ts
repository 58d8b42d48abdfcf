import type { CohortProgress, SiteData } from '../../core/site.js';
import { ROLES } from '../../domain/tiers.js';
import { axes, NARROW_WIDTH, PAINT, pattern, renderChart, twoWidths } from './chart.js';
import { badge, cohortLink, figure, hours, label, name, table, text } from './html.js';
import { plural } from '../words.js';

// Progress across cycles on the index: members of each cohort by tier, and the time from a
// request to a mentor against the promise, each a picture with its table.

const ROLE_PATTERN = { lead: 'solid', mentor: 'dots', mentee: 'stripes' } as const;

/**
 * Most cohorts a picture draws on a narrow screen: the latest ones (the table lists them all).
 * Three, so that each one's label (up to 11 characters) fits under its bar: with four, the chart
 * hid every other label, and a bar could stand over no name.
 */
export const NARROW_COHORTS = 3;

/** Room for a cohort's label under its bar: about 7.5 px a character at 12 px, and a gap. */
const labelRoom = (categories: readonly string[]): number => Math.max(70, Math.ceil(7.5 * Math.max(0, ...categories.map((category) => [...category].length))) + 12);

/**
 * The cohorts a picture draws, oldest first: on a narrow screen the latest few, with shorter
 * labels. A wide picture is as wide as its margins and a label's room for each cohort, up to
 * 1000 px: past that (dozens of cohorts) the axis names every second or third one, in order.
 */
function drawnCohorts(rows: readonly CohortProgress[], narrow: boolean, grid: { left: number; right: number }): { rows: readonly CohortProgress[]; categories: string[]; width: number } {
  const drawn = narrow ? rows.slice(-NARROW_COHORTS) : rows;
  const categories = drawn.map((row) => label(row.cohort, narrow ? 11 : 20));
  return { rows: drawn, categories, width: narrow ? NARROW_WIDTH : Math.max(480, Math.min(1000, grid.left + grid.right + drawn.length * labelRoom(categories))) };
}

function tiersSvg(all: readonly CohortProgress[], narrow: boolean): string {
  const grid = narrow ? { left: 40, right: 10, top: 44, bottom: 40 } : { left: 56, right: 20, top: 44, bottom: 40 };
  const { rows, categories, width } = drawnCohorts(all, narrow, grid);
  return renderChart(
    {
      grid,
      legend: { top: 4, right: narrow ? 10 : 40, itemGap: narrow ? 12 : 18, textStyle: { color: PAINT.ink } },
      ...axes(categories, { valueName: 'members', counts: true }),
      series: ROLES.map((role) => ({ type: 'bar' as const, name: role, stack: 'tiers', barMaxWidth: 48, data: rows.map((row) => row.byRole[role]), itemStyle: { color: PAINT[role], ...pattern(ROLE_PATTERN[role]) } })),
    },
    { id: 'tiers', width, height: 260, title: `Members of each cohort, by tier${rows.length < all.length ? `, the last ${rows.length} cohorts` : ''}`, narrow },
  );
}

function toMentorSvg(all: readonly CohortProgress[], sla: number, narrow: boolean): string {
  // On a wide screen the promise's label sits right of the bars, in a margin of its own.
  const grid = narrow ? { left: 40, right: 10, top: 30, bottom: 40 } : { left: 56, right: 90, top: 30, bottom: 40 };
  const { rows, categories, width } = drawnCohorts(all, narrow, grid);
  return renderChart(
    {
      grid,
      ...axes(categories, { valueName: 'hours', valueMax: Math.max(sla * 1.15, ...rows.map((row) => row.medianHoursToMentor ?? 0)) }),
      series: [
        {
          type: 'bar',
          barMaxWidth: 40,
          data: rows.map((row) => ({ value: row.medianHoursToMentor ?? '-', itemStyle: (row.medianHoursToMentor ?? 0) > sla ? { color: PAINT.overdue, ...pattern('stripes') } : { color: PAINT.ok } })),
          label: { show: true, position: 'top', color: PAINT.ink, formatter: (p: { value: unknown }) => `${p.value} h` },
          // On a narrow screen the promise's label sits above its line, inside the picture.
          markLine: { silent: true, symbol: 'none', lineStyle: { color: PAINT.overdue, type: 'dashed', width: 2 }, label: { formatter: `promise: ${hours(sla)} h`, color: PAINT.ink, ...(narrow ? { position: 'insideEndTop' as const } : {}) }, data: [{ yAxis: sla }] },
        },
      ],
    },
    { id: 'to-mentor', width, height: 240, title: `Median hours from a request to a mentor, by cohort${rows.length < all.length ? `, the last ${rows.length} cohorts` : ''}`, narrow },
  );
}

/** Said under a picture of cohorts when a narrow screen draws only the latest. */
const fewerCohorts = (count: number): string => (count > NARROW_COHORTS ? `<span class="narrow-only"> On this narrow screen it draws the last ${NARROW_COHORTS} cohorts.</span>` : '');

export function progressPart(data: SiteData): string {
  const rows = data.progress.byCohort;
  if (rows.length === 0) return '<p class="empty">No cohort yet.</p>\n';
  const tiersTable = table(
    'Members of each cohort by tier, moves up a tier and the share of expected weekly logs written (— while no log was expected yet).',
    [{ head: 'Cohort' }, { head: 'State' }, { head: 'Leads', numeric: true }, { head: 'Mentors', numeric: true }, { head: 'Mentees', numeric: true }, { head: 'Moves up a tier', numeric: true }, { head: 'Logs written', numeric: true }],
    rows.map((row) => [cohortLink(row.cohort, name(row.name)), row.state, String(row.byRole.lead), String(row.byRole.mentor), String(row.byRole.mentee), String(row.movesUp), row.logShare === null ? '—' : `${Math.round(row.logShare * 100)}%`]),
  );
  const tiers = figure('tiers-picture', `Members of each cohort, by tier, oldest cohort first. Leads solid, mentors dotted, mentees striped.${fewerCohorts(rows.length)}`, twoWidths((narrow) => tiersSvg(rows, narrow)), tiersTable);

  const { requestToMentor: overall, byCohort } = data.progress;
  const sla = data.program.slaHours;
  const waitTable = table(
    `From request to a mentor: ${overall.count} answered, median ${hours(overall.medianHours)} h, longest ${hours(overall.worstHours)} h; ${overall.withinSla} of ${overall.count + overall.waitingPastPromise} within the ${hours(sla)}-hour promise${pastPromise(overall.waitingPastPromise)}.`,
    [{ head: 'Cohort' }, { head: 'Answered', numeric: true }, { head: 'Median hours', numeric: true }, { head: 'Within the promise' }, { head: 'Waiting past it', numeric: true }],
    byCohort.map((row) => [
      text(row.cohort),
      String(row.answered),
      hours(row.medianHoursToMentor),
      withinPromise(row.withinSla, row.answered + row.waitingPastPromise),
      row.waitingPastPromise > 0 ? badge('overdue', String(row.waitingPastPromise)) : '0',
    ]),
  );
  const recorded = byCohort.some((row) => row.medianHoursToMentor !== null);
  const toMentor = recorded
    ? figure('to-mentor-picture', `Median hours from a request to a mentor, by cohort, against the dashed ${hours(sla)}-hour promise; a striped bar is past it. A cohort without recorded times has no bar.${fewerCohorts(rows.length)}`, twoWidths((narrow) => toMentorSvg(byCohort, sla, narrow)), waitTable)
    : `<p class="empty">No member has both a request time and an assignment time (requestedAt, assignedAt), so there is no time from request to a mentor to show${overall.waitingPastPromise > 0 ? `; ${plural(overall.waitingPastPromise, 'request')} still ${overall.waitingPastPromise === 1 ? 'waits' : 'wait'} past the ${hours(sla)}-hour promise` : ''}.</p>\n`;
  return `<p>${plural(data.progress.peopleHelped, 'mentee')} helped (they logged at least one week) and ${plural(data.progress.movesUp, 'move')} up a tier across ${plural(rows.length, 'cycle')}.</p>\n${tiers}${toMentor}`;
}

/** "n of m" answered within the promise, m counting those still waiting past it; a mark beside any miss. */
const withinPromise = (within: number, of: number): string => (of === 0 ? '—' : badge(within === of ? 'ok' : 'overdue', `${within} of ${of}`));

/** Requests still waiting past the promise count as misses, as `mentor progress` counts them. */
const pastPromise = (count: number): string => (count > 0 ? `, counting ${count} still waiting past it` : '');
