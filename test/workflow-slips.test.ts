import { describe, expect, it } from 'vitest';
import { git } from './helpers/github-world.js';
import { addIssue, claimEvent, issueEvent, issuesWorld, onMain, requestIssue, formBody, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// Requests that would slip through: an issue the request workflow never answered (its run failed,
// or GitHub was down), or answered only to say it is stuck. The attention workflow lists them and
// mentions the maintainers once. The world's "now" is 2026-11-20T12:00:00-08:00 (20:00 UTC).

const attention = (w: IssuesWorld) => {
  const job = runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
  expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
  return stateOf(w).issues.find((i: { labels: string[] }) => i.labels.includes('mentor-attention'));
};

describe('a request issue nobody answered (simulated)', { timeout: 180_000 }, () => {
  it('is listed on the attention issue and the maintainers are mentioned once, until the bot answers it', () => {
    const w = issuesWorld();
    // #7: 90 minutes old, no answer (the request workflow's run never came). #8: 15 minutes old,
    // its run may still be queued. #9: answered. #10: only a stranger wrote the bot's marker.
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-11-20T18:30:00Z' });
    addIssue(w, { number: 8, labels: ['mentor-request'], body: formBody('yan'), createdAt: '2026-11-20T19:45:00Z' });
    addIssue(w, { number: 9, labels: ['mentor-offer'], body: formBody('xia'), createdAt: '2026-11-19T10:00:00Z', comments: ['<!-- mentor:request -->\nThanks.\n\nPull request: https://github.com/learn-teach-code/mentorship/pull/90\n'] });
    addIssue(w, { number: 10, labels: ['mentor-offer'], body: formBody('wu'), createdAt: '2026-11-19T10:00:00Z', comments: [{ author: { login: 'mallory' }, body: '<!-- mentor:request -->\nAnswered, nothing to see.' }] });
    let issue = attention(w);
    const told = issue.comments.join('\n');
    expect(told).toMatch(/^- request issue #7, not taken in for 2 h: @andrew-gh \(maintainer: take it in or turn it down, as its issue says\)$/m);
    expect(told).toMatch(/^- request issue #10, not taken in for 34 h: @andrew-gh \(maintainer: take it in or turn it down, as its issue says\)$/m);
    expect(told).not.toMatch(/#8|#9\b/);
    expect(issue.body).toContain('## Requests not on the queue yet');
    expect(issue.body).toMatch(/^\| #7 \| 2 h \|/m);
    const comments = issue.comments.length;
    // The requester hears it too, with nothing to do; the issue stays listed (the answer says it is stuck).
    const request = (n: number) => stateOf(w).issues.find((i: { number: number }) => i.number === n);
    expect(request(7).comments).toEqual([`<!-- mentor:request -->\n<!-- mentor:stuck -->\nThanks. Your request is not on the queue yet, and only the organisers can take it on from here: they have been told, on #${issue.number}, and will answer here. You do not need to do anything.\n`]);
    expect(request(8).comments).toEqual([]);

    // The next hour: still unanswered, listed, nobody mentioned again.
    issue = attention(w);
    expect(issue.comments).toHaveLength(comments);
    expect(issue.body).toMatch(/^\| #7 \| 2 h \|/m);
    expect(request(7).comments).toHaveLength(1);

    // A maintainer re-ran the request workflow: it answered #7 and #10. They leave the issue.
    updateState(w, (s) => {
      for (const n of [7, 10]) s.issues.find((i: { number: number }) => i.number === n).comments.push('<!-- mentor:request -->\nThanks.\n\nPull request: https://github.com/learn-teach-code/mentorship/pull/91\n');
    });
    issue = attention(w);
    expect(issue.body).not.toContain('Requests not on the queue yet');
    expect(issue.comments).toHaveLength(comments);
  });

  it('lists a request the workflow made but GitHub would not open as a pull request, so a maintainer re-runs it', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-11-20T18:30:00Z' });
    updateState(w, (s) => (s.faults = [{ match: '^pr create' }]));
    const job = runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!;
    expect(job.succeeded).toBe(false);
    const answer: string = stateOf(w).issues[0].comments.at(-1);
    expect(answer).toContain('GitHub did not open its pull request just now');
    // The requester's issue cannot take the notice (locked since): the run still records the mention, so it is not repeated.
    updateState(w, (s) => (s.faults = [{ match: '^issue comment 7 ', times: 5 }]));
    let issue = attention(w);
    expect(issue.comments.join('\n')).toMatch(/^- request issue #7, not taken in for 2 h: @andrew-gh \(maintainer: take it in or turn it down, as its issue says\)$/m);
    const comments = issue.comments.length;
    issue = attention(w);
    expect(issue.comments).toHaveLength(comments);
  });
});

describe('a request the workflow could not read (simulated)', { timeout: 180_000 }, () => {
  it("tells the requester it is not their answers and they need do nothing, and is marked stuck for the attention issue", () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe') });
    // A merge gone wrong on main: mentor stops before it can answer.
    onMain(w, { 'cohorts/2026-fall/members': 'not a folder\n' }, 'a file where the members folder goes');
    const job = runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!;
    expect(job.succeeded).toBe(false);
    expect(stateOf(w).issues[0].comments).toEqual([
      "<!-- mentor:request -->\n<!-- mentor:stuck -->\n<!-- mentor:problem broken -->\nThanks. Your request could not be taken in just now, because of a problem on the side of the organisers, not in your answers. They will see it and answer here: you do not need to do anything.\n",
    ]);
    // The next attention run tells the maintainers.
    expect(attention(w).comments.join('\n')).toMatch(/^- request issue #7, not taken in for \d+ d \d+ h: @andrew-gh \(maintainer: take it in or turn it down, as its issue says\)$/m);
  });
});

describe('a request only the organisers can take in (simulated)', { timeout: 180_000 }, () => {
  it('stays on the attention issue, the maintainers reminded there, until it is taken in', () => {
    const w = issuesWorld();
    // Between two cycles: 2027-winter is opened but starts in January, and intake names no cohort.
    w.env.MENTOR_NOW = '2026-12-08T10:00:00-08:00';
    onMain(w, { 'cohorts/2027-winter/cohort.yaml': 'id: 2027-winter\nname: Winter 2027\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n  - person: ada\n    role: mentor\n    mentor: andrew\n' }, 'open 2027-winter');
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-12-08T18:00:00Z' });
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!.succeeded).toBe(true);
    expect(stateOf(w).issues[0].comments[0]).toContain('The organisers (@andrew-gh) have been told');
    // Two hours on, nobody has changed intake: the request is on the attention issue.
    w.env.MENTOR_NOW = '2026-12-08T12:00:00-08:00';
    const issue = attention(w);
    expect(issue.body).toMatch(/^\| #7 \| 2 h \|/m);
    expect(issue.comments.join('\n')).toMatch(/^- request issue #7, not taken in for 2 h: @andrew-gh \(maintainer: take it in or turn it down, as its issue says\)$/m);
  });
});

describe("a request's pull request a maintainer has not merged (simulated)", { timeout: 180_000 }, () => {
  it('is on the attention issue while it waits, and the maintainers are reminded once it has waited escalateAfterHours', () => {
    const w = issuesWorld();
    // Main has nobody waiting: the attention issue would be closed. Two requests wait for a merge: #12 for 30 h, #13 for 2 h.
    onMain(w, { 'cohorts/2026-fall/cohort.yaml': (text) => text.replace(/  - person: (cleo|jon)\n    role: mentee\n/g, '  - person: $1\n    role: mentee\n    mentor: linus\n') }, 'place everyone');
    updateState(w, (s) => {
      s.prs.push({ number: 12, head: 'request/issue-7', title: 'Request: zoe', body: '<!-- mentor:for zoe-z NONE -->', createdAt: '2026-11-19T14:00:00Z' });
      s.prs.push({ number: 13, head: 'request/issue-8', title: 'Request: yan', body: '<!-- mentor:for yan-y NONE -->', createdAt: '2026-11-20T18:00:00Z' });
      s.prs.push({ number: 14, head: 'request/issue-9', title: 'a fork', body: '', createdAt: '2026-11-01T18:00:00Z', fork: true });
    });
    let issue = attention(w);
    expect(issue.state).toBe('open');
    expect(issue.body).toContain('<!-- mentor:waiting 2 -->');
    expect(issue.body).toMatch(/^\| #12 \| 30 h \| a pull request waiting for a maintainer's merge \| @andrew-gh \(maintainer: merge it\) \|$/m);
    expect(issue.body).toMatch(/^\| #13 \| 2 h \| a pull request waiting for a maintainer's merge \| – \|$/m);
    expect(issue.body).not.toContain('#14');
    expect(issue.comments.join('\n')).toMatch(/^- request pull request #12, waiting 30 h for a merge: @andrew-gh \(maintainer: merge it\)$/m);
    expect(issue.comments.join('\n')).not.toContain('#13');
    // Nobody on the queue to claim: the comment asks for no /claim.
    expect(issue.comments.join('\n')).not.toContain('/claim');
    // Merged: the member is on main, and the pull request leaves the list.
    updateState(w, (s) => (s.prs[0].state = 'merged'));
    issue = attention(w);
    expect(issue.body).not.toContain('#12');
  });
});

describe('a claim made again (simulated)', { timeout: 180_000 }, () => {
  it('mentions the member once: not again for the same claim written twice, nor for a second mentor claiming them', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    for (const [comment, login] of [['/claim jon', 'linus-s'], ['/claim jon', 'linus-s'], ['/claim jon', 'grace-h']] as const) {
      const job = runWorkflow(w, 'mentor-claim.yml', claimEvent(w, comment, login)).jobs.claim!;
      expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    }
    const [first, again, other]: string[] = stateOf(w).issues[0].comments;
    expect(first).toContain('@jon-b: linus has offered to mentor you.');
    const linus = stateOf(w).prs.find((pr: { head: string }) => pr.head === 'claim/2026-fall/jon@linus-s').number;
    for (const answer of [again!, other!]) {
      expect(answer).not.toMatch(/@jon-b/);
      expect(answer).toContain('jon was told of an open claim already');
      expect(answer).toMatch(/\nPull request: https:\/\/github\.com\/\S+\n?$/);
    }
    expect(again).toContain(`/pull/${linus})`);
    expect(stateOf(w).prs).toHaveLength(2);
  });

  it('says nothing of telling a member who has no GitHub handle to mention', () => {
    const w = issuesWorld();
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    onMain(w, { 'people/jon.yaml': 'id: jon\nname: Jon B\ntimezone: America/New_York\nskills: [html]\n' }, 'jon has no handle');
    for (let run = 0; run < 2; run++) expect(runWorkflow(w, 'mentor-claim.yml', { ...claimEvent(w, '/claim jon', 'linus-s'), sha: git(w.origin, 'rev-parse', 'main').trim() }).jobs.claim!.succeeded).toBe(true);
    const answers: string[] = stateOf(w).issues[0].comments;
    expect(answers).toHaveLength(2);
    for (const answer of answers) expect(answer).not.toMatch(/was told|@jon/);
  });
});

describe("a request's pull request when the gate cannot judge it, then its issue is edited (simulated)", { timeout: 180_000 }, () => {
  it('mentions the maintainers when check-pr stops without a verdict, and the description follows the verdict of the last run', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    // An author_association not shaped like GitHub's: check-pr refuses it (exit 2), standing for any run of check-pr that stops without a verdict.
    const odd = requestIssue(formBody('zoe'));
    (odd.issue as { author_association: string }).author_association = 'Sponsor';
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', odd)).jobs.request!.succeeded).toBe(true);
    let s = stateOf(w);
    expect(s.statuses.at(-1)).toMatchObject({ context: 'mentor/gate', state: 'error' });
    expect(s.prs[0].body).toMatch(/\n@andrew-gh: the gate could not judge it for @zoe-z \(`node \.mentor\/mentor\.mjs check-pr --base [0-9a-f]{40} --head [0-9a-f]{40} --author zoe-z` stopped with an error: the run of this workflow shows it\)\. It counts once merged, and only a maintainer can merge it\.\n/);

    const edited = { ...requestIssue(formBody('zoe', 'Europe/Berlin')), action: 'edited' };
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', edited)).jobs.request!.succeeded).toBe(true);
    s = stateOf(w);
    expect(s.prs).toHaveLength(1);
    expect(s.statuses.at(-1)).toMatchObject({ context: 'mentor/gate', state: 'success' });
    expect(s.prs[0].body).toContain('\n@andrew-gh: the gate passed it for @zoe-z. It counts once merged, and only a maintainer can merge it.\n');
    expect(s.prs[0].body).not.toContain('could not judge');
  });
});

describe('members carried into the next cycle with no request date (simulated)', { timeout: 300_000 }, () => {
  it('are to be placed before the start, then wait from the start: mentors with room are asked, and the maintainers once overdue', () => {
    const w = issuesWorld();
    // `mentor next` opened 2027-winter (it starts Monday 2027-01-04) with bob carried over, placed nowhere yet.
    onMain(w, { 'cohorts/2027-winter/cohort.yaml': 'id: 2027-winter\nname: Winter 2027\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n  - person: ada\n    role: mentor\n    mentor: andrew\n  - person: bob\n    role: mentee\n' }, 'open 2027-winter');
    // December: no request waits; bob is for `mentor assign` before the start, not a request on the queue.
    w.env.MENTOR_NOW = '2026-12-08T10:00:00-08:00';
    expect(attention(w)).toBeUndefined();
    // Tuesday of the first week: 34 h without a mentor since the start, past the 24 h after which mentors with room are asked.
    w.env.MENTOR_NOW = '2027-01-05T10:00:00-08:00';
    let issue = attention(w);
    expect(issue.body).toMatch(/^\| 1 \| bob \(mentee\) \| 34 h since the start \| 14 h left \|/m);
    expect(issue.comments.at(-1)).toContain('- bob in 2027-winter, waiting 34 h since the start: @ada-l (has room)\n');
    // Wednesday: 58 h, past the 48 h promise: the maintainers are told.
    w.env.MENTOR_NOW = '2027-01-06T10:00:00-08:00';
    issue = attention(w);
    expect(issue.comments.at(-1)).toContain('- bob in 2027-winter, overdue (waited 2 d 10 h since the start, promise 48 h): @andrew-gh (maintainer)');
    const overdue = runWorkflow(w, 'mentor-overdue.yml', issueEvent(w, 'schedule', {})).jobs.overdue!;
    expect(overdue.succeeded).toBe(false);
    expect(overdue.steps.at(-1)!.stderr).toContain('bob (2027-winter)');
  });
});
