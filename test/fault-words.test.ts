import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { giveToUnprivileged, mentorAsUnprivileged, UNPRIVILEGED, unprivilegedHome } from './helpers/faults.js';
import { exampleGitRepo, exampleRepo, expectNoCrash, makeTree } from './helpers/repo.js';

// Common faults of the file system, each said in words with what to do: never the system's raw
// errno text ("file already exists, mkdir '…'") or advice that does not fit.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

describe('a file where mentor needs a folder', { timeout: 60_000 }, () => {
  it.each([
    ['site', '_site', ['site']],
    ['codeowners', '.github', ['codeowners']],
    ['report', 'reports/2026-fall', ['report', '2026-fall']],
  ])('is named by %s, with the fix, and the file is left as it was (%s is a file)', async (_name, file, args) => {
    const repo = exampleRepo({ [file]: 'a file\n' });
    const result = await mentorIn([...args, '--repo', repo], { env: NOW });
    expectNoCrash(result);
    expect(result.stderr).toContain(`Could not create the folder ${path.join(repo, file)}: a file stands where that folder should be (EEXIST).`);
    expect(result.stderr).toContain('Rename or move the file that stands where a folder should be');
    expect(result.stderr).not.toContain('already exists, mkdir');
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(repo, file), 'utf8')).toBe('a file\n');
  });
});

describe('a symlink that loops, where mentor writes', { timeout: 60_000 }, () => {
  it('is refused as a symlink, in words, not as a file that cannot be read', async () => {
    const repo = exampleRepo();
    mkdirSync(path.join(repo, '.github'));
    symlinkSync('CODEOWNERS', path.join(repo, '.github/CODEOWNERS'));
    const result = await mentorIn(['codeowners', '--repo', repo], { env: NOW });
    expect(result.stderr).toContain('.github/CODEOWNERS is a symlink that loops (it leads back to itself), and mentor never writes through a symlink.');
    expect(result.stderr).not.toContain('too many symbolic links encountered');
    expect(result.code).toBe(2);
  });
});

describe('a name longer than the system allows', { timeout: 60_000 }, () => {
  it('is blamed on the name the user chose, not on where the repo is', async () => {
    const repo = exampleRepo();
    const parent = makeTree({});
    const out = path.join(parent, 'x'.repeat(300));
    const result = await mentorIn(['site', '--repo', repo, '--out', out], { env: NOW });
    expectNoCrash(result);
    expect(result.stderr).toContain(`the name ${'x'.repeat(24)}… is longer than the system allows (255 bytes) (ENAMETOOLONG)`);
    expect(result.stderr).toContain('Choose a shorter name');
    expect(result.stderr).not.toContain('Move the repo');
    expect(result.code).toBe(2);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('is blamed on the whole path when every name is short, and the fix names the folder too', async () => {
    const repo = exampleRepo();
    const out = path.join(makeTree({}), ...Array.from({ length: 25 }, () => 'y'.repeat(200)));
    const result = await mentorIn(['site', '--repo', repo, '--out', out], { env: NOW });
    expectNoCrash(result);
    expect(result.stderr).toContain('the path is too long (ENAMETOOLONG)');
    expect(result.stderr).toContain('Use a shorter path: move the repo (or the folder you named) higher up.');
    expect(result.code).toBe(2);
  });
});

describe('a .git folder the user running mentor may not enter', { timeout: 60_000 }, () => {
  it.runIf(UNPRIVILEGED !== undefined)('is named as the place of the write lock, not by the lock\'s internal draft file', () => {
    const repo = exampleGitRepo();
    giveToUnprivileged(repo);
    chmodSync(path.join(repo, '.git'), 0o000);
    const result = mentorAsUnprivileged(['codeowners', '--repo', repo], { HOME: unprivilegedHome(), ...NOW });
    expectNoCrash(result);
    expect(result.stderr).toContain(`Could not create the write lock ${path.join(repo, '.git/mentor.lock')}: permission denied (EACCES). Nothing was written.`);
    expect(result.stderr).not.toMatch(/mentor\.lock\.\d+-/);
    expect(result.code).toBe(2);
  });
});

describe('an error the system gives that mentor has no words of its own for', () => {
  it('is shown with its code, without the call and path node appends', async () => {
    const { fileSystemError } = await import('../src/errors.js');
    const error = Object.assign(new Error("ENOTSUP: operation not supported on socket, open '/x/y'"), { code: 'ENOTSUP', syscall: 'open', path: '/x/y' });
    expect(fileSystemError(error, 'read', '/x/y').message).toBe('Could not read /x/y: operation not supported on socket (ENOTSUP).');
  });
});
