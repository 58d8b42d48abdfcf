import type { CohortSnapshot } from '../core/report.js';
import { hours, signedHours } from './hours.js';
import { mdLink, mdTable, mdText } from './markdown.js';
import { renderReportTree } from './report-tree.js';
import { noLogsExpectedWhy, plural, waitText } from './words.js';
import { countText } from '../domain/text.js';
import { tierAbove } from '../domain/tiers.js';

// The weekly report: Markdown for a pull request and JSON for tools, from the same snapshot.
// Nothing here reads the clock or the machine, so the same records give the same bytes.

export function renderReportJson(snapshot: CohortSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

// A report goes up as a pull request and is read on GitHub, which shows no diff of a file past
// 500 KB in a pull request and renders no Markdown file much past 2 MB. A cohort of a few
// thousand members writes more than that: its long lists then show their first rows, each says
// how many it left out, and the .json beside the report, written from the same snapshot, has them all.
export const REPORT_MAX_BYTES = 450_000;

export function renderReportMarkdown(s: CohortSnapshot): string {
  const full = reportMarkdown(s, undefined);
  if (Buffer.byteLength(full) <= REPORT_MAX_BYTES) return full;
  // The most rows a list may keep with the whole report within the limit. The size grows about
  // in proportion to the rows: start from that guess, so each try renders a report of about the limit.
  const fits = (rows: number) => Buffer.byteLength(reportMarkdown(s, rows)) <= REPORT_MAX_BYTES;
  const most = Math.max(s.hours.length, s.weeksLogged.length, s.pullRequests.length, s.waiting.length, s.missingLogs.length, s.mentorsWithRoom.length, s.overBudget.length, s.inactiveMentors.length);
  const guess = Math.floor((most * REPORT_MAX_BYTES) / Buffer.byteLength(full));
  let low = fits(guess) ? guess : 0;
  let high = low === 0 ? guess : Math.min(most, Math.ceil(guess * 1.25) + 1);
  while (high < most && fits(high)) [low, high] = [high, Math.min(most, high * 2)];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return reportMarkdown(s, low);
}

/** The report with each long list cut to `rows` entries (undefined: all). */
function reportMarkdown(s: CohortSnapshot, rows: number | undefined): string {
  const json = `${s.week}.json`;
  const first = <T>(items: readonly T[]): T[] => (rows === undefined ? [...items] : items.slice(0, rows));
  const left = (items: readonly unknown[]) => (rows === undefined ? 0 : Math.max(0, items.length - rows));
  const andMore = (items: readonly unknown[], what: string) => (left(items) > 0 ? [`… and ${countText(left(items))} more ${what}: \`${json}\`, beside this file, lists every one.`] : []);
  const table = <T>(header: string[], items: readonly T[], row: (item: T) => string[], what: string) => [mdTable(header, first(items).map(row)), ...andMore(items, what).flatMap((line) => ['', line])].join('\n');
  const out: string[] = [];
  out.push(`# ${mdText(s.cohort.name)}: week ${s.week}`);
  out.push('');
  out.push(`Cohort \`${s.cohort.id}\`, ${s.weekStart} to ${s.weekEnd}. Written by \`mentor report\`; do not edit by hand.`);
  out.push('');
  out.push('## Summary');
  out.push('');
  out.push(`- **Members:** ${s.counts.members} (${plural(s.counts.leads, 'lead')}, ${plural(s.counts.mentors, 'mentor')}, ${plural(s.counts.mentees, 'mentee')})`);
  out.push(`- **Logs this week:** ${s.counts.expectedLogs === 0 ? `none expected (${noLogsExpectedWhy({ placed: s.counts.members > s.counts.waiting, inCohort: true, anyAway: (s.pausedMentors?.length ?? 0) > 0 })})` : `${s.counts.logs} of ${s.counts.expectedLogs}`}`);
  out.push(`- **Waiting for a mentor:** ${s.counts.waiting} (${s.counts.overdue} past the ${s.slaHours} h promise)`);
  out.push(`- **Mentors with room:** ${s.mentorsWithRoom.length}`);
  if (rows !== undefined) out.push(`- **Shortened:** the cohort is too big for one page on GitHub, so each long list below shows its first ${plural(rows, 'entry', 'entries')}; \`${json}\`, beside this file, has them all.`);
  out.push('');
  const overdue = s.waiting.filter((w) => w.overdue);
  const attention: string[] = [];
  for (const w of first(overdue)) attention.push(`**Overdue request:** ${mdText(w.id)} has waited ${waitText(w.waitedHours)} for a ${tierAbove(w.role) ?? 'mentor'} (promise: ${s.slaHours} h).`);
  attention.push(...andMore(overdue, 'overdue requests'));
  if (s.missingLogs.length > 0) attention.push(`**Missing logs:** ${first(s.missingLogs).map(mdText).join(', ')}${left(s.missingLogs) > 0 ? `, and ${countText(left(s.missingLogs))} more` : ''}.`);
  for (const o of first(s.overBudget)) attention.push(`**Over budget:** ${mdText(o.id)} is planned for ${hours(o.plannedTotal)} h a week${o.otherCohorts ? ` (with ${o.otherCohorts.map(mdText).join(', ')})` : ''}, past ${hours(o.maxHoursPerWeek)} h.`);
  attention.push(...andMore(s.overBudget, 'over budget'));
  for (const i of first(s.inactiveMentors)) attention.push(`**Inactive ${i.role}:** ${mdText(i.id)} ${i.reason === 'opted-out' ? 'has opted out (active: false)' : `has not logged for ${i.weeksWithoutLog} weeks`}.`);
  attention.push(...andMore(s.inactiveMentors, 'inactive mentors'));
  out.push('### Needs attention');
  out.push('');
  out.push(...(attention.length > 0 ? attention.map((line) => `- ${line}`) : ['Nothing: every request is answered and every log is in.']));
  out.push('');

  out.push('## The tree');
  out.push('');
  const tree = renderReportTree(s);
  // A tree written as a list is a line a person; a diagram is never past Mermaid's limits.
  const [why, blank, ...list] = tree;
  out.push(...(tree[0] === '```mermaid' ? tree : [why!, blank!, ...first(list), ...andMore(list, 'people of the tree').flatMap((line) => ['', line])]));
  out.push('');

  out.push('## Hours: planned and logged');
  out.push('');
  out.push(
    table(
      ['Person', 'Role', 'X', 'Planned h', 'Logged h', 'Difference', 'Note'],
      s.hours,
      (row) => [
        mdText(row.id),
        row.role,
        row.role === 'mentee' ? '' : String(row.directMentees),
        hours(row.plannedTotal),
        row.loggedTotal === undefined ? '' : hours(row.loggedTotal),
        row.loggedTotal === undefined ? '' : signedHours(row.loggedTotal - row.plannedTotal),
        row.flags.map((flag) => (flag === 'waiting' ? 'waiting for a mentor' : flag.replace('-', ' '))).join(', '),
      ],
      'people',
    ),
  );
  out.push('');

  if (s.waiting.length > 0) {
    out.push('## Waiting for a mentor');
    out.push('');
    out.push(
      table(
        ['Member', 'Role', 'Asked at', 'Waited', 'Wants', 'Prefers'],
        s.waiting,
        (w) => [mdText(w.id), w.role, w.requestedAt ?? '', w.waitedHours === undefined ? '' : `${waitText(w.waitedHours)}${w.overdue ? ' (overdue)' : ''}`, w.wants.map(mdText).join(', '), w.prefers ? mdText(w.prefers) : ''],
        'waiting',
      ),
    );
    out.push('');
  }
  if (s.mentorsWithRoom.length > 0) {
    out.push('## Mentors with room');
    out.push('');
    out.push(table(['Mentor', 'Role', 'Direct mentees', 'Room'], s.mentorsWithRoom, (m) => [mdText(m.id), m.role, String(m.directMentees), String(m.room)], 'mentors with room'));
    out.push('');
  }
  if (s.pullRequests.length > 0) {
    out.push('## Pull requests logged');
    out.push('');
    out.push(table(['Person', 'Pull request'], s.pullRequests, (pr) => [mdText(pr.id), mdLink(pr.url)], 'pull requests'));
    out.push('');
  }
  out.push('## Weeks logged so far');
  out.push('');
  out.push(table(['Person', 'Weeks logged'], s.weeksLogged, (w) => [mdText(w.id), `${w.logged} of ${w.of}`], 'people'));
  out.push('');
  return out.join('\n');
}
