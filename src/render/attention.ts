import type { Attention, AttentionCohort, Mention, NeverPlaced, OffQueue, QueueEntry, UnreadableCohort } from '../core/attention.js';
import { byUrgency, mentionsToSend, notifiedLine } from '../core/attention-notified.js';
import { RUNNER_COMMAND } from '../domain/layout.js';
import { markdownText, mention } from './escape.js';
import { COMMENT_LIMIT, linesThatFit } from './limit.js';
import { shortened, countText } from '../domain/text.js';
import { plural, waitText } from './words.js';
import { STUCK_PROBLEMS, type StuckProblem } from './request.js';

// The attention issue's body, and the comment that carries new mentions. Mentions come only
// from handles in person files and the config (mention()); every other text is escaped. An edit
// of an issue body notifies nobody (isaacs/github#310), so each new mention goes out once, in a
// comment; the body records which went out in its last line. Both fit in what GitHub accepts
// (render/limit.ts) however many wait: the most urgent first (overdue, then the longest wait),
// then "… and N more"; the first line and the record of mentions are never cut.

export const ATTENTION_MARKER = '<!-- mentor:attention -->';
/** The line of the body that says how many wait: the workflow closes the issue at 0. */
export const waitingMarker = (waiting: number) => `<!-- mentor:waiting ${waiting} -->`;

/** Names listed in one line of the body (mentors with room, inactive, paused) before "… and N more". */
const NAMES_LISTED = 50;
const why: Record<Mention['why'], string> = { prefers: 'asked for', escalate: 'has room and a wanted skill', overdue: 'maintainer', date: 'maintainer: correct its requestedAt', unanswered: 'maintainer: take it in or turn it down, as its issue says', unmerged: 'maintainer: merge it', refused: 'maintainer: see why the gate did not pass it', unjudged: 'maintainer: see why the gate could not judge it', unreadable: 'maintainer: fix it' };
/** Each handle once, with every reason it is mentioned for (a maintainer who is also a mentor with room). */
function mentionList(mentions: readonly Mention[]): string {
  const reasons = new Map<string, { handle: string; whys: string[] }>();
  for (const m of mentions) {
    const entry = reasons.get(m.handle.toLowerCase()) ?? { handle: m.handle, whys: [] };
    entry.whys.push(m.why === 'escalate' && !m.skill ? 'has room' : why[m.why]);
    reasons.set(m.handle.toLowerCase(), entry);
  }
  return [...reasons.values()].map((r) => `${mention(r.handle)} (${r.whys.join('; ')})`).join(', ');
}
const more = (count: number, what = '') => `… and ${countText(count)} more${what}: see the dashboard or run \`${RUNNER_COMMAND} status\`.`;
const names = (list: readonly string[]) => (list.length > NAMES_LISTED ? `${list.slice(0, NAMES_LISTED).join(', ')}, … and ${countText(list.length - NAMES_LISTED)} more` : list.join(', '));

/** The line of the body that says how many of a finished cohort were never placed and are in no cohort now: the workflow's closing comment points at them. */
export const neverPlacedMarker = (count: number) => `<!-- mentor:never-placed ${count} -->`;

/** Who a cohort that has just finished never placed (not on the queue, and mentioned to nobody), and the step that carries them on. */
function neverPlacedPart(never: NeverPlaced): string[] {
  const left = never.members.filter((m) => m.nowIn === undefined);
  const who = never.members.map((m) => `${markdownText(m.id)} (${m.role}, waited ${waitText(m.waitedHours)}${m.nowIn !== undefined ? `, now in ${markdownText(m.nowIn)}` : ''})`);
  const id = markdownText(never.cohort.id);
  // Cohort ids are letters, digits and dashes: as they are in code.
  const step = left.length === 0 ? '' : ` \`${RUNNER_COMMAND} next ${never.cohort.id} <next-cohort> --start <date>\` carries ${left.length === never.members.length ? 'them' : names(left.map((m) => markdownText(m.id)))} into the next cycle.`;
  return [neverPlacedMarker(left.length), `## Never placed in ${markdownText(shortened(never.cohort.name, 200))} (${id}), which ended ${never.cohort.end ?? ''}`, '', `${names(who)}: the cohort ended before they had a mentor.${step}`, ''];
}

