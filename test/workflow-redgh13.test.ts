import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { branchSha, git, mainSha } from './helpers/github-world.js';
import { addIssue, issuesWorld, onMain, updateState } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';
import { claimJon, commentsOn, jobOutput, type ClaimPr } from './helpers/claim-prs.js';

// Red team of session 13's claim comments (redgh13). The world's "now" is 2026-11-20.

type Pr = ClaimPr;
const say = jobOutput;
const claim = claimJon;

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

describe('a claim/ pull request that places more members than one comment mentions (simulated)', { timeout: 180_000 }, () => {
  it('mentions the first twenty and says how many more it placed, so nobody is left untold without a word', () => {
    const w = issuesWorld();
    const ids = Array.from({ length: 23 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`);
    const member = (id: string, mentor: string) => `person: ${id}\nrole: mentee\n${mentor}requestedAt: 2026-11-19T10:00:00Z\n`;
    onMain(w, Object.fromEntries(ids.flatMap((id) => [[`people/${id}.yaml`, `id: ${id}\nname: W ${id}\ngithub: ${id}-h\ntimezone: UTC\nskills: []\nactive: true\n`], [`cohorts/2026-fall/members/${id}.yaml`, member(id, '')]])), 'a season of requests');
    // A maintainer's own claim/ branch: every one of them to a mentor at once, merged with a merge commit.
    git(w.maintainer, 'switch', '-q', '-c', 'claim/2026-fall/all');
    for (const [i, id] of ids.entries()) writeFileSync(path.join(w.maintainer, `cohorts/2026-fall/members/${id}.yaml`), member(id, `mentor: ${['ada', 'grace', 'linus'][i % 3]}\nassignedAt: 2026-11-20T09:00:00Z\n`));
    git(w.maintainer, 'commit', '-qam', 'Place the season');
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/claim/2026-fall/all');
    const head = branchSha(w, 'claim/2026-fall/all');
    git(w.maintainer, 'switch', '-q', '-C', 'main', 'origin/main');
    git(w.maintainer, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #40', 'claim/2026-fall/all');
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
    updateState(w, (s) => s.prs.push({ number: 40, head: 'claim/2026-fall/all', body: '', state: 'merged', comments: [] }));
    const merged = mainSha(w);
    const repository = { full_name: w.repository, default_branch: 'main' };
    const pull_request = { number: 40, merged: true, merge_commit_sha: merged, commits: 1, body: '', user: { login: 'andrew-gh' }, head: { ref: 'claim/2026-fall/all', sha: head, repo: { full_name: w.repository } }, base: { ref: 'main', repo: repository } };
    const job = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: 40, pull_request, repository, sender: { login: 'andrew-gh' } }, sha: merged, ref: 'refs/heads/main', workflowSha: merged }).jobs.placed!;
    expect(job.succeeded, say(job)).toBe(true);
    const said = commentsOn(w, { number: 40, head: '', body: '' });
    expect(said).toHaveLength(1);
    expect(said[0]!.match(/^@w\d\d-h: this pull request is merged/gm)).toHaveLength(20);
    expect(said[0]).toMatch(/^3 more members have a mentor by this merge and are not mentioned here: tell them the way the program does\.$/m);
  });
});

describe("a claim closed unmerged after a maintainer's commit placed another member on it too (simulated)", { timeout: 180_000 }, () => {
  it('tells the member the workflow opened the claim for, not the other one, who never heard of it', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    // "linus can take cleo too": cleo listed before jon in the cohort file, then the maintainer closes it after all.
    git(w.maintainer, 'fetch', '-q', 'origin');
    git(w.maintainer, 'switch', '-q', '-C', 'edit', `origin/${linus.head}`);
    const cohort = path.join(w.maintainer, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace('  - person: cleo\n    role: mentee\n', '  - person: cleo\n    role: mentee\n    mentor: linus\n'));
    git(w.maintainer, 'commit', '-qam', 'linus takes cleo too');
    git(w.maintainer, 'push', '-q', 'origin', `HEAD:refs/heads/${linus.head}`);
    updateState(w, (s) => (s.prs.find((p: { number: number }) => p.number === linus.number).state = 'closed'));
    const sha = mainSha(w);
    const repository = { full_name: w.repository, default_branch: 'main' };
    const pull_request = { number: linus.number, merged: false, merge_commit_sha: null, commits: 2, body: linus.body, user: { login: 'github-actions[bot]' }, head: { ref: linus.head, sha: branchSha(w, linus.head), repo: { full_name: w.repository } }, base: { ref: 'main', repo: repository } };
    const job = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: linus.number, pull_request, repository, sender: { login: 'andrew-gh' } }, sha, ref: 'refs/heads/main', workflowSha: sha }).jobs.unclaimed!;
    expect(job.succeeded, say(job)).toBe(true);
    expect(commentsOn(w, linus)).toEqual([expect.stringMatching(/^@jon-b: this claim was closed without being merged, so `linus-s` is not your mentor after all\./m)]);
  });
});

describe('a claim closed unmerged against a branch that is not the default branch (simulated)', { timeout: 180_000 }, () => {
  it('says nothing: whether the member still waits is the default branch\'s to tell, not that branch\'s', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    git(w.maintainer, 'fetch', '-q', 'origin');
    git(w.maintainer, 'push', '-q', 'origin', 'origin/main:refs/heads/next');
    updateState(w, (s) => (s.prs.find((p: { number: number }) => p.number === linus.number).state = 'closed'));
    const next = branchSha(w, 'next');
    const repository = { full_name: w.repository, default_branch: 'main' };
    const pull_request = { number: linus.number, merged: false, merge_commit_sha: null, commits: 1, body: linus.body, user: { login: 'github-actions[bot]' }, head: { ref: linus.head, sha: branchSha(w, linus.head), repo: { full_name: w.repository } }, base: { ref: 'next', repo: repository } };
    const run = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: linus.number, pull_request, repository, sender: { login: 'andrew-gh' } }, sha: next, ref: 'refs/heads/next', workflowSha: next });
    expect(run.jobs.unclaimed?.ran).toBe(false);
    expect(commentsOn(w, linus)).toEqual([]);
  });
});
