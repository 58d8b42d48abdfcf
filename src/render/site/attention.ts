import type { SiteData, SiteInactiveMentor } from '../../core/site.js';
import { badge, cohortLink, person, section, table, text, when } from './html.js';
import { plural } from '../words.js';

// What `mentor status` asks an organiser to look at on Monday, for the running cohorts: mentors
// who stopped logging (or opted out) and who did not log last week. The rule is status's own
// (core/report.ts cohortSnapshot): this page only shows it.

/** Past this many rows a list is folded, so the index stays short for a large program. */
const MOST_ROWS = 20;

export const inactiveWords = (mentor: Pick<SiteInactiveMentor, 'reason' | 'weeksWithoutLog'>): string =>
  mentor.reason === 'opted-out' ? 'opted out (active: false)' : `no log for ${plural(mentor.weeksWithoutLog, 'week')}`;

const folded = (what: string, count: number, content: string): string => (count > MOST_ROWS ? `<details><summary>${text(what)} (${count})</summary>\n${content}</details>\n` : content);

function inactiveTable(data: SiteData): string {
  const rows = data.inactiveMentors.map((mentor) => [
    person(mentor.name, mentor.id),
    mentor.role,
    cohortLink(mentor.cohort, text(mentor.cohort)),
    mentor.reason === 'opted-out' ? 'opted out' : String(mentor.weeksWithoutLog),
  ]);
  const caption = 'Inactive mentors: mentors and leads of running cohorts with no log for two weeks or more, up to last week, or who opted out (active: false), as <code>mentor status</code> lists them.';
  const columns = [{ head: 'Mentor' }, { head: 'Tier' }, { head: 'Cohort' }, { head: 'Weeks without a log', numeric: true }];
  return folded('Every inactive mentor', rows.length, table(caption, columns, rows, { empty: 'No inactive mentor: every mentor and lead of a running cohort logged in the last two weeks.' }));
}

function missingTable(data: SiteData): string {
  const weeks = [...new Set(data.missingLogs.map((member) => member.week))];
  const rows = data.missingLogs.map((member) => [person(member.name, member.id), member.role, cohortLink(member.cohort, text(member.cohort)), when(member.week)]);
  const caption = `Missing logs for last week${weeks.length === 1 ? `, ${when(weeks[0]!)}` : ''}: members of running cohorts who had a mentor then, were not away (pausedUntil) and wrote no log, as <code>mentor status</code> lists them.`;
  const columns = [{ head: 'Member' }, { head: 'Tier' }, { head: 'Cohort' }, { head: 'Week' }];
  return folded('Every missing log', rows.length, table(caption, columns, rows, { empty: 'No missing log for last week.' }));
}

/** Who is away: in neither table above for their weeks away. Only when someone is, so a program without pauses keeps its page. */
function pausedTable(data: SiteData): string {
  if (data.paused.length === 0) return '';
  const rows = data.paused.map((member) => [person(member.name, member.id), member.role, cohortLink(member.cohort, text(member.cohort)), when(member.until)]);
  const caption = 'Away: members of running cohorts paused until a date (pausedUntil), as <code>mentor status</code> lists them. No log is expected of them for a week away, and mentors among them are given no mentee.';
  const columns = [{ head: 'Member' }, { head: 'Tier' }, { head: 'Cohort' }, { head: 'Back on' }];
  return folded('Everyone away', rows.length, table(caption, columns, rows, { empty: '' }));
}

export function attentionSection(data: SiteData): string {
  const inactive = new Set(data.inactiveMentors.map((mentor) => mentor.id)).size;
  const intro = inactive > 0 ? `<p>${badge('warn', `${plural(inactive, 'inactive mentor')}`)} Ask before giving them a mentee.</p>\n` : '';
  return section('inactive', 'Inactive mentors and missing logs', intro + inactiveTable(data) + missingTable(data) + pausedTable(data));
}
