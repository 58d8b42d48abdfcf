import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { branchSha, git, mainSha } from './helpers/github-world.js';
import { addIssue, formBody, issueEvent, issuesWorld, onMain, requestIssue, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';
import { claimJon, commentsOn, jobOutput, type ClaimPr } from './helpers/claim-prs.js';
import { exampleGitRepo, git as gitIn, mentorJson } from './helpers/repo.js';

// The comments on a claim's pull request when it is merged or closed (session 13): who the member's
// mentor is and every handle come from the records of the default branch (the merged commit, and
// the commit before it), never from the branch's name or the description, which a maintainer's
// changes and an older workflow leave saying something else. The world's "now" is 2026-11-20.

type Pr = ClaimPr;
const say = jobOutput;
const claim = claimJon;

/** A maintainer's commit on the claim's branch (GitHub's editor, or a push): each file's change. */
function onBranch(w: IssuesWorld, branch: string, files: Record<string, (text: string) => string>, message: string): void {
  git(w.maintainer, 'fetch', '-q', 'origin');
  git(w.maintainer, 'switch', '-q', '-C', 'edit', `origin/${branch}`);
  for (const [file, change] of Object.entries(files)) writeFileSync(path.join(w.maintainer, file), change(readFileSync(path.join(w.maintainer, file), 'utf8')));
  git(w.maintainer, 'commit', '-qam', message);
  git(w.maintainer, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
}

/**
 * The maintainer merges the pull request with GitHub's "Create a merge commit" ("Squash and merge"
 * with `squash`, "Rebase and merge" with `rebase`), or closes it, and
 * GitHub sends the closed event: merge_commit_sha is the merge on main, head.sha the branch's head.
 */
function close(w: IssuesWorld, pr: Pr, merged: boolean, options: { squash?: boolean; rebase?: boolean; headRef?: string } = {}) {
  const headSha = branchSha(w, pr.head);
  git(w.maintainer, 'fetch', '-q', 'origin');
  const commits = Number(git(w.maintainer, 'rev-list', '--count', `origin/main..origin/${pr.head}`).trim());
  let mergeSha: string | null = null;
  if (merged) {
    git(w.maintainer, 'switch', '-q', '-C', 'main', 'origin/main');
    if (options.rebase) git(w.maintainer, 'cherry-pick', `origin/main..origin/${pr.head}`);
    else if (options.squash) {
      git(w.maintainer, 'merge', '-q', '--squash', `origin/${pr.head}`);
      git(w.maintainer, 'commit', '-qm', `Claim jon (#${pr.number})`);
    } else git(w.maintainer, 'merge', '-q', '--no-ff', '-m', `Merge pull request #${pr.number}`, `origin/${pr.head}`);
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
    mergeSha = mainSha(w);
  }
  updateState(w, (s) => (s.prs.find((p: { number: number }) => p.number === pr.number).state = merged ? 'merged' : 'closed'));
  const sha = mainSha(w);
  const repository = { full_name: w.repository, default_branch: 'main' };
  const body = stateOf(w).prs.find((p: { number: number }) => p.number === pr.number).body;
  const pull_request = { number: pr.number, merged, merge_commit_sha: mergeSha, commits, body, user: { login: 'github-actions[bot]' }, head: { ref: options.headRef ?? pr.head, sha: headSha, repo: { full_name: w.repository } }, base: { ref: 'main', repo: repository } };
  const jobs = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: pr.number, pull_request, repository, sender: { login: 'andrew-gh' } }, sha, ref: 'refs/heads/main', workflowSha: sha }).jobs;
  const job = merged ? jobs.placed! : jobs.unclaimed!;
  expect(job.succeeded, say(job)).toBe(true);
  return job;
}

const COHORT = 'cohorts/2026-fall/cohort.yaml';
/** jon's mentor, as the cohort file writes it, changed to another. */
const jonsMentor = (to: string) => (text: string) => text.replace(/(  - person: jon\n(?:    .*\n)*?    mentor: )[a-z-]+\n/, `$1${to}\n`);

describe('a stale claim a maintainer gave to another mentor before merging it (simulated)', { timeout: 180_000 }, () => {
  it('names the mentor the merged records give the member, not the one in the branch name', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    onBranch(w, linus.head, { [COHORT]: jonsMentor('grace') }, 'linus is away: grace mentors jon');
    close(w, linus, true);
    const said = commentsOn(w, linus);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^@jon-b: this pull request is merged, so @grace-h is your mentor now \(jon in 2026-fall\)\./m);
    expect(said[0]).not.toContain('linus');
  });
});

describe("a claim merged after the member's GitHub handle changed on the default branch (simulated)", { timeout: 180_000 }, () => {
  it('mentions the member by the handle their person file has now', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    onMain(w, { 'people/jon.yaml': (text) => text.replace('github: jon-b', 'github: jon-berg') }, 'jon renamed his GitHub account');
    close(w, linus, true);
    const said = commentsOn(w, linus);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^@jon-berg: this pull request is merged, so @linus-s is your mentor now/m);
    expect(said[0]).not.toContain('@jon-b:');
  });
});

