import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitIn, git, githubWorld, openPullRequest, pullRequestEvent, pushToMain, reportOnMain } from './helpers/github-world.js';
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

describe('mentor.yml on a pull request that leaves a committed report unmakeable', { timeout: 180_000 }, () => {
  it('fails the pull request, naming the report and why, rather than the default branch after the merge', () => {
    const world = githubWorld();
    reportOnMain(world);
    // The cohort now starts after the report's week: a maintainer's pull request.
    const cohort = path.join(world.maintainer, 'cohorts/2026-fall/cohort.yaml');
    git(world.maintainer, 'fetch', '-q', 'origin');
    git(world.maintainer, 'switch', '-q', '-C', 'start', 'origin/main');
    commitIn(world.maintainer, 'start', { 'cohorts/2026-fall/cohort.yaml': readFileSync(cohort, 'utf8').replace(/^start: .*$/m, 'start: 2026-11-16') });
    const pr = openPullRequest(world, world.maintainer, { number: 6, author: 'andrew-gh' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['generated']).jobs.generated!;
    expect(job.succeeded).toBe(false);
    expect(job.commands).toEqual([expect.objectContaining({ command: 'error', properties: 'file=reports/2026-fall/2026-W46.md', message: expect.stringMatching(/^reports\/2026-fall\/2026-W46\.md cannot be made: 2026-W46 is outside cohort 2026-fall .*Fix that, or delete the report/) })]);
  });

  it("lets a mentee's pull request through when the default branch has such a report already", () => {
    const world = githubWorld();
    reportOnMain(world);
    const cohort = path.join(world.maintainer, 'cohorts/2026-fall/cohort.yaml');
    commitIn(world.maintainer, 'start', { 'cohorts/2026-fall/cohort.yaml': readFileSync(cohort, 'utf8').replace(/^start: .*$/m, 'start: 2026-11-16') });
    pushToMain(world, world.maintainer);
    git(world.fork, 'fetch', '-q', 'origin');
    git(world.fork, 'switch', '-q', '-C', 'name', 'origin/main');
    // hal's own log of the cohort, and his name.
    const hal = path.join(world.fork, 'people/hal.yaml');
    const log = 'cohorts/2026-fall/logs/hal/2026-W46.yaml';
    commitIn(world.fork, 'name', { 'people/hal.yaml': readFileSync(hal, 'utf8').replace('name: Hal Kim', 'name: Hal K. Kim'), [log]: readFileSync(path.join(world.fork, log), 'utf8').replace('practice: 3', 'practice: 4') });
    const pr = openPullRequest(world, world.fork, { number: 7, author: 'hal-k' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['generated']).jobs.generated!;
    expect(job.succeeded).toBe(true);
    expect(job.commands).toEqual([]);
  });
});
