import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git } from './helpers/repo.js';

// The README: `mentor pr-summary` "Use it to see what the gate will say before you push". Run so by
// a mentee on their log's branch, it judged the login `ghost` (its default --author), a newcomer:
// "❌ not yet ... a log of hal: only hal or a maintainer may change it", for a log the gate passes.

const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };

function halsLogBranch(gitUser: string): string {
  const repo = exampleGitRepo();
  git(repo, ['config', 'user.name', gitUser]);
  git(repo, ['checkout', '-q', '-b', 'log/hal/2026-W47']);
  writeFileSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'), 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n');
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-qm', 'my log']);
  return repo;
}

describe('mentor pr-summary without --author', () => {
  it('judges the git user, as their person file names them on GitHub, and says so', async () => {
    const result = await mentorIn(['pr-summary', '--base', 'main', '--repo', halsLogBranch('hal-k')], { env: NOW });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Opened by @hal-k (person hal).');
    expect(result.stdout).toContain('ready to merge');
    expect(result.stderr).toContain('judged for @hal-k (hal, your git user); --author names another');
  });

  it('says to pass --author when the git user is no person here', async () => {
    const result = await mentorIn(['pr-summary', '--base', 'main', '--repo', halsLogBranch('Someone Else')], { env: NOW });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('pass --author <your GitHub login>');
  });

  it('keeps its JSON for the workflows, which pass no --author', async () => {
    const result = await mentorIn(['pr-summary', '--base', 'main', '--format', 'json', '--repo', halsLogBranch('Someone Else')], { env: NOW });
    expect(result.code).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['maintainers', 'changes', 'handles']);
    expect(result.stderr).toBe('');
  });
});
