import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY, commitIn, git, githubWorld, mergeGroup, mergeGroupEvent, openPullRequest, pullRequestEvent, review, type MergeGroup, type PullRequest, type World } from './helpers/github-world.js';
import { ghState, runWorkflow } from './helpers/workflow-sim.js';

// A repository that turns on GitHub's merge queue: the queue builds a commit of each pull request
// merged onto main and the pull requests ahead of it, and waits for the required checks on that
// commit. The gate sets mentor/gate there, judging the pull request against what it will land on.

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const HAL_W47 = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const halLog = 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\ndone: Indexes.\n';

const queue = (world: World, group: MergeGroup) => runWorkflow(world, 'mentor-gate-queue.yml', mergeGroupEvent(group)).jobs.gate!;
const gate = (world: World, pr: PullRequest) => runWorkflow(world, 'mentor-gate.yml', pullRequestEvent(world, pr, 'pull_request_target')).jobs.gate!;
const statusesOf = (world: World, sha: string) => ghState(world).statuses.filter((status) => status.sha === sha);
const comments = (world: World, pr: PullRequest) => (ghState(world).routes[`GET repos/${REPOSITORY}/issues/${pr.number}/comments`] ?? []) as Array<{ body: string }>;
const log = (job: { steps: Array<{ stdout: string; stderr: string }> }) => job.steps.map((step) => step.stdout + step.stderr).join('');

/** ada claims jon, who waits. */
function adaClaimsJon(world: World): string {
  const cohort = readFileSync(path.join(world.maintainer, COHORT), 'utf8');
  const entry = /( {2}- person: jon\n {4}role: mentee\n)/;
  expect(cohort).toMatch(entry);
  return cohort.replace(entry, '$1    mentor: ada\n    assignedAt: 2026-11-20T11:00:00-08:00\n');
}

