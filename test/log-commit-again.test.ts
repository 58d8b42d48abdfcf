import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git } from './helpers/repo.js';

// A mentee's log pull request came back red (the gate's comment: "fix it, commit and push again").
// They fix it the way they made it, with `mentor log --commit`, on the log's branch. Before, that
// was refused after every question was answered: 'The branch log/hal/2026-W47 already exists,
// with commits that are not merged. Finish the work on it first (push it and open its pull
// request), or ... delete it', which they had done, and which would drop the pull request's work.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
const BRANCH = 'log/hal/2026-W47';
const LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const hal = (hours: string) => ['log', '--person', 'hal', '--week', '2026-W47', '--hours', hours, '--commit'];

describe('mentor log --commit again for the same week', () => {
  it('adds a commit to the log’s branch when that branch is checked out, and says to push it', async () => {
    const repo = exampleGitRepo();
    expect((await mentorIn([...hal('practice=2'), '--repo', repo], { env: NOW })).code).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe(BRANCH);
    const again = await mentorIn([...hal('practice=3'), '--force', '--repo', repo], { env: NOW });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Committed the log on ${BRANCH}, the branch you are on.`);
    expect(again.stdout).toContain(`git push -u origin ${BRANCH}`);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe(BRANCH);
    expect(git(repo, ['rev-list', '--count', `main..${BRANCH}`]).trim()).toBe('2');
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
    expect(readFileSync(path.join(repo, LOG), 'utf8')).toContain('practice: 3');
    expect(git(repo, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(LOG);
  });

  it('from another branch, says how to change the log on its branch', async () => {
    const repo = exampleGitRepo();
    expect((await mentorIn([...hal('practice=2'), '--repo', repo], { env: NOW })).code).toBe(0);
    git(repo, ['switch', '-q', 'main']);
    const again = await mentorIn([...hal('practice=3'), '--repo', repo], { env: NOW });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`To change the log on it, switch to it (git switch ${BRANCH}) and run the command again`);
    expect(git(repo, ['rev-list', '--count', `main..${BRANCH}`]).trim()).toBe('1');
  });

  it('puts the log back as the branch has it when that commit fails (a signing program that fails)', async () => {
    const repo = exampleGitRepo();
    expect((await mentorIn([...hal('practice=2'), '--repo', repo], { env: NOW })).code).toBe(0);
    git(repo, ['config', 'commit.gpgsign', 'true']);
    git(repo, ['config', 'gpg.program', 'false']);
    const failed = await mentorIn([...hal('practice=3'), '--force', '--repo', repo], { env: NOW });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain('gpg failed to sign the data');
    expect(failed.stderr).toContain(`Nothing was written: cohorts/2026-fall/logs/hal/2026-W47.yaml is as ${BRANCH} has it.`);
    expect(failed.stderr).toContain('Fix the cause, then run the command again.');
    expect(readFileSync(path.join(repo, LOG), 'utf8')).toContain('practice: 2');
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
    expect(git(repo, ['branch', '--show-current']).trim()).toBe(BRANCH);
    expect(git(repo, ['rev-list', '--count', `main..${BRANCH}`]).trim()).toBe('1');
  });
});

describe('mentor log --commit again on the log’s branch with the values it holds', () => {
  it('says there is nothing to commit and exits 0 (before: exit 2 "git found nothing to commit ... run the command again", which fails the same way)', async () => {
    const repo = exampleGitRepo();
    expect((await mentorIn([...hal('practice=2'), '--repo', repo], { env: NOW })).code).toBe(0);
    const again = await mentorIn([...hal('practice=2'), '--force', '--repo', repo], { env: NOW });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Nothing to commit: the log on ${BRANCH}, the branch you are on, holds these values already.`);
    expect(again.stdout).toContain('If it is not pushed yet, push it:');
    expect(again.stdout).toContain(`git push -u origin ${BRANCH}`);
    expect(again.stdout).not.toContain('Updated');
    expect(git(repo, ['rev-list', '--count', `main..${BRANCH}`]).trim()).toBe('1');
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
  });
});
