import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { git, makeTree, mentor } from './helpers/repo.js';

// init never overwrites a file, so in a folder that has a config already, that config is the one the
// repo will have: the files generated from it (issue forms, CODEOWNERS) must be written from it, or
// CI's check of generated files fails on the very first push.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

describe('mentor init in a folder that has a config already', { timeout: 120_000 }, () => {
  it('writes the issue forms and CODEOWNERS from that config, so the checks CI runs pass from the first commit', async () => {
    const dir = makeTree({ 'mentor.config.yaml': 'program: Mine\nmaintainers: [zed-gh]\nintake:\n  eligibility:\n    - id: time\n      question: I have the time\n' });
    const result = mentor(['init', dir], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, '.github/CODEOWNERS'), 'utf8')).toContain('@zed-gh');
    expect(readFileSync(path.join(dir, '.github/ISSUE_TEMPLATE/request-a-mentor.yml'), 'utf8')).toContain('I have the time');
    // CI runs the committed runner: `node .mentor/mentor.mjs forms --check` (and codeowners).
    for (const command of ['forms', 'codeowners']) {
      const check = spawnSync(process.execPath, ['.mentor/mentor.mjs', command, '--check'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...NOW, NO_COLOR: '1' } });
      expect(check.stdout + check.stderr, command).toContain('up to date');
      expect(check.status, command).toBe(0);
    }
    expect((await mentorIn(['validate', '--repo', dir], { env: NOW })).code).toBe(0);
    // The folder was no repository: the kept config goes into the first commit with the rest.
    expect(git(dir, ['status', '--porcelain'])).toBe('');
  });

  it('refuses a config it cannot read before writing anything, and says to fix it or remove it (exit 2)', () => {
    const dir = makeTree({ 'mentor.config.yaml': 'program: [Mine\nmaintainers: 3\n' });
    const result = mentor(['init', dir], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mentor.config.yaml is already in');
    expect(result.stderr).toContain('init writes the issue forms and .github/CODEOWNERS from it, so it wrote nothing');
    expect(result.stderr).toMatch(/mentor\.config\.yaml:1:\d+ .*\[yaml-syntax\]/);
    expect(result.stderr).toContain('Fix it and run `mentor init` again');
    expect(result.stderr).toContain('or remove it: init then writes one of its own');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['mentor.config.yaml']);
    expect(existsSync(path.join(dir, '.git'))).toBe(false);
  });

  it('refuses a config whose values are wrong the same way (a list of maintainers that is a number)', async () => {
    const dir = makeTree({ 'mentor.config.yaml': 'program: Mine\nmaintainers: 3\n' });
    const result = await mentorIn(
['init', dir, '--no-git'], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/mentor\.config\.yaml:2:\d+ .*maintainers/);
    expect(readdirSync(dir)).toEqual(['mentor.config.yaml']);
  });

  it("dates the example cohort by the kept config's zone, not the machine's, where their days differ", () => {
    // 2026-11-24 at 12:00 UTC is already 2026-11-25 at Kiritimati (UTC+14).
    const dir = makeTree({ 'mentor.config.yaml': 'program: Far\ntimezone: Pacific/Kiritimati\n' });
    const result = mentor(['init', dir, '--no-git'], { env: { MENTOR_NOW: '2026-11-24T12:00:00Z', TZ: 'UTC' } });
    expect(result.code, result.stderr).toBe(0);
    const cohorts = readdirSync(path.join(dir, 'cohorts'));
    expect(cohorts).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'cohorts', cohorts[0]!, 'cohort.yaml'), 'utf8')).toMatch(/^start: 2026-11-25$/m);
  });
});
