import { describe, expect, it } from 'vitest';
import { branchSha } from './helpers/github-world.js';
import { addIssue, issueEvent, issuesWorld, onMain, requestIssue, formBody, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// A request's pull request after it is opened, as the attention issue shows it to the maintainers.
// The world's "now" is 2026-11-20T12:00:00-08:00 (20:00 UTC).

const attention = (w: IssuesWorld) => {
  const job = runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
  expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
  return stateOf(w).issues.find((i: { labels: string[] }) => i.labels.includes('mentor-attention'));
};

/** zoe's request issue #7 turned into a pull request by the request workflow, opened 30 h ago; main has nobody else waiting. */
function zoeRequested(): { w: IssuesWorld; pr: number; head: string } {
  const w = issuesWorld();
  onMain(w, { 'cohorts/2026-fall/cohort.yaml': (text) => text.replace(/  - person: (cleo|jon)\n    role: mentee\n/g, '  - person: $1\n    role: mentee\n    mentor: linus\n') }, 'place everyone');
  addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-11-19T13:50:00Z' });
  expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!.succeeded).toBe(true);
  updateState(w, (s) => (s.prs[0].createdAt = '2026-11-19T14:00:00Z'));
  return { w, pr: stateOf(w).prs[0].number, head: branchSha(w, 'request/issue-7') };
}

/** The gate judges the pull request's head again (a maintainer's review, main moved on): its verdict. */
const gateSays = (w: IssuesWorld, head: string, state: string) => updateState(w, (s) => s.statuses.push({ sha: head, context: 'mentor/gate', state, description: 'Judged again' }));