describe('a claim opened before the current workflows, with no member line on its description (simulated)', { timeout: 180_000 }, () => {
  const opened = () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    // The description as the older workflow wrote it: no member line.
    updateState(w, (s) => (s.prs[0].body = s.prs[0].body.replace(/ ?<!-- mentor:member [^>]*-->/, '')));
    expect(stateOf(w).prs[0].body).not.toContain('mentor:member');
    return { w, linus };
  };

  it('tells the member, found in the records the pull request changed, who their mentor is when it is merged', () => {
    const { w, linus } = opened();
    close(w, linus, true);
    expect(commentsOn(w, linus)).toEqual([expect.stringMatching(/^@jon-b: this pull request is merged, so @linus-s is your mentor now \(jon in 2026-fall\)\. Say hello here; @linus-s, over to you\.$/m)]);
  });

  it('tells the member they wait again when it is closed without a merge', () => {
    const { w, linus } = opened();
    close(w, linus, false);
    expect(commentsOn(w, linus)).toEqual([expect.stringMatching(/^@jon-b: this claim was closed without being merged, so `linus-s` is not your mentor after all\. You are still waiting/m)]);
  });
});

describe('a stale claim given to another mentor, squashed as it is merged (simulated)', { timeout: 180_000 }, () => {
  it('names the mentor of the squashed commit', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    onBranch(w, linus.head, { [COHORT]: jonsMentor('grace') }, 'linus is away: grace mentors jon');
    close(w, linus, true, { squash: true });
    expect(commentsOn(w, linus)).toEqual([expect.stringMatching(/^@jon-b: this pull request is merged, so @grace-h is your mentor now \(jon in 2026-fall\)\. Say hello here; @grace-h, over to you\.$/m)]);
  });
});

describe('a claim a maintainer added a commit to, merged with "Rebase and merge" (simulated)', { timeout: 180_000 }, () => {
  it("tells the member: what the merge placed is read from before the pull request's first commit, not its last", () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    onBranch(w, linus.head, { 'people/jon.yaml': (text) => text.replace('languages: [en]', 'languages: [en, nb]') }, 'jon speaks Norwegian too');
    close(w, linus, true, { rebase: true });
    expect(commentsOn(w, linus)).toEqual([expect.stringMatching(/^@jon-b: this pull request is merged, so @linus-s is your mentor now \(jon in 2026-fall\)\./m)]);
  });
});

describe('a claim on a branch named as claims were before 2026-11-24 (claim/<cohort>/<member>-<login>), closed unmerged (simulated)', { timeout: 180_000 }, () => {
  it('tells the member they wait again: the member is read from what the claim changes, not from its branch name', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const linus = claim(w, 'linus-s');
    close(w, linus, false, { headRef: 'claim/2026-fall/jon-linus-s' });
    expect(commentsOn(w, linus)).toEqual([expect.stringMatching(/^@jon-b: this claim was closed without being merged, so `linus-s` is not your mentor after all\./m)]);
  });
});

describe('pr-summary --format json (what the claim workflows read)', () => {
  it("gives whom a change places and with whom, and each one's GitHub handle as the base has it, never as the pull request writes it", () => {
    const repo = exampleGitRepo();
    gitIn(repo, ['switch', '-q', '-c', 'claim']);
    const cohort = path.join(repo, COHORT);
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    mentor: grace\n'));
    writeFileSync(path.join(repo, 'people/jon.yaml'), readFileSync(path.join(repo, 'people/jon.yaml'), 'utf8').replace('github: jon-b', 'github: mallory-x'));
    gitIn(repo, ['commit', '-qam', 'claim, and a handle']);
    const { code, json } = mentorJson(['pr-summary', '--repo', repo, '--base', 'main', '--format', 'json'], { env: { MENTOR_NOW: '2026-11-20T12:00:00-08:00' } });
    expect(code).toBe(0);
    expect(json.maintainers).toEqual(['andrew-gh']);
    expect(json.changes.find((change: { kind: string }) => change.kind === 'tree')).toMatchObject({ cohort: '2026-fall', placed: [{ person: 'jon', mentor: 'grace' }] });
    expect(json.handles).toEqual({ grace: 'grace-h', jon: 'jon-b' });
  });
});

describe('a request whose judging stops with an error (simulated)', { timeout: 180_000 }, () => {
  it('names the maintainers on its pull request without judging an empty change to learn them', () => {
    const w = issuesWorld();
    // Every run of the runner, written down: the node the job finds first on its PATH.
    const runs = path.join(path.dirname(w.state), 'node-runs.txt');
    writeFileSync(path.join(w.binDir, 'node'), `#!/usr/bin/env bash\nprintf '%s\\n' "$*" >> '${runs}'\nexec '${process.execPath}' "$@"\n`);
    chmodSync(path.join(w.binDir, 'node'), 0o755);
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    // An author_association not shaped like GitHub's: check-pr stops (exit 2), standing for any run that stops without a verdict.
    const odd = requestIssue(formBody('zoe'));
    (odd.issue as { author_association: string }).author_association = 'Sponsor';
    const job = runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', odd)).jobs.request!;
    expect(job.succeeded, say(job)).toBe(true);
    expect(stateOf(w).prs[0].body).toMatch(/\n@andrew-gh: the gate could not judge it for @zoe-z /);
    const checks = readFileSync(runs, 'utf8').split('\n').filter((line) => /\bcheck-pr\b/.test(line));
    expect(checks).toHaveLength(1);
  });
});
