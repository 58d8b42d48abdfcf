import type { SiteCohortPage, SiteData } from '../../core/site.js';
import { asOf, badge, cohortPage, name, page, person, section, table, text, when } from './html.js';
import { hoursSection } from './hours.js';
import { treeSection } from './tree.js';
import { skippedSection } from './skipped.js';
import { waitingPart } from './waiting.js';
import { plural } from '../words.js';

// One cohort's page: the tree, who waits, planned against logged hours, each member's weeks.

export function renderCohortPage(data: SiteData, cohort: SiteCohortPage): string {
  const { counts } = cohort;
  const dates = `${when(cohort.start)} to ${cohort.end === undefined ? 'open-ended' : when(cohort.end)}`;
  const endedOn = cohort.state === 'finished' ? cohort.end : undefined;
  const waitingNow = endedOn === undefined ? `${counts.waiting} waiting for a mentor${counts.overdue > 0 ? `, ${badge('overdue', `${counts.overdue} overdue`)}` : ''}` : `${counts.waiting} never placed`;
  const summary = `<p>${badge(cohort.state, cohort.state)} ${dates}, meeting ${text(cohort.cadence)}. ${plural(counts.members, 'member')}: ${plural(counts.leads, 'lead')}, ${plural(counts.mentors, 'mentor')}, ${plural(counts.mentees, 'mentee')}; ${waitingNow}.</p>\n`;
  const waiting = cohort.waiting.map((member) => ({ cohort: cohort.id, ...member }));
  const body = [
    summary,
    skippedSection(cohort.skipped),
    treeSection(cohort),
    section('waiting', endedOn === undefined ? 'Waiting for a mentor' : 'Never placed', waitingPart(waiting, cohort.slaHours, { cohortLinks: false, root: '../', ...(endedOn !== undefined ? { endedOn } : {}) })),
    hoursSection(cohort),
    section(
      'ended',
      'Matches ended early',
      table(
        `Each match that ended before the cycle did, with who, when (in ${text(data.program.timezone)}) and why (kept on the member by mentor release).`,
        [{ head: 'Member' }, { head: 'Mentor' }, { head: 'Ended' }, { head: 'Why' }],
        cohort.endedEarly.map((match) => [person(match.memberName, match.member), person(match.mentorName, match.mentor), when(match.releasedOn), text(match.reason)]),
        { empty: 'No match has ended early.' },
      ),
    ),
  ].join('');
  return page({
    title: `${text(cohort.name)} · ${text(data.program.name)}`,
    root: '../',
    heading: name(cohort.name),
    subheading: `A cohort of ${name(data.program.name)}, as of ${asOf(data.program)}.`,
    nav: neighbours(data, cohort),
    body,
  });
}

/** Links to the cohorts that started just before and just after this one. */
function neighbours(data: SiteData, cohort: SiteCohortPage): string {
  // data.cohorts is newest first.
  const at = data.cohorts.findIndex((other) => other.id === cohort.id);
  if (at < 0) return '';
  const link = (other: SiteCohortPage | undefined, rel: 'prev' | 'next', words: string): string =>
    other === undefined ? '' : ` · <a rel="${rel}" href="../${text(cohortPage(other.id))}">${rel === 'prev' ? '<span aria-hidden="true">← </span>' : ''}${words}: ${name(other.name)}${rel === 'next' ? '<span aria-hidden="true"> →</span>' : ''}</a>`;
  return link(data.cohorts[at + 1], 'prev', 'Previous cohort') + link(data.cohorts[at - 1], 'next', 'Next cohort');
}
