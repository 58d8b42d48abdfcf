import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeTree, mentor, mentorJson, PACKAGE_ROOT } from './helpers/repo.js';

// A program repo made months ago by an older mentor, upgraded by this one. The fixture
// test/fixtures/program-68937fc is what `mentor init` of commit 68937fc wrote, then its own
// `assign`, `log`, `report` and `codeowners` (a lead, a mentor, a mentee placed, a log, a report of
// 2026-W44); only its runner is cut to its first lines (the build was 2.3 MB). That mentor had no
// issue forms, no member schema, three workflows fewer, and wrote reports and schemas of its own.

const FIXTURE = path.join(PACKAGE_ROOT, 'test/fixtures/program-68937fc');
const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NOW = { MENTOR_NOW: '2026-11-03T10:00:00-08:00' };
const RUNNER = '.mentor/mentor.mjs';

/** The old program as a git repo on main, everything committed. */
function oldProgram(): string {
  const dir = path.join(makeTree({}), 'program');
  cpSync(FIXTURE, dir, { recursive: true });
  git(path.dirname(dir), ['init', '-q', '--initial-branch=main', dir]);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'Made by an older mentor']);
  return dir;
}

/** Gives the committed runner another version on its first line, and commits it. */
function runnerSays(dir: string, version: string): string {
  const file = path.join(dir, RUNNER);
  const text = readFileSync(file, 'utf8').replace(/^\/\/ mentor [^\s:]+/, `// mentor ${version}`);
  writeFileSync(file, text);
  git(dir, ['commit', '-qam', `runner ${version}`]);
  return text;
}

describe('mentor upgrade of a repo whose runner is newer than this mentor', { timeout: 120_000 }, () => {
  it('refuses to put an older runner (and older workflows) in its place, writing nothing, and says how to get the newer mentor', () => {
    const dir = oldProgram();
    const newer = runnerSays(dir, '99.1.0');
    for (const args of [[], ['--workflows'], ['--commit'], ['--workflows', '--commit']]) {
      const result = mentor(['upgrade', '--repo', dir, ...args], { env: NOW });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`The runner in .mentor/ is mentor 99.1.0, newer than this mentor (${VERSION}): upgrading would put an older one in its place.`);
      expect(result.stderr).toContain('node .mentor/mentor.mjs');
      expect(readFileSync(path.join(dir, RUNNER), 'utf8')).toBe(newer);
      expect(git(dir, ['status', '--porcelain'])).toBe('');
      expect(git(dir, ['branch', '--show-current']).trim()).toBe('main');
    }
    const json = mentorJson(['upgrade', '--repo', dir, '--format', 'json'], { env: NOW });
    expect(json.code).toBe(1);
    expect(json.json).toMatchObject({ error: { exitCode: 1, message: expect.stringContaining('newer than this mentor') } });
  });

  it('goes ahead from an older version, a pre-release of this one, or a runner that names no version', () => {
    for (const version of ['0.0.9', `${VERSION}-rc.1`]) {
      const dir = oldProgram();
      runnerSays(dir, version);
      const result = mentor(['upgrade', '--repo', dir], { env: NOW });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`(mentor ${version} -> ${VERSION})`);
    }
    const dir = oldProgram();
    writeFileSync(path.join(dir, RUNNER), 'console.log("a runner without its first line");\n');
    git(dir, ['commit', '-qam', 'no banner']);
    const result = mentor(['upgrade', '--repo', dir], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`(mentor unknown -> ${VERSION})`);
  });
});
