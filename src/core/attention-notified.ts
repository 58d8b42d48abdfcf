import { hash } from 'node:crypto';
import type { Attention, AttentionCohort, Mention, OffQueue, QueueEntry, UnreadableCohort } from './attention.js';

// Which mentions went out, kept in the attention issue's body for the next run (`--since`). Each
// mention is recorded as a short, fixed-width digest of its key (6 letters or digits: 36 bits, so
// thousands of mentions almost never share one), and the record holds at most NOTIFIED_CAPACITY
// of them, so it cannot push the body past what GitHub accepts. A mention that is not sent (cut
// from the comment, or beyond the capacity) is not recorded: it goes out on a later run, as
// mentions recorded earlier leave the queue with their members.

export const NOTIFIED_CAPACITY = 3_000;
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const WIDTH = 6;

/** A mention key's digest, as the notified line records it: the first 64 bits of its SHA-256 in base 62, lowest digit first. */
export function mentionDigest(key: string): string {
  const bytes = hash('sha256', key, 'buffer');
  // The 64 bits as four 16-bit limbs, most significant first, divided by 62 exactly in plain numbers.
  const limbs = [bytes.readUInt16BE(0), bytes.readUInt16BE(2), bytes.readUInt16BE(4), bytes.readUInt16BE(6)];
  let out = '';
  for (let i = 0; i < WIDTH; i++) {
    let rest = 0;
    for (let j = 0; j < limbs.length; j++) {
      const value = rest * 65_536 + limbs[j]!;
      limbs[j] = Math.floor(value / 62);
      rest = value % 62;
    }
    out += DIGITS[rest];
  }
  return out;
}

/**
 * Each mention's digest, made once in a run. A queue of a thousand members who may each be offered
 * to a thousand mentors holds a million mentions; hashing them is most of what the comment costs,
 * and the comment, the record and the count of what is still owed each need them.
 */
export function mentionDigests(digestOf: (key: string) => string = mentionDigest): (mention: Mention) => string {
  const made = new Map<Mention, string>();
  return (mention) => {
    let digest = made.get(mention);
    if (digest === undefined) made.set(mention, (digest = digestOf(mention.key)));
    return digest;
  };
}

/** The line of the body that records who has been mentioned, read back by notifiedKeys. */
export const notifiedLine = (digests: readonly string[]) => `<!-- mentor:notified ${digests.join('')} -->`;

/**
 * The digests of the mentions an earlier body recorded (its `mentor:notified` line). A body
 * written before digests listed whole keys (`cohort/member/why/handle`, space-separated): those
 * are read too, so upgrading repeats no mention.
 */
export function notifiedKeys(previousBody: string | undefined): Set<string> {
  const line = /<!-- mentor:notified ([^>]*?) ?-->/.exec(previousBody ?? '');
  const digests = new Set<string>();
  for (const word of (line?.[1] ?? '').split(' ')) {
    if (word.includes('/')) digests.add(mentionDigest(word));
    else for (let i = 0; i + WIDTH <= word.length; i += WIDTH) digests.add(word.slice(i, i + WIDTH));
  }
  return digests;
}

export interface Waiting {
  cohort: AttentionCohort;
  entry: QueueEntry;
}

/** Every waiting member, most urgent first: overdue before not, then the longest wait, then queue order. */
export function byUrgency(data: Attention): Waiting[] {
  const all = data.cohorts.flatMap((cohort) => cohort.queue.map((entry) => ({ cohort, entry })));
  const waited = (w: Waiting) => w.entry.waitedHours ?? -1;
  return all.sort((a, b) => Number(b.entry.overdue) - Number(a.entry.overdue) || waited(b) - waited(a));
}

/**
 * The cohorts that cannot be read, the requests off the queue, then the members, with mentions not
 * yet sent, most urgent first, and those mentions: as many as the record has room for next to the
 * mentions it keeps (sent earlier, still waiting).
 */
export function mentionsToSend(
  data: Attention,
  notified: ReadonlySet<string>,
  digest: (mention: Mention) => string,
): { unreadable: Array<{ cohort: UnreadableCohort; fresh: Mention[] }>; offQueue: Array<{ off: OffQueue; fresh: Mention[] }>; queue: Array<Waiting & { fresh: QueueEntry['mentions'] }> } {
  let recorded = data.mentions.filter((m) => notified.has(digest(m))).length;
  const room = (fresh: readonly Mention[]) => {
    if (recorded + fresh.length > NOTIFIED_CAPACITY) return false;
    recorded += fresh.length;
    return true;
  };
  const freshOf = (mentions: readonly Mention[]) => mentions.filter((m) => !notified.has(digest(m)));
  /** The items of a list with mentions not yet sent, in order, while the record has room for them. */
  const toSend = <T>(items: readonly T[], mentionsOf: (item: T) => readonly Mention[]): Array<{ item: T; fresh: Mention[] }> => {
    const out: Array<{ item: T; fresh: Mention[] }> = [];
    for (const item of items) {
      const fresh = freshOf(mentionsOf(item));
      if (fresh.length === 0) continue;
      if (!room(fresh)) break;
      out.push({ item, fresh });
    }
    return out;
  };
  // A cohort that cannot be read comes first: who waits there is on no queue at all; then a request
  // off the queue: it is on no other; then the members of the queues, most urgent first.
  const unreadable = toSend(data.unreadable ?? [], (cohort) => cohort.mentions).map(({ item, fresh }) => ({ cohort: item, fresh }));
  const offQueue = toSend(data.offQueue ?? [], (off) => off.mentions).map(({ item, fresh }) => ({ off: item, fresh }));
  const queue = toSend(byUrgency(data), (waiting) => waiting.entry.mentions).map(({ item, fresh }) => ({ ...item, fresh }));
  return { unreadable, offQueue, queue };
}

/** What the body records: the mentions still on the queue that went out before or go out now. */
export function stillNotified(data: Attention, notified: ReadonlySet<string>, sent: ReadonlySet<string>, digest: (mention: Mention) => string): string[] {
  return data.mentions.map(digest).filter((made) => notified.has(made) || sent.has(made));
}
