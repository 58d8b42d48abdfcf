import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { mentor, smallProgram } from './helpers/repo.js';

const broken = () => smallProgram({ 'people/ann.yaml': 'id: ann\nname: Ann\ntimezone: Mars/Base\nskils: [css]\n' });

describe('validate output formats', () => {
  it('text: groups by file, shows the line with a caret under the column, and the fix', () => {
    const result = mentor(['validate', '--repo', broken()]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const header = lines.indexOf('people/ann.yaml');
    expect(header).toBeGreaterThanOrEqual(0);
    expect(lines[header + 1]).toMatch(/^ {2}3:11 {2}error {2}"timezone" must be an IANA time zone.*\[invalid-value\]$/);
    expect(lines[header + 2]).toBe('      3 | timezone: Mars/Base');
    expect(lines[header + 3]).toBe('        |           ^');
    expect(lines[header + 4]).toContain('fix: Use an IANA zone name');
    expect(result.stdout).toContain('Did you mean "skills"?');
    expect(result.stdout.trim().split('\n').pop()).toBe('✖ 1 error, 1 warning in 1 file (6 files checked).');
  });

  it.each([
    ['broken YAML', 'program: [x\n  : : :\n'],
    ['a list, not a mapping', '- program: Test\n'],
    ['a field of the wrong type', 'program: Test\ntimezone: 5\n'],
  ])('exits 2 on a config that cannot be read (%s), as every command does, and still lists its problems', async (_, config) => {
    const repo = smallProgram({ 'mentor.config.yaml': config });
    const { code, json } = await mentorInJson<{ valid: boolean; problems: { file: string; severity: string }[] }>(['validate', '--repo', repo, '--format', 'json']);
    expect(json.valid).toBe(false);
    expect(json.problems.some((problem) => problem.file === 'mentor.config.yaml' && problem.severity === 'error')).toBe(true);
    expect(code).toBe(2);
    expect((await mentorIn(['hours', '--repo', repo])).code).toBe(2);
  });

  it.each([
    [['validate', '--format', 'json', '--repo', '/nonexistent/place'], 'There is no folder at /nonexistent/place.'],
    [['hours', 'no-such-cohort', '--format=json', '--repo', 'examples/web-cohort'], 'no-such-cohort'],
    [['status', '--format', 'json', '--bogus', '--repo', 'examples/web-cohort'], '--bogus'],
  ])('prints the error as JSON on stdout when JSON was asked for and the run stops before its command answers: %j', async (args, said) => {
    const result = mentor(args);
    expect(result.code).toBe(2);
    const { error } = JSON.parse(result.stdout) as { error: { message: string; hint: string | null; exitCode: number } };
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(said);
    expect(result.stderr).toContain(`mentor: ${error.message.split('\n')[0]}`);
    // Without --format json, stdout stays empty.
    expect(mentor(args.map((arg) => (arg === '--format=json' ? '--format=text' : arg === 'json' ? 'text' : arg))).stdout).toBe('');
  });

  it('exits 2 on a MENTOR_NOW it cannot read, as every command does', async () => {
    const result = await mentorIn(['validate', '--repo', smallProgram()], { env: { MENTOR_NOW: 'garbage' } });
    expect(result.stderr).toMatch(/MENTOR_NOW/);
    expect(result.code).toBe(2);
  });

  it('json: exactly the keys of DESIGN.md, 1-based positions relative to the repo', async () => {
    const { code, json } = await mentorInJson(['validate', '--repo', broken(), '--format', 'json']);
    expect(code).toBe(1);
    expect(Object.keys(json)).toEqual(['valid', 'files', 'problems']);
    expect(json.valid).toBe(false);
    expect(json.files).toBe(6);
    expect(json.problems).toEqual([
      expect.objectContaining({ file: 'people/ann.yaml', line: 3, column: 11, rule: 'invalid-value', severity: 'error' }),
      expect.objectContaining({ file: 'people/ann.yaml', line: 4, column: 1, rule: 'unknown-field', severity: 'warning' }),
    ]);
    for (const problem of json.problems) {
      for (const key of ['file', 'line', 'column', 'rule', 'severity', 'message']) expect(problem).toHaveProperty(key);
    }
  });

  it('github: one workflow command per problem, on the exact line', () => {
    const result = mentor(['validate', '--repo', broken(), '--format', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=people\/ann\.yaml,line=3,col=11::people\/ann\.yaml: "timezone" must be/);
    expect(lines[1]).toMatch(/^::warning file=people\/ann\.yaml,line=4,col=1::/);
  });

  it('github: a message cannot start a second workflow command', async () => {
    const repo = smallProgram({ 'people/ann.yaml': 'id: ann\nname: Ann\n"x\\n::error file=evil::pwned": 1\n' });
    const result = await mentorIn(['validate', '--repo', repo, '--format', 'github']);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toContain('%0A::error');
  });

  it('warnings alone keep the exit code 0', async () => {
    const repo = smallProgram({ 'people/ann.yaml': 'id: ann\nname: Ann\nnickname: A\n' });
    const { code, json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    expect(json.valid).toBe(true);
    expect(code).toBe(0);
  });
});
