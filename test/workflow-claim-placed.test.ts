import { describe, expect, it } from 'vitest';
import { git } from './helpers/github-world.js';
import { addIssue, claimEvent, issueEvent, issuesWorld, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// A claim's pull request merged: the member and the mentor hear that the member is placed, and with
// whom, whatever claims came before. The world's "now" is 2026-11-20T12:00:00-08:00.

const claim = (w: IssuesWorld, login: string) => {
  const job = runWorkflow(w, 'mentor-claim.yml', { ...claimEvent(w, '/claim jon', login), sha: git(w.origin, 'rev-parse', 'main').trim() }).jobs.claim!;
  expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
  return stateOf(w).prs.at(-1) as { number: number; head: string; body: string };
};

/** A maintainer merges the pull request on GitHub (main moves to its head) or closes it: the closed event GitHub sends. */
function close(w: IssuesWorld, pr: { number: number; head: string; body: string }, merged: boolean, headRepository = w.repository) {
  if (merged) git(w.origin, 'update-ref', 'refs/heads/main', `refs/heads/${pr.head}`);
  updateState(w, (s) => (s.prs.find((p: { number: number }) => p.number === pr.number).state = merged ? 'merged' : 'closed'));
  const sha = git(w.origin, 'rev-parse', 'refs/heads/main').trim();
  const headSha = git(w.origin, 'rev-parse', `refs/heads/${pr.head}`).trim();
  const repository = { full_name: w.repository, default_branch: 'main' };
  // As a rebase merge leaves it: main at the branch's head, which is the merge_commit_sha.
  const payload = { action: 'closed', number: pr.number, pull_request: { number: pr.number, merged, merge_commit_sha: merged ? sha : null, body: pr.body, user: { login: 'github-actions[bot]' }, head: { ref: pr.head, sha: headSha, repo: { full_name: headRepository } }, base: { ref: 'main', repo: repository } }, repository, sender: { login: 'andrew-gh' } };
  return runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload, sha, ref: 'refs/heads/main', workflowSha: sha });
}

describe('a claim merged after another was closed (simulated)', { timeout: 180_000 }, () => {
  it('tells the member who their mentor is, on the pull request that placed them', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    expect(stateOf(w).issues[0].comments.at(-1)).toContain('@jon-b: linus has offered to mentor you.');
    const grace = claim(w, 'grace-h');
    // The member heard only of linus's claim.
    expect(stateOf(w).issues[0].comments.at(-1)).not.toMatch(/@jon-b/);
    expect(close(w, linus, false).jobs.placed?.ran ?? false).toBe(false);
    const run = close(w, grace, true).jobs.placed!;
    expect(run.succeeded, run.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    const said: string[] = stateOf(w).prs.find((p: { number: number }) => p.number === grace.number).comments;
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^@jon-b: .*grace.* is your mentor now/m);
    expect(said[0]).toContain('@grace-h');
    // Nothing on the closed one.
    expect(stateOf(w).prs.find((p: { number: number }) => p.number === linus.number).comments).toBeUndefined();
  });
});

describe('a claim closed without a merge (simulated)', { timeout: 180_000 }, () => {
  it('tells the member, who was told the claimer would be their mentor, that they wait again', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    const run = close(w, linus, false).jobs.unclaimed!;
    expect(run.succeeded, run.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    const said: string[] = stateOf(w).prs.find((p: { number: number }) => p.number === linus.number).comments;
    expect(said).toEqual(['<!-- mentor:unclaimed -->\n@jon-b: this claim was closed without being merged, so `linus-s` is not your mentor after all. You are still waiting: mentors are asked for you on the attention issue, and when a claim of you is merged you are told on it.\n']);
  });

  it('says nothing while another claim of the member is open (its merge tells them), nor once they are placed', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    const grace = claim(w, 'grace-h');
    expect(close(w, linus, false).jobs.unclaimed!.succeeded).toBe(true);
    // grace's claim merged, then a third, stale claim closed: jon has a mentor.
    const gus = claim(w, 'ada-l');
    expect(new Set([linus.number, grace.number, gus.number]).size).toBe(3);
    expect(close(w, grace, true).jobs.placed!.succeeded).toBe(true);
    expect(close(w, gus, false).jobs.unclaimed!.succeeded).toBe(true);
    for (const pr of [linus, gus]) expect(stateOf(w).prs.find((p: { number: number }) => p.number === pr.number).comments).toBeUndefined();
  });
});

describe('a merged pull request only named like a claim (simulated)', { timeout: 180_000 }, () => {
  it("is no claim: a fork's branch of that name, or a branch of this repository named otherwise, gets no comment", () => {
    const w = issuesWorld();
    updateState(w, (s) => {
      s.prs.push({ number: 40, head: 'claim/2026-fall/jon@mallory', body: '<!-- mentor:member jon-b -->', fork: true });
      s.prs.push({ number: 41, head: 'claim/2026-fall/jon', body: '<!-- mentor:member jon-b -->' });
    });
    for (const branch of ['claim/2026-fall/jon', 'claim/2026-fall/jon@mallory']) git(w.origin, 'branch', branch, 'main');
    const [fork, odd] = stateOf(w).prs;
    expect(close(w, fork, true, 'mallory/mentorship').jobs.placed?.ran ?? false).toBe(false);
    expect(close(w, odd, true).jobs.placed!.succeeded).toBe(true);
    expect(stateOf(w).prs.every((p: { comments?: string[] }) => p.comments === undefined)).toBe(true);
  });
});
