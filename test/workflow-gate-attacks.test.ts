import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY, commitIn, git, githubWorld, openPullRequest, pullRequestEvent, review, workflowRunEvent, type PullRequest, type World } from './helpers/github-world.js';
import { ghState, runWorkflow } from './helpers/workflow-sim.js';

// The gate attacked the way a pull request's author could: through what a commit status is (it
// belongs to a commit, not to a pull request), through which base a pull request names, and
// through how stale the event's own idea of the base is. Each runs the generated workflows in the
// simulator on real clones.

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const HAL_W47 = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const halLog = 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\ndone: Indexes.\n';

const gate = (world: World, pr: PullRequest) => runWorkflow(world, 'mentor-gate.yml', pullRequestEvent(world, pr, 'pull_request_target')).jobs.gate!;
const statusesOf = (world: World, sha: string) => ghState(world).statuses.filter((status) => status.sha === sha);
const comments = (world: World, pr: PullRequest) => (ghState(world).routes[`GET repos/${REPOSITORY}/issues/${pr.number}/comments`] ?? []) as Array<{ body: string }>;

/** The example cohort with `member`, who waits, claimed by `mentor`. */
function claimed(world: World, member: string, mentor: string): string {
  const cohort = readFileSync(path.join(world.maintainer, COHORT), 'utf8');
  const entry = new RegExp(`(  - person: ${member}\\n    role: mentee\\n)`);
  expect(cohort).toMatch(entry);
  return cohort.replace(entry, `$1    mentor: ${mentor}\n    assignedAt: 2026-11-20T11:00:00-08:00\n`);
}

