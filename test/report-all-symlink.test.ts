import { mkdirSync, renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo } from './helpers/repo.js';

// `mentor report --all` when reports/ is a symlink to a folder (redgh13). `mentor report` refuses
// to write through it; --all said "There is no committed report" (exit 0), so CI's check of the
// reports passed while the reports behind the link were never looked at.

describe('mentor report --all with reports/ a symlink', () => {
  it('--check says the reports are not checked and fails, as report refuses to write there; --all writes nothing', async () => {
    const repo = exampleRepo();
    expect((await mentorIn(['report', '2026-fall', '--week', '2026-W46', '--repo', repo])).code).toBe(0);
    mkdirSync(path.join(repo, 'docs'));
    renameSync(path.join(repo, 'reports'), path.join(repo, 'docs/reports'));
    symlinkSync('docs/reports', path.join(repo, 'reports'));
    const check = await mentorIn(['report', '--all', '--check', '--repo', repo]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('reports is a symlink to docs/reports');
    expect(check.stderr).toContain('Replace the symlink with a real folder');
    const write = await mentorIn(['report', '--all', '--repo', repo]);
    expect(write.code).toBe(2);
    expect(write.stdout).toBe('');
  });
});

describe("mentor report --all with a cohort's folder of reports a symlink", () => {
  it('--check says it is not checked and fails, instead of skipping it', async () => {
    const repo = exampleRepo();
    expect((await mentorIn(['report', '2026-fall', '--week', '2026-W46', '--repo', repo])).code).toBe(0);
    mkdirSync(path.join(repo, 'docs'));
    renameSync(path.join(repo, 'reports/2026-fall'), path.join(repo, 'docs/fall'));
    symlinkSync('../docs/fall', path.join(repo, 'reports/2026-fall'));
    const check = await mentorIn(['report', '--all', '--check', '--repo', repo]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('reports/2026-fall is a symlink to docs/fall');
  });
});
