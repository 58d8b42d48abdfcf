import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY, commitIn, git, githubWorld, mainSha, openPullRequest, pullRequestEvent, pushEvent, review, workflowRunEvent, type World } from './helpers/github-world.js';
import { addIssue, formBody, issueEvent, issuesWorld, requestIssue, stateOf, updateState } from './helpers/issues-world.js';
import { ghState, runWorkflow, type SimJob } from './helpers/workflow-sim.js';

// The workflows `mentor init` writes when GitHub fails them: a `gh` call that fails (a rate limit,
// a 5xx, a write whose answer was lost), and the same event run again after it ("Re-run job").
// A failed run is red with an annotation that says what failed and to re-run it; it never leaves
// a state the re-run cannot mend, and the re-run ends where a clean run would.

/** What GitHub's error can look like: its text can quote what was sent, workflow commands too. */
const HOSTILE_ERROR = 'gh: HTTP 502: Server Error\n::warning::injected by an error text\n  ::add-mask::ghs_simulated_token\n';

/** The next call whose argv matches `match` fails (options: skip, times, afterWrite, stderr: gh-faults.mjs). */
function failNext(state: string, match: string, options: Record<string, unknown> = {}): void {
  updateState({ state }, (s) => (s.faults ??= []).push({ match, stderr: HOSTILE_ERROR, ...options }));
}

/** Red, an error annotation naming what failed and saying to re-run it, and nothing from the error text obeyed. */
function failedVisibly(job: SimJob): void {
  expect(job.succeeded, JSON.stringify(job.steps.map((s) => s.stdout + s.stderr))).toBe(false);
  const errors = job.commands.filter((c) => c.command === 'error').map((c) => c.message);
  expect(errors.join('\n')).toMatch(/re-run/i);
  expect(job.commands.map((c) => c.message).join('\n')).not.toContain('injected');
  expect(job.commands.map((c) => c.command)).not.toContain('add-mask');
}

describe('the request workflow when GitHub fails it (simulated)', { timeout: 300_000 }, () => {
  it('fails each write visibly, never leaves a pull request without its status, and a re-run ends as a clean run', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    const opened = issueEvent(w, 'issues', requestIssue(formBody('zoe')));
    const branchHead = () => git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim();
    /** Every pull request the workflow opened has the gate's status on its head: none waits for one forever. */
    const noPullRequestWithoutStatus = () => {
      const s = stateOf(w);
      for (const pr of s.prs) expect(s.statuses.filter((st: { sha: string }) => st.sha === branchHead())).not.toEqual([]);
    };
    // GitHub fails to open the pull request (a 5xx, a rate limit): that is not the repository's setting.
    failNext(w.state, '^pr create');
    failedVisibly(runWorkflow(w, 'mentor-request.yml', opened).jobs.request!);
    let comments: string[] = stateOf(w).issues[0].comments;
    expect(comments.at(-1)).toContain('your request is ready, on branch `request/issue-7`, but GitHub did not open its pull request just now');
    expect(comments.join('\n')).not.toContain('turn on');
    expect(comments.join('\n')).not.toContain('@andrew-gh');
    expect(comments.join('\n')).not.toContain('injected');
    noPullRequestWithoutStatus();
    // Re-run: the commit status cannot be set.
    failNext(w.state, '^api --method POST .*/statuses/');
    failedVisibly(runWorkflow(w, 'mentor-request.yml', opened).jobs.request!);
    noPullRequestWithoutStatus();
    // Re-run: the answer on the issue cannot be posted.
    failNext(w.state, '^issue comment');
    failedVisibly(runWorkflow(w, 'mentor-request.yml', opened).jobs.request!);
    noPullRequestWithoutStatus();
    // Re-run, and GitHub answers: one pull request, its head judged, the requester given its link.
    const job = runWorkflow(w, 'mentor-request.yml', opened).jobs.request!;
    expect(job.succeeded, JSON.stringify(job.steps.map((s) => s.stdout + s.stderr))).toBe(true);
    const s = stateOf(w);
    expect(s.prs.map((pr: { head: string }) => pr.head)).toEqual(['request/issue-7']);
    // Each re-run wrote the same files on the same start, so the head stayed and each run that could set the status set it there.
    const onHead = s.statuses.filter((st: { sha: string }) => st.sha === branchHead());
    expect(onHead.length).toBeGreaterThan(0);
    expect(onHead.every((st: { context: string; state: string }) => st.context === 'mentor/gate' && st.state === 'success')).toBe(true);
    comments = s.issues[0].comments;
    expect(comments.filter((c) => c.includes('Pull request: https://github.com/'))).toHaveLength(1);
  });

  it('fails, red, when mentor cannot run at all, and says so on the issue once', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    git(w.maintainer, 'pull', '-q', 'origin', 'main');
    // A config that cannot be read: mentor has no answer for the requester (a broken cohort has one).
    const config = path.join(w.maintainer, 'mentor.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}maintainers: [\n`);
    git(w.maintainer, 'commit', '-qam', 'a merge gone wrong');
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:main');
    const job = runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!;
    failedVisibly(job);
    const s = stateOf(w);
    expect(s.prs).toEqual([]);
    expect(s.issues[0].comments).toHaveLength(1);
    // The requester is told it is not their answers and they need do nothing; the answer is marked stuck for the attention issue.
    expect(s.issues[0].comments[0]).toContain('not in your answers. They will see it and answer here: you do not need to do anything.');
    expect(s.issues[0].comments[0]).toContain('<!-- mentor:stuck -->');
  });
});

