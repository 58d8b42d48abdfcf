import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from './helpers/github-world.js';
import { addIssue, formBody, issueEvent, issuesWorld, requestIssue, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// An offer to mentor from the "become a mentor" form, end to end: DESIGN.md's request "writes their
// person file and a waiting member", and the gate lets a newcomer "add themselves as a waiting
// member". Until session 15 an offer's pull request held the person file only, and a maintainer had
// to place the new mentor by hand. The world's "now" is 2026-11-20T12:00:00-08:00; andrew (andrew-gh)
// is the cohort's lead, with room for one more mentor.

const offerBody = (id: string) => `${formBody(id)}\n\n### Skills you can teach\n\nreact`;
const offerIssue = (body: string) => {
  const event = requestIssue(body);
  event.issue.labels = [{ name: 'mentor-offer' }];
  return event;
};

function offered(): { w: IssuesWorld; head: string } {
  const w = issuesWorld();
  addIssue(w, { number: 7, labels: ['mentor-offer'], body: offerBody('zoe') });
  const job = runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', offerIssue(offerBody('zoe')))).jobs.request!;
  expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
  return { w, head: git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim() };
}

describe('an offer to mentor from the issue form (simulated)', { timeout: 180_000 }, () => {
  it('opens a pull request with the person file and a mentor waiting for a lead, which the gate passes for the newcomer', () => {
    const { w, head } = offered();
    const s = stateOf(w);
    const files = git(w.origin, 'show', '--name-only', '--format=', 'refs/heads/request/issue-7').trim().split('\n');
    expect(files).toEqual(['cohorts/2026-fall/members/zoe.yaml', 'people/zoe.yaml']);
    expect(parse(git(w.origin, 'show', 'refs/heads/request/issue-7:cohorts/2026-fall/members/zoe.yaml'))).toEqual({ person: 'zoe', role: 'mentor', requestedAt: '2026-11-20T12:00:00-08:00' });
    // Judged for the issue's author, a newcomer: green at once, with nothing for a maintainer to approve.
    expect(s.statuses).toEqual([expect.objectContaining({ context: 'mentor/gate', state: 'success', sha: head })]);
    expect(s.issues[0].comments.at(-1)).toContain('a pull request adds you to cohort 2026-fall as a mentor waiting for a lead. Once it is merged, the leads see you on the attention issue and one of them takes you on.');
  });

  it('once merged, the new mentor waits on the attention issue, and the lead who claims them gets a green pull request', () => {
    const { w } = offered();
    git(w.origin, 'update-ref', 'refs/heads/main', 'refs/heads/request/issue-7');
    updateState(w, (s) => (s.prs[0].state = 'merged'));
    const attention = runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
    expect(attention.succeeded, attention.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    const issue = stateOf(w).issues.find((i: { labels: string[] }) => i.labels.includes('mentor-attention'));
    expect(issue.body).toMatch(/^\| 1 \| zoe \(mentor\) \| 0 h \| 2 d 0 h left \|/m);
    // The lead claims the new mentor: the claim's pull request is judged for the lead, and passes.
    const comment = issueEvent(w, 'issue_comment', { action: 'created', issue: { number: issue.number, labels: [{ name: 'mentor-attention' }] }, comment: { body: '/claim zoe', user: { login: 'andrew-gh' } } });
    const claim = runWorkflow(w, 'mentor-claim.yml', comment).jobs.claim!;
    expect(claim.succeeded, claim.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    const pr = stateOf(w).prs.at(-1);
    const placed = git(w.origin, 'show', `refs/heads/${pr.head}:cohorts/2026-fall/members/zoe.yaml`);
    expect(parse(placed)).toMatchObject({ person: 'zoe', role: 'mentor', mentor: 'andrew' });
    // The note that said the offer waits goes with the claim (and the gate reads it as mentor's own).
    expect(placed).not.toContain('# An offer to mentor');
    expect(stateOf(w).statuses.at(-1)).toMatchObject({ context: 'mentor/gate', state: 'success', sha: git(w.origin, 'rev-parse', `refs/heads/${pr.head}`).trim() });
  });
});