describe("a request's pull request the gate did not pass (simulated)", { timeout: 180_000 }, () => {
  it('is listed with what is wrong and who sets it right, and nobody is asked to merge it', () => {
    const { w, pr, head } = zoeRequested();
    gateSays(w, head, 'failure');
    const issue = attention(w);
    const row = new RegExp(`^\\| #${pr} \\| 30 h \\| (.*) \\| (.*) \\|$`, 'm').exec(issue.body);
    expect(row, issue.body).not.toBeNull();
    expect(row![1]).not.toMatch(/merge/);
    expect(row![1]).toBe('the gate did not pass its pull request: see why there');
    expect(row![2]).toMatch(/^@andrew-gh \(maintainer: /);
    expect(row![2]).not.toMatch(/merge/);
    const told: string = issue.comments.join('\n');
    expect(told).toMatch(new RegExp(`^- request pull request #${pr}, which the gate did not pass, waiting 30 h: @andrew-gh \\(maintainer: `, 'm'));
    expect(told).not.toMatch(/merge it/);
    // What to do is said under the table: the requester edits the issue, or a maintainer approves or closes it.
    expect(issue.body).toMatch(/did not pass[^\n]*they edit the issue[^\n]*approve the pull request/);
  });

  it('says the gate could not judge it when its verdict is an error', () => {
    const { w, pr, head } = zoeRequested();
    gateSays(w, head, 'error');
    const issue = attention(w);
    const row = new RegExp(`^\\| #${pr} \\| 30 h \\| (.*) \\| (.*) \\|$`, 'm').exec(issue.body);
    expect(row![1]).toBe('the gate could not judge its pull request: see why there');
    expect(row![1]).not.toMatch(/merge/);
  });

  it('still asks for a merge once the gate has passed it', () => {
    const { w, pr } = zoeRequested();
    const issue = attention(w);
    expect(issue.body).toMatch(new RegExp(`^\\| #${pr} \\| 30 h \\| a pull request waiting for a maintainer's merge \\| @andrew-gh \\(maintainer: merge it\\) \\|$`, 'm'));
  });
});

describe("a request's pull request whose gate turns red after the maintainers were asked to merge it (simulated)", { timeout: 180_000 }, () => {
  it('tells them once of the new problem, and not again the next hour', () => {
    const { w, pr, head } = zoeRequested();
    let issue = attention(w);
    expect(issue.comments.join('\n')).toMatch(new RegExp(`^- request pull request #${pr}, waiting 30 h for a merge: @andrew-gh \\(maintainer: merge it\\)$`, 'm'));
    const before = issue.comments.length;
    gateSays(w, head, 'failure');
    issue = attention(w);
    expect(issue.comments).toHaveLength(before + 1);
    expect(issue.comments.at(-1)).toMatch(new RegExp(`^- request pull request #${pr}, which the gate did not pass, waiting 30 h: @andrew-gh \\(maintainer: see why the gate did not pass it\\)$`, 'm'));
    issue = attention(w);
    expect(issue.comments).toHaveLength(before + 1);
  });
});

describe('a request whose pull request was opened but whose answer GitHub refused (simulated)', { timeout: 180_000 }, () => {
  it('is listed once, as its pull request, and its requester gets the answer that was lost, once', () => {
    const w = issuesWorld();
    onMain(w, { 'cohorts/2026-fall/cohort.yaml': (text) => text.replace(/  - person: (cleo|jon)\n    role: mentee\n/g, '  - person: $1\n    role: mentee\n    mentor: linus\n') }, 'place everyone');
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe'), createdAt: '2026-11-19T13:50:00Z' });
    updateState(w, (s) => (s.faults = [{ match: '^issue comment 7 ' }]));
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!.succeeded).toBe(false);
    updateState(w, (s) => (s.prs[0].createdAt = '2026-11-19T14:00:00Z'));
    const pr = stateOf(w).prs[0].number;
    expect(stateOf(w).issues[0].comments).toEqual([]);
    let issue = attention(w);
    expect(issue.body).toContain('<!-- mentor:waiting 1 -->');
    expect(issue.body).toMatch(new RegExp(`^\\| #${pr} \\| 30 h \\| a pull request waiting for a maintainer's merge \\| @andrew-gh \\(maintainer: merge it\\) \\|$`, 'm'));
    expect(issue.body).not.toMatch(/^\| #7 \|/m);
    expect(issue.comments.join('\n')).not.toContain('request issue #7');
    const answers = () => stateOf(w).issues.find((i: { number: number }) => i.number === 7).comments as string[];
    expect(answers()).toEqual([`<!-- mentor:request -->\nThanks: your request is ready, as a pull request: https://github.com/learn-teach-code/mentorship/pull/${pr}. It counts once a maintainer merges it; you do not need to do anything.\n`]);
    issue = attention(w);
    expect(answers()).toHaveLength(1);
    expect(issue.body).not.toMatch(/^\| #7 \|/m);
  });
});

describe('a request stuck again for another reason (simulated)', { timeout: 240_000 }, () => {
  it('mentions the maintainers once for each new problem, saying which, and not again the next hour', () => {
    const w = issuesWorld();
    // Between two cycles: 2027-winter is opened but starts in January, and intake names no cohort.
    w.env.MENTOR_NOW = '2026-12-08T10:00:00-08:00';
    onMain(w, { 'cohorts/2027-winter/cohort.yaml': 'id: 2027-winter\nname: Winter 2027\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n  - person: ada\n    role: mentor\n    mentor: andrew\n' }, 'open 2027-winter');
    addIssue(w, { number: 7, labels: ['mentor-request'], author: 'zoe-z', body: formBody('zoe'), createdAt: '2026-12-08T15:00:00Z' });
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', requestIssue(formBody('zoe')))).jobs.request!.succeeded).toBe(true);
    let issue = attention(w);
    expect(issue.comments.at(-1)).toMatch(/^- request issue #7, not taken in for 3 h: @andrew-gh \(maintainer: take it in or turn it down, as its issue says\)\n  - stuck: no cohort takes it in$/m);
    const told = issue.comments.length;
    // A maintainer sets intake; zoe edits her issue, and now the repository does not let the workflow open its pull request.
    onMain(w, { 'mentor.config.yaml': (text) => `${text}\nintake:\n  cohort: 2027-winter\n` }, 'take requests into 2027-winter');
    updateState(w, (s) => (s.refusePullRequests = true));
    const edited = { ...requestIssue(formBody('zoe', 'Europe/Berlin')), action: 'edited' };
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', edited)).jobs.request!.succeeded).toBe(false);
    // Its answer shows the maintainers as code (they were mentioned on this issue): the attention issue tells them.
    expect(stateOf(w).issues[0].comments.at(-1)).toContain('`@andrew-gh`: turn on Settings');
    issue = attention(w);
    expect(issue.comments).toHaveLength(told + 1);
    expect(issue.comments.at(-1)).toMatch(/^- request issue #7, not taken in for 3 h: @andrew-gh \(maintainer: take it in or turn it down, as its issue says\)\n  - stuck: Actions may not open pull requests$/m);
    issue = attention(w);
    expect(issue.comments).toHaveLength(told + 1);
  });
});

describe("a maintainer's own words on a request's pull request (simulated)", { timeout: 180_000 }, () => {
  it('are kept when the request workflow runs again: it rewrites only its own part, above its marker', () => {
    const { w } = zoeRequested();
    // Written in the browser (GitHub keeps its CRLF line ends), below the workflow's part.
    updateState(w, (s) => (s.prs[0].body = `${s.prs[0].body.replace(/\n/g, '\r\n')}\r\nMerging after Thursday's call. -- andrew\r\n`));
    const edited = { ...requestIssue(formBody('zoe', 'Europe/Berlin')), action: 'edited' };
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', edited)).jobs.request!.succeeded).toBe(true);
    const body: string = stateOf(w).prs[0].body;
    expect(body).toMatch(/^<!-- mentor:for zoe-z FIRST_TIMER -->\n/);
    expect(body).toContain("\nMerging after Thursday's call. -- andrew\n");
    expect(body.match(/the gate passed it/g)).toHaveLength(1);
    expect(body.match(/Merging after/g)).toHaveLength(1);
    // Again: the same description, not one growing by a line each run.
    const again = { ...requestIssue(formBody('zoe', 'Europe/Madrid')), action: 'edited' };
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', again)).jobs.request!.succeeded).toBe(true);
    expect(stateOf(w).prs[0].body).toBe(body);
    expect(body).toMatch(/-- andrew\n$/);
  });

  it('are left as they are where the marker was taken out: nothing tells the workflow which part is its own', () => {
    const { w } = zoeRequested();
    updateState(w, (s) => (s.prs[0].body = '<!-- mentor:for zoe-z FIRST_TIMER -->\nRewritten by andrew: see the call notes.\n'));
    const edited = { ...requestIssue(formBody('zoe', 'Europe/Berlin')), action: 'edited' };
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', edited)).jobs.request!.succeeded).toBe(true);
    expect(stateOf(w).prs[0].body).toBe('<!-- mentor:for zoe-z FIRST_TIMER -->\nRewritten by andrew: see the call notes.\n');
  });
});

describe('a request from an author_association GitHub has added since the runner was built (simulated)', { timeout: 180_000 }, () => {
  it('is judged as the least access, passes as any newcomer, and the gate does not stop with an error', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe') });
    const sponsor = requestIssue(formBody('zoe'));
    (sponsor.issue as { author_association: string }).author_association = 'SPONSOR';
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', sponsor)).jobs.request!.succeeded).toBe(true);
    const s = stateOf(w);
    expect(s.statuses.at(-1)).toMatchObject({ context: 'mentor/gate', state: 'success' });
    expect(s.prs[0].body).toMatch(/^<!-- mentor:for zoe-z SPONSOR -->\n/);
    expect(s.prs[0].body).toContain('\n@andrew-gh: the gate passed it for @zoe-z.');
  });
});

describe("a request whose pull request the gate does not pass as it opens (simulated)", { timeout: 180_000 }, () => {
  it('tells the requester, in their answer, that it waits for a maintainer and whether they have anything to do', () => {
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('zoe') });
    // check-pr stops without a verdict (an association not shaped like GitHub's stands for any such stop).
    const odd = requestIssue(formBody('zoe'));
    (odd.issue as { author_association: string }).author_association = 'Sponsor';
    expect(runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', odd)).jobs.request!.succeeded).toBe(true);
    const answer: string = stateOf(w).issues[0].comments.at(-1);
    expect(answer).toContain('The gate could not judge it just now');
    expect(answer).toContain('you do not need to do anything');
    expect(answer).toMatch(/\nPull request: https:\/\/github\.com\/\S+\n?$/);
  });
});