describe('the labels the issue forms need (simulated)', { timeout: 300_000 }, () => {
  // GitHub puts a form's labels on its issue only when they exist, and the request workflow runs
  // only for a labelled issue: a request opened before they existed was never answered, nor any
  // edit of it. The push that brings the workflows makes them.
  it('are made by the push to the default branch, and by no push to another branch', () => {
    const w = issuesWorld();
    const labels = () => stateOf(w).calls.filter((c: string[]) => c[0] === 'label' && c[1] === 'create').map((c: string[]) => c[2]);
    const other = { ...pushEvent(w, mainSha(w)), ref: 'refs/heads/wip' };
    runWorkflow(w, 'mentor-attention.yml', { ...other, payload: { ...other.payload, ref: 'refs/heads/wip' } });
    expect(labels()).toEqual([]);
    const job = runWorkflow(w, 'mentor-attention.yml', pushEvent(w, mainSha(w))).jobs.attention;
    expect(job?.succeeded).toBe(true);
    expect(labels()).toEqual(['mentor-attention', 'mentor-request', 'mentor-offer']);
  });
});

describe('the attention workflow when GitHub fails it (simulated)', { timeout: 300_000 }, () => {
  it('sends each mention once however its calls fail: a lost answer to the issue it created, a comment that failed', () => {
    const w = issuesWorld();
    const schedule = issueEvent(w, 'schedule', {});
    // The issue is made, but the answer is lost (a timeout): the next run must find it, not make another.
    failNext(w.state, '^issue create', { afterWrite: true });
    failedVisibly(runWorkflow(w, 'mentor-attention.yml', schedule).jobs.attention!);
    // The comment with the mentions fails.
    failNext(w.state, '^issue comment');
    failedVisibly(runWorkflow(w, 'mentor-attention.yml', schedule).jobs.attention!);
    for (let run = 0; run < 2; run++) {
      const job = runWorkflow(w, 'mentor-attention.yml', schedule).jobs.attention!;
      expect(job.succeeded, JSON.stringify(job.steps.map((s) => s.stderr))).toBe(true);
    }
    const s = stateOf(w);
    expect(s.issues).toHaveLength(1);
    expect(s.issues[0].state).toBe('open');
    const mentions = (s.issues[0].comments as string[]).filter((c) => c.includes('@ada-l'));
    expect(mentions, JSON.stringify(s.issues[0])).toHaveLength(1);
  });
});

