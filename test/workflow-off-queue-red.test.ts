import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/github-world.js';
import { addIssue, claimEvent, issueEvent, issuesWorld, requestIssue, formBody, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// The requests not on the queue yet, as a maintainer or requester meets them: what the attention
// issue tells the maintainers to do must take the request off the list when they do it.
// The world's "now" is 2026-11-20T12:00:00-08:00 (20:00 UTC).

const attention = (w: IssuesWorld) => {
  const job = runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
  expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
  return stateOf(w).issues.find((i: { labels: string[] }) => i.labels.includes('mentor-attention'));
};
const issueNumbered = (w: IssuesWorld, n: number) => stateOf(w).issues.find((i: { number: number }) => i.number === n);

describe('a request issue nobody answered, as the maintainers handle it (simulated)', { timeout: 180_000 }, () => {
  it('says what takes it off the list: a comment of theirs does not, an edit of the issue runs the request workflow again, and closing it does', () => {
    const w = issuesWorld();
    // Neither run came (GitHub was down for an hour).
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-11-20T18:30:00Z' });
    addIssue(w, { number: 8, labels: ['mentor-request'], body: formBody('yan'), createdAt: '2026-11-20T18:31:00Z' });
    let issue = attention(w);
    expect(issue.body).toMatch(/^\| #7 \| 2 h \|/m);
    expect(issue.body).toMatch(/^\| #8 \| 2 h \|/m);
    // The paragraph over the list names only what works, and no run to re-run where there may be none.
    const advice = issue.body.split('\n').find((line: string) => line.startsWith('A request issue the request workflow'));
    expect(advice).not.toContain('answer it yourselves');
    expect(advice).toContain('edit the issue');
    expect(advice).toContain('close its issue');

    // A maintainer answers #8 by hand: the request is still not taken in, and still listed.
    updateState(w, (s) => s.issues.find((i: { number: number }) => i.number === 8).comments.push({ author: { login: 'andrew-gh' }, body: 'Looking into it.' }));
    // A maintainer edits #7 (any change): the request workflow runs for its author and answers.
    const edited = { ...requestIssue(formBody('zoe')), action: 'edited' };
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', edited)).jobs.request!.succeeded).toBe(true);
    expect(issueNumbered(w, 7).comments.at(-1)).toMatch(/Pull request: https:\/\//);
    issue = attention(w);
    expect(issue.body).not.toMatch(/^\| #7 \|/m);
    expect(issue.body).toMatch(/^\| #8 \|/m);
    // #8, turned down by hand and closed, leaves the list too.
    updateState(w, (s) => (s.issues.find((i: { number: number }) => i.number === 8).state = 'closed'));
    issue = attention(w);
    expect(issue.body).not.toMatch(/^\| #8 \|/m);
  });
});

describe('a request issue nobody answered, when the program names a new maintainer (simulated)', { timeout: 180_000 }, () => {
  it('mentions the new maintainer once, and does not tell the requester a second time', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-11-20T18:30:00Z' });
    attention(w);
    expect(issueNumbered(w, 7).comments).toHaveLength(1);
    git(w.maintainer, 'pull', '-q', 'origin', 'main');
    const config = path.join(w.maintainer, 'mentor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('maintainers: [andrew-gh]', 'maintainers: [andrew-gh, grace-h]'));
    git(w.maintainer, 'commit', '-qam', 'grace helps run the program');
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:main');
    const issue = attention(w);
    expect(issue.comments.at(-1)).toMatch(/^- request issue #7, not taken in for 2 h: @grace-h \(maintainer: take it in or turn it down, as its issue says\)$/m);
    // Zoe was told once that the organisers know: a second organiser told is nothing new for her.
    expect(issueNumbered(w, 7).comments).toHaveLength(1);
    attention(w);
    expect(issueNumbered(w, 7).comments).toHaveLength(1);
  });
});

describe('a request only the organisers can take in, with something the requester must fix too (simulated)', { timeout: 180_000 }, () => {
  it('is listed for the maintainers, and the requester is not told afterwards that they need do nothing', () => {
    const w = issuesWorld();
    w.env.MENTOR_NOW = '2026-12-08T10:00:00-08:00';
    openWinter(w);
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe', 'Mars/Olympus'), createdAt: '2026-12-08T18:00:00Z' });
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe', 'Mars/Olympus')))).jobs.request!.succeeded).toBe(true);
    const answer: string = issueNumbered(w, 7).comments[0];
    expect(answer).toContain('The organisers (@andrew-gh) have been told');
    expect(answer).toContain('Edit the issue to fix it');
    // Two hours on: the maintainers are told on the attention issue; zoe still has her timezone to fix.
    w.env.MENTOR_NOW = '2026-12-08T12:00:00-08:00';
    const issue = attention(w);
    expect(issue.comments.join('\n')).toMatch(/^- request issue #7, not taken in for 2 h: @andrew-gh/m);
    expect(issueNumbered(w, 7).comments).toEqual([answer]);
  });
});

describe('a request only the organisers can take in, its issue edited again and again (simulated)', { timeout: 180_000 }, () => {
  it('mentions the maintainers on the first answer only: an edit does not notify them again', () => {
    const w = issuesWorld();
    w.env.MENTOR_NOW = '2026-12-08T10:00:00-08:00';
    openWinter(w);
    addIssue(w, { number: 7, labels: ['mentor-request'], author: 'zoe-z', body: formBody('zoe'), createdAt: '2026-12-08T18:00:00Z' });
    for (const tz of ['Europe/Paris', 'Europe/Berlin', 'Europe/Rome']) {
      const event = { ...requestIssue(formBody('zoe', tz)), action: tz === 'Europe/Paris' ? 'opened' : 'edited' };
      expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', event)).jobs.request!.succeeded).toBe(true);
    }
    const answers: string[] = issueNumbered(w, 7).comments;
    expect(answers).toHaveLength(3);
    expect(answers[0]).toMatch(/\(@andrew-gh\) have been told/);
    for (const again of answers.slice(1)) {
      expect(again).toContain('have been told');
      expect(again).not.toMatch(/(^|[^`])@andrew-gh/);
    }
    expect(answers[2]).toContain('The organisers (`@andrew-gh`) have been told');
  });

  it('mentions them once for one person, however many issues they open', () => {
    const w = issuesWorld();
    w.env.MENTOR_NOW = '2026-12-08T10:00:00-08:00';
    openWinter(w);
    for (const n of [7, 8, 9]) {
      addIssue(w, { number: n, labels: ['mentor-request'], author: 'zoe-z', body: formBody('zoe'), createdAt: '2026-12-08T18:00:00Z' });
      const event = requestIssue(formBody('zoe'));
      event.issue.number = n;
      expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', event)).jobs.request!.succeeded).toBe(true);
    }
    expect(issueNumbered(w, 7).comments[0]).toMatch(/\(@andrew-gh\) have been told/);
    for (const n of [8, 9]) expect(issueNumbered(w, n).comments[0]).toContain('The organisers (`@andrew-gh`) have been told');
  });

  it('mentions them once too where the repository does not let its workflows open pull requests', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], author: 'zoe-z', body: formBody('zoe'), createdAt: '2026-11-20T18:00:00Z' });
    updateState(w, (s) => (s.refusePullRequests = true));
    for (const tz of ['Europe/Paris', 'Europe/Berlin']) {
      const event = { ...requestIssue(formBody('zoe', tz)), action: tz === 'Europe/Paris' ? 'opened' : 'edited' };
      expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', event)).jobs.request!.succeeded).toBe(false);
    }
    const [first, again]: string[] = issueNumbered(w, 7).comments;
    expect(first).toContain('\n@andrew-gh: turn on Settings');
    expect(again).toContain('\n`@andrew-gh`: turn on Settings');
  });
});

/** Between two cycles: 2027-winter is opened but starts in January, and intake names no cohort. */
function openWinter(w: IssuesWorld): void {
  git(w.maintainer, 'pull', '-q', 'origin', 'main');
  mkdirSync(path.join(w.maintainer, 'cohorts/2027-winter'), { recursive: true });
  writeFileSync(path.join(w.maintainer, 'cohorts/2027-winter/cohort.yaml'), 'id: 2027-winter\nname: Winter 2027\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n  - person: ada\n    role: mentor\n    mentor: andrew\n');
  git(w.maintainer, 'add', 'cohorts/2027-winter');
  git(w.maintainer, 'commit', '-qm', 'open 2027-winter');
  git(w.maintainer, 'push', '-q', 'origin', 'HEAD:main');
}

describe("many request issues nobody answered, and GitHub's limit on comments (simulated)", { timeout: 180_000 }, () => {
  it('keeps the record of mentions when the notices hit the limit: the maintainers are told once, every requester hears once', () => {
    const w = issuesWorld();
    const numbers = [7, 8, 9, 10, 11];
    for (const n of numbers) addIssue(w, { number: n, labels: ['mentor-request'], body: formBody(`zoe${n}`), createdAt: '2026-11-20T18:00:00Z' });
    // GitHub's secondary limit on content: three writes go through (the comment, the body, one notice), then none for a while.
    updateState(w, (s) => (s.faults = [{ match: '^issue (comment|edit) ', skip: 3, times: 100, stderr: 'gh: HTTP 403: You have exceeded a secondary rate limit.\n' }]));
    let issue = attention(w);
    const mentions = issue.comments.length;
    expect(mentions).toBe(1);
    updateState(w, (s) => (s.faults = []));
    issue = attention(w);
    expect(issue.comments).toHaveLength(mentions);
    for (const n of numbers) expect(issueNumbered(w, n).comments, `#${n}`).toHaveLength(1);
    attention(w);
    for (const n of numbers) expect(issueNumbered(w, n).comments, `#${n}`).toHaveLength(1);
  });
});


describe("a request's pull request whose requester closed the issue (simulated)", { timeout: 180_000 }, () => {
  it('is not waiting: no maintainer is reminded to merge a request its requester withdrew', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], author: 'zoe-z', body: formBody('zoe'), state: 'closed', createdAt: '2026-11-19T13:00:00Z', comments: ['<!-- mentor:request -->\nThanks.\n\nPull request: https://github.com/learn-teach-code/mentorship/pull/12\n'] });
    addIssue(w, { number: 8, labels: ['mentor-request'], author: 'yan-y', body: formBody('yan'), createdAt: '2026-11-19T13:00:00Z', comments: ['<!-- mentor:request -->\nThanks.\n\nPull request: https://github.com/learn-teach-code/mentorship/pull/13\n'] });
    updateState(w, (s) => {
      s.prs.push({ number: 12, head: 'request/issue-7', title: 'Request: zoe', body: '<!-- mentor:for zoe-z NONE -->', createdAt: '2026-11-19T14:00:00Z' });
      s.prs.push({ number: 13, head: 'request/issue-8', title: 'Request: yan', body: '<!-- mentor:for yan-y NONE -->', createdAt: '2026-11-19T14:00:00Z' });
    });
    const issue = attention(w);
    expect(issue.body).toMatch(/^\| #13 \| 30 h \|/m);
    expect(issue.body).not.toMatch(/#12\b/);
    expect(issue.comments.join('\n')).not.toMatch(/#12\b/);
  });
});

describe('a claim the workflow could not make (simulated)', { timeout: 180_000 }, () => {
  it('tells the mentor it is not their comment, to let a maintainer know, and how to claim once it is fixed', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    // A merge gone wrong on main: mentor stops before it can answer.
    git(w.maintainer, 'pull', '-q', 'origin', 'main');
    writeFileSync(path.join(w.maintainer, 'mentor.config.yaml'), 'maintainers: [andrew-gh\n');
    git(w.maintainer, 'add', '-A');
    git(w.maintainer, 'commit', '-qm', 'a config cut short');
    git(w.maintainer, 'push', '-q', 'origin', 'HEAD:main');
    const job = runWorkflow(w, 'mentor-claim.yml', claimEvent(w, '/claim jon', 'linus-s')).jobs.claim!;
    expect(job.succeeded).toBe(false);
    const answer: string = issueNumbered(w, 3).comments.at(-1);
    expect(answer).not.toContain('a maintainer can see why');
    expect(answer).toContain('not in your comment');
    expect(answer).toContain('please let a maintainer know');
    expect(answer).toContain('write the `/claim` again');
  });
});

describe('a requester who closed their request, then asks again (simulated)', { timeout: 180_000 }, () => {
  it('takes the new request: they are not pointed at a request whose issue they closed and cannot edit into a run', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], author: 'zoe-z', body: formBody('zoe') });
    addIssue(w, { number: 9, labels: ['mentor-request'], author: 'zoe-z', body: formBody('zoe', 'Europe/Berlin') });
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!.succeeded).toBe(true);
    // Zoe closes #7 (she withdrew it); its pull request is still open. A week on she asks again.
    updateState(w, (s) => (s.issues.find((i: { number: number }) => i.number === 7).state = 'closed'));
    const again = requestIssue(formBody('zoe', 'Europe/Berlin'));
    again.issue.number = 9;
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', again)).jobs.request!.succeeded).toBe(true);
    const answer: string = issueNumbered(w, 9).comments.at(-1);
    expect(answer).not.toContain('You already have an open request');
    expect(answer).toMatch(/Pull request: https:\/\/\S+\/pull\/\d+/);
  });
});
