import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, gitRepo, makeTree, mentor } from './helpers/repo.js';

// File and folder names are record text too: an ESC sequence in one must never reach a terminal
// or a workflow log as itself, whatever command prints it.

const ESC = '\u001b';
const hostile = {
  [`people/${ESC}[2Jwipe.yaml`]: 'id: wipe\nname: Wipe\n',
  [`cohorts/2026-fall/logs/${ESC}]0;title${'\u0007'}/2026-W47.yaml`]: 'person: x\nweek: 2026-W47\n',
  [`cohorts/${ESC}[31mred/cohort.yaml`]: 'id: red\n',
};

describe('terminal escapes in file and folder names', () => {
  it('are shown escaped by every command that names them, in every format', async () => {
    const repo = gitRepo(exampleRepo(hostile));
    const env = { MENTOR_NOW: '2026-11-20T12:00:00-08:00' };
    const runs = [
      ['validate'],
      ['validate', '--format', 'github'],
      ['validate', '--format', 'json'],
      ['status'],
      ['tree', '2026-fall'],
      ['hours', '2026-fall', '--week', '2026-W47'],
      ['report', '2026-fall', '--week', '2026-W46', '--check'],
    ];
    for (const args of runs) {
      const result = await mentorIn([...args, '--repo', repo], { env });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(3);
      expect(`${result.stdout}${result.stderr}`, args.join(' ')).not.toContain(ESC);
      expect(`${result.stdout}${result.stderr}`, args.join(' ')).not.toContain('\u0007');
    }
    const validate = mentor(['validate', '--repo', repo], { env });
    expect(validate.stdout).toContain('\\x1b[2Jwipe.yaml');
  });
});

describe('arguments quoted in an error message', () => {
  it('never start a line that a GitHub Actions log reads as a workflow command (red team 4, T12)', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['validate', '--format', 'github', '--repo', repo, '--at', 'HEAD\n::error file=x::pwn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('| ::error file=x::pwn');
    for (const line of result.stderr.split('\n')) expect(line, line).not.toMatch(/^\s*::/);
  });
});

describe('a folder the user names, printed in a success line', () => {
  it('stays on its line: no workflow command and no escape starts from it (site --out, schema --out)', async () => {
    const repo = exampleRepo();
    const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
    for (const [command, name] of [['site', 'site'], ['schema', 'schemas']]) {
      const out = `${makeTree({})}/${name}\n::error::pwned${ESC}[2J`;
      const result = await mentorIn([command!, '--repo', repo, '--out', out], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`${name}\\n::error::pwned\\x1b[2J/`);
      expect(result.stdout).not.toContain(ESC);
      for (const line of result.stdout.split('\n')) expect(line, line).not.toMatch(/^\s*::/);
    }
  });
});
