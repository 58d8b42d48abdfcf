import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { git, mentor } from './helpers/repo.js';
import { OLD_PROGRAM_NOW, oldProgram } from './helpers/old-program.js';

// What the review of the work landed in season 9 found (notes/review9.md): each test failed before its fix.

const NOW = OLD_PROGRAM_NOW;
const RUNNER = '.mentor/mentor.mjs';

describe("the repo's runner as the version note and mentor upgrade read it", { timeout: 120_000 }, () => {
  it('prints no terminal control from the first line of a hostile runner: the version it names is escaped', () => {
    const dir = oldProgram();
    writeFileSync(path.join(dir, RUNNER), '// mentor 0.0.9\u001b]0;owned\u0007\u001b[2J: a runner\n');
    git(dir, ['commit', '-q', '-am', 'a runner with a hostile banner']);
    const result = mentor(['upgrade'], { cwd: dir, env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Replaced the runner');
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('never turns a command into a failure when the runner cannot be read for its version (a folder, a symlink): the note is only a note', async () => {
    const dir = oldProgram();
    const before = await mentorIn(['validate'], { cwd: dir, env: NOW });
    const status = await mentorIn(['status'], { cwd: dir, env: NOW });
    rmSync(path.join(dir, RUNNER));
    mkdirSync(path.join(dir, RUNNER));
    for (const [args, was] of [[['validate'], before], [['status'], status]] as const) {
      const result = await mentorIn([...args], { cwd: dir, env: NOW });
      expect(result.code, result.stderr).toBe(was.code);
      expect(result.stderr).not.toContain('is a folder, not a regular file');
    }
  });

  it('upgrade --commit never commits CODEOWNERS, forms or reports made from records that are not committed: it refuses, writing nothing, as report --commit does', async () => {
    const dir = oldProgram();
    const config = path.join(dir, 'mentor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('maintainers: [alex-gh]', 'maintainers: [alex-gh, mallory-gh]'));
    const result = await mentorIn(['upgrade', '--commit'], { cwd: dir, env: NOW });

    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toContain('mentor.config.yaml');
    expect(result.stderr).toContain('not committed');
    expect(git(dir, ['branch', '--list', 'upgrade/*'])).toBe('');
    expect(git(dir, ['status', '--porcelain'])).toBe(' M mentor.config.yaml\n');
  });
});

