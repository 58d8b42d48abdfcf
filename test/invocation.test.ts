import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inUsersWords, invokedAs, sayCommandsAs } from '../src/io/invocation.js';
import { PACKAGE_ROOT, exampleRepo, mentor } from './helpers/repo.js';

// In a program repo, mentor is its committed runner, run with plain node: the commands mentor's
// messages tell a mentee to run say it that way, or the mentee types `mentor` and gets "command not
// found". Data for other programs (JSON) says the same whatever ran it.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00', NO_COLOR: '1' };
/** A cohort with an error: hours still shows it, and says to run validate. */
const BROKEN = { 'people/grace.yaml': 'id: grace\nname: Grace\nmaxHoursPerWeek: 6\n' };

/** The example program with the runner committed in .mentor/, as mentor init leaves it. */
function programWithRunner(): string {
  const repo = exampleRepo(BROKEN);
  cpSync(path.join(PACKAGE_ROOT, 'dist/runner'), path.join(repo, '.mentor'), { recursive: true });
  return repo;
}

function runner(script: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...NOW } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the commands mentor tells people to run', () => {
  it('are said as the runner when the runner runs, from the repo and from a folder in it', () => {
    const repo = programWithRunner();
    const fromTop = runner('.mentor/mentor.mjs', ['hours', '2026-fall'], repo);
    expect(fromTop.code).toBe(0);
    expect(fromTop.stderr).toContain('have 1 error (run `node .mentor/mentor.mjs validate`)');
    const fromBelow = runner('../../.mentor/mentor.mjs', ['report', '2026-fall'], path.join(repo, 'cohorts/2026-fall'));
    expect(fromBelow.code).toBe(1);
    expect(fromBelow.stderr).toContain('`node ../../.mentor/mentor.mjs validate`');
    expect(fromBelow.stderr).not.toMatch(/(^|[\s`(])mentor (validate|report)/m);
  });

  it('are said as the runner in its help, its examples and its usage errors', () => {
    const repo = programWithRunner();
    expect(runner('.mentor/mentor.mjs', ['--help'], repo).stdout.split('\n')[0]).toBe('Usage: node .mentor/mentor.mjs [options] [command]');
    const logHelp = runner('.mentor/mentor.mjs', ['log', '--help'], repo).stdout;
    expect(logHelp.split('\n')[0]).toBe('Usage: node .mentor/mentor.mjs log [options]');
    expect(logHelp).toContain('\n  node .mentor/mentor.mjs log --person hal --week 2026-W47');
    expect(logHelp).not.toMatch(/(^|\s)mentor log/m);
    // Only a command becomes the runner: "the mentor tree" (the tree of mentors) is not `mentor tree`.
    const help = runner('.mentor/mentor.mjs', ['--help'], repo).stdout;
    expect(help).toContain('the tree of mentors and mentees in the terminal');
    expect(help).not.toMatch(/[a-z] node \.mentor\/mentor\.mjs/);
    expect(runner('.mentor/mentor.mjs', ['lgo'], repo).stderr).toContain('Did you mean log? See `node .mentor/mentor.mjs --help` for the commands.');
  });

  it('stay `mentor ...` where mentor is installed, and in JSON whatever ran it', () => {
    const repo = programWithRunner();
    expect(mentor(['hours', '2026-fall', '--repo', repo], { env: NOW }).stderr).toContain('(run `mentor validate`)');
    const json = runner('.mentor/mentor.mjs', ['report', '2026-fall', '--format', 'json'], repo);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error.hint).toContain('`mentor validate`');
    expect(json.stdout).not.toContain('.mentor/mentor.mjs');
  });

  it('name a runner in any folder as a shell reads it, a folder called $& or with quotes included', () => {
    const script = "/tmp/it's $& here/.mentor/mentor.mjs";
    const name = invokedAs(script, () => '/elsewhere');
    expect(name).toBe(`node '/tmp/it'\\''s $& here/.mentor/mentor.mjs'`);
    try {
      sayCommandsAs(name, ['validate'], { stdout: false });
      expect(inUsersWords('Run `mentor validate` (mentor validates).', 'stderr')).toBe(`Run \`${name} validate\` (mentor validates).`);
      expect(inUsersWords('Run `mentor validate`.', 'stdout')).toBe('Run `mentor validate`.');
    } finally {
      sayCommandsAs('mentor', [], { stdout: true });
    }
    expect(invokedAs(script, () => { throw new Error('ENOENT: uv_cwd'); })).toBe(name);
    expect(invokedAs('/usr/lib/node_modules/mentor-cli/bin/mentor.js')).toBe('mentor');
  });
});
