import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { branchSha, git } from './helpers/github-world.js';
import { addIssue, claimEvent, issueEvent, issuesWorld, onMain, requestIssue, formBody, stateOf, updateState } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// Red-team of the request workflow's pull request description (session 12): a maintainer's words
// below the workflow's marker line survive every run, whatever the maintainer did above it.

/** A claim's commit as `mentor claim` makes it (jon's mentor set, in cohort.yaml) on a branch of origin, from main. */
function claimCommit(w: ReturnType<typeof issuesWorld>, branch: string, mentor: string): string {
  git(w.maintainer, 'fetch', '-q', 'origin');
  git(w.maintainer, 'switch', '-q', '-C', 'claim', 'origin/main');
  const file = path.join(w.maintainer, 'cohorts/2026-fall/cohort.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('  - person: jon\n    role: mentee\n', `  - person: jon\n    role: mentee\n    mentor: ${mentor}\n`));
  git(w.maintainer, 'commit', '-qam', `Claim jon in 2026-fall: ${mentor} mentors them`);
  git(w.maintainer, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
  return branchSha(w, branch);
}

const MARKER = '<!-- mentor:workflow-end: this workflow rewrites what is above this line; write below it -->';

/** zoe's request issue #7, its pull request opened by the request workflow. */
function zoeRequested() {
  const w = issuesWorld();
  addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe') });
  expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!.succeeded).toBe(true);
  return w;
}

const editIssue = (w: ReturnType<typeof issuesWorld>, zone: string) => {
  const edited = { ...requestIssue(formBody('zoe', zone)), action: 'edited' };
  const job = runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', edited)).jobs.request!;
  expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
  return stateOf(w).prs[0].body as string;
};

describe("a maintainer's words on a request's pull request whose top they cleared (simulated)", { timeout: 180_000 }, () => {
  it('are kept when the description starts with the marker line (everything above it deleted)', () => {
    const w = zoeRequested();
    updateState(w, (s) => (s.prs[0].body = `${MARKER}\r\nMerging after Thursday's call. -- andrew\r\n`));
    const body = editIssue(w, 'Europe/Berlin');
    expect(body).toMatch(/^<!-- mentor:for zoe-z /);
    expect(body).toContain(`${MARKER}\nMerging after Thursday's call. -- andrew\n`);
    expect(body.match(/mentor:workflow-end/g)).toHaveLength(1);
  });

  it('are kept, once, when they quote the marker line itself below it', () => {
    const w = zoeRequested();
    updateState(w, (s) => (s.prs[0].body = `${s.prs[0].body}Note to self:\n${MARKER}\nsecond part -- andrew\n`));
    const body = editIssue(w, 'Europe/Berlin');
    expect(body).toContain(`Note to self:\n${MARKER}\nsecond part -- andrew\n`);
    expect(editIssue(w, 'Europe/Madrid')).toBe(body);
  });
});

describe("a request whose answer GitHub refused, and whose pull request the gate did not pass (simulated)", { timeout: 180_000 }, () => {
  it('gets the lost answer saying the pull request waits for a maintainer, not that the requester need do nothing', () => {
    const w = issuesWorld();
    onMain(w, { 'cohorts/2026-fall/cohort.yaml': (text) => text.replace(/  - person: (cleo|jon)\n    role: mentee\n/g, '  - person: $1\n    role: mentee\n    mentor: linus\n') }, 'place everyone');
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-11-19T13:50:00Z' });
    updateState(w, (s) => (s.faults = [{ match: '^issue comment 7 ' }]));
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!.succeeded).toBe(false);
    const pr = stateOf(w).prs[0].number;
    // Judged again since (a maintainer's review, main moved on): the gate does not pass it now.
    updateState(w, (s) => s.statuses.push({ sha: branchSha(w, 'request/issue-7'), context: 'mentor/gate', state: 'failure', description: 'Judged again' }));
    const job = runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
    expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    const answers: string[] = stateOf(w).issues.find((i: { number: number }) => i.number === 7).comments;
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain(`as a pull request: https://github.com/learn-teach-code/mentorship/pull/${pr}.`);
    expect(answers[0]).toContain('The gate did not pass it as it is (the pull request says why), so it waits for a maintainer. If something of yours needs changing, they will say so here.');
    expect(answers[0]).not.toContain('you do not need to do anything');
  });
});