/** Why a request issue is off the queue, in its row: the attention workflow finds the rows by it. */
export const OFF_QUEUE_ISSUE_WHY = 'not taken in: see the issue';
/** Why a request issue is stuck, as its answer says: a request stuck again for another reason is mentioned again, and says which. */
const problemWords = (o: OffQueue) => (o.problem !== undefined && Object.hasOwn(STUCK_PROBLEMS, o.problem) ? `\n  - stuck: ${STUCK_PROBLEMS[o.problem as StuckProblem]}` : '');
/** What the gate did with a request's pull request that cannot merge as it is. */
const gateDid = (o: OffQueue) => (o.gate === 'failure' ? 'did not pass' : 'could not judge');
/** What keeps a request off the queue. */
const offWhy = (o: OffQueue) => (o.kind === 'issue' ? OFF_QUEUE_ISSUE_WHY : o.gate !== undefined ? `the gate ${gateDid(o)} its pull request: see why there` : "a pull request waiting for a maintainer's merge");

/** Requests not on main yet: on no other queue. Numbers are digits (GitHub links them). */
/** The cohorts mentor cannot read: who waits there is unknown until a maintainer fixes the default branch. */
function unreadablePart(cohorts: readonly UnreadableCohort[]): string[] {
  if (cohorts.length === 0) return [];
  const lines = cohorts.flatMap((u) => [
    `- ${markdownText(u.id)}: ${mentionList(u.mentions) || 'no maintainer listed in mentor.config.yaml'}`,
    ...u.errors.map((e) => `  - ${markdownText(`${e.file}:${e.line}:${e.column}`)} ${markdownText(shortened(e.message, 300))}`),
    ...(u.more > 0 ? [`  - … and ${u.more} more`] : []),
  ]);
  return [
    '## Cohorts mentor cannot read',
    '',
    `The records of these cohorts on the default branch have errors, so nobody can tell who waits there, and nobody there is asked for: fix them on a branch (\`${RUNNER_COMMAND} validate\` shows each error with how to fix it) and merge it. The other cohorts above are as they are.`,
    '',
    ...lines,
    '',
  ];
}

function offQueuePart(off: readonly OffQueue[]): string[] {
  if (off.length === 0) return [];
  const shown = off.slice(0, NAMES_LISTED);
  return [
    '## Requests not on the queue yet',
    '',
    "A request issue the request workflow has not answered, or answered that only a maintainer can take it on (its run failed, GitHub was down, no cohort takes requests): set right what its issue says, then edit the issue (any change runs the request workflow again for its author) or re-run the workflow's run for it (Actions tab). It stays listed until the workflow takes it in: a request you take in or turn down yourselves, close its issue. A request's pull request counts once a maintainer merges it. One the gate did not pass (or could not judge) cannot merge as it is: its description and the gate's status say why. If the requester's answers are the cause, they edit the issue (the workflow runs again); if the change is one only a maintainer may make, approve the pull request (the gate judges it again) and merge it; if the gate could not judge it, re-run its run; to turn the request down, close its issue and its pull request.",
    '',
    '| # | waiting | why | mentions |',
    '|---|---|---|---|',
    ...shown.map((o) => `| #${o.number} | ${waitText(o.waitedHours)} | ${offWhy(o)} | ${mentionList(o.mentions) || '–'} |`),
    '',
    ...(off.length > shown.length ? [more(off.length - shown.length), ''] : []),
  ];
}

