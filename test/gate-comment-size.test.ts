import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleGitRepo, git, mentor } from './helpers/repo.js';

// The gate's comment must fit in one GitHub comment (65,536 characters): a body over that is
// refused by the API, the comment is not updated, and the last verdict posted (perhaps "ready to
// merge", for an earlier push) stays on the pull request. A pull request decides its own size.

const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
const GITHUB_COMMENT_LIMIT = 65_536;

function pullRequest(edit: (repo: string) => void): string {
  const repo = exampleGitRepo();
  git(repo, ['switch', '-q', '-c', 'pr']);
  edit(repo);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'pr']);
  return repo;
}

const comment = (repo: string) => mentor(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k', '--format', 'markdown'], { env: NOW });

describe('the gate comment of a huge pull request', () => {
  it('lists the first files of a pull request with thousands of them, says how many more, and fits in one comment', () => {
    const repo = pullRequest((r) => {
      mkdirSync(path.join(r, 'junk'));
      for (let i = 0; i < 3000; i++) writeFileSync(path.join(r, 'junk', `a-file-with-a-rather-long-name-to-fill-the-comment-${i}.txt`), 'x\n');
    });
    const result = comment(repo);
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(result.stdout).toContain('`junk/a-file-with-a-rather-long-name-to-fill-the-comment-0.txt`');
    expect(result.stdout).toMatch(/… and 2,?9\d\d more files? need a maintainer/);
    expect(result.stdout).toMatch(/… and 2,?9\d\d more changes/);
  });

  it('shortens a file name longer than any real one, inside its code span', () => {
    const name = `${'x'.repeat(40_000)} <img src=x onerror=alert(1)> @bob-m`;
    const repo = pullRequest((r) => {
      // No file system holds a name this long: the pull request builds the tree from git objects.
      const sha = gitHashObject(r, 'x\n');
      git(r, ['update-index', '--add', '--cacheinfo', `100644,${sha},junk/${name}`]);
    });
    const result = comment(repo);
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const line = result.stdout.split('\n').find((l) => l.startsWith('- `junk/xxx'))!;
    expect(line).toMatch(/^- `junk\/x+…`: /);
    expect(result.stdout).not.toContain('<img');
  });
});

function gitHashObject(repo: string, text: string): string {
  const file = path.join(repo, '.git', 'blob.tmp');
  writeFileSync(file, text);
  return git(repo, ['hash-object', '-w', file]).trim();
}
