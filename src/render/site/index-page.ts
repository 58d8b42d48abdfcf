import type { SiteData } from '../../core/site.js';
import { ROLES } from '../../domain/tiers.js';
import { axes, PAINT, pattern, renderChart } from './chart.js';
import { asOf, badge, cohortLink, figure, hours, label, name, page, person, section, table, text } from './html.js';
import { attentionSection, inactiveWords } from './attention.js';
import { skippedSection } from './skipped.js';
import { waitingPart } from './waiting.js';
import { plural } from '../words.js';

// The program's page: its cohorts and their state, who is waiting, mentors with room, and
// progress across cycles.

const STATE_BADGE = { running: 'running', upcoming: 'upcoming', finished: 'finished' } as const;
const ROLE_PATTERN = { lead: 'solid', mentor: 'dots', mentee: 'stripes' } as const;

function cards(data: SiteData): string {
  const overdue = data.waiting.filter((member) => member.overdue).length;
  const running = data.cohorts.filter((cohort) => cohort.state === 'running').length;
  // People, not rows: one person with room in two overlapping cohorts is one mentor to ask.
  const withRoom = new Set(data.mentorsWithRoom.map((mentor) => mentor.id)).size;
  const inactive = new Set(data.inactiveMentors.map((mentor) => mentor.id)).size;
  const items = [
    [`${running}`, running === 1 ? 'cohort running' : 'cohorts running', false],
    [`${data.waiting.length}`, 'waiting for a mentor', false],
    [`${overdue}`, overdue === 1 ? 'request overdue' : 'requests overdue', overdue > 0],
    [`${withRoom}`, withRoom === 1 ? 'mentor with room' : 'mentors with room', false],
    [`${inactive}`, inactive === 1 ? 'inactive mentor' : 'inactive mentors', inactive > 0],
    [`${data.progress.peopleHelped}`, data.progress.peopleHelped === 1 ? 'mentee helped' : 'mentees helped', false],
    [`${data.progress.movesUp}`, data.progress.movesUp === 1 ? 'move up a tier' : 'moves up a tier', false],
  ] as const;
  return `<ul class="cards">\n${items.map(([value, words, alert]) => `<li${alert ? ' class="alert"' : ''}><strong>${alert ? '<span aria-hidden="true">⚠ </span>' : ''}${value}</strong>${words}</li>`).join('\n')}\n</ul>\n`;
}

function cohortsTable(data: SiteData): string {
  const rows = data.cohorts.map((cohort) => [
    `${cohortLink(cohort.id, name(cohort.name))} <span class="id">${text(cohort.id)}</span>`,
    badge(STATE_BADGE[cohort.state], cohort.state),
    `${text(cohort.start)} to ${cohort.end === undefined ? 'open-ended' : text(cohort.end)}`,
    String(cohort.counts.members),
    ...(cohort.state === 'finished'
      ? [cohort.counts.waiting > 0 ? badge('warn', `${cohort.counts.waiting} never placed`) : '0', '—']
      : [String(cohort.counts.waiting), cohort.counts.overdue > 0 ? badge('overdue', `${cohort.counts.overdue} overdue`) : '0']),
  ]);
  const columns = [{ head: 'Cohort' }, { head: 'State' }, { head: 'Dates' }, { head: 'Members', numeric: true }, { head: 'Waiting', numeric: true }, { head: 'Overdue', numeric: true }];
  const caption = "Every cohort, newest first; each links to its page. Waiting and overdue are of cohorts that have not finished, as above; a finished cohort's members still without a mentor were never placed.";
  return table(caption, columns, rows, { empty: 'No cohort yet.' });
}

/** Beyond this many, the index sums mentors with room by cohort and tier, and folds the list. */
export const MOST_MENTOR_ROWS = 20;

function mentorsTable(data: SiteData): string {
  const rows = data.mentorsWithRoom.map((mentor) => [
    `${person(mentor.name, mentor.id)}${mentor.weeksWithoutLog !== undefined ? ` ${badge('warn', `inactive: ${inactiveWords({ reason: 'no-recent-logs', weeksWithoutLog: mentor.weeksWithoutLog })}`)}` : ''}`,
    mentor.role, cohortLink(mentor.cohort, text(mentor.cohort)), String(mentor.directMentees), String(mentor.room)]);
  const columns = [{ head: 'Mentor' }, { head: 'Tier' }, { head: 'Cohort' }, { head: 'Mentees now', numeric: true }, { head: 'Room for', numeric: true }];
  const caption = 'Active mentors and leads who can take more mentees, in cohorts that have not finished; one marked inactive wrote no log lately (see <a href="#inactive">inactive mentors</a>).';
  const full = table(caption, columns, rows, { empty: 'No mentor has room.' });
  if (rows.length <= MOST_MENTOR_ROWS) return full;
  const groups = new Map<string, { cohort: string; role: string; mentors: number; room: number }>();
  for (const mentor of data.mentorsWithRoom) {
    const key = `${mentor.cohort}\u0000${mentor.role}`;
    const group = groups.get(key) ?? { cohort: mentor.cohort, role: mentor.role, mentors: 0, room: 0 };
    group.mentors += 1;
    group.room += mentor.room;
    groups.set(key, group);
  }
  const summary = table(
    `${plural(new Set(data.mentorsWithRoom.map((mentor) => mentor.id)).size, 'mentor')} with room, by cohort and tier: a mentor with room in two cohorts is in both.`,
    [{ head: 'Cohort' }, { head: 'Tier' }, { head: 'With room', numeric: true }, { head: 'Places', numeric: true }],
    [...groups.values()].map((group) => [cohortLink(group.cohort, text(group.cohort)), group.role, String(group.mentors), String(group.room)]),
  );
  return `${summary}<details><summary>Every mentor with room (${rows.length})</summary>\n${full}</details>\n`;
}

