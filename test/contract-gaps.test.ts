import { describe, expect, it } from 'vitest';
import { mentorInJson } from './helpers/in-process.js';
import { mentor, smallProgram } from './helpers/repo.js';

// Gaps an outside reader of DESIGN.md finds (contract audit 8): each test is a sentence of
// DESIGN.md run through the real CLI.

const NOW = { MENTOR_NOW: '2026-10-07T09:00:00Z' };

describe('a config that leaves out every part', () => {
  it.each([
    ['an empty config', ''],
    ['a config of comments only', '# nothing set yet: the defaults hold\n'],
  ])('%s gets the defaults: valid, lead 5 + X, mentor 4 + X, mentee 5.5', async (_name, config) => {
    const repo = smallProgram({ 'mentor.config.yaml': config });
    const validate = mentor(['validate', '--repo', repo], { env: NOW });
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    const { code, json } = await mentorInJson(['hours', 'c1', '--repo', repo, '--format', 'json'], { env: NOW });
    expect(code).toBe(0);
    expect(Object.fromEntries(json.people.map((row: { id: string; plannedTotal: number }) => [row.id, row.plannedTotal]))).toEqual({ lee: 6, max: 5, ann: 5.5 });
  });
});

describe('mentor log --hours', () => {
  it('takes the pairs as a comma list too, and refuses a decimal comma', () => {
    const repo = smallProgram();
    const written = mentor(['log', '--repo', repo, '--person', 'ann', '--week', '2026-W41', '--hours', 'practice=3,code-review=1.5', '--format', 'json'], { env: NOW });
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout).hours).toEqual({ practice: 3, 'code-review': 1.5 });
    const decimalComma = mentor(['log', '--repo', repo, '--person', 'ann', '--week', '2026-W39', '--hours', 'practice=1,5'], { env: NOW });
    expect(decimalComma.code).toBe(2);
    expect(decimalComma.stderr).toContain('--hours practice=1,5');
  });
});