describe('the gate in a merge queue', { timeout: 240_000 }, () => {
  it("sets mentor/gate on the queue's commit of a pull request its author may make, running the base's runner", () => {
    const world = githubWorld();
    commitIn(world.fork, 'hal-log', { [HAL_W47]: halLog });
    const pr = openPullRequest(world, world.fork, { number: 61, author: 'hal-k' });
    const group = mergeGroup(world, [pr]);
    const job = queue(world, group);
    expect(job.ran).toBe(true);
    expect(job.succeeded, log(job)).toBe(true);
    expect(statusesOf(world, group.sha).map((status) => status.state)).toEqual(['pending', 'success']);
    expect(statusesOf(world, group.sha).at(-1)).toMatchObject({ context: 'mentor/gate' });
    // The pull request's own head is left as the gate of the pull request set it.
    expect(statusesOf(world, pr.headSha)).toEqual([]);
  });

  it('judges a pull request against the pull requests ahead of it in the queue: a claim by a mentor a maintainer marks inactive ahead of it is refused', () => {
    const world = githubWorld();
    commitIn(world.fork, 'claim-jon', { [COHORT]: adaClaimsJon(world) });
    const claim = openPullRequest(world, world.fork, { number: 71, author: 'ada-l' });
    gate(world, claim);
    expect(statusesOf(world, claim.headSha).at(-1)!.state).toBe('success');
    // Meanwhile a maintainer marks ada inactive; both go into the queue, the maintainer's first.
    const ada = readFileSync(path.join(world.maintainer, 'people/ada.yaml'), 'utf8');
    commitIn(world.maintainer, 'ada-away', { 'people/ada.yaml': ada.replace('active: true', 'active: false') });
    const away = openPullRequest(world, world.maintainer, { number: 72, author: 'andrew-gh', headRef: 'ada-away' });
    const first = mergeGroup(world, [away]);
    expect(statusesOf(world, first.sha).length).toBe(0);
    queue(world, first);
    expect(statusesOf(world, first.sha).at(-1)!.state).toBe('success');
    const second = mergeGroup(world, [claim], first.sha);
    const job = queue(world, second);
    expect(statusesOf(world, second.sha).at(-1)!.state).toBe('failure');
    expect(job.succeeded).toBe(false);
    // The pull request's comment says why the queue dropped it.
    expect(comments(world, claim).at(-1)!.body).toMatch(/active: false/);
  });

  it("counts a maintainer's approval of the pull request's head commit, and only that", () => {
    const world = githubWorld();
    const bob = readFileSync(path.join(world.maintainer, 'people/bob.yaml'), 'utf8');
    commitIn(world.fork, 'bob-edit', { 'people/bob.yaml': `${bob}# hal was here\n` });
    const pr = openPullRequest(world, world.fork, { number: 81, author: 'hal-k' });
    review(world, pr, 'andrew-gh', 'APPROVED', 'a'.repeat(40));
    const group = mergeGroup(world, [pr]);
    queue(world, group);
    expect(statusesOf(world, group.sha).at(-1)!.state).toBe('failure');
    review(world, pr, 'andrew-gh', 'APPROVED');
    // The maintainer re-queues it: a new group commit.
    const rebuilt = mergeGroup(world, [pr]);
    queue(world, rebuilt);
    expect(statusesOf(world, rebuilt.sha).at(-1)!.state).toBe('success');
  });

  it('judges a pull request the request workflow opened for the person it was made for, as the gate of the pull request does', () => {
    const world = githubWorld();
    commitIn(world.maintainer, 'request/issue-7', {
      'people/zoe.yaml': 'id: zoe\nname: Zoe\ngithub: zoe-z\ntimezone: Europe/Paris\nskills: []\n',
      'cohorts/2026-fall/members/zoe.yaml': 'person: zoe\nrole: mentee\nwants: [react]\nrequestedAt: 2026-11-20T10:00:00Z\n',
    });
    const pr = openPullRequest(world, world.maintainer, { number: 8, author: 'github-actions[bot]', headRef: 'request/issue-7', body: '<!-- mentor:for zoe-z NONE -->\nFrom the request form. Closes #7.' });
    const group = mergeGroup(world, [pr]);
    const job = queue(world, group);
    expect(log(job)).toContain('Opened by the request or claim workflow for @zoe-z: judged for them.');
    expect(statusesOf(world, group.sha).at(-1)!.state, log(job)).toBe('success');
  });

  it("validates the whole of the queue's commit in mentor.yml too, so a repository that also requires mentor / validate is not stuck, and what two pull requests break together fails there", () => {
    const world = githubWorld();
    commitIn(world.fork, 'hal-log', { [HAL_W47]: halLog });
    const pr = openPullRequest(world, world.fork, { number: 101, author: 'hal-k' });
    const run = runWorkflow(world, 'mentor.yml', mergeGroupEvent(mergeGroup(world, [pr])));
    expect(run.jobs.validate?.succeeded, run.jobs.validate && log(run.jobs.validate)).toBe(true);
    expect(run.jobs.validate!.summary).toContain('files checked: no errors');
    expect(run.jobs.generated?.succeeded).toBe(true);
    // A log of hal's, queued behind a maintainer's change that takes hal out of the cohort: fine
    // alone, invalid together.
    const cohort = readFileSync(path.join(world.maintainer, COHORT), 'utf8');
    const withoutHal = cohort.replace(/ {2}- person: hal\n(?: {4}.*\n)*/, '');
    expect(withoutHal).not.toContain('person: hal');
    commitIn(world.maintainer, 'hal-left', { [COHORT]: withoutHal, 'cohorts/2026-fall/logs/hal/2026-W45.yaml': null, 'cohorts/2026-fall/logs/hal/2026-W46.yaml': null });
    const left = openPullRequest(world, world.maintainer, { number: 102, author: 'andrew-gh', headRef: 'hal-left' });
    const first = mergeGroup(world, [left]);
    const second = mergeGroup(world, [pr], first.sha);
    expect(runWorkflow(world, 'mentor.yml', mergeGroupEvent(second), ['validate']).jobs.validate!.succeeded).toBe(false);
  });

  it('refuses a merge group of several pull requests, whose other changes its last author cannot be judged for, and says which setting makes each group one pull request', () => {
    const world = githubWorld();
    const bob = readFileSync(path.join(world.maintainer, 'people/bob.yaml'), 'utf8');
    commitIn(world.fork, 'bob-edit', { 'people/bob.yaml': `${bob}# someone was here\n` });
    const other = openPullRequest(world, world.fork, { number: 91, author: 'mallory-x', headRef: 'bob-edit' });
    commitIn(world.fork, 'hal-log', { [HAL_W47]: halLog });
    const own = openPullRequest(world, world.fork, { number: 92, author: 'hal-k' });
    const group = mergeGroup(world, [other, own]);
    const job = queue(world, group);
    expect(statusesOf(world, group.sha).at(-1)!.state).toBe('error');
    expect(job.commands).toContainEqual(expect.objectContaining({ command: 'error', message: expect.stringContaining("Maximum pull requests to merge' to 1") }));
  });

  it("sets an error, not nothing, when the group's branch names no pull request: the queue must not wait for a status that never comes", () => {
    const world = githubWorld();
    const group = { sha: git(world.origin, 'rev-parse', 'refs/heads/main').trim(), ref: 'refs/heads/gh-readonly-queue/main/not-a-pr', baseSha: git(world.origin, 'rev-parse', 'refs/heads/main').trim() };
    const job = queue(world, group);
    expect(job.ran).toBe(true);
    expect(statusesOf(world, group.sha).map((status) => status.state)).toEqual(['error']);
  });
});
