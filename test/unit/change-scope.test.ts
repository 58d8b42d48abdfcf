import { describe, expect, it, vi } from 'vitest';
import { addWeeks } from '../../src/domain/weeks.js';
import type { DirListing } from '../../src/model/record-source.js';
import type { Change } from '../../src/model/scope.js';
import { validateScope } from '../../src/model/validate.js';
import { MemorySource, exampleTree } from '../helpers/memory-source.js';

// `validate --changed` on a pull request that adds a person's logs by the thousand (a year of a
// rolling cohort back-filled, or an import): each added log listed its person's whole folder
// again, so 2,000 logs read 4,000,000 names and took 3 s where a full validate takes 0.4 s.

/** Records in memory that count the names each folder listing hands out. */
class CountingSource extends MemorySource {
  names = 0;
  override list(dir: string): DirListing {
    const listing = super.list(dir);
    this.names += listing.entries?.length ?? 0;
    return listing;
  }
}

describe('validate --changed on many added logs of one person', () => {
  it('lists the person\'s log folder once, with the same problems', () => {
    const logs: Record<string, string> = {};
    const changes: Change[] = [];
    for (let i = 0, week = '2026-W37'; i < 400; i++, week = addWeeks(week, -1)) {
      const file = `cohorts/2026-fall/logs/bob/${week}.yaml`;
      logs[file] = `person: bob\nweek: ${week}\nhours:\n  practice: 3\n`;
      changes.push({ status: 'added', path: file });
    }
    const source = new CountingSource(exampleTree({ ...logs, 'cohorts/2026-fall/logs/bob/notes.txt': 'junk\n' }));
    changes.push({ status: 'added', path: 'cohorts/2026-fall/logs/bob/notes.txt' });
    const result = validateScope(source, changes);
    // Each of the 401 changed files is reported on once, the stray file once.
    expect(result.problems.filter((p) => p.file === 'cohorts/2026-fall/logs/bob/notes.txt')).toHaveLength(1);
    // The records folders once each, and bob's folder (about 400 names) once: not once per log.
    expect(source.names).toBeLessThan(3 * 400);
  });
});

describe('validate --changed on many changed member files of one cohort', () => {
  it('adds the cohort\'s tree to what is reported on once, not once for each changed file', () => {
    const tree: Record<string, string> = {};
    const changes: Change[] = [];
    for (let i = 0; i < 300; i++) {
      tree[`people/p${i}.yaml`] = `id: p${i}\nname: P ${i}\n`;
      tree[`cohorts/2026-fall/members/p${i}.yaml`] = `person: p${i}\nrole: mentee\nprefers: grace\nrequestedAt: 2026-11-20T10:00:00-08:00\n`;
      changes.push({ status: 'modified', path: `cohorts/2026-fall/members/p${i}.yaml` });
    }
    const source = new MemorySource(exampleTree(tree));
    const adds = vi.spyOn(Set.prototype, 'add');
    const result = validateScope(source, changes);
    const calls = adds.mock.calls.length;
    adds.mockRestore();
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The tree (cohort.yaml and 300 member files) added for each of the 300 files was 90,000 adds.
    expect(calls).toBeLessThan(20_000);
  });
});
