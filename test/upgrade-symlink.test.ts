import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { git, makeTree, mentor } from './helpers/repo.js';

// `mentor upgrade` writes .mentor/ and removes the files there the new build no longer has. A
// repo can hold .mentor as a symlink (a merged pull request, a clone made on another machine):
// upgrade must then touch nothing outside the repo.

describe('mentor upgrade and a symlinked .mentor', { timeout: 120_000 }, () => {
  it('refuses when .mentor is a symlink, and neither deletes nor writes anything where it points', async () => {
    const root = makeTree({});
    const dir = path.join(root, 'program');
    expect((await mentorIn(['init', dir])).code).toBe(0);
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'notes.txt'), 'precious\n');
    writeFileSync(path.join(elsewhere, 'mentor.mjs'), '// mentor 0.0.1: not this repo\n');
    git(dir, ['rm', '-rq', '.mentor']);
    symlinkSync('../elsewhere', path.join(dir, '.mentor'));
    git(dir, ['add', '.mentor']);
    git(dir, ['commit', '-q', '-m', '.mentor is a symlink']);
    for (const args of [[], ['--commit']]) {
      const result = mentor(['upgrade', '--repo', dir, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/\.mentor is a symlink/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(path.join(elsewhere, 'notes.txt'), 'utf8')).toBe('precious\n');
    expect(readFileSync(path.join(elsewhere, 'mentor.mjs'), 'utf8')).toBe('// mentor 0.0.1: not this repo\n');
    expect(existsSync(path.join(elsewhere, 'LICENSES.txt'))).toBe(false);
    expect(git(dir, ['branch', '--show-current']).trim()).toBe('main');
  });
});