describe('the gate, attacked', { timeout: 240_000 }, () => {
  it('judges a pull request by the base branch as it is now, not by the stale base sha of its event: a claim by a mentor since marked inactive is refused', () => {
    const world = githubWorld();
    commitIn(world.fork, 'claim-jon', { [COHORT]: claimed(world, 'jon', 'ada') });
    const pr = openPullRequest(world, world.fork, { number: 21, author: 'ada-l' });
    gate(world, pr);
    expect(statusesOf(world, pr.headSha).at(-1)!.state).toBe('success');
    // The maintainers mark ada inactive on main. The pull request is judged again (its title is
    // edited): its event still carries the base sha from when it was opened.
    const ada = readFileSync(path.join(world.maintainer, 'people/ada.yaml'), 'utf8');
    commitIn(world.maintainer, 'ada-away', { 'people/ada.yaml': ada.replace('active: true', 'active: false') });
    git(world.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
    const job = gate(world, pr);
    expect(job.ran).toBe(true);
    expect(statusesOf(world, pr.headSha).at(-1)!.state).toBe('failure');
    expect(comments(world, pr).at(-1)!.body).toMatch(/active: false/);
    // The re-judging after a review reads the base from the same place, not from the API's stale base.sha.
    review(world, pr, 'grace-h', 'COMMENTED');
    const before = statusesOf(world, pr.headSha).length;
    runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr));
    expect(statusesOf(world, pr.headSha).slice(before).map((status) => status.state)).toEqual(['pending', 'failure']);
  });

  it("sets no mentor/gate status for a pull request into another branch: a status belongs to the commit, so another base's verdict would show on the same commit's pull request into main", () => {
    const world = githubWorld();
    // A branch whose rules differ from main's: there, hal-k is a maintainer.
    const config = readFileSync(path.join(world.maintainer, 'mentor.config.yaml'), 'utf8').replace('maintainers: [andrew-gh]', 'maintainers: [andrew-gh, hal-k]');
    commitIn(world.maintainer, 'old-rules', { 'mentor.config.yaml': config });
    git(world.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/old-rules');
    // hal's commit, built on that branch, changes bob's person file.
    git(world.fork, 'fetch', '-q', 'origin');
    git(world.fork, 'switch', '-q', '-C', 'on-old-rules', 'origin/old-rules');
    writeFileSync(path.join(world.fork, 'people/bob.yaml'), `${readFileSync(path.join(world.fork, 'people/bob.yaml'), 'utf8')}# hal was here\n`);
    git(world.fork, 'commit', '-q', '-am', "edit bob's person file");
    const intoMain = openPullRequest(world, world.fork, { number: 31, author: 'hal-k' });
    gate(world, intoMain);
    expect(statusesOf(world, intoMain.headSha).at(-1)!.state).toBe('failure');
    // The same commit proposed into the other branch, after: its gate must not turn the commit green.
    const intoOther = openPullRequest(world, world.fork, { number: 32, author: 'hal-k', base: 'old-rules' });
    expect(intoOther.headSha).toBe(intoMain.headSha);
    const job = gate(world, intoOther);
    expect(statusesOf(world, intoMain.headSha).at(-1)!.state).toBe('failure');
    expect(job.ran).toBe(false);
  });

  it("lets a run for an older head commit set that commit's status but not overwrite the comment about the newer one", () => {
    const world = githubWorld();
    commitIn(world.fork, 'pr-51', { [HAL_W47]: halLog });
    const first = openPullRequest(world, world.fork, { number: 51, author: 'hal-k' });
    // hal pushes again, editing bob's log too: the newer head is red, its comment says so.
    writeFileSync(path.join(world.fork, 'cohorts/2026-fall/logs/bob/2026-W46.yaml'), 'person: bob\nweek: 2026-W46\nhours:\n  practice: 9\n');
    git(world.fork, 'commit', '-q', '-am', "bob's log too");
    const second = openPullRequest(world, world.fork, { number: 51, author: 'hal-k' });
    gate(world, second);
    expect(comments(world, second)).toHaveLength(1);
    expect(comments(world, second)[0]!.body).toContain('bob');
    // The run of the first push, slower, ends now: the first commit gets its status, the comment stays.
    gate(world, first);
    expect(statusesOf(world, first.headSha).at(-1)!.state).toBe('success');
    expect(comments(world, second)[0]!.body).toContain('bob');
    expect(statusesOf(world, second.headSha).at(-1)!.state).toBe('failure');
  });

  it("counts an approval only while it stands on the head commit: not after a push, a dismissal or the approver's request for changes, and still after a mere comment", () => {
    const world = githubWorld();
    const bob = readFileSync(path.join(world.maintainer, 'people/bob.yaml'), 'utf8');
    commitIn(world.fork, 'bob-edit', { 'people/bob.yaml': `${bob}# hal was here\n` });
    let pr = openPullRequest(world, world.fork, { number: 61, author: 'hal-k' });
    const rejudge = () => {
      runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr));
      return statusesOf(world, pr.headSha).at(-1)!.state;
    };
    review(world, pr, 'andrew-gh', 'APPROVED');
    expect(rejudge()).toBe('success');
    // A comment of the approver's afterwards leaves the approval standing, as on GitHub.
    review(world, pr, 'andrew-gh', 'COMMENTED');
    expect(rejudge()).toBe('success');
    // hal pushes again: the approval was of the commit before.
    writeFileSync(path.join(world.fork, 'people/bob.yaml'), `${bob}# hal was here twice\n`);
    git(world.fork, 'commit', '-q', '-am', 'again');
    pr = openPullRequest(world, world.fork, { number: 61, author: 'hal-k' });
    gate(world, pr);
    expect(statusesOf(world, pr.headSha).at(-1)!.state).toBe('failure');
    review(world, pr, 'andrew-gh', 'APPROVED');
    expect(rejudge()).toBe('success');
    // A dismissed approval is listed with the state DISMISSED: it no longer counts.
    const key = `GET repos/${REPOSITORY}/pulls/61/reviews`;
    const state = JSON.parse(readFileSync(world.ghState, 'utf8'));
    state.routes[key] = state.routes[key].map((r: { commit_id: string; state: string }) => (r.commit_id === pr.headSha && r.state === 'APPROVED' ? { ...r, state: 'DISMISSED' } : r));
    writeFileSync(world.ghState, JSON.stringify(state));
    expect(rejudge()).toBe('failure');
    review(world, pr, 'andrew-gh', 'APPROVED');
    expect(rejudge()).toBe('success');
    review(world, pr, 'andrew-gh', 'CHANGES_REQUESTED');
    expect(rejudge()).toBe('failure');
  });

  it('after a review, judges the pull request the review was on, not another one a stranger opened with the same head commit', () => {
    const world = githubWorld();
    commitIn(world.fork, 'hal-log', { [HAL_W47]: halLog });
    // mallory pushes hal's commit to her own fork and opens a pull request with it first.
    const copy = openPullRequest(world, world.fork, { number: 41, author: 'mallory-x', headRef: 'copy' });
    const own = openPullRequest(world, world.fork, { number: 42, author: 'hal-k' });
    expect(copy.headSha).toBe(own.headSha);
    review(world, own, 'andrew-gh', 'COMMENTED');
    const job = runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, own)).jobs.gate!;
    expect(job.succeeded, job.steps.map((step) => step.stdout + step.stderr).join('')).toBe(true);
    expect(comments(world, own)).toHaveLength(1);
    expect(comments(world, copy)).toHaveLength(0);
    expect(statusesOf(world, own.headSha).at(-1)!.state).toBe('success');
  });
});
