import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, PACKAGE_ROOT } from './helpers/repo.js';

// The generators of bench/ empty the folder they write: a slip (`generate.js .`, `generate.js
// --help`) must never delete a folder of the user's, nor take an option for a folder.

const generate = (...args: string[]) => spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bench/generate.js'), ...args], { encoding: 'utf8' });

describe('the bench generators', () => {
  it('print their usage for --help and write nothing', () => {
    const cwd = makeTree({});
    const result = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bench/generate.js'), '--help'], { cwd, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('usage: node bench/generate.js <dir>');
    expect(readdirSync(cwd)).toEqual([]);
    const assign = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bench/generate-assign.js'), '--mentors', '5'], { cwd, encoding: 'utf8' });
    expect(assign.status).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuse a folder of the user\'s, deleting nothing, and write again over their own', () => {
    const mine = makeTree({ 'notes.txt': 'my notes\n' });
    const refused = generate(mine, '--cohorts', '1', '--members', '5', '--weeks', '1');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is not empty, and no generator wrote it');
    expect(readdirSync(mine)).toEqual(['notes.txt']);

    const theirs = path.join(makeTree({}), 'program');
    expect(generate(theirs, '--cohorts', '1', '--members', '5', '--weeks', '1').status).toBe(0);
    writeFileSync(path.join(theirs, 'leftover.txt'), 'from an older run\n');
    expect(generate(theirs, '--cohorts', '1', '--members', '5', '--weeks', '1').status).toBe(0);
    expect(existsSync(path.join(theirs, 'leftover.txt'))).toBe(false);
    expect(existsSync(path.join(theirs, 'mentor.config.yaml'))).toBe(true);
  });

  it('refuse a file named as the folder, with a sentence and exit 2 (was: a stack trace, ENOTDIR)', () => {
    const file = path.join(makeTree({ 'notes.txt': 'my notes\n' }), 'notes.txt');
    const refused = generate(file, '--cohorts', '1', '--members', '5', '--weeks', '1');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is a file, not a folder');
    expect(refused.stderr).not.toContain('    at ');
  });
});
