import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitIn, githubWorld, halRenames, mainSha, mergeGroup, mergeGroupEvent, openPullRequest, pullRequestEvent, pushEvent, pushToMain, reportOnMain, slipOnMain, type PullRequest } from './helpers/github-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// mentor.yml on a pull request whose event carries an older base than the merge commit it runs:
// GitHub makes refs/pull/N/merge again on the base branch as it is now (a pull request reopened,
// or run again after main moved), while `pull_request.base.sha` stays the base of its last push.
// What the pull request brings is the merge commit against its first parent, never against that sha.

/** The same pull request after main moved: merged again onto main as it is now, its event still naming the old base. */
const reopenedOnNewerMain = (world: ReturnType<typeof githubWorld>, pr: PullRequest): PullRequest => ({
  ...openPullRequest(world, world.fork, { number: pr.number, author: pr.author }),
  baseSha: pr.baseSha,
});

describe("mentor.yml when the event's base sha is older than the merge commit's base", { timeout: 180_000 }, () => {
  it("does not hold a mentee's late log to a report a maintainer committed on main after the pull request was opened", () => {
    const world = githubWorld();
    const halW46 = 'cohorts/2026-fall/logs/hal/2026-W46.yaml';
    commitIn(world.fork, 'late-log', { [halW46]: readFileSync(path.join(world.fork, halW46), 'utf8').replace('practice: 3', 'practice: 5') });
    const pr = openPullRequest(world, world.fork, { number: 31, author: 'hal-k' });
    // The weekly report lands on main while the pull request waits.
    reportOnMain(world);
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, reopenedOnNewerMain(world, pr), 'pull_request', 'reopened'), ['generated']).jobs.generated!;
    expect(job.commands).toEqual([]);
    expect(job.succeeded).toBe(true);
  });

  it("counts a slip that reached main after the pull request was opened as the default branch's, not the pull request's", () => {
    const world = githubWorld();
    halRenames(world);
    const pr = openPullRequest(world, world.fork, { number: 32, author: 'hal-k' });
    // A maintainer's slip lands on main while the pull request waits: ivy's mentor misspelt.
    slipOnMain(world);
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, reopenedOnNewerMain(world, pr), 'pull_request', 'reopened'), ['validate']).jobs.validate!;
    expect(job.commands.map((c) => c.command)).toEqual(['error', 'notice']);
    expect(job.succeeded).toBe(true);
  });

  it("does not call a report 'behind the records' on a push whose records mentor cannot read: it says what is wrong and fails", () => {
    const world = githubWorld();
    reportOnMain(world);
    const before = mainSha(world);
    const cohort = path.join(world.maintainer, 'cohorts/2026-fall/cohort.yaml');
    commitIn(world.maintainer, 'broken', { 'cohorts/2026-fall/cohort.yaml': `${readFileSync(cohort, 'utf8')}foo: [\n` });
    pushToMain(world, world.maintainer);
    const job = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
    expect(job.commands.filter((c) => c.command === 'warning')).toEqual([]);
    expect(job.summary).not.toContain('behind the records');
    expect(job.steps.at(-1)!.stdout).toContain('The records of cohort 2026-fall have errors');
    expect(job.succeeded).toBe(false);
  });

  it("lets a merge queue take a pull request whose only errors main had already, as the pull request's own run did", () => {
    const world = githubWorld();
    slipOnMain(world);
    halRenames(world);
    const pr = openPullRequest(world, world.fork, { number: 33, author: 'hal-k' });
    expect(runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['validate']).jobs.validate!.succeeded).toBe(true);
    const queued = runWorkflow(world, 'mentor.yml', mergeGroupEvent(mergeGroup(world, [pr])), ['validate']).jobs.validate!;
    expect(queued.commands.map((c) => c.command)).toEqual(['error', 'notice']);
    expect(queued.succeeded).toBe(true);
    // An error the group brings still fails it.
    commitIn(world.fork, 'my-zone', { 'people/hal.yaml': readFileSync(path.join(world.fork, 'people/hal.yaml'), 'utf8').replace('timezone: Asia/Seoul', 'timezone: Asia/Soul') });
    const own = openPullRequest(world, world.fork, { number: 34, author: 'hal-k' });
    const failed = runWorkflow(world, 'mentor.yml', mergeGroupEvent(mergeGroup(world, [own])), ['validate']).jobs.validate!;
    expect(failed.commands.map((c) => c.command)).not.toContain('notice');
    expect(failed.succeeded).toBe(false);
  });
});
