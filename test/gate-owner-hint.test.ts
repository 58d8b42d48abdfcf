import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git } from './helpers/repo.js';

// A mentee whose person file has no GitHub handle, or another than theirs (a slip of the organiser
// who wrote it), opens a pull request with their own log. Before, the gate said only 'a log of hal:
// only hal or a maintainer may change it', to hal: nothing said why the gate did not know them.

const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
const LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';

async function halsLogBy(author: string, personFile?: (text: string) => string) {
  const repo = exampleGitRepo();
  if (personFile) {
    const file = path.join(repo, 'people/hal.yaml');
    writeFileSync(file, personFile(readFileSync(file, 'utf8')));
    git(repo, ['commit', '-qam', 'hal as the organiser wrote him']);
  }
  git(repo, ['checkout', '-q', '-b', 'pr']);
  writeFileSync(path.join(repo, LOG), 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n');
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-qm', 'my log']);
  git(repo, ['checkout', '-q', 'main']);
  return mentorIn(['check-pr', '--base', 'main', '--head', 'pr', '--author', author, '--repo', repo], { env: NOW });
}

describe('the gate, for a log whose author the person file does not name', () => {
  it('says which handle the person file gives, and who corrects it', async () => {
    const result = await halsLogBy('hal-kim');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('a log of hal: only hal or a maintainer may change it (if you are hal: people/hal.yaml gives the GitHub handle hal-k, not hal-kim; a maintainer corrects it there, or approves this)');
  });

  it('says the person file names no handle', async () => {
    const result = await halsLogBy('hal-kim', (text) => text.replace(/^github: .*\n/m, ''));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('(if you are hal: people/hal.yaml names no GitHub handle, so the gate cannot tell it is you; a maintainer adds `github: hal-kim` there, or approves this)');
  });

  it('says nothing more to another person of the program', async () => {
    const result = await halsLogBy('ada-l');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('a log of hal: only hal or a maintainer may change it\n');
  });
});
