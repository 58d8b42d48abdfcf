import { notifiedLine, type Attention, type Mention } from '../core/attention.js';
import { markdownText, mention } from './escape.js';
import { plural, waitText } from './words.js';

// The attention issue's body, and the comment that carries new mentions. Mentions come only
// from handles in person files and the config (mention()); every other text is escaped. An edit
// of an issue body notifies nobody (isaacs/github#310), so each new mention goes out once, in a
// comment; the body records which went out in its last line.

export const ATTENTION_MARKER = '<!-- mentor:attention -->';
/** The line of the body that says how many wait: the workflow closes the issue at 0. */
export const waitingMarker = (waiting: number) => `<!-- mentor:waiting ${waiting} -->`;

const why: Record<Mention['why'], string> = { prefers: 'asked for', escalate: 'has room and a wanted skill', overdue: 'maintainer' };
const mentionList = (mentions: readonly Mention[]) => mentions.map((m) => `${mention(m.handle)} (${why[m.why]})`).join(', ');

export function renderAttentionBody(data: Attention, now: string): string {
  const out = [ATTENTION_MARKER, waitingMarker(data.waiting), '', `# Requests waiting for a mentor`, '', `As of ${markdownText(now)}. Kept current by the attention workflow; claim a member with a comment \`/claim <member>\`.`, ''];
  if (data.waiting === 0) out.push('Nobody is waiting. ✓', '');
  for (const { snapshot: s, queue } of data.cohorts) {
    out.push(`## ${markdownText(s.cohort.name)} (${markdownText(s.cohort.id)})`, '');
    if (queue.length > 0) {
      out.push(`| # | member | waiting | promise (${s.slaHours} h) | wants | mentions |`, '|---|---|---|---|---|---|');
      for (const q of queue) {
        const promise = q.dueInHours === undefined ? 'no requestedAt' : q.overdue ? `**overdue** by ${waitText(-q.dueInHours)}` : `${waitText(q.dueInHours)} left`;
        const wants = [q.wants.map((w) => markdownText(w)).join(', '), q.prefers !== undefined ? `prefers ${markdownText(q.prefers)}` : ''].filter(Boolean).join('; ');
        out.push(`| ${q.place} | ${markdownText(q.id)} (${q.role}) | ${waitText(q.waitedHours)} | ${promise} | ${wants || '–'} | ${mentionList(q.mentions) || '–'} |`);
      }
      out.push('');
    }
    const rooms = s.mentorsWithRoom.map((m) => `${markdownText(m.id)} (${m.role}, room for ${m.room})`);
    out.push(`**Mentors with room:** ${rooms.join(', ') || 'none'}`, '');
    const inactive = s.inactiveMentors.map((m) => `${markdownText(m.id)} (${m.reason === 'opted-out' ? 'opted out' : `no log for ${plural(m.weeksWithoutLog, 'week')}`})`);
    out.push(`**Inactive mentors:** ${inactive.join(', ') || 'none'}`, '');
    if (s.pausedMentors) out.push(`**Paused:** ${s.pausedMentors.map((m) => `${markdownText(m.id)} (until ${m.until})`).join(', ')}`, '');
  }
  if (data.lastCycle !== undefined) out.push(`Median wait in the last cycle (${markdownText(data.lastCycle)}): ${data.lastCycleMedianHours === null ? 'no request answered' : waitText(data.lastCycleMedianHours)}.`, '');
  out.push(notifiedLine(data.mentions.map((m) => m.key)), '');
  return out.join('\n');
}

/** The comment with the mentions an earlier body has not recorded; undefined when there are none. */
export function renderAttentionComment(data: Attention, notified: ReadonlySet<string>): string | undefined {
  const lines: string[] = [];
  for (const { snapshot: s, queue } of data.cohorts) {
    for (const q of queue) {
      const fresh = q.mentions.filter((m) => !notified.has(m.key));
      if (fresh.length === 0) continue;
      const state = q.overdue ? `overdue (waited ${waitText(q.waitedHours)}, promise ${s.slaHours} h)` : `waiting ${waitText(q.waitedHours)}`;
      lines.push(`- ${markdownText(q.id)} in ${markdownText(s.cohort.id)}, ${state}: ${mentionList(fresh)}`);
    }
  }
  return lines.length === 0 ? undefined : ['<!-- mentor:attention-mentions -->', 'New on the queue:', '', ...lines, '', 'Reply `/claim <member>` to take one.', ''].join('\n');
}
