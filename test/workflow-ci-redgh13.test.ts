import { describe, expect, it } from 'vitest';
import { commitIn, githubWorld, openPullRequest, pullRequestEvent } from './helpers/github-world.js';
import { runWorkflow } from './helpers/workflow-sim.js';

// Red team of session 13's check of every committed report (redgh13): mentor.yml's job `generated`.

describe('mentor.yml and a report a pull request writes that cannot be made', { timeout: 180_000 }, () => {
  it("says why mentor cannot make it, not to regenerate it with a command that refuses", () => {
    const world = githubWorld();
    // A week before the cohort starts, and a cohort that does not exist, written by hand.
    commitIn(world.maintainer, 'reports', { 'reports/2026-fall/2026-W30.md': '# old\n', 'reports/gone/2026-W46.md': '# gone\n' });
    const pr = openPullRequest(world, world.maintainer, { number: 4, author: 'andrew-gh' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['generated']).jobs.generated!;
    expect(job.succeeded).toBe(false);
    const errors = job.commands.filter((c) => c.command === 'error');
    expect(errors.map((c) => c.properties)).toEqual(['file=reports/2026-fall/2026-W30.md', 'file=reports/gone/2026-W46.md']);
    for (const error of errors) {
      expect(error.message).not.toContain('Regenerate it');
      expect(error.message).toMatch(/cannot be made: .+\. Fix that, or delete the report/);
    }
    expect(errors[0]!.message).toContain('2026-W30 is outside cohort 2026-fall');
  });
});

describe('mentor.yml on a pull request whose config cannot be read', { timeout: 180_000 }, () => {
  it('fails with mentor saying why, and does not call CODEOWNERS, the schemas and the forms stale', () => {
    const world = githubWorld();
    commitIn(world.maintainer, 'config', { 'mentor.config.yaml': 'program: x\ntimezone: [\n' });
    const pr = openPullRequest(world, world.maintainer, { number: 5, author: 'andrew-gh' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['generated']).jobs.generated!;
    expect(job.succeeded).toBe(false);
    expect(job.commands.map((c) => c.message).filter((m) => m.includes('Regenerate it'))).toEqual([]);
    expect(job.steps.map((s) => s.stdout + s.stderr).join('')).toContain('mentor.config.yaml cannot be read');
  });
});
