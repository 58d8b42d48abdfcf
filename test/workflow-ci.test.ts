import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW, commitIn, git, githubWorld, mainSha, openPullRequest, pullRequestEvent, pushEvent, pushToMain } from './helpers/github-world.js';
import { mentor } from './helpers/repo.js';
import { runWorkflow, type SimEvent } from './helpers/workflow-sim.js';

// mentor.yml run by the workflow simulator (test/helpers/workflow-sim.ts) on real clones: what a
// push and a pull request show. The gate is test/workflow-gate.test.ts.

const HAL_W47 = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const halLog = (hours: string) => `person: hal\nweek: 2026-W47\nhours:\n  ${hours}\ndone: Indexes.\n`;

describe('mentor.yml on a push to main', { timeout: 180_000 }, () => {
  it('validates every record with the runner, writes a job summary, and finds every generated file current', () => {
    const world = githubWorld();
    const before = mainSha(world);
    commitIn(world.maintainer, 'log', { [HAL_W47]: halLog('practice: 3') });
    pushToMain(world, world.maintainer);
    const run = runWorkflow(world, 'mentor.yml', pushEvent(world, before));
    expect(run.jobs.validate!.steps.map((step) => step.stderr).join('')).toBe('');
    expect(run.jobs.validate!.succeeded).toBe(true);
    expect(run.jobs.validate!.summary).toMatch(/^## mentor validate\n\n✅ \d+ files checked: no errors, 0 warnings\.\n$/);
    expect(run.jobs.generated!.succeeded).toBe(true);
    expect(run.jobs.generated!.commands).toEqual([]);
  });

  it('annotates a broken record on its line and fails, with the problem in the summary escaped for Markdown', () => {
    const world = githubWorld();
    const before = mainSha(world);
    commitIn(world.maintainer, 'log', { [HAL_W47]: halLog('practise_<b>: 3') });
    pushToMain(world, world.maintainer);
    const job = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['validate']).jobs.validate!;
    expect(job.succeeded).toBe(false);
    expect(job.commands).toContainEqual(expect.objectContaining({ command: 'error', properties: expect.stringContaining(`file=${HAL_W47},line=4`) }));
    expect(job.summary).toContain('❌');
    expect(job.summary).toContain("| cohorts\\/2026\\-fall\\/logs\\/hal\\/2026\\-W47\\.yaml | 4 | \\\"practise\\_\\<b\\>\\\" is not an activity of a mentee\\.");
    expect(job.summary).not.toContain('<b>');
  });

  it('fails on a stale report, naming the exact command that regenerates it', () => {
    const world = githubWorld();
    const clone = world.maintainer;
    git(clone, 'switch', '-q', '-c', 'report');
    expect(mentor(['report', '2026-fall', '--week', '2026-W46', '--repo', clone], { env: { MENTOR_NOW: NOW } }).code).toBe(0);
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', 'report');
    pushToMain(world, clone);
    const fresh = runWorkflow(world, 'mentor.yml', pushEvent(world, mainSha(world)), ['generated']).jobs.generated!;
    expect(fresh.succeeded).toBe(true);
    const before = mainSha(world);
    const log = path.join(clone, 'cohorts/2026-fall/logs/hal/2026-W46.yaml');
    commitIn(clone, 'late-edit', { 'cohorts/2026-fall/logs/hal/2026-W46.yaml': readFileSync(log, 'utf8').replace('practice: 3', 'practice: 5') });
    pushToMain(world, clone);
    const stale = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
    expect(stale.succeeded).toBe(false);
    expect(stale.commands).toEqual([
      {
        command: 'error',
        properties: 'file=reports/2026-fall/2026-W46.md',
        message: 'reports/2026-fall/2026-W46.md is not what `mentor report 2026-fall --week 2026-W46` writes from the records. Regenerate it: node .mentor/mentor.mjs report 2026-fall --week 2026-W46, and commit the result.',
      },
    ]);
  });
});

describe('mentor.yml and the issue forms', { timeout: 180_000 }, () => {
  it('fails when the request form no longer matches the config, naming mentor forms', () => {
    const world = githubWorld();
    const before = mainSha(world);
    const config = path.join(world.maintainer, 'mentor.config.yaml');
    commitIn(world.maintainer, 'eligibility', { 'mentor.config.yaml': `${readFileSync(config, 'utf8')}intake:\n  eligibility:\n    - id: adult\n      question: I am 18 or older\n` });
    pushToMain(world, world.maintainer);
    const job = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
    expect(job.succeeded).toBe(false);
    expect(job.commands.map((c: { message: string }) => c.message).join('\n')).toContain('node .mentor/mentor.mjs forms');
  });
});

