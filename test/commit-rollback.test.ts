import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git, gitPlace } from './helpers/repo.js';

// --commit that fails once its branch is made (faults 2, F5): mentor goes back to where the user
// was, or says exactly where they are and how to go on. Real git fails here for real reasons: a
// signing program that fails, a held index lock, a hook that refuses a branch's deletion.

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const claimJon = ['claim', 'jon', '--as', 'linus', '--commit'];

/** Commits must be signed, and the signing program fails, as gpg does without its key or agent. */
function failingSigner(repo: string): void {
  git(repo, ['config', 'commit.gpgsign', 'true']);
  git(repo, ['config', 'gpg.program', 'false']);
}

describe('a --commit whose commit fails goes back to where the user was', () => {
  it('a claim whose commit cannot be signed: back on main, the branch gone, cohort.yaml as it was, and the claim runs again once signing works', async () => {
    const repo = exampleGitRepo();
    failingSigner(repo);
    const before = gitPlace(repo, [COHORT]);
    const failed = await mentorIn([...claimJon, '--repo', repo]);
    expect(failed.stderr).toContain('gpg failed to sign the data');
    expect(failed.stderr).toContain('mentor went back: you are on main as before, cohorts/2026-fall/cohort.yaml as it was, and the branch claim/2026-fall/jon is deleted. Nothing was written.');
    expect(failed.code).toBe(2);
    expect(gitPlace(repo, [COHORT])).toEqual(before);
    git(repo, ['config', 'commit.gpgsign', 'false']);
    const again = await mentorIn([...claimJon, '--repo', repo]);
    expect(again.code, again.stderr).toBe(0);
    expect(git(repo, ['show', 'claim/2026-fall/jon:' + COHORT])).toContain('mentor: linus');
  });

  it('a request, which adds files: they are removed again, from the index too', async () => {
    const repo = exampleGitRepo();
    failingSigner(repo);
    const files = ['people/zoe.yaml', 'cohorts/2026-fall/members/zoe.yaml'];
    const before = gitPlace(repo, files);
    const failed = await mentorIn(['request', '--cohort', '2026-fall', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC', '--commit', '--repo', repo]);
    expect(failed.stderr).toContain('mentor went back: you are on main as before');
    expect(failed.code).toBe(2);
    expect(gitPlace(repo, files)).toEqual(before);
  });

  it('says where the user is, and the command that finishes going back, when git refuses a step of it', async () => {
    const repo = exampleGitRepo();
    failingSigner(repo);
    // A hook that refuses to delete claim branches (reference-transaction: git 2.28 and later).
    const hook = path.join(repo, '.git/hooks/reference-transaction');
    writeFileSync(hook, '#!/bin/sh\n[ "$1" = prepared ] || exit 0\nif grep -q "^[^ ]* 0\\{40\\} refs/heads/claim/"; then echo "deleting claim branches is not allowed here" >&2; exit 1; fi\n');
    chmodSync(hook, 0o755);
    const failed = await mentorIn([...claimJon, '--repo', repo]);
    expect(failed.stderr).toContain('Going back failed too');
    expect(failed.stderr).toContain('You are on main as before and nothing is written, but the new branch claim/2026-fall/jon is left.');
    expect(failed.stderr).toContain('Delete it: git branch -D claim/2026-fall/jon.');
    expect(failed.code).toBe(2);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('main');
    rmSync(hook);
    execFileSync('sh', ['-c', 'git branch -D claim/2026-fall/jon'], { cwd: repo });
    expect(git(repo, ['branch', '--list']).trim()).toBe('* main');
  });
});

describe('a --commit that git cannot make is refused before its branch', () => {
  it("a held index lock is named, with git's advice, and nothing is written", async () => {
    const repo = exampleGitRepo();
    const lock = path.join(repo, '.git/index.lock');
    writeFileSync(lock, '');
    const before = gitPlace(repo, [COHORT]);
    const failed = await mentorIn([...claimJon, '--repo', repo]);
    expect(failed.stderr).toContain(`git's index is locked (${lock} exists): another git process is running in this repository, or one crashed earlier. Nothing was written.`);
    expect(failed.stderr).toContain(`if no git is running, delete ${lock}`);
    expect(failed.code).toBe(2);
    expect(gitPlace(repo, [COHORT])).toEqual(before);
  });
});