describe('a claim opened by the workflow before an upgrade, merged after it (simulated)', { timeout: 180_000 }, () => {
  it('does not tell the mentor that no handle of the member was known: the member has one, only the pull request does not say it', () => {
    const w = issuesWorld();
    // The claim workflow of before wrote no member line on the description. Merged (rebase): main is the claim's commit.
    claimCommit(w, 'claim/2026-fall/jon@linus-s', 'linus');
    git(w.origin, 'update-ref', 'refs/heads/main', 'refs/heads/claim/2026-fall/jon@linus-s');
    updateState(w, (s) => s.prs.push({ number: 40, head: 'claim/2026-fall/jon@linus-s', body: '<!-- mentor:for linus-s COLLABORATOR -->\nA claim from the attention issue (#3). The first claim merged wins; the gate refuses the others.\n', state: 'merged' }));
    const sha = git(w.origin, 'rev-parse', 'refs/heads/main').trim();
    const repository = { full_name: w.repository, default_branch: 'main' };
    const pull_request = { number: 40, merged: true, merge_commit_sha: sha, body: stateOf(w).prs[0].body, user: { login: 'github-actions[bot]' }, head: { ref: 'claim/2026-fall/jon@linus-s', sha, repo: { full_name: w.repository } }, base: { ref: 'main', repo: repository } };
    const job = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: 40, pull_request, repository, sender: { login: 'andrew-gh' } }, sha, ref: 'refs/heads/main', workflowSha: sha }).jobs.placed!;
    expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    const said: string[] = stateOf(w).prs[0].comments;
    expect(said).toHaveLength(1);
    // (Session 13: the member's handle is read from the records, so the member is mentioned too.)
    expect(said[0]).toMatch(/^@jon-b: this pull request is merged, so @linus-s is your mentor now \(jon in 2026-fall\)\./m);
    expect(said[0]).not.toContain('No GitHub handle of theirs was known');
  });
});

describe('a claim closed unmerged while the other claim of the member is merged (simulated)', { timeout: 180_000 }, () => {
  it('does not tell the member they still wait when the other claim merged while the job ran', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const claim = (login: string) => {
      const job = runWorkflow(w, 'mentor-claim.yml', { ...claimEvent(w, '/claim jon', login), sha: git(w.origin, 'rev-parse', 'main').trim() }).jobs.claim!;
      expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
      return stateOf(w).prs.at(-1) as { number: number; head: string; body: string };
    };
    const linus = claim('linus-s');
    const grace = claim('grace-h');
    // A maintainer closes linus's claim, then merges grace's a few seconds later: the closed job has
    // checked out the default branch (jon waits there) by the time grace's claim is merged.
    updateState(w, (s) => {
      s.prs.find((p: { number: number }) => p.number === linus.number).state = 'closed';
      s.mergedMeanwhile = grace.number;
    });
    const sha = git(w.origin, 'rev-parse', 'refs/heads/main').trim();
    const repository = { full_name: w.repository, default_branch: 'main' };
    const pull_request = { number: linus.number, merged: false, body: linus.body, user: { login: 'github-actions[bot]' }, head: { ref: linus.head, sha: branchSha(w, linus.head), repo: { full_name: w.repository } }, base: { ref: 'main', repo: repository } };
    const job = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: linus.number, pull_request, repository, sender: { login: 'andrew-gh' } }, sha, ref: 'refs/heads/main', workflowSha: sha }).jobs.unclaimed!;
    expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    expect(stateOf(w).prs.find((p: { number: number }) => p.number === grace.number).state).toBe('merged');
    expect(stateOf(w).prs.find((p: { number: number }) => p.number === linus.number).comments).toBeUndefined();
  });
});

