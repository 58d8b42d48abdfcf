import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/github-world.js';
import { addIssue, formBody, issueEvent, issuesWorld, requestIssue, stateOf, type IssuesWorld } from './helpers/issues-world.js';
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
