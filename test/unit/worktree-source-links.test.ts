import { mkdtempSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorktreeSource } from '../../src/io/worktree-source.js';
import { makeTree } from '../helpers/repo.js';

// The working tree refuses a symlink where a record or a folder of records belongs (a commit holds
// only the link). The repo itself may be reached through a symlink: that one is no record's.

describe('the working tree as a record source', () => {
  it('reads a repo reached through a symlink, and refuses a symlinked folder inside it', () => {
    const repo = makeTree({ 'people/ada.yaml': 'id: ada\nname: Ada\n', 'store/bob.yaml': 'id: bob\nname: Bob\n' });
    symlinkSync('../store', path.join(repo, 'people/more'));
    const link = path.join(mkdtempSync(path.join(path.dirname(repo), 'link-')), 'repo');
    symlinkSync(repo, link);
    const source = new WorktreeSource(link);
    expect(source.read('people/ada.yaml')).toEqual({ text: 'id: ada\nname: Ada\n' });
    expect(source.list('people')).toEqual({ entries: [{ name: 'ada.yaml', kind: 'file', regular: true }, { name: 'more', kind: 'other', symlink: true }] });
    expect(source.read('people/more/bob.yaml')).toEqual({ problem: expect.objectContaining({ rule: 'unexpected-file', message: expect.stringContaining('This is a symlink') }) });
    expect(source.list('people/more')).toEqual({ problem: expect.objectContaining({ rule: 'unexpected-file' }) });
  });
});