describe('mentor.yml on a pull request', { timeout: 180_000 }, () => {
  it("checks what a mentee's pull request changes and annotates their line", () => {
    const world = githubWorld();
    commitIn(world.fork, 'my-log', { [HAL_W47]: halLog('practise: 3') });
    const pr = openPullRequest(world, world.fork, { number: 7, author: 'hal-k' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['validate']).jobs.validate!;
    expect(job.succeeded).toBe(false);
    expect(job.commands.map((c) => `${c.command} ${c.properties}`)).toEqual([`error file=${HAL_W47},line=4,col=3`]);
    expect(job.summary).toContain('❌ 1 files checked: 1 errors');
  });

  it('lets no file or folder name of a pull request issue a workflow command or reach the log as a terminal escape', () => {
    const world = githubWorld();
    const hostile = 'cohorts/2026-fall/logs/hal\n::add-mask::ghs\n::warning file=x::pwned/2026-W47.yaml';
    commitIn(world.fork, 'hostile', { [hostile]: halLog('practice: 3'), 'people/z%0A::error::x.yaml': 'id: z\n', 'people/\u001b[2Jansi.yaml': 'id: ansi\n' });
    const pr = openPullRequest(world, world.fork, { number: 8, author: 'hal-k' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['validate']).jobs.validate!;
    expect(job.commands.length).toBeGreaterThan(0);
    expect(job.commands.map((c) => c.command)).not.toContain('add-mask');
    expect(job.commands.map((c) => c.command)).not.toContain('warning');
    for (const line of job.steps.flatMap((step) => step.stdout.split('\n'))) expect(line.startsWith('::') ? line : '').not.toMatch(/^::(add-mask|warning)/);
    expect(job.steps.map((step) => step.stdout + step.stderr).join('')).not.toContain('\u001b');
    expect(job.commands.some((c) => c.properties.includes('\\x1b[2Jansi.yaml'))).toBe(true);
  });
});

describe('a program repo whose default branch is not called main', { timeout: 180_000 }, () => {
  /** A push to `branch` of a repository whose default branch is `defaultBranch` (main's commit pushed there). */
  const pushTo = (world: ReturnType<typeof githubWorld>, branch: string, defaultBranch: string): SimEvent => {
    const sha = mainSha(world);
    git(world.origin, 'update-ref', `refs/heads/${branch}`, sha);
    const repository = { full_name: world.repository, name: 'mentorship', owner: { login: 'learn-teach-code' }, default_branch: defaultBranch };
    return { name: 'push', sha, ref: `refs/heads/${branch}`, workflowSha: sha, payload: { ref: `refs/heads/${branch}`, before: sha, after: sha, repository } };
  };

  it('validates every push to its default branch (master, as `mentor init` keeps in a repository made before) and builds the dashboard, and runs nothing for a push to another branch', () => {
    const world = githubWorld();
    const ci = runWorkflow(world, 'mentor.yml', pushTo(world, 'master', 'master'));
    expect(ci.jobs.validate?.succeeded).toBe(true);
    expect(ci.jobs.validate!.summary).toContain('files checked: no errors');
    expect(ci.jobs.generated?.succeeded).toBe(true);
    // The dashboard's build starts: its first step asks whether Pages is on.
    const pages = runWorkflow(world, 'mentor-pages.yml', pushTo(world, 'master', 'master'), ['build']);
    expect(pages.jobs.build?.ran).toBe(true);
    expect(pages.jobs.build!.steps[0]).toMatchObject({ name: 'Is GitHub Pages on?', ran: true });
    // A push to another branch of the same repository checks nothing and publishes nothing.
    expect(runWorkflow(world, 'mentor.yml', pushTo(world, 'wip', 'master')).jobs.validate?.ran ?? false).toBe(false);
    expect(runWorkflow(world, 'mentor-pages.yml', pushTo(world, 'wip', 'master'), ['build']).jobs.build?.ran ?? false).toBe(false);
    // Nor does a tag that has the default branch's name.
    const tag = { ...pushTo(world, 'wip', 'master'), ref: 'refs/tags/master' };
    expect(runWorkflow(world, 'mentor.yml', tag).jobs.validate?.ran ?? false).toBe(false);
    expect(runWorkflow(world, 'mentor-pages.yml', tag, ['build']).jobs.build?.ran ?? false).toBe(false);
  });
});
