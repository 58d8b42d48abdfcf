import type { Config } from '../model/schemas.js';
import { maintainerMentions, type Attention, type GateBlock, type OffQueue } from './attention.js';
import { HOUR_MS } from '../domain/time.js';

// Requests that are on no queue yet, since the queue reads the default branch: an issue the
// request workflow has not answered (its run never came, or stopped stuck), and a request's pull
// request that no maintainer has merged. Only a maintainer can act on either, so they are told.
// The attention workflow lists them from GitHub, in the file it passes as `--claims`.

/** How long the request workflow has to answer an issue before it counts as unanswered: its run may wait in GitHub's queue. */
export const ANSWER_GRACE_HOURS = 1;

const LINE = /^(unanswered|unmerged) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) https:\/\/\S+\/(issues|pull)\/(\d{1,9})(?: ([a-z_]{1,20}))?\s*$/;
/** The gate's status on a pull request's head, as the workflow writes it (lowercased): the two that keep it from merging. */
const GATE_BLOCKS: ReadonlyMap<string, GateBlock> = new Map([
  ['failure', 'failure'],
  ['error', 'error'],
]);

/**
 * The requests off the queue, longest waiting first, from lines `unanswered <opened at> <issue url>
 * [<problem>]` and `unmerged <opened at> <pull request url> [<gate status>]`. An issue counts once
 * the grace is over, and its maintainers are told at once, and again when its answer says it is
 * stuck for another reason; a pull request counts at once (its description told
 * them as it opened), and they are reminded once it has waited `notify.escalateAfterHours`: to
 * merge it, or, when the gate did not pass it or could not judge it, to see why (it cannot merge
 * as it is). Each is its own mention, so a pull request whose gate turns red is told of again.
 */
export function offQueue(config: Config, text: string, now: number): OffQueue[] {
  const out: OffQueue[] = [];
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match || (match[1] === 'unanswered') !== (match[3] === 'issues')) continue;
    const kind = match[1] === 'unanswered' ? 'issue' : 'pull';
    const number = Number(match[4]);
    const waited = (now - Date.parse(match[2]!)) / HOUR_MS;
    if (Number.isNaN(waited) || (kind === 'issue' && waited < ANSWER_GRACE_HOURS) || out.some((o) => o.kind === kind && o.number === number)) continue;
    const gate = kind === 'pull' ? GATE_BLOCKS.get(match[5] ?? '') : undefined;
    // An issue's stuck answer says why it is stuck: each new reason is a new mention (no reason: the key as before it had one).
    const problem = kind === 'issue' && match[5] !== undefined && match[5] !== 'none' ? match[5] : undefined;
    const why = kind === 'issue' ? 'unanswered' : gate === 'failure' ? 'refused' : gate === 'error' ? 'unjudged' : 'unmerged';
    const told = kind === 'issue' || waited >= config.notify.escalateAfterHours;
    const mentions = told ? maintainerMentions(config, why, `${kind}/${number}${problem !== undefined ? `/${problem}` : ''}`) : [];
    out.push({ kind, number, waitedHours: Math.round(Math.max(0, waited) * 10) / 10, ...(gate !== undefined ? { gate } : {}), ...(problem !== undefined ? { problem } : {}), mentions });
  }
  return out.sort((a, b) => b.waitedHours - a.waitedHours || a.number - b.number);
}

/** The attention data with the requests off the queue: each is someone waiting. */
export function withOffQueue(data: Attention, off: readonly OffQueue[]): Attention {
  if (off.length === 0) return data;
  return { ...data, waiting: data.waiting + off.length, mentions: [...off.flatMap((o) => o.mentions), ...data.mentions], offQueue: [...off] };
}
