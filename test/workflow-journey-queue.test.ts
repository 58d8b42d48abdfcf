import { describe, expect, it } from 'vitest';
import { git } from './helpers/github-world.js';
import { addIssue, claimEvent, formBody, issueEvent, issuesWorld, requestIssue, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// One request from the form to its mentor, as the people involved live it on a simulated GitHub:
// at every step someone is on the hook, and the attention issue says who.

const attention = (w: IssuesWorld) => {
  const job = runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
  expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
  return stateOf(w).issues.find((i: { labels: string[] }) => i.labels.includes('mentor-attention'));
};

describe('a request from the form to its mentor (simulated)', { timeout: 300_000 }, () => {
  it('is never on no list: the pull request waits on the attention issue, then the member, then the claim', () => {
    const w = issuesWorld();
    w.env.MENTOR_NOW = '2026-11-20T08:00:00-08:00';
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-11-20T16:00:00Z' });
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe', 'Europe/Paris', 'linus')))).jobs.request!.succeeded).toBe(true);
    // Opened a minute after the issue (the stand-in gives no time of its own).
    updateState(w, (s) => (s.prs[0].createdAt = '2026-11-20T16:01:00Z'));
    const pr = stateOf(w).prs[0];
    // A day and a half later, not merged: the maintainers are reminded on the attention issue.
    w.env.MENTOR_NOW = '2026-11-21T20:00:00-08:00';
    let issue = attention(w);
    expect(issue.body).toContain(`| #${pr.number} | 36 h | a pull request waiting for a maintainer's merge | @andrew-gh (maintainer: merge it) |`);
    // Merged: zoe is on the queue, linus (whom she asked for) is mentioned.
    git(w.origin, 'update-ref', 'refs/heads/main', `refs/heads/${pr.head}`);
    updateState(w, (s) => {
      s.prs[0].state = 'merged';
      s.issues.find((i: { number: number }) => i.number === 7).state = 'closed';
    });
    issue = attention(w);
    expect(issue.body).not.toContain('Requests not on the queue yet');
    expect(issue.body).toMatch(/\| zoe \(mentee\) \|/);
    expect(issue.comments.at(-1)).toMatch(/- zoe in 2026-fall, waiting 36 h: @linus-s \(asked for\)/);
    // linus claims: shown claimed, nobody else asked.
    const claim = claimEvent(w, '/claim zoe', 'linus-s');
    (claim.payload as { issue: { number: number } }).issue.number = issue.number;
    const job = runWorkflow(w, 'mentor-claim.yml', { ...claim, sha: git(w.origin, 'rev-parse', 'refs/heads/main').trim() }).jobs.claim!;
    expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    issue = attention(w);
    expect(issue.body).toMatch(/\| zoe \(mentee\) \| \d+ h \| \d+ h left; claimed in #\d+ by linus-s, to merge \|/);
    expect(issue.comments.at(-1)).toContain('@zoe-z: linus has offered to mentor you.');
  });
});
