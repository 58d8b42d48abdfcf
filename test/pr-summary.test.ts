import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleRepo, git, gitRepo, makeTree, mentor } from './helpers/repo.js';

/** The example on main; the commands run on a branch `pr` and are committed there. */
function branch(commands: string[][]): string {
  const repo = gitRepo(exampleRepo());
  git(repo, ['switch', '-q', '-c', 'pr']);
  for (const args of commands) expect(mentor([...args, '--repo', repo]).code).toBe(0);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'pr']);
  return repo;
}

const summary = (repo: string, author = 'hal-k') => mentor(['pr-summary', '--repo', repo, '--base', 'main', '--author', author]);

describe('mentor pr-summary', () => {
  it('a log pull request', async () => {
    const repo = branch([['log', '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=4', '--hours', 'code-review=1', '--pr', 'https://github.com/hal-k/app/pull/3']]);
    const result = summary(repo);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('snapshots/pr-summary-log.md');
    expect(result.stdout).toContain('5 h logged against 5.5 h planned');
  });

  it('an assignment pull request', async () => {
    const repo = branch([['assign', '2026-fall', '--yes']]);
    const result = summary(repo, 'andrew-gh');
    await expect(result.stdout).toMatchFileSnapshot('snapshots/pr-summary-assign.md');
    expect(result.stdout).toContain('- **Placed** in `2026-fall`: `cleo` with `ada`, `jon` with `grace`.');
  });

  it('a report pull request', async () => {
    const repo = branch([['report', '2026-fall', '--week', '2026-W47']]);
    const result = summary(repo, 'andrew-gh');
    await expect(result.stdout).toMatchFileSnapshot('snapshots/pr-summary-report.md');
    expect(result.stdout).toContain('**Report written**: `reports/2026-fall/2026-W47.md`');
  });

  it('names problems and files the author may not touch, and says what to do next', () => {
    const repo = gitRepo(exampleRepo());
    git(repo, ['switch', '-q', '-c', 'pr']);
    writeFileSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'), 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n');
    writeFileSync(path.join(repo, 'people/bob.yaml'), 'id: bob\nname: <b>Bob</b>\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'pr']);
    const result = summary(repo);
    expect(result.stdout).toContain('❌ `cohorts/2026-fall/logs/hal/2026-W47.yaml:4:3` "practise" is not an activity of a mentee.');
    expect(result.stdout).toContain('- ❌ `people/bob.yaml`: the person file of bob');
    expect(result.stdout).toContain('Fix the problems above');
    expect(result.stdout).not.toContain('<b>');
  });

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
