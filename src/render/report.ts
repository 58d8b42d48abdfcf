import type { CohortSnapshot } from '../core/report.js';
import { hours, signedHours } from './hours.js';
import { mdLink, mdTable, mdText } from './markdown.js';
import { renderReportTree } from './report-tree.js';
import { noLogsExpectedWhy, plural, waitText } from './words.js';

// The weekly report: Markdown for a pull request and JSON for tools, from the same snapshot.
// Nothing here reads the clock or the machine, so the same records give the same bytes.

export function renderReportJson(snapshot: CohortSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

export function renderReportMarkdown(s: CohortSnapshot): string {
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
  out.push('');
  const attention: string[] = [];
  for (const w of s.waiting.filter((w) => w.overdue)) attention.push(`**Overdue request:** ${mdText(w.id)} has waited ${waitText(w.waitedHours)} for a mentor (promise: ${s.slaHours} h).`);
  if (s.missingLogs.length > 0) attention.push(`**Missing logs:** ${s.missingLogs.map(mdText).join(', ')}.`);
  for (const o of s.overBudget) attention.push(`**Over budget:** ${mdText(o.id)} is planned for ${hours(o.plannedTotal)} h a week${o.otherCohorts ? ` (with ${o.otherCohorts.map(mdText).join(', ')})` : ''}, past ${hours(o.maxHoursPerWeek)} h.`);
  for (const i of s.inactiveMentors) attention.push(`**Inactive ${i.role}:** ${mdText(i.id)} ${i.reason === 'opted-out' ? 'has opted out (active: false)' : `has not logged for ${i.weeksWithoutLog} weeks`}.`);
  out.push('### Needs attention');
  out.push('');
  out.push(...(attention.length > 0 ? attention.map((line) => `- ${line}`) : ['Nothing: every request is answered and every log is in.']));
  out.push('');

  out.push('## The tree');
  out.push('');
  out.push(...renderReportTree(s));
  out.push('');

  out.push('## Hours: planned and logged');
  out.push('');
  out.push(
    mdTable(
      ['Person', 'Role', 'X', 'Planned h', 'Logged h', 'Difference', 'Note'],
      s.hours.map((row) => [
        mdText(row.id),
        row.role,
        row.role === 'mentee' ? '' : String(row.directMentees),
        hours(row.plannedTotal),
        row.loggedTotal === undefined ? '' : hours(row.loggedTotal),
        row.loggedTotal === undefined ? '' : signedHours(row.loggedTotal - row.plannedTotal),
        row.flags.map((flag) => (flag === 'waiting' ? 'waiting for a mentor' : flag.replace('-', ' '))).join(', '),
      ]),
    ),
  );
  out.push('');

  if (s.waiting.length > 0) {
    out.push('## Waiting for a mentor');
    out.push('');
    out.push(
      mdTable(
        ['Member', 'Role', 'Asked at', 'Waited', 'Wants', 'Prefers'],
        s.waiting.map((w) => [mdText(w.id), w.role, w.requestedAt ?? '', w.waitedHours === undefined ? '' : `${waitText(w.waitedHours)}${w.overdue ? ' (overdue)' : ''}`, w.wants.map(mdText).join(', '), w.prefers ? mdText(w.prefers) : '']),
      ),
    );
    out.push('');
  }
  if (s.mentorsWithRoom.length > 0) {
    out.push('## Mentors with room');
    out.push('');
    out.push(mdTable(['Mentor', 'Role', 'Direct mentees', 'Room'], s.mentorsWithRoom.map((m) => [mdText(m.id), m.role, String(m.directMentees), String(m.room)])));
    out.push('');
  }
  if (s.pullRequests.length > 0) {
    out.push('## Pull requests logged');
    out.push('');
    out.push(mdTable(['Person', 'Pull request'], s.pullRequests.map((pr) => [mdText(pr.id), mdLink(pr.url)])));
    out.push('');
  }
  out.push('## Weeks logged so far');
  out.push('');
  out.push(mdTable(['Person', 'Weeks logged'], s.weeksLogged.map((w) => [mdText(w.id), `${w.logged} of ${w.of}`])));
  out.push('');
  return out.join('\n');
}