describe('the gate when GitHub fails it (simulated)', { timeout: 300_000 }, () => {
  const HAL_W47 = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
  const comments = (world: World, number: number) => ghState(world).routes[`GET repos/${REPOSITORY}/issues/${number}/comments`] as Array<{ body: string }>;
  const lastStatus = (world: World, sha: string) => ghState(world).statuses.filter((st) => st.sha === sha).at(-1);
  /**
   * hal's pull request #n edits bob's log, which needs a maintainer: the maintainer approves, the
   * re-judging after the review turns it green, and the maintainer then takes the approval back.
   */
  const approvedThenWithdrawn = (world: World, number: number) => {
    commitIn(world.fork, `pr-${number}`, { 'cohorts/2026-fall/logs/bob/2026-W46.yaml': 'person: bob\nweek: 2026-W46\nhours:\n  practice: 9\n' });
    const pr = openPullRequest(world, world.fork, { number, author: 'hal-k' });
    review(world, pr, 'andrew-gh', 'APPROVED');
    runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr));
    expect(lastStatus(world, pr.headSha)?.state).toBe('success');
    review(world, pr, 'andrew-gh', 'CHANGES_REQUESTED');
    return pr;
  };

  it("fails closed, red with a reason the author reads, when a call fails while it judges or check-pr cannot judge, and judges on when only marking it 'pending' fails", () => {
    const world = githubWorld();
    commitIn(world.fork, 'pr-5', { [HAL_W47]: 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\ndone: Indexes.\n' });
    const pr = openPullRequest(world, world.fork, { number: 5, author: 'hal-k' });
    const target = (action: string) => pullRequestEvent(world, pr, 'pull_request_target', action);
    expect(runWorkflow(world, 'mentor-gate.yml', target('opened')).jobs.gate!.succeeded).toBe(true);
    expect(lastStatus(world, pr.headSha)?.state).toBe('success');
    // The pull request is edited; the reviews cannot be read: the verdict cannot stand.
    failNext(world.ghState, `^api --paginate repos/${REPOSITORY}/pulls/5/reviews`);
    failedVisibly(runWorkflow(world, 'mentor-gate.yml', target('edited')).jobs.gate!);
    expect(lastStatus(world, pr.headSha)?.state).toBe('error');
    // The comment the author reads says so, instead of the earlier verdict.
    expect(comments(world, 5)).toHaveLength(1);
    expect(comments(world, 5)[0]!.body).toContain('The gate could not judge this pull request');
    expect(comments(world, 5)[0]!.body).not.toContain('injected');
    // Only the 'pending' mark fails: the judgement goes on and sets the verdict.
    failNext(world.ghState, '^api --method POST .*/statuses/.* state=pending');
    runWorkflow(world, 'mentor-gate.yml', target('edited'));
    expect(lastStatus(world, pr.headSha)?.state).toBe('success');
    expect(comments(world, 5)[0]!.body).not.toContain('The gate could not judge');
    // check-pr itself cannot judge (main's config broken since): red, error, and the comment says so.
    git(world.maintainer, 'pull', '-q', 'origin', 'main');
    writeFileSync(path.join(world.maintainer, 'mentor.config.yaml'), `${readFileSync(path.join(world.maintainer, 'mentor.config.yaml'), 'utf8')}maintainers: [\n`);
    git(world.maintainer, 'commit', '-qam', 'a broken config');
    git(world.maintainer, 'push', '-q', 'origin', 'HEAD:main');
    const broken = runWorkflow(world, 'mentor-gate.yml', target('edited')).jobs.gate!;
    expect(broken.succeeded).toBe(false);
    // The run's last word is that the gate could not judge, not that it refused.
    expect(broken.steps.at(-1)!.stdout).toBe('The gate could not judge the pull request: the steps above say why. Re-run this job once that is fixed.\n');
    expect(lastStatus(world, pr.headSha)?.state).toBe('error');
    expect(comments(world, 5)[0]!.body).toContain('The gate could not judge this pull request');
  });

  it('cancelled between steps, says it could not judge (never an earlier verdict), and the newer run sets the verdict and the one comment', () => {
    const world = githubWorld();
    commitIn(world.fork, 'pr-8', { [HAL_W47]: 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\ndone: Indexes.\n' });
    const pr = openPullRequest(world, world.fork, { number: 8, author: 'hal-k' });
    runWorkflow(world, 'mentor-gate.yml', pullRequestEvent(world, pr, 'pull_request_target', 'opened'));
    expect(lastStatus(world, pr.headSha)?.state).toBe('success');
    // Edited: this run is cancelled (a newer run of the head's group) after it fetched the head.
    const event = pullRequestEvent(world, pr, 'pull_request_target', 'edited');
    const cancelled = runWorkflow(world, 'mentor-gate.yml', event, undefined, "Fetch the pull request's head commit as data (never checked out)").jobs.gate!;
    expect(cancelled.steps.find((s) => s.name.startsWith('Judge'))?.ran).toBe(false);
    expect(lastStatus(world, pr.headSha)?.state).toBe('error');
    expect(comments(world, 8).map((c) => c.body)).toEqual([expect.stringContaining('The gate could not judge this pull request')]);
    runWorkflow(world, 'mentor-gate.yml', pullRequestEvent(world, pr, 'pull_request_target', 'edited'));
    expect(lastStatus(world, pr.headSha)?.state).toBe('success');
    expect(comments(world, 8)).toHaveLength(1);
    expect(comments(world, 8)[0]!.body).not.toContain('could not judge');
  });

  it('tries the verdict again when GitHub fails to take it once: the refusal replaces the green it had', () => {
    const world = githubWorld();
    const pr = approvedThenWithdrawn(world, 7);
    failNext(world.ghState, '^api --method POST .*/statuses/.* state=failure');
    const job = runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr)).jobs.gate!;
    expect(lastStatus(world, pr.headSha)?.state, JSON.stringify(job.steps.map((s) => s.stdout + s.stderr))).toBe('failure');
    expect(job.commands.map((c) => c.message).join('\n')).not.toContain('injected');
  });

  it('obeys nothing in an error text that hides a workflow command behind a carriage return or a no-break space (the runner splits lines at \\r and trims Unicode spaces)', () => {
    const world = githubWorld();
    commitIn(world.fork, 'pr-9', { [HAL_W47]: 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\ndone: Indexes.\n' });
    const pr = openPullRequest(world, world.fork, { number: 9, author: 'hal-k' });
    const stderr = 'gh: HTTP 422: Validation Failed\r::warning::injected after a carriage return\n\u00a0::add-mask::injected after a no-break space\n\u2007##[warning]injected in the old syntax\n';
    failNext(world.ghState, `^api --paginate repos/${REPOSITORY}/pulls/9/reviews`, { stderr });
    const job = runWorkflow(world, 'mentor-gate.yml', pullRequestEvent(world, pr, 'pull_request_target', 'opened')).jobs.gate!;
    failedVisibly(job);
    // The error text is still there for a maintainer to read.
    expect(job.steps.map((s) => s.stderr).join('\n')).toContain('injected after a carriage return');
  });

  it('never posts a second gate comment, nor leaves the earlier one, when the comments or the pull request cannot be read: the run is red and a re-run mends it', () => {
    const world = githubWorld();
    commitIn(world.fork, 'pr-10', { 'cohorts/2026-fall/logs/bob/2026-W46.yaml': 'person: bob\nweek: 2026-W46\nhours:\n  practice: 9\n' });
    const pr = openPullRequest(world, world.fork, { number: 10, author: 'hal-k' });
    const target = () => pullRequestEvent(world, pr, 'pull_request_target', 'edited');
    runWorkflow(world, 'mentor-gate.yml', target());
    expect(lastStatus(world, pr.headSha)?.state).toBe('failure');
    expect(comments(world, 10)).toHaveLength(1);
    // A maintainer approves; the gate's comments cannot be listed: no second comment, a red run.
    review(world, pr, 'andrew-gh', 'APPROVED');
    failNext(world.ghState, `^api --paginate repos/${REPOSITORY}/issues/10/comments`);
    failedVisibly(runWorkflow(world, 'mentor-gate.yml', target()).jobs.gate!);
    expect(lastStatus(world, pr.headSha)?.state).toBe('success');
    expect(comments(world, 10)).toHaveLength(1);
    // The pull request cannot be read to see whether this head is current: red, not a green run that left the comment.
    failNext(world.ghState, `^api repos/${REPOSITORY}/pulls/10$`);
    failedVisibly(runWorkflow(world, 'mentor-gate.yml', target()).jobs.gate!);
    // A re-run: the one comment now says what the status says.
    expect(runWorkflow(world, 'mentor-gate.yml', target()).jobs.gate!.succeeded).toBe(true);
    expect(comments(world, 10)).toHaveLength(1);
    expect(comments(world, 10)[0]!.body).toContain('approved');
  });

  it('never leaves a stale green after a review when the pull request cannot be looked up, and a re-run judges it', () => {
    const world = githubWorld();
    // The maintainer takes the approval back; the re-judging cannot list the pull requests.
    const pr = approvedThenWithdrawn(world, 6);
    failNext(world.ghState, 'pulls\\?state=open');
    failedVisibly(runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr)).jobs.gate!);
    expect(lastStatus(world, pr.headSha)?.state).not.toBe('success');
    // Re-run job: judged, refused.
    runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr));
    expect(lastStatus(world, pr.headSha)?.state).toBe('failure');
  });
});

