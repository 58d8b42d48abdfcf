import type { SiteCohortPage, SiteData } from '../../core/site.js';
import { badge, name, page, section, table, text } from './html.js';
import { hoursSection } from './hours.js';
import { treeSection } from './tree.js';
import { skippedSection } from './skipped.js';
import { waitingPart } from './waiting.js';
import { plural } from '../words.js';

// One cohort's page: the tree, who waits, planned against logged hours, each member's weeks.

export function renderCohortPage(data: SiteData, cohort: SiteCohortPage): string {
  const { counts } = cohort;
  const dates = `${text(cohort.start)} to ${cohort.end === undefined ? 'open-ended' : text(cohort.end)}`;
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
        'Each match that ended before the cycle did, with who, when and why (kept on the member by mentor release).',
        [{ head: 'Member' }, { head: 'Mentor' }, { head: 'Ended' }, { head: 'Why' }],
        cohort.endedEarly.map((match) => [text(match.member), text(match.mentor), text(match.releasedAt.slice(0, 10)), text(match.reason)]),
        { empty: 'No match has ended early.' },
      ),
    ),
  ].join('');
  return page({
    title: `${text(cohort.name)} · ${text(data.program.name)}`,
    root: '../',
    heading: name(cohort.name),
    subheading: `A cohort of ${name(data.program.name)}, as of ${text(data.program.now)}.`,
    body,
  });
}