describe('a claim closed, reopened and closed again without a merge (simulated)', { timeout: 180_000 }, () => {
  it('tells the member once that they wait again, not at each closing', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const job = runWorkflow(w, 'mentor-claim.yml', { ...claimEvent(w, '/claim jon', 'linus-s'), sha: git(w.origin, 'rev-parse', 'main').trim() }).jobs.claim!;
    expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    const linus = stateOf(w).prs.at(-1) as { number: number; head: string; body: string };
    const closeUnmerged = () => {
      updateState(w, (s) => (s.prs.find((p: { number: number }) => p.number === linus.number).state = 'closed'));
      const sha = git(w.origin, 'rev-parse', 'refs/heads/main').trim();
      const repository = { full_name: w.repository, default_branch: 'main' };
      const pull_request = { number: linus.number, merged: false, body: linus.body, user: { login: 'github-actions[bot]' }, head: { ref: linus.head, sha: branchSha(w, linus.head), repo: { full_name: w.repository } }, base: { ref: 'main', repo: repository } };
      const run = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: linus.number, pull_request, repository, sender: { login: 'andrew-gh' } }, sha, ref: 'refs/heads/main', workflowSha: sha }).jobs.unclaimed!;
      expect(run.succeeded, run.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    };
    closeUnmerged();
    // Reopened by a maintainer (a wrong click), then closed again.
    updateState(w, (s) => (s.prs.find((p: { number: number }) => p.number === linus.number).state = 'open'));
    closeUnmerged();
    const said: string[] = stateOf(w).prs.find((p: { number: number }) => p.number === linus.number).comments;
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^<!-- mentor:unclaimed -->\n@jon-b: this claim was closed without being merged/);
  });
});

describe('a claim pull request a writer opened by hand, with a member line naming someone (simulated)', { timeout: 180_000 }, () => {
  it('mentions nobody from its description, merged or closed: only a pull request the workflow opened names the member', () => {
    const w = issuesWorld();
    const claimSha = claimCommit(w, 'claim/2026-fall/jon@linus-s', 'linus');
    const body = '<!-- mentor:member victim-x -->\nA claim, opened by hand.\n';
    updateState(w, (s) => s.prs.push({ number: 41, head: 'claim/2026-fall/jon@linus-s', body, state: 'closed' }));
    const sha = git(w.origin, 'rev-parse', 'refs/heads/main').trim();
    const repository = { full_name: w.repository, default_branch: 'main' };
    for (const merged of [false, true]) {
      // Merged (rebase): main is the claim's commit.
      if (merged) git(w.origin, 'update-ref', 'refs/heads/main', claimSha);
      const pull_request = { number: 41, merged, merge_commit_sha: merged ? claimSha : null, body, user: { login: 'linus-s' }, head: { ref: 'claim/2026-fall/jon@linus-s', sha: claimSha, repo: { full_name: w.repository } }, base: { ref: 'main', repo: repository } };
      const jobs = runWorkflow(w, 'mentor-claim.yml', { name: 'pull_request_target', payload: { action: 'closed', number: 41, pull_request, repository, sender: { login: 'andrew-gh' } }, sha, ref: 'refs/heads/main', workflowSha: sha }).jobs;
      const job = merged ? jobs.placed! : jobs.unclaimed!;
      expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    }
    const said: string[] = stateOf(w).prs[0].comments ?? [];
    expect(said.join('\n')).not.toContain('@victim-x');
    // Closed, it told nobody (the workflow's claim answer never told jon of it). Merged, it tells the
    // member and the mentor the merged records name (session 13: no longer the mentor alone, as the
    // description's member line was all it knew of the member's handle).
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^@jon-b: this pull request is merged, so @linus-s is your mentor now \(jon in 2026-fall\)\./m);
  });
});
