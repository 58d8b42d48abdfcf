import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mentionDigest, mentionDigests } from '../../src/core/attention-notified.js';
import type { Mention } from '../../src/core/attention.js';

// The attention issue's body records each mention sent as a digest of its key; the next run reads
// them back so nobody is mentioned twice. Digests already recorded in issues on GitHub must keep
// matching, so the digest is pinned to how it was first made: the first 64 bits of the key's
// SHA-256, written in base 62 with six digits, lowest first.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function firstWay(key: string): string {
  let value = BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
  let out = '';
  for (let i = 0; i < 6; i++, value /= 62n) out += DIGITS[Number(value % 62n)];
  return out;
}

describe('a mention digest', () => {
  it('is the digest bodies on GitHub already record, for any key', () => {
    const keys = ['2026-fall/cleo/prefers/ada-l', 'issue/12/unanswered/andrew-gh', '', 'é/🙂/escalate/x', ...Array.from({ length: 5_000 }, (_, i) => `c${i % 7}/m${i}/escalate/h${(i * 7919) % 10_007}`)];
    for (const key of keys) expect(mentionDigest(key), key).toBe(firstWay(key));
    expect(mentionDigest('2026-fall/cleo/prefers/ada-l')).toBe('Q6cLIk');
  });

  it('is made once per mention in a run, however often the comment, the body and the count of what is owed ask for it', () => {
    const made: string[] = [];
    const digest = mentionDigests((key) => (made.push(key), mentionDigest(key)));
    const mention: Mention = { handle: 'ada-l', why: 'prefers', key: '2026-fall/cleo/prefers/ada-l' };
    const other: Mention = { handle: 'bo', why: 'escalate', key: '2026-fall/cleo/escalate/bo' };
    expect([digest(mention), digest(other), digest(mention), digest(mention)]).toEqual([firstWay(mention.key), firstWay(other.key), firstWay(mention.key), firstWay(mention.key)]);
    expect(made).toEqual([mention.key, other.key]);
  });
});