function progressPart(data: SiteData): string {
  const rows = data.progress.byCohort;
  if (rows.length === 0) return '<p class="empty">No cohort yet.</p>\n';
  const categories = rows.map((row) => label(row.cohort, 20));
  const width = Math.max(480, Math.min(1000, 160 + rows.length * 70));
  const tiersSvg = renderChart(
    {
      grid: { left: 56, right: 20, top: 44, bottom: 40 },
      legend: { top: 4, right: 40, itemGap: 18, textStyle: { color: PAINT.ink } },
      ...axes(categories, { valueName: 'members', counts: true }),
      series: ROLES.map((role) => ({ type: 'bar' as const, name: role, stack: 'tiers', barMaxWidth: 48, data: rows.map((row) => row.byRole[role]), itemStyle: { color: PAINT[role], ...pattern(ROLE_PATTERN[role]) } })),
    },
    { id: 'tiers', width, height: 260, title: 'Members of each cohort, by tier' },
  );
  const tiersTable = table(
    'Members of each cohort by tier, moves up a tier and the share of expected weekly logs written (— while no log was expected yet).',
    [{ head: 'Cohort' }, { head: 'State' }, { head: 'Leads', numeric: true }, { head: 'Mentors', numeric: true }, { head: 'Mentees', numeric: true }, { head: 'Moves up a tier', numeric: true }, { head: 'Logs written', numeric: true }],
    rows.map((row) => [cohortLink(row.cohort, name(row.name)), row.state, String(row.byRole.lead), String(row.byRole.mentor), String(row.byRole.mentee), String(row.movesUp), row.logShare === null ? '—' : `${Math.round(row.logShare * 100)}%`]),
  );
  const tiers = figure('tiers-picture', 'Members of each cohort, by tier, oldest cohort first. Leads solid, mentors dotted, mentees striped.', tiersSvg, tiersTable);

  const { requestToMentor: overall, byCohort } = data.progress;
  const sla = data.program.slaHours;
  const waitSvg = (): string => renderChart(
    {
      grid: { left: 56, right: 90, top: 30, bottom: 40 },
      ...axes(categories, { valueName: 'hours', valueMax: Math.max(sla * 1.15, ...byCohort.map((row) => row.medianHoursToMentor ?? 0)) }),
      series: [
        {
          type: 'bar',
          barMaxWidth: 40,
          data: byCohort.map((row) => ({ value: row.medianHoursToMentor ?? '-', itemStyle: (row.medianHoursToMentor ?? 0) > sla ? { color: PAINT.overdue, ...pattern('stripes') } : { color: PAINT.ok } })),
          label: { show: true, position: 'top', color: PAINT.ink, formatter: (p: { value: unknown }) => `${p.value} h` },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: PAINT.overdue, type: 'dashed', width: 2 }, label: { formatter: `promise: ${hours(sla)} h`, color: PAINT.ink }, data: [{ yAxis: sla }] },
        },
      ],
    },
    { id: 'to-mentor', width, height: 240, title: 'Median hours from a request to a mentor, by cohort' },
  );
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
    ? figure('to-mentor-picture', `Median hours from a request to a mentor, by cohort, against the dashed ${hours(sla)}-hour promise; a striped bar is past it. A cohort without recorded times has no bar.`, waitSvg(), waitTable)
    : `<p class="empty">No member has both a request time and an assignment time (requestedAt, assignedAt), so there is no time from request to a mentor to show${overall.waitingPastPromise > 0 ? `; ${plural(overall.waitingPastPromise, 'request')} still ${overall.waitingPastPromise === 1 ? 'waits' : 'wait'} past the ${hours(sla)}-hour promise` : ''}.</p>\n`;
  return `<p>${plural(data.progress.peopleHelped, 'mentee')} helped (they logged at least one week) and ${plural(data.progress.movesUp, 'move')} up a tier across ${plural(rows.length, 'cycle')}.</p>\n${tiers}${toMentor}`;
}

/** "n of m" answered within the promise, m counting those still waiting past it; a mark beside any miss. */
const withinPromise = (within: number, of: number): string => (of === 0 ? '—' : badge(within === of ? 'ok' : 'overdue', `${within} of ${of}`));

/** Requests still waiting past the promise count as misses, as `mentor progress` counts them. */
const pastPromise = (count: number): string => (count > 0 ? `, counting ${count} still waiting past it` : '');

export function renderIndexPage(data: SiteData): string {
  const body = [
    cards(data),
    skippedSection(data.skipped),
    section('cohorts', 'Cohorts', cohortsTable(data)),
    section('waiting', 'Waiting for a mentor', waitingPart(data.waiting, data.program.slaHours, { cohortLinks: true, root: '' })),
    attentionSection(data),
    section('room', 'Mentors with room', mentorsTable(data)),
    section('progress', 'Progress across cycles', progressPart(data)),
  ].join('');
  return page({
    title: text(data.program.name),
    root: '',
    heading: name(data.program.name),
    subheading: `The program as of ${asOf(data.program)}.`,
    body,
  });
}
