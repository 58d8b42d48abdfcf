import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRepo, git, gitRepo, makeTree, mentor, mentorJson } from './helpers/repo.js';

/** The example program on main, and a branch `pr` with the given edits committed. */
function pullRequest(edit: (repo: string) => void): string {
  const repo = gitRepo(exampleRepo());
  git(repo, ['switch', '-q', '-c', 'pr']);
  edit(repo);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'pr']);
  return repo;
}

const write = (repo: string, file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const HAL_LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const halLog = 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n';

function checkPr(repo: string, author: string, base = 'main') {
  return mentorJson(['check-pr', '--repo', repo, '--base', base, '--author', author, '--format', 'json']);
}

describe('mentor codeowners', () => {
  it('makes the maintainers the owners of every file, deterministically, and --check names the command that regenerates it', () => {
    const repo = exampleRepo();
    const stale = mentor(['codeowners', '--repo', repo, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('Regenerate it with `mentor codeowners`');
    expect(mentor(['codeowners', '--repo', repo]).code).toBe(0);
    const text = readFileSync(path.join(repo, '.github/CODEOWNERS'), 'utf8');
    expect(text.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['* @andrew-gh']);
    expect(mentor(['codeowners', '--repo', repo, '--check']).code).toBe(0);
    // A new person changes nothing (their rights are the gate's); a new maintainer does.
    writeFileSync(path.join(repo, 'people/zoe.yaml'), 'id: zoe\nname: Zoe\ngithub: zoe-z\n');
    expect(mentor(['codeowners', '--repo', repo, '--check']).code).toBe(0);
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8').replace('maintainers: [andrew-gh]', 'maintainers: [andrew-gh, Zoe-Z]'));
    expect(mentor(['codeowners', '--repo', repo, '--check']).code).toBe(1);
    mentor(['codeowners', '--repo', repo]);
    expect(readFileSync(path.join(repo, '.github/CODEOWNERS'), 'utf8')).toContain('\n* @andrew-gh @zoe-z\n');
  });
});

