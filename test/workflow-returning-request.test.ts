import { describe, expect, it } from 'vitest';
import { git } from './helpers/github-world.js';
import { addIssue, formBody, issueEvent, issuesWorld, onMain, requestIssue, stateOf } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// A returning person (a person file from an earlier cycle, in no cohort now) asks for a mentor
// through the form. Until session 15 the form answered "you are registered; ask a maintainer": a
// dead end for a volunteer. Now the request is theirs: a pull request with their member file only,
// which the gate passes for them (a person may add themselves as a waiting member).

describe('a returning person asks for a mentor through the form (simulated)', { timeout: 180_000 }, () => {
  it('gets a pull request with their member file only, their person file kept, and a green gate', () => {
    const w = issuesWorld();
    onMain(w, { 'people/rex.yaml': 'id: rex\nname: Rex Ray\ngithub: rex-r\ntimezone: Europe/Madrid\n' }, 'rex, from an earlier cycle');
    addIssue(w, { number: 7, labels: ['mentor-request'], body: formBody('') });
    const event = requestIssue(formBody(''));
    event.issue.user.login = 'rex-r';
    const job = runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', event)).jobs.request!;
    expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    const files = git(w.origin, 'show', '--name-only', '--format=', 'refs/heads/request/issue-7').trim().split('\n');
    expect(files).toEqual(['cohorts/2026-fall/members/rex.yaml']);
    const s = stateOf(w);
    expect(s.statuses).toEqual([expect.objectContaining({ context: 'mentor/gate', state: 'success', sha: git(w.origin, 'rev-parse', 'refs/heads/request/issue-7').trim() })]);
    expect(s.issues[0].comments.at(-1)).toContain('You are registered already, as rex');
  });
});
