import { describe, expect, it } from 'vitest';
import { branchSha, git } from './helpers/github-world.js';
import { addIssue, claimEvent, issuesWorld, stateOf, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';
import { mainSha } from './helpers/github-world.js';

// Red team of session 13's claim comments (redgh13). The world's "now" is 2026-11-20.

type Pr = { number: number; head: string; body: string };

const say = (job: { steps: Array<{ stdout: string; stderr: string }> }) => job.steps.map((s) => s.stdout + s.stderr).join('');
const commentsOn = (w: IssuesWorld, pr: Pr): string[] => stateOf(w).prs.find((p: { number: number }) => p.number === pr.number).comments ?? [];

function claim(w: IssuesWorld, login: string): Pr {
  const job = runWorkflow(w, 'mentor-claim.yml', { ...claimEvent(w, '/claim jon', login), sha: mainSha(w) }).jobs.claim!;
  expect(job.succeeded, say(job)).toBe(true);
  return stateOf(w).prs.at(-1) as Pr;
}

describe('a claim merged into a branch that is not the default branch (simulated)', { timeout: 180_000 }, () => {
  it('tells nobody they are placed: the default branch, which the program reads, does not have it', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    // A maintainer points the claim at a branch of theirs ("Edit" the base) and merges it there.
    git(w.maintainer, 'fetch', '-q', 'origin');
    git(w.maintainer, 'switch', '-q', '-C', 'next', 'origin/main');
    git(w.maintainer, 'merge', '-q', '--no-ff', '-m', `Merge pull request #${linus.number}`, `origin/${linus.head}`);
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/next');
    const merged = branchSha(w, 'next');
    const repository = { full_name: w.repository, default_branch: 'main' };
    const pull_request = { number: linus.number, merged: true, merge_commit_sha: merged, commits: 1, body: linus.body, user: { login: 'github-actions[bot]' }, head: { ref: linus.head, sha: branchSha(w, linus.head), repo: { full_name: w.repository } }, base: { ref: 'next', repo: repository } };
    const run = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: linus.number, pull_request, repository, sender: { login: 'andrew-gh' } }, sha: merged, ref: 'refs/heads/next', workflowSha: merged });
    const placed = run.jobs.placed;
    if (placed !== undefined) expect(placed.succeeded, say(placed)).toBe(true);
    expect(commentsOn(w, linus)).toEqual([]);
  });
});
