import { describe, expect, it } from 'vitest';
import { addIssue, formBody, issueEvent, issuesWorld, onMain, requestIssue, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// What a volunteer reads on their "become a mentor" issue (label mentor-offer) when it is not taken
// in at once: their offer to mentor, never "your request" (they asked for nothing), with what
// happens next and whether they have anything to do. The world's "now" is 2026-11-20T12:00:00-08:00.

/** The "become a mentor" form's body: the request form's, and the skills a mentor teaches. */
const offerBody = (id: string) => `${formBody(id)}\n\n### Skills you can teach\n\nreact`;
const offerIssue = (body: string) => {
  const event = requestIssue(body);
  event.issue.labels = [{ name: 'mentor-offer' }];
  return event;
};
const answersOn = (w: IssuesWorld, n: number): string[] => stateOf(w).issues.find((i: { number: number }) => i.number === n).comments;
const attention = (w: IssuesWorld) => {
  const job = runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
  expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
};

describe('an offer to mentor the request workflow could not read (simulated)', { timeout: 180_000 }, () => {
  it('tells the volunteer their offer (not a request) waits on the organisers, with nothing for them to do', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-offer'], body: offerBody('zoe') });
    // A merge gone wrong on main: mentor cannot read the config, so it stops before it can answer.
    onMain(w, { 'mentor.config.yaml': (text) => `${text}timezone: [\n` }, 'a broken config');
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', offerIssue(offerBody('zoe')))).jobs.request!.succeeded).toBe(false);
    expect(answersOn(w, 7)).toEqual([
      '<!-- mentor:request -->\n<!-- mentor:stuck -->\n<!-- mentor:problem broken -->\nThanks. Your offer to mentor could not be taken in just now, because of a problem on the side of the organisers, not in your answers. They will see it and answer here: you do not need to do anything.\n',
    ]);
  });

  it('says "your offer to mentor" when GitHub did not open its pull request', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-offer'], body: offerBody('zoe') });
    updateState(w, (s) => (s.faults = [{ match: '^pr create' }]));
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', offerIssue(offerBody('zoe')))).jobs.request!.succeeded).toBe(false);
    expect(answersOn(w, 7).at(-1)).toContain('Thanks: your offer to mentor is ready, on branch `request/issue-7`, but GitHub did not open its pull request just now.');
  });
});

describe('an offer to mentor nobody answered (simulated)', { timeout: 180_000 }, () => {
  it('is told, once, that the organisers take it on from here, in words for an offer', () => {
    const w = issuesWorld();
    addIssue(w, { number: 10, labels: ['mentor-offer'], body: offerBody('wu'), createdAt: '2026-11-19T10:00:00Z' });
    attention(w);
    const [told] = answersOn(w, 10);
    expect(told).toMatch(/^Thanks\. Your offer to mentor is not taken in yet, and only the organisers can take it on from here: they have been told, on #\d+, and will answer here\. You do not need to do anything\.$/m);
    expect(told).not.toMatch(/your request/i);
  });
});

describe('an offer to mentor whose answer GitHub refused, its pull request open (simulated)', { timeout: 180_000 }, () => {
  it('gets the lost answer, in words for an offer', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-offer'], body: offerBody('zoe'), createdAt: '2026-11-19T13:50:00Z' });
    updateState(w, (s) => (s.faults = [{ match: '^issue comment 7 ' }]));
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', offerIssue(offerBody('zoe')))).jobs.request!.succeeded).toBe(false);
    const pr = stateOf(w).prs[0].number;
    attention(w);
    expect(answersOn(w, 7)).toEqual([`<!-- mentor:request -->\nThanks: your offer to mentor is ready, as a pull request: https://github.com/learn-teach-code/mentorship/pull/${pr}. It counts once a maintainer merges it; you do not need to do anything.\n`]);
  });
});

describe('a second offer to mentor from the same volunteer (simulated)', { timeout: 180_000 }, () => {
  it('points them at the first, calling it their offer', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-offer'], body: offerBody('zoe') });
    addIssue(w, { number: 8, labels: ['mentor-offer'], body: offerBody('zoe') });
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', offerIssue(offerBody('zoe')))).jobs.request!.succeeded).toBe(true);
    const second = offerIssue(offerBody('zoe'));
    second.issue.number = 8;
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', second)).jobs.request!.succeeded).toBe(true);
    expect(answersOn(w, 8).at(-1)).toContain('Thanks. You already have an open offer to mentor: https://github.com/');
  });
});
