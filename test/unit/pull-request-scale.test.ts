import { describe, expect, it } from 'vitest';
import { summarizeChanges } from '../../src/core/pull-request/summary.js';
import type { Change } from '../../src/model/scope.js';
import { exampleTree, loadTree } from '../helpers/memory-source.js';

// A pull request that edits thousands of member files of one cohort (a maintainer's bulk edit, or
// an author's mass claim the gate refuses): each changed file searched every member of the cohort
// for the ones written in it, so 8,000 changed files took 9 s in check-pr and in pr-summary.

const member = (i: number, prefers: string) => `person: p${i}\nrole: mentee\nprefers: ${prefers}\nrequestedAt: 2026-11-20T10:00:00-08:00\n`;

function trees(count: number) {
  const base: Record<string, string> = {};
  const head: Record<string, string> = {};
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    base[`people/p${i}.yaml`] = head[`people/p${i}.yaml`] = `id: p${i}\nname: P ${i}\n`;
    base[`cohorts/2026-fall/members/p${i}.yaml`] = member(i, 'ada');
    head[`cohorts/2026-fall/members/p${i}.yaml`] = member(i, 'grace');
    changes.push({ status: 'modified', path: `cohorts/2026-fall/members/p${i}.yaml` });
  }
  return { base: loadTree(exampleTree(base)), head: loadTree(exampleTree(head)), changes };
}

describe('a pull request that edits 300 member files of one cohort', () => {
  it('finds the members of each file without searching the whole cohort for each', () => {
    const { base, head, changes } = trees(300);
    let reads = 0;
    for (const program of [base, head]) {
      const entry = program.cohorts.get('2026-fall')!;
      const counted = new Proxy(entry.places, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
      Object.defineProperty(entry, 'places', { get: () => counted });
    }
    const summary = summarizeChanges(base, head, changes, new Map());
    expect(summary).toHaveLength(300);
    expect(summary.every((change) => change.kind === 'tree')).toBe(true);
    // Each cohort's ~310 places once (base and head): searched again for each file it was 186,000.
    expect(reads).toBeLessThan(2_000);
  });
});
