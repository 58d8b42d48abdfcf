import { describe, expect, it } from 'vitest';
import { WorktreeSource } from '../../src/io/worktree-source.js';
import { OverlaySource } from '../../src/model/overlay-source.js';
import { makeTree } from '../helpers/repo.js';

// `mentor members --to files` reads the program back as it would be after the move, through an
// overlay of the files about to be written. Listing a folder must not walk every one of those
// files: a move of 10,000 members lists 10,000 log folders, and that was 100 million steps.

/** The files about to be written, counting how many of their names anyone walks through. */
class CountedWrites extends Map<string, string> {
  walked = 0;
  override *keys(): MapIterator<string> {
    for (const key of super.keys()) {
      this.walked++;
      yield key;
    }
  }
}

describe('a record source with the writes about to be made', () => {
  it('lists folders as they will be: new files and folders in, deleted files out, sorted by name', () => {
    const root = makeTree({ 'people/ann.yaml': 'id: ann\n', 'people/bob.yaml': 'id: bob\n', 'cohorts/c1/cohort.yaml': 'id: c1\n' });
    const writes = new Map([
      ['cohorts/c1/members/ann.yaml', 'person: ann\n'],
      ['cohorts/c1/members/bob.yaml', 'person: bob\n'],
      ['people/cleo.yaml', 'id: cleo\n'],
    ]);
    const overlay = new OverlaySource(new WorktreeSource(root), writes, new Set(['people/bob.yaml']));
    const names = (dir: string) => {
      const listing = overlay.list(dir);
      return 'entries' in listing ? listing.entries.map((entry) => `${entry.name}:${entry.kind}`) : listing.problem.rule;
    };
    expect(names('people')).toEqual(['ann.yaml:file', 'cleo.yaml:file']);
    expect(names('cohorts/c1')).toEqual(['cohort.yaml:file', 'members:dir']);
    expect(names('cohorts/c1/members')).toEqual(['ann.yaml:file', 'bob.yaml:file']);
    expect(names('')).toEqual(['cohorts:dir', 'people:dir']);
    expect(overlay.read('cohorts/c1/members/ann.yaml')).toEqual({ text: 'person: ann\n' });
    expect(overlay.read('people/ann.yaml')).toEqual({ text: 'id: ann\n' });
  });

  it('walks the files about to be written once, not once for every folder listed', () => {
    const root = makeTree({ 'cohorts/c1/cohort.yaml': 'id: c1\n' });
    const writes = new CountedWrites();
    for (let i = 0; i < 2000; i++) writes.set(`cohorts/c1/members/p${i}.yaml`, `person: p${i}\n`);
    const overlay = new OverlaySource(new WorktreeSource(root), writes, new Set());
    for (let i = 0; i < 2000; i++) overlay.list(`cohorts/c1/logs/p${i}`);
    const listing = overlay.list('cohorts/c1/members');
    expect('entries' in listing && listing.entries.length).toBe(2000);
    expect(writes.walked).toBeLessThanOrEqual(2 * writes.size);
  });
});
