import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/github-world.js';
import { addIssue, claimEvent, formBody, issueEvent, issuesWorld, requestIssue, stateOf, updateState, type IssuesWorld } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// The organiser's season on a simulated GitHub: the workflows `mentor init` writes, run over weeks
// of simulated time (MENTOR_NOW moved forward) on the example program, whose 2026-fall runs
// 2026-09-07 to Sunday 2026-11-29. What the organiser reads at the edges of a cycle.

/** A maintainer's commit on main, pushed: each file's new text from its text now ('' when it is new). */
function onMain(w: IssuesWorld, files: Record<string, (text: string) => string>, message: string): void {
  git(w.maintainer, 'pull', '-q', 'origin', 'main');
  for (const [file, change] of Object.entries(files)) {
    const target = path.join(w.maintainer, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, change(existsSync(target) ? readFileSync(target, 'utf8') : ''));
  }
  git(w.maintainer, 'add', '-A');
  git(w.maintainer, 'commit', '-qm', message);
  git(w.maintainer, 'push', '-q', 'origin', 'HEAD:main');
}

describe('a request between two cycles (simulated)', { timeout: 300_000 }, () => {
  it('tells the organisers it mentions what to change, and the re-run it names then takes the request into the next cohort', () => {
    const w = issuesWorld();
    w.env.MENTOR_NOW = '2026-12-08T10:00:00-08:00';
    // The next cycle is opened (mentor next) but starts in January: no cohort runs today.
    onMain(w, { 'cohorts/2027-winter/cohort.yaml': () => 'id: 2027-winter\nname: Winter 2027\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n  - person: ada\n    role: mentor\n    mentor: andrew\n' }, 'open 2027-winter');
    addIssue(w, { number: 7, labels: ['mentor-request'], body: '' });
    const opened = issueEvent(w, 'issues', requestIssue(formBody('zoe')));
    expect(runWorkflow(w, 'mentor-request.yml', opened).jobs.request!.succeeded).toBe(true);
    const answer: string = stateOf(w).issues[0].comments.at(-1);
    expect(answer).toContain('No cohort is taking requests right now. The organisers (@andrew-gh) have been told');
    expect(answer).toContain('For the organisers: No cohort is running today. Set intake.cohort in mentor.config.yaml to the cohort that takes requests: 2027-winter \\(starts 2027-01-04\\). Then re-run the workflow run that answered here (Actions tab), and it takes this request.');
    expect(stateOf(w).prs).toEqual([]);

    // The organiser does what it says, and re-runs that run.
    onMain(w, { 'mentor.config.yaml': (text) => `${text}\nintake:\n  cohort: 2027-winter\n` }, 'requests go to 2027-winter');
    const rerun = runWorkflow(w, 'mentor-request.yml', { ...opened, sha: git(w.origin, 'rev-parse', 'refs/heads/main').trim() }).jobs.request!;
    expect(rerun.succeeded, rerun.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    expect(stateOf(w).prs.map((pr: { head: string }) => pr.head)).toEqual(['request/issue-7']);
    expect(git(w.origin, 'show', '--name-only', '--format=', 'refs/heads/request/issue-7').trim().split('\n')).toEqual(['cohorts/2027-winter/members/zoe.yaml', 'people/zoe.yaml']);
  });
});

describe('the daily overdue run (simulated)', { timeout: 300_000 }, () => {
  it('fails while a request is overdue, and its last lines say who and what places them', () => {
    const w = issuesWorld();
    w.env.MENTOR_NOW = '2026-11-24T10:00:00-08:00';
    const job = runWorkflow(w, 'mentor-overdue.yml', issueEvent(w, 'schedule', {})).jobs.overdue!;
    expect(job.succeeded).toBe(false);
    expect(job.steps.at(-1)!.stderr).toBe('mentor: 1 request for a mentor is overdue: cleo (2026-fall).\n  Place it: node .mentor/mentor.mjs assign 2026-fall --commit (then merge its pull request), or a mentor comments /claim <member> on the attention issue.\n');
  });
});

describe('the end of a cohort with requests still waiting (simulated)', { timeout: 300_000 }, () => {
  it('closes the attention issue naming who was never placed and the command that carries them on, and the overdue run says the same, not "overdue"', () => {
    const w = issuesWorld();
    const schedule = () => runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
    // Tuesday of the cohort's last week: cleo overdue, jon waiting; the issue is open.
    w.env.MENTOR_NOW = '2026-11-24T10:00:00-08:00';
    expect(schedule().succeeded).toBe(true);
    expect(stateOf(w).issues[0].state).toBe('open');
    // The Monday after its last Sunday: nobody can be placed in 2026-fall any more.
    w.env.MENTOR_NOW = '2026-11-30T10:00:00-08:00';
    expect(schedule().succeeded).toBe(true);
    const issue = stateOf(w).issues[0];
    expect(issue.state).toBe('closed');
    expect(issue.body).toContain('<!-- mentor:waiting 0 -->');
    expect(issue.body).toContain('## Never placed in Fall 2026 web cohort (2026-fall), which ended 2026-11-29\n\ncleo (mentee, waited 9 d 9 h), jon (mentee, waited 7 d 6 h): the cohort ended before they had a mentor. `node .mentor/mentor.mjs next 2026-fall <next-cohort> --start <date>` carries them into the next cycle.');
    expect(issue.comments.at(-1)).toBe('Nobody is waiting for a mentor in a cohort that has not finished. A cohort that has just finished never placed some who asked: this issue lists them, with the command that carries them into the next cycle.');
    // The daily overdue run is green (nobody can be placed there), and its log says what it is.
    const overdue = runWorkflow(w, 'mentor-overdue.yml', issueEvent(w, 'schedule', {})).jobs.overdue!;
    expect(overdue.succeeded).toBe(true);
    const said = overdue.steps.at(-1)!.stdout;
    expect(said).not.toContain('Overdue requests');
    expect(said).toContain('! Never placed: the cohort ended 2026-11-29 before they had a mentor (2)\n    cleo (mentee) has waited 9 d 9 h, asked for ada\n    jon (mentee) has waited 7 d 6 h\n    Carry them into the next cycle: node .mentor/mentor.mjs next 2026-fall <next-cohort> --start <date>\n');
  });

  it('answers a /claim of someone the cohort never placed with the way on, not a --cohort the comment cannot give', () => {
    const w = issuesWorld();
    w.env.MENTOR_NOW = '2026-11-30T10:00:00-08:00';
    addIssue(w, { number: 3, labels: ['mentor-attention'], body: '' });
    expect(runWorkflow(w, 'mentor-claim.yml', claimEvent(w, '/claim jon', 'linus-s')).jobs.claim!.succeeded).toBe(true);
    const answer: string = stateOf(w).issues[0].comments.at(-1);
    expect(answer).toContain('Cannot claim jon: jon is a member only of 2026-fall, which has ended. Nobody waits there any more: the organisers carry jon into the next cycle \\(node .mentor/mentor.mjs next\\), where jon can be claimed;');
    expect(stateOf(w).prs).toEqual([]);
  });

  it('says where each is once the next cycle is opened with them, and closes with the plain words when nobody was left behind', () => {
    const w = issuesWorld();
    w.env.MENTOR_NOW = '2026-11-24T10:00:00-08:00';
    runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {}));
    w.env.MENTOR_NOW = '2026-11-30T10:00:00-08:00';
    // The organiser opened the next cycle with both, before the first run of the week.
    onMain(w, { 'cohorts/2027-winter/cohort.yaml': () => 'id: 2027-winter\nname: Winter 2027\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n  - person: ada\n    role: mentor\n    mentor: andrew\n  - person: cleo\n    role: mentee\n    mentor: ada\n  - person: jon\n    role: mentee\n    mentor: ada\n' }, 'open 2027-winter');
    runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {}));
    const issue = stateOf(w).issues[0];
    expect(issue.state).toBe('closed');
    expect(issue.body).toContain('cleo (mentee, waited 9 d 9 h, now in 2027-winter), jon (mentee, waited 7 d 6 h, now in 2027-winter): the cohort ended before they had a mentor.\n');
    expect(issue.body).not.toContain('carries them');
    expect(issue.comments.at(-1)).toBe('Nobody is waiting for a mentor.');
  });
});