describe('a re-run of an old run (simulated)', { timeout: 300_000 }, () => {
  // "Re-run job" keeps the event's commit: a run that reads the default branch at that commit
  // acts on records that have moved on since (a request merged, members placed).
  it('reads the default branch as it is now: no second pull request for a request merged since, no mention of members placed since', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    const opened = issueEvent(w, 'issues', requestIssue(formBody('zoe')));
    failNext(w.state, '^issue comment');
    failedVisibly(runWorkflow(w, 'mentor-request.yml', opened).jobs.request!);
    // A maintainer merges the pull request the failed run opened; then someone re-runs that run.
    git(w.origin, 'update-ref', 'refs/heads/main', 'refs/heads/request/issue-7');
    updateState(w, (s) => (s.prs[0].state = 'merged'));
    runWorkflow(w, 'mentor-request.yml', opened);
    expect(stateOf(w).prs).toHaveLength(1);

    const a = issuesWorld();
    const schedule = issueEvent(a, 'schedule', {});
    failNext(a.state, '^issue comment');
    failedVisibly(runWorkflow(a, 'mentor-attention.yml', schedule).jobs.attention!);
    // Both waiting members are placed on main; then the failed run is re-run.
    git(a.maintainer, 'pull', '-q', 'origin', 'main');
    const cohort = path.join(a.maintainer, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/  - person: cleo\n    role: mentee\n/, '  - person: cleo\n    role: mentee\n    mentor: grace\n').replace(/  - person: jon\n    role: mentee\n/, '  - person: jon\n    role: mentee\n    mentor: linus\n'));
    git(a.maintainer, 'commit', '-qam', 'place both');
    git(a.maintainer, 'push', '-q', 'origin', 'HEAD:main');
    expect(runWorkflow(a, 'mentor-attention.yml', schedule).jobs.attention!.succeeded).toBe(true);
    const s = stateOf(a);
    expect(s.issues[0].comments.filter((c: string) => c.includes('@'))).toEqual([]);
    expect(s.issues[0].state).toBe('closed');
  });
});
