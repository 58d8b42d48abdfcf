import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git } from './helpers/repo.js';

const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };

/** The example on main; the commands run on a branch `pr` and are committed there. */
async function branch(commands: string[][]): Promise<string> {
  const repo = exampleGitRepo();
  git(repo, ['switch', '-q', '-c', 'pr']);
  for (const args of commands) expect((await mentorIn([...args, '--repo', repo], { env: NOW })).code).toBe(0);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'pr']);
  return repo;
}

const summary = async (repo: string, author = 'hal-k') => (await mentorIn(['pr-summary', '--repo', repo, '--base', 'main', '--author', author], { env: NOW }));

describe('the gate comment of a pull request (mentor pr-summary)', () => {
  it('a log pull request', async () => {
    const repo = await branch([['log', '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=4', '--hours', 'code-review=1', '--pr', 'https://github.com/hal-k/app/pull/3']]);
    const result = await summary(repo);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('snapshots/pr-summary-log.md');
    expect(result.stdout).toContain('5 h logged against 5.5 h planned');
  });

  it('an assignment pull request', async () => {
    const repo = await branch([['assign', '2026-fall', '--yes']]);
    const result = await summary(repo, 'andrew-gh');
    await expect(result.stdout).toMatchFileSnapshot('snapshots/pr-summary-assign.md');
    expect(result.stdout).toContain('**Cohort `2026-fall`** (`cohorts/2026-fall/cohort.yaml`): placed: `cleo` with `ada`, `jon` with `grace`.');
  });

  it('a report pull request', async () => {
    const repo = await branch([['report', '2026-fall', '--week', '2026-W47']]);
    const result = await summary(repo, 'andrew-gh');
    await expect(result.stdout).toMatchFileSnapshot('snapshots/pr-summary-report.md');
    expect(result.stdout).toContain('**Report added**: `reports/2026-fall/2026-W47.md`');
  });

  it('names problems and files the author may not touch, and says what to do next', async () => {
    const repo = exampleGitRepo();
    git(repo, ['switch', '-q', '-c', 'pr']);
    writeFileSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'), 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n');
    writeFileSync(path.join(repo, 'people/bob.yaml'), 'id: bob\nname: <b>Bob</b>\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'pr']);
    const result = await summary(repo);
    expect(result.stdout).toContain('❌ `cohorts/2026-fall/logs/hal/2026-W47.yaml:4:3` "practise" is not an activity of a mentee.');
    expect(result.stdout).toContain('- `people/bob.yaml`: the person file of bob');
    expect(result.stdout).toContain('Fix the 1 problem above');
    // Both things to do are said: the fix, and who to ask for the file the author may not touch.
    expect(result.stdout).toContain('Some changes also need a maintainer: ask @andrew-gh to review this pull request, or remove those changes.');
    expect(result.stdout).not.toContain('<b>');
  });

});
