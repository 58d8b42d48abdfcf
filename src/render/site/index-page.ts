import type { SiteData } from '../../core/site.js';
import { asOf, badge, cohortLink, name, page, person, section, table, text, when } from './html.js';
import { attentionSection, inactiveWords } from './attention.js';
import { progressPart } from './progress.js';
import { skippedSection } from './skipped.js';
import { waitingPart } from './waiting.js';
import { plural } from '../words.js';

// The program's page: its cohorts and their state, who is waiting, mentors with room, and
// progress across cycles.

const STATE_BADGE = { running: 'running', upcoming: 'upcoming', finished: 'finished' } as const;

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
    `${when(cohort.start)} to ${cohort.end === undefined ? 'open-ended' : when(cohort.end)}`,
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