describe('a claim waiting for its merge (simulated)', { timeout: 300_000 }, () => {
  it('shows the member claimed on the attention issue and asks no mentor to claim them again; the maintainers are asked to merge once it is overdue', () => {
    const w = issuesWorld();
    const schedule = () => {
      const job = runWorkflow(w, 'mentor-attention.yml', issueEvent(w, 'schedule', {})).jobs.attention!;
      expect(job.succeeded, job.steps.map((s) => s.stderr).join('')).toBe(true);
      return stateOf(w).issues[0];
    };
    // Monday 08:00: jon has waited 14 h, under the 24 h after which mentors with room are asked.
    w.env.MENTOR_NOW = '2026-11-23T08:00:00-08:00';
    const issue = schedule();
    const claim = claimEvent(w, '/claim jon', 'linus-s');
    (claim.payload as { issue: { number: number } }).issue.number = issue.number;
    expect(runWorkflow(w, 'mentor-claim.yml', claim).jobs.claim!.succeeded).toBe(true);
    const pr = stateOf(w).prs[0].number;
    // A day on, the claim's pull request still open: jon is shown claimed, and nobody is asked to claim him.
    w.env.MENTOR_NOW = '2026-11-24T08:00:00-08:00';
    let now = schedule();
    const jonRow = (body: string) => body.split('\n').find((line) => line.startsWith('| 2 | jon'))!;
    expect(jonRow(now.body)).toBe(`| 2 | jon (mentee) | 38 h | 11 h left; claimed in #${pr} by linus-s, to merge | node, python | – |`);
    expect(now.comments.join('\n')).not.toMatch(/@grace-h|@linus-s/);
    // Overdue: the maintainers are told, with the pull request that places him.
    w.env.MENTOR_NOW = '2026-11-25T08:00:00-08:00';
    now = schedule();
    expect(now.comments.at(-1)).toContain(`- jon in 2026-fall, overdue (waited 2 d 14 h, promise 48 h), claimed in #${pr} by linus-s, to merge: @andrew-gh (maintainer)`);
    expect(now.comments.join('\n')).not.toMatch(/@grace-h|@linus-s/);
    // The pull request is closed without a merge: jon is on the queue for every mentor with room again.
    updateState(w, (s) => (s.prs[0].state = 'closed'));
    now = schedule();
    expect(jonRow(now.body)).not.toContain('claimed');
    expect(now.comments.at(-1)).toContain('- jon in 2026-fall, overdue (waited 2 d 14 h, promise 48 h): @grace-h (has room and a wanted skill), @linus-s (has room and a wanted skill)');
  });
});
