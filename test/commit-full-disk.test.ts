import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillDisk, mountTmpfs, tmpfsTestsRun } from './helpers/faults.js';
import { atRenamePause } from './helpers/paused-writer.js';
import { EXAMPLE, expectNoCrash, git, gitPlace, gitRepo, mentor } from './helpers/repo.js';

// A --commit whose disk fills up while it writes (faults 2, F5), on a real tmpfs holding the
// program repo and its .git. The disk is filled to its last page while mentor waits before its
// rename (the new content written, the new branch made), so the write goes through and git, which
// needs pages of its own for its objects and its index, finds the disk full. mentor must say so
// and what to do, and go back to where the user was as far as the disk allows; where it cannot,
// say where the user is and give the commands that finish going back.

const runsTmpfs = tmpfsTestsRun();
const COHORT = 'cohorts/2026-fall/cohort.yaml';
const HAL_LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const ADA_LOG = 'cohorts/2026-fall/logs/ada/2026-W46.yaml';

/** The example program with its .git, committed on main, on a fresh 1 MiB tmpfs. */
function exampleGitOnTmpfs(): string {
  const repo = path.join(mountTmpfs(1024), 'repo');
  cpSync(EXAMPLE, repo, { recursive: true });
  return gitRepo(repo);
}

/** Runs the --commit and fills the disk to its last page at the pause before its rename; a function frees the disk again. */
async function commitOnFillingDisk(repo: string, args: string[]) {
  let free = (): void => undefined;
  const run = await atRenamePause([...args, '--repo', repo], () => (free = fillDisk(path.dirname(repo), 0)), { pauseMs: 3000 });
  return { ...run, free };
}

/** Files mentor leaves only when it fails midway: temporary files beside the records, its lock. */
function leftovers(repo: string, dirs: string[]): string[] {
  const temporary = dirs.flatMap((dir) => (existsSync(path.join(repo, dir)) ? readdirSync(path.join(repo, dir)).filter((name) => name.includes('.mentor-tmp-')) : []));
  return [...temporary, ...(existsSync(path.join(repo, '.git/mentor.lock')) ? ['.git/mentor.lock'] : [])];
}

describe.runIf(runsTmpfs)('a --commit on a disk that is full by the time git commits', { timeout: 60_000 }, () => {
  it('claim goes back all the way: the new branch, deleted first, frees the room that putting HEAD and cohort.yaml back needs; once there is room the claim runs', async () => {
    const repo = exampleGitOnTmpfs();
    const before = gitPlace(repo, [COHORT]);
    const claimJon = ['claim', 'jon', '--as', 'linus', '--commit'];
    const run = await commitOnFillingDisk(repo, claimJon);
    expectNoCrash({ code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr });
    expect(run.stderr).toMatch(/mentor: git (add|commit): .*\(the disk is full\)\. mentor went back: you are on main as before, cohorts\/2026-fall\/cohort\.yaml as it was, and the branch claim\/2026-fall\/jon is deleted\. Nothing was written\.\n/);
    expect(run.stderr).toContain('\n  Free some space on that disk, then run the command again.\n');
    expect(run.code).toBe(2);
    expect(gitPlace(repo, [COHORT])).toEqual(before);
    expect(leftovers(repo, ['cohorts/2026-fall'])).toEqual([]);
    run.free();
    const again = mentor([...claimJon, '--repo', repo]);
    expect(again.code, again.stderr).toBe(0);
    expect(git(repo, ['show', `claim/2026-fall/jon:${COHORT}`])).toMatch(/- person: jon\n(?: {4}.*\n)* {4}mentor: linus\n/);
  });

  it("log from another branch cannot go back (git's switch needs room for the index): it says where the user is, and its commands finish going back once there is room", async () => {
    const repo = exampleGitOnTmpfs();
    // The user works on a branch of their own (ada's log: the records agree with main, logs aside);
    // log --commit starts its branch from main.
    git(repo, ['switch', '-q', '-c', 'work']);
    appendFileSync(path.join(repo, ADA_LOG), '# on the work branch\n');
    git(repo, ['commit', '-q', '-am', 'work']);
    const before = gitPlace(repo, [HAL_LOG, ADA_LOG]);
    const run = await commitOnFillingDisk(repo, ['log', '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=3', '--commit']);
    expectNoCrash({ code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr });
    expect(run.stderr).toMatch(/mentor: git (add|commit): .*\(the disk is full\)\. Going back failed too \(git switch: .*\(the disk is full\)\)\. You are on the new branch log\/hal\/2026-W47, and cohorts\/2026-fall\/logs\/hal\/2026-W47\.yaml is as before: nothing is written\.\n/);
    const wayBack = 'git switch --merge work && git branch -D log/hal/2026-W47';
    expect(run.stderr).toContain(`\n  Free some space on that disk. Go back: ${wayBack}.\n`);
    expect(run.code).toBe(2);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('log/hal/2026-W47');
    expect(existsSync(path.join(repo, HAL_LOG))).toBe(false);
    expect(leftovers(repo, ['cohorts/2026-fall/logs/hal'])).toEqual([]);
    run.free();
    execFileSync('sh', ['-c', wayBack], { cwd: repo, stdio: 'pipe' });
    expect(gitPlace(repo, [HAL_LOG, ADA_LOG])).toEqual(before);
  });
});
