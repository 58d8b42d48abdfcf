import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from './helpers/github-world.js';
import { addIssue, claimEvent, formBody, issueEvent, issuesWorld, requestIssue, stateOf } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// The request, claim and attention workflows run in the simulator on a real bare repo, with a
// recording `gh` for issues, pull requests, labels and statuses (test/helpers/gh-issues-stub.mjs).

const world = issuesWorld;
const event = issueEvent;

describe('the request workflow (simulated)', { timeout: 180_000 }, () => {
  it('turns a request issue into a pull request with the person and member files, and sets the gate status itself', () => {
    const w = world();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    const job = runWorkflow(w, 'mentor-request.yml', event(w, 'issues', requestIssue(formBody('zoe', 'Europe/Paris', 'ada')))).jobs.request!;
    expect(job.succeeded, JSON.stringify(job.steps.map((s) => s.stderr))).toBe(true);
    const s = stateOf(w);
    expect(s.prs, JSON.stringify({ ran: job.ran, steps: job.steps, calls: s.calls })).toHaveLength(1);
    expect(s.prs[0].head).toBe('request/issue-7');
    // Merging the pull request closes the issue: a later edit of a request that is in asks nothing again.
    expect(s.prs[0].body).toContain('Closes #7');
    // Its first line names whom it was made for: the gate judges it for them after a review, not the bot.
    expect(s.prs[0].body.split('\n')[0]).toBe('<!-- mentor:for zoe-z FIRST_TIMER -->');
    // Only a maintainer merges it, and until then the request is on no queue: they are told, once, as it opens.
    expect(s.prs[0].body).toContain('\n@andrew-gh: the gate passed it for @zoe-z. It counts once merged, and only a maintainer can merge it.\n');
    const files = git(w.origin, 'show', '--name-only', '--format=', 'refs/heads/request/issue-7').trim().split('\n');
    expect(files).toEqual(['cohorts/2026-fall/members/zoe.yaml', 'people/zoe.yaml']);
    expect(parse(git(w.origin, 'show', 'refs/heads/request/issue-7:people/zoe.yaml')).github).toBe('zoe-z');
    expect(s.statuses).toEqual([expect.objectContaining({ context: 'mentor/gate', state: 'success', sha: git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim() })]);
    expect(s.issues[0].comments.at(-1)).toContain('Pull request: https://github.com/');
  });

  it('tells the requester and the maintainers, and fails, where the repository does not let workflows open pull requests', () => {
    const w = world();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    writeFileSync(w.state, JSON.stringify({ ...stateOf(w), refusePullRequests: true }));
    const job = runWorkflow(w, 'mentor-request.yml', event(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!;
    expect(job.succeeded).toBe(false);
    expect(job.steps.at(-1)!.stdout).toContain('::error::The pull request could not be opened');
    const s = stateOf(w);
    expect(s.prs).toEqual([]);
    const answer: string = s.issues[0].comments.at(-1);
    expect(answer.split('\n')[0]).toBe('<!-- mentor:request -->');
    expect(answer).toContain('your request is ready, on branch `request/issue-7`');
    expect(answer).toContain('You do not need to do anything.');
    expect(answer).toContain("@andrew-gh: turn on Settings → Actions → General → Workflow permissions → 'Allow GitHub Actions to create and approve pull requests'");
    expect(answer).not.toContain('Pull request:');
    // The branch is there for a maintainer to open the pull request from, or for a re-run.
    expect(git(w.origin, 'show', '--name-only', '--format=', 'refs/heads/request/issue-7').trim().split('\n')).toEqual(['cohorts/2026-fall/members/zoe.yaml', 'people/zoe.yaml']);
  });

  it('keeps one open request per person, and never pushes over a branch a maintainer has changed', () => {
    const w = world();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    addIssue(w, { number: 8, labels: ['mentor-request'], body: '' });
    runWorkflow(w, 'mentor-request.yml', event(w, 'issues', requestIssue(formBody('zoe'))));
    const second = { ...requestIssue(formBody('zoe-two')), issue: { ...requestIssue('').issue, number: 8, body: formBody('zoe-two') } };
    expect(runWorkflow(w, 'mentor-request.yml', event(w, 'issues', second)).jobs.request!.succeeded).toBe(true);
    let s = stateOf(w);
    expect(s.prs.map((pr: { head: string }) => pr.head)).toEqual(['request/issue-7']);
    expect(s.issues[1].comments.at(-1)).toContain('You already have an open request: https://github.com/');

    // A maintainer fixes the pull request's branch; the requester then edits the issue.
    git(w.maintainer, 'fetch', '-q', 'origin', 'request/issue-7');
    git(w.maintainer, 'switch', '-q', '-C', 'fix', 'FETCH_HEAD');
    writeFileSync(path.join(w.maintainer, 'people/zoe.yaml'), readFileSync(path.join(w.maintainer, 'people/zoe.yaml'), 'utf8').replace('name: ', 'name: Zoë '));
    git(w.maintainer, 'commit', '-qam', 'a maintainer fixes the name');
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/request/issue-7');
    const fixed = git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim();
    const edited = { ...requestIssue(formBody('zoe', 'Europe/Berlin')), action: 'edited' };
    expect(runWorkflow(w, 'mentor-request.yml', event(w, 'issues', edited)).jobs.request!.succeeded).toBe(true);
    expect(git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim()).toBe(fixed);
    s = stateOf(w);
    expect(s.issues[0].comments.at(-1)).toContain('a maintainer has changed it since, so this workflow leaves it as it is');
    // An amend keeps the bot as the author; the committer is the maintainer.
    git(w.maintainer, 'fetch', '-q', 'origin', 'request/issue-7');
    git(w.maintainer, 'switch', '-q', '-C', 'amend', 'FETCH_HEAD~1'); // the bot's own commit
    writeFileSync(path.join(w.maintainer, 'people/zoe.yaml'), readFileSync(path.join(w.maintainer, 'people/zoe.yaml'), 'utf8').replace('name: ', 'name: Zoé '));
    git(w.maintainer, 'commit', '-q', '-a', '--amend', '--no-edit');
    expect(git(w.maintainer, 'log', '-1', '--format=%ae')).toContain('github-actions[bot]');
    git(w.maintainer, 'push', '-q', '-f', 'origin', 'HEAD:refs/heads/request/issue-7');
    const amended = git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim();
    expect(runWorkflow(w, 'mentor-request.yml', event(w, 'issues', edited)).jobs.request!.succeeded).toBe(true);
    expect(git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim()).toBe(amended);
  });

  it("takes no fork's pull request for its own, whatever its branch is called or its body says", () => {
    const w = world();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    // A stranger's fork opened pull requests named like the bot's branches, claiming zoe.
    const planted = stateOf(w);
    planted.prs.push({ number: 50, head: 'request/issue-7', title: 'x', body: '<!-- mentor:for zoe-z NONE -->\nmine', fork: true });
    planted.prs.push({ number: 51, head: 'request/issue-1', title: 'x', body: '<!-- mentor:for zoe-z NONE -->\nmine', fork: true });
    writeFileSync(w.state, JSON.stringify(planted));
    const job = runWorkflow(w, 'mentor-request.yml', event(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!;
    expect(job.succeeded, job.steps.map((step) => step.stderr).join('')).toBe(true);
    const s = stateOf(w);
    const own = s.prs.find((pr: { fork?: boolean }) => !pr.fork);
    expect(own).toMatchObject({ head: 'request/issue-7' });
    expect(s.issues[0].comments.at(-1)).toContain(`Pull request: https://github.com/${w.repository}/pull/${own.number}`);
    expect(s.issues[0].comments.join('\n')).not.toContain('You already have an open request');
  });

  it('pushes nothing when an edit of the issue changes nothing it writes: the pull request keeps its head (and any approval of it), and the gate is set again there', () => {
    const w = world();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    runWorkflow(w, 'mentor-request.yml', event(w, 'issues', requestIssue(formBody('zoe'))));
    const head = git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim();
    const edited = { ...requestIssue(formBody('zoe')), action: 'edited' };
    const job = runWorkflow(w, 'mentor-request.yml', event(w, 'issues', edited)).jobs.request!;
    expect(job.succeeded, JSON.stringify(job.steps.map((step) => step.stderr))).toBe(true);
    expect(git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim()).toBe(head);
    const s = stateOf(w);
    expect(s.prs).toHaveLength(1);
    expect(s.statuses.map((status: { sha: string; state: string }) => [status.sha, status.state])).toEqual([[head, 'success'], [head, 'success']]);
    // An edit that changes a file is pushed as before.
    runWorkflow(w, 'mentor-request.yml', event(w, 'issues', { ...requestIssue(formBody('zoe', 'Europe/Berlin')), action: 'edited' }));
    expect(git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim()).not.toBe(head);
    expect(git(w.origin, 'show', 'refs/heads/request/issue-7:people/zoe.yaml')).toContain('Europe/Berlin');
  });

  it("updates its pull request after a maintainer's 'Update branch' (a merge of main), when the issue is edited", () => {
    const w = world();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    runWorkflow(w, 'mentor-request.yml', event(w, 'issues', requestIssue(formBody('zoe'))));
    writeFileSync(path.join(w.maintainer, 'NOTES.md'), 'main moves on\n');
    git(w.maintainer, 'add', 'NOTES.md');
    git(w.maintainer, 'commit', '-qm', 'main moves on');
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
    git(w.maintainer, 'fetch', '-q', 'origin', 'request/issue-7');
    git(w.maintainer, 'switch', '-q', '-C', 'update', 'FETCH_HEAD');
    git(w.maintainer, 'merge', '-q', '--no-ff', '-m', 'Merge branch main into request/issue-7', 'origin/main');
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:refs/heads/request/issue-7');
    const merged = git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim();
    const edited = { ...requestIssue(formBody('zoe', 'Europe/Berlin')), action: 'edited' };
    const job = runWorkflow(w, 'mentor-request.yml', { ...event(w, 'issues', edited), sha: git(w.origin, 'rev-parse', 'refs/heads/main').trim() }).jobs.request!;
    expect(job.succeeded).toBe(true);
    expect(git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim(), JSON.stringify([job.steps, stateOf(w).issues[0].comments])).not.toBe(merged);
    expect(git(w.origin, 'show', 'refs/heads/request/issue-7:people/zoe.yaml')).toContain('Europe/Berlin');
    expect(stateOf(w).issues[0].comments.join('\n')).not.toContain('a maintainer has changed it');
  });

  it('answers on the issue what to fix, with no mention or HTML from the issue, and opens nothing', () => {
    const w = world();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    const job = runWorkflow(w, 'mentor-request.yml', event(w, 'issues', requestIssue(formBody('ada', '@octocat <img src=x>')))).jobs.request!;
    expect(job.succeeded).toBe(true);
    const s = stateOf(w);
    expect(s.prs).toEqual([]);
    const answer: string = s.issues[0].comments[0];
    expect(answer.split('\n')[0]).toBe('<!-- mentor:request -->');
    expect(answer).toContain('The id "ada" is taken');
    expect(answer).not.toMatch(/(?<!\u200d)@octocat|<img/);
    expect(git(w.origin, 'branch', '--list', 'request/*').trim()).toBe('');
  });
});

describe('the attention workflow (simulated)', { timeout: 180_000 }, () => {
  it('creates the one issue with the mentions in a comment, then edits it without mentioning again, and closes it when nobody waits', () => {
    const w = world();
    const first = runWorkflow(w, 'mentor-attention.yml', event(w, 'schedule', {})).jobs.attention!;
    expect(first.succeeded, JSON.stringify(first.steps.map((s) => s.stderr))).toBe(true);
    let s = stateOf(w);
    expect(s.issues).toHaveLength(1);
    expect(s.issues[0].body.split('\n')[0]).toBe('<!-- mentor:attention -->');
    expect(s.issues[0].comments).toHaveLength(1);
    expect(s.issues[0].comments[0]).toContain('@ada-l');
    runWorkflow(w, 'mentor-attention.yml', event(w, 'schedule', {}));
    s = stateOf(w);
    expect(s.issues).toHaveLength(1);
    expect(s.issues[0].comments).toHaveLength(1);
    // Each run writes the body once the comment is out (the first, to record its mentions): nothing is mentioned again.
    expect(s.calls.filter((c: string[]) => c[0] === 'issue' && c[1] === 'edit')).toHaveLength(2);

    // Both waiting members placed on main: nothing waits, the issue is closed.
    const clone = w.maintainer;
    git(clone, 'pull', '-q', 'origin', 'main');
    const cohort = path.join(clone, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/  - person: cleo\n    role: mentee\n/, '  - person: cleo\n    role: mentee\n    mentor: grace\n').replace(/  - person: jon\n    role: mentee\n/, '  - person: jon\n    role: mentee\n    mentor: linus\n'));
    git(clone, 'commit', '-qam', 'place both');
    git(clone, 'push', '-q', 'origin', 'HEAD:main');
    runWorkflow(w, 'mentor-attention.yml', event(w, 'schedule', {}));
    s = stateOf(w);
    expect(s.issues[0].state).toBe('closed');
    expect(s.issues[0].body).toContain('<!-- mentor:waiting 0 -->');
  });

  it('keeps the issue open and tells the maintainers once when a cohort on main cannot be read, then drops it once fixed', () => {
    const w = world();
    runWorkflow(w, 'mentor-attention.yml', event(w, 'schedule', {}));
    const before = stateOf(w);
    expect(before.issues[0].state).toBe('open');
    const clone = w.maintainer;
    git(clone, 'pull', '-q', 'origin', 'main');
    const cohort = path.join(clone, 'cohorts/2026-fall/cohort.yaml');
    const good = readFileSync(cohort, 'utf8');
    writeFileSync(cohort, `${good}<<<<<<< HEAD\n`);
    git(clone, 'commit', '-qam', 'a merge gone wrong');
    git(clone, 'push', '-q', 'origin', 'HEAD:main');
    const job = runWorkflow(w, 'mentor-attention.yml', event(w, 'schedule', {})).jobs.attention!;
    expect(job.succeeded, JSON.stringify(job.steps.map((s) => s.stderr))).toBe(true);
    expect(job.steps.at(-1)!.stderr).toContain('the records of cohort 2026-fall have errors');
    // Open, never "nobody is waiting": the cohort could hold anyone. Its error, and who fixes it.
    const broken = stateOf(w).issues[0];
    expect(broken.state).toBe('open');
    expect(broken.body).not.toContain('Nobody is waiting');
    expect(broken.body).toContain('## Cohorts mentor cannot read');
    expect(broken.body).toContain('- 2026-fall: @andrew-gh (maintainer: fix it)\n  - cohorts/2026-fall/cohort.yaml:60:1 Unresolved merge conflict');
    expect(broken.comments.at(-1)).toContain('- cohort 2026-fall cannot be read, so mentor cannot tell who waits there: @andrew-gh (maintainer: fix it)');
    // The next hour: the same, and nobody is told again.
    const comments = broken.comments.length;
    expect(runWorkflow(w, 'mentor-attention.yml', event(w, 'schedule', {})).jobs.attention!.succeeded).toBe(true);
    expect(stateOf(w).issues[0].comments).toHaveLength(comments);
    // Fixed on main: the cohort is read again, its part is gone.
    writeFileSync(cohort, good);
    git(clone, 'commit', '-qam', 'fix the merge');
    git(clone, 'push', '-q', 'origin', 'HEAD:main');
    expect(runWorkflow(w, 'mentor-attention.yml', event(w, 'schedule', {})).jobs.attention!.succeeded).toBe(true);
    expect(stateOf(w).issues[0].body).not.toContain('cannot read');
    expect(stateOf(w).issues[0].body).toBe(before.issues[0].body);
  });
});

describe('the claim workflow (simulated)', { timeout: 180_000 }, () => {
  it('opens the claim pull request for the commenter and sets the gate status', () => {
    const w = world();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    const job = runWorkflow(w, 'mentor-claim.yml', claimEvent(w, '/claim jon', 'linus-s')).jobs.claim!;
    expect(job.succeeded, JSON.stringify(job.steps.map((s) => s.stderr))).toBe(true);
    const s = stateOf(w);
    expect(s.prs).toHaveLength(1);
    expect(s.prs[0].head).toBe('claim/2026-fall/jon@linus-s');
    expect(s.statuses[0]).toMatchObject({ context: 'mentor/gate', state: 'success' });
    expect(s.prs[0].body).toContain('\n@andrew-gh: the gate passed it for @linus-s. It counts once merged, and only a maintainer can merge it.\n');
    expect(s.issues[0].comments[0]).toContain('Claimed');
    // The member waiting hears of it, by their handle, with the pull request to follow.
    expect(s.issues[0].comments[0]).toContain('@jon-b: linus has offered to mentor you.');
    expect(s.issues[0].comments[0]).toMatch(/\nPull request: https:\/\/github\.com\/\S+\n?$/);
  });

  it('answers a claim it cannot open as a pull request, mentioning the maintainers, and fails', () => {
    const w = world();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    writeFileSync(w.state, JSON.stringify({ ...stateOf(w), refusePullRequests: true }));
    const job = runWorkflow(w, 'mentor-claim.yml', claimEvent(w, '/claim jon', 'linus-s')).jobs.claim!;
    expect(job.succeeded).toBe(false);
    const answer: string = stateOf(w).issues[0].comments.at(-1);
    expect(answer.split('\n')[0]).toBe('<!-- mentor:claim -->');
    expect(answer).toContain('your claim is ready, on branch `claim/2026-fall/jon@linus-s`');
    expect(answer).toContain('@andrew-gh: turn on');
    // The status is set before the pull request is opened: a pull request opened later from the branch has it.
    expect(stateOf(w).statuses).toEqual([expect.objectContaining({ context: 'mentor/gate', state: 'success', sha: git(w.origin, 'rev-parse', 'refs/heads/claim/2026-fall/jon@linus-s').trim() })]);
  });

  it('links the pull request another run opened meanwhile (a claim sent twice at once) and sets the status on its head, telling nobody to change a setting', () => {
    const w = world();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    writeFileSync(w.state, JSON.stringify({ ...stateOf(w), openedMeanwhile: true }));
    const job = runWorkflow(w, 'mentor-claim.yml', claimEvent(w, '/claim jon', 'linus-s')).jobs.claim!;
    expect(job.succeeded, JSON.stringify(job.steps.map((s) => s.stdout + s.stderr))).toBe(true);
    const s = stateOf(w);
    expect(s.prs).toHaveLength(1);
    const answer: string = s.issues[0].comments.at(-1);
    expect(answer).toContain(`Pull request: https://github.com/learn-teach-code/mentorship/pull/${s.prs[0].number}`);
    expect(answer).not.toContain('turn on');
    // The branch's head is this run's push: its status is set, or the pull request would wait for one forever.
    expect(s.statuses).toEqual([expect.objectContaining({ context: 'mentor/gate', state: 'success', sha: git(w.origin, 'rev-parse', 'refs/heads/claim/2026-fall/jon@linus-s').trim() })]);
  });

  it('answers why not (taken, or not a person), with the comment text never reaching a shell command', () => {
    const w = world();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    runWorkflow(w, 'mentor-claim.yml', claimEvent(w, '/claim bob', 'linus-s'));
    runWorkflow(w, 'mentor-claim.yml', claimEvent(w, '/claim jon', 'stranger'));
    runWorkflow(w, 'mentor-claim.yml', claimEvent(w, '/claim $(touch /tmp/pwned-by-claim) `id`', 'linus-s'));
    const comments: string[] = stateOf(w).issues[0].comments;
    expect(comments[0]).toContain('bob is taken');
    expect(comments[1]).toContain('is not a person of the program');
    expect(comments[2]).toContain('Write the member to claim');
    // The workflow reads a comment when it is written: an edit is never read, so each answer says to write a new one.
    for (const comment of comments) expect(comment).toContain('To claim again, write a new comment: an edited one is not read.');
    expect(stateOf(w).prs).toEqual([]);
    expect(() => readFileSync('/tmp/pwned-by-claim')).toThrow();
  });
});

