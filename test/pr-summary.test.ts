import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleRepo, git, gitRepo, makeTree, mentor } from './helpers/repo.js';

describe('mentor pr-summary', () => {
  it('init writes a comment workflow that works for forks (workflow_run) with the permissions it needs', () => {
    const dir = makeTree({});
    mentor(['init', dir, '--no-git']);
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/mentor-comment.yml'), 'utf8'));
    expect(workflow.on.workflow_run.workflows).toEqual(['mentor']);
    expect(workflow.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
    expect(JSON.stringify(workflow.jobs.comment.steps)).not.toContain('checkout');
    const main = readFileSync(path.join(dir, '.github/workflows/mentor.yml'), 'utf8');
    expect(main).toContain('npx mentor pr-summary --base "$BASE" --author "$AUTHOR" > pr-summary/summary.md');
    expect(readFileSync(path.join(dir, '.gitattributes'), 'utf8')).toBe('*.yaml text eol=lf\nreports/** linguist-generated=true\n');
  });
});