/** The open claims of a member: the pull requests a maintainer merges (or closes, one its claimer has no room for), each by its number (GitHub links it) and claimer (no mention). */
const claimedIn = (q: QueueEntry) => (q.claims === undefined ? '' : `claimed in ${q.claims.map((c) => `#${c.number} by ${markdownText(c.login)}${c.noRoom ? ', who has no room for it here (to close)' : ', to merge'}`).join(' and ')}`);

/** How long a member has waited; one with no requestedAt, since the cohort's start. */
const waitedText = (q: QueueEntry) => `${waitText(q.waitedHours)}${q.fromStart ? ' since the start' : ''}`;

function row(q: QueueEntry): string {
  const waits = q.awayUntil !== undefined ? `away until ${q.awayUntil} (pausedUntil): placed from then` : q.dueInHours === undefined ? 'no requestedAt' : q.requestedAtInFuture ? '**`requestedAt` is in the future**: correct the date' : q.overdue ? `**overdue** by ${waitText(-q.dueInHours)}` : `${waitText(q.dueInHours)} left`;
  const promise = [waits, claimedIn(q)].filter(Boolean).join('; ');
  const wants = [q.wants.map((w) => markdownText(w)).join(', '), q.prefers !== undefined ? `prefers ${markdownText(q.prefers)}` : ''].filter(Boolean).join('; ');
  return `| ${q.place} | ${markdownText(q.id)} (${q.role}) | ${waitedText(q)} | ${promise} | ${wants || '–'} | ${mentionList(q.mentions) || '–'} |`;
}

/** The body; `recorded` are the digests of the mentions sent, for the next run's `--since`. */
export function renderAttentionBody(data: Attention, now: string, recorded: readonly string[]): string {
  // The rows that fit, most urgent first; each cohort's are a prefix of its queue (overdue come first in it).
  const urgent = byUrgency(data);
  const rows = new Map(urgent.map((w) => [w.entry, row(w.entry)]));
  const queued = urgent.length;
  const page = (kept: ReadonlySet<QueueEntry>, cohorts: readonly AttentionCohort[] = data.cohorts) => {
    const out = [ATTENTION_MARKER, waitingMarker(data.waiting), '', `# Requests waiting for a mentor`, '', `As of ${markdownText(now)}. Kept current by the attention workflow; claim a member with a comment \`/claim <member>\`.`, ''];
    if (data.waiting === 0) out.push('Nobody is waiting. ✓', '');
    for (const { snapshot: s, queue, toPlace } of cohorts) {
      out.push(`## ${markdownText(shortened(s.cohort.name, 200))} (${markdownText(s.cohort.id)})`, '');
      if (queue.length > 0) {
        out.push(`| # | member | waiting | promise (${s.slaHours} h) | wants | mentions |`, '|---|---|---|---|---|---|');
        const shown = queue.filter((q) => kept.has(q));
        for (const q of shown) out.push(rows.get(q)!);
        out.push('');
        if (shown.length < queue.length) out.push(more(queue.length - shown.length), '');
      }
      // Cohort ids are letters, digits and dashes: as they are in code.
      if (toPlace !== undefined) out.push(`**To place before it starts on ${s.cohort.start}** (no request, so no promise yet; from then they wait): ${names(toPlace.map((id) => markdownText(id)))}. \`${RUNNER_COMMAND} assign ${s.cohort.id} --commit\` places them.`, '');
      out.push(`**Mentors with room:** ${names(s.mentorsWithRoom.map((m) => `${markdownText(m.id)} (${m.role}, room for ${m.room})`)) || 'none'}`, '');
      const inactive = s.inactiveMentors.map((m) => `${markdownText(m.id)} (${m.reason === 'opted-out' ? 'opted out' : `no log for ${plural(m.weeksWithoutLog, 'week')}`})`);
      out.push(`**Inactive mentors:** ${names(inactive) || 'none'}`, '');
      // Mentors who cannot claim now; a paused mentee is the status's to list, not this queue's.
      const paused = (s.pausedMentors ?? []).filter((m) => m.role !== 'mentee');
      if (paused.length > 0) out.push(`**Paused:** ${names(paused.map((m) => `${markdownText(m.id)} (until ${m.until})`))}`, '');
    }
    if (cohorts.length < data.cohorts.length) out.push(moreCohorts(data.cohorts.length - cohorts.length, queued - cohorts.reduce((sum, c) => sum + c.queue.length, 0)), '');
    out.push(...unreadablePart(data.unreadable ?? []));
    out.push(...offQueuePart(data.offQueue ?? []));
    for (const never of data.neverPlaced ?? []) out.push(...neverPlacedPart(never));
    if (data.lastCycle !== undefined) out.push(`Median wait in the last cycle (${markdownText(data.lastCycle)}): ${data.lastCycleMedianHours === null ? 'no request answered' : waitText(data.lastCycleMedianHours)}.`, '');
    out.push(notifiedLine(recorded), '');
    return out.join('\n');
  };
  const all = page(new Set(rows.keys()));
  if (all.length <= COMMENT_LIMIT) return all;
  // Without rows, with a "… and N more" line for every cohort: what is left is the rows' room.
  const frame = page(new Set()).length;
  if (frame <= COMMENT_LIMIT) return page(new Set(urgent.slice(0, linesThatFit([...rows.values()], COMMENT_LIMIT - frame)).map((w) => w.entry)));
  // Even without rows the cohorts' sections are too many (hundreds of cohorts, or long lists of
  // mentors with room): the cohorts whose waits are the most urgent first, each with its most
  // urgent row, as many as fit; then more of their rows in the room left.
  const top = new Map<AttentionCohort, QueueEntry>();
  for (const w of urgent) if (!top.has(w.cohort)) top.set(w.cohort, w.entry);
  const shown = cohortsThatFit(data, top, (cohorts, kept) => page(kept, cohorts).length);
  const tops = new Set(shown.flatMap((c) => (top.has(c) ? [top.get(c)!] : [])));
  const inShown = new Set(shown);
  const rest = urgent.filter((w) => inShown.has(w.cohort) && !tops.has(w.entry));
  const fit = linesThatFit(rest.map((w) => rows.get(w.entry)!), COMMENT_LIMIT - page(tops, shown).length);
  return page(new Set([...tops, ...rest.slice(0, fit).map((w) => w.entry)]), shown);
}

/** "… and N more cohorts": the line that stands for the cohorts the body has no room for. */
function moreCohorts(hidden: number, waiting: number): string {
  return `… and ${countText(hidden)} more ${hidden === 1 ? 'cohort' : 'cohorts'}${waiting > 0 ? ` where ${plural(waiting, 'member')} ${waiting === 1 ? 'waits' : 'wait'}` : ''}: see the dashboard or run \`${RUNNER_COMMAND} status\`.`;
}

/**
 * The cohorts whose sections fit in the body (`sizeWith` measures it with those cohorts and rows),
 * in the body's order: first the cohort of the most urgent member (`top`: each cohort's most
 * urgent, measured with its section), then the next one's, and cohorts nobody waits in last. Each
 * section is measured once, so this costs one pass per cohort.
 */
function cohortsThatFit(data: Attention, top: ReadonlyMap<AttentionCohort, QueueEntry>, sizeWith: (cohorts: readonly AttentionCohort[], kept: ReadonlySet<QueueEntry>) => number): AttentionCohort[] {
  const order = [...new Set([...top.keys(), ...data.cohorts])];
  const base = sizeWith([], new Set());
  const kept = new Set<AttentionCohort>();
  let size = base;
  // The "… and N more cohorts" line changes by a few characters as N does: that much is kept spare.
  for (const cohort of order) {
    const first = top.get(cohort);
    const section = sizeWith([cohort], new Set(first === undefined ? [] : [first])) - base;
    if (size + section > COMMENT_LIMIT - 100) break;
    kept.add(cohort);
    size += section;
  }
  return data.cohorts.filter((c) => kept.has(c));
}

/**
 * The comment with the mentions an earlier body has not recorded (`notified`, digests), most
 * urgent first, cut to fit; and the digests of the mentions it sends, for the body to record.
 */
export function renderAttentionComment(data: Attention, notified: ReadonlySet<string>, digest: (mention: Mention) => string): { comment?: string; sent: Set<string> } {
  const toSend = mentionsToSend(data, notified, digest);
  const off = toSend.offQueue.map(({ off: o, fresh }) => {
    const line = o.kind === 'issue' ? `- request issue #${o.number}, not taken in for ${waitText(o.waitedHours)}` : o.gate !== undefined ? `- request pull request #${o.number}, which the gate ${gateDid(o)}, waiting ${waitText(o.waitedHours)}` : `- request pull request #${o.number}, waiting ${waitText(o.waitedHours)} for a merge`;
    return { line: `${line}: ${mentionList(fresh)}${o.kind === 'issue' ? problemWords(o) : ''}`, fresh };
  });
  const unreadable = toSend.unreadable.map(({ cohort: u, fresh }) => ({ line: `- cohort ${markdownText(u.id)} cannot be read, so mentor cannot tell who waits there: ${mentionList(fresh)}`, fresh }));
  const items = [
    ...unreadable,
    ...off,
    ...toSend.queue.map(({ cohort: { snapshot: s }, entry: q, fresh }) => {
      const state = q.overdue ? `overdue (waited ${waitedText(q)}, promise ${s.slaHours} h)` : q.requestedAtInFuture ? 'dated in the future (`requestedAt`), so it would never fall due' : `waiting ${waitedText(q)}`;
      return { line: `- ${markdownText(q.id)} in ${markdownText(s.cohort.id)}, ${[state, claimedIn(q)].filter(Boolean).join(', ')}: ${mentionList(fresh)}`, fresh };
    }),
  ];
  if (items.length === 0) return { sent: new Set() };
  const owes = (o: { mentions: readonly Mention[] }) => o.mentions.some((m) => !notified.has(digest(m)));
  const owed = (data.unreadable ?? []).filter(owes).length + (data.offQueue ?? []).filter(owes).length + data.cohorts.reduce((sum, c) => sum + c.queue.filter(owes).length, 0);
  const lines = items.map((item) => item.line);
  const head = ['<!-- mentor:attention-mentions -->', 'New on the queue:', ''];
  // Only a member on the queue can be claimed: a request off it is the maintainers' to take in.
  const tail = items.length > unreadable.length + off.length ? ['', 'Reply `/claim <member>` to take one.', ''] : [''];
  const cut = (count: number) => (count > 0 ? ['', more(count, ', to be mentioned in a later comment as the queue moves')] : []);
  const kept = linesThatFit(lines, COMMENT_LIMIT - [...head, ...tail, ...cut(owed)].join('\n').length - 1);
  const sent = new Set(items.slice(0, kept).flatMap((item) => item.fresh.map(digest)));
  return { comment: [...head, ...lines.slice(0, kept), ...cut(owed - kept), ...tail].join('\n'), sent };
}
