import { describe, expect, it } from 'vitest';
import { addIssue, formBody, issueEvent, issuesWorld, requestIssue, stateOf } from './helpers/issues-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// The Become a mentor form with fewer hours than one mentee takes, through the request workflow
// (simulated): the offer would wait as a mentor with no room, so it is answered on the issue instead.

describe('an offer to mentor from the form with 3 hours a week (simulated)', { timeout: 180_000 }, () => {
  it('opens no pull request and answers on the issue with the hours one mentee takes', () => {
    const body = `${formBody('zoe')}\n\n### Skills you can teach\n\nreact\n\n### Hours a week you can give\n\n3`;
    const w = issuesWorld();
    addIssue(w, { number: 7, labels: ['mentor-offer'], body });
    const event = requestIssue(body);
    event.issue.labels = [{ name: 'mentor-offer' }];
    runWorkflow(w, 'mentor-request.yml', issueEvent(w, 'issues', event));
    const s = stateOf(w);
    expect(s.prs).toEqual([]);
    expect(s.issues[0].comments.at(-1)).toContain("Your offer to mentor cannot be taken yet:\n\n- 3 hours a week is less than a mentor's plan with one mentee in cohort 2026-fall \\(5 h: 4 h, and 1 h more per mentee\\): give at least 5 hours, or leave the hours empty.\n\nEdit the issue to fix it");
  });
});
