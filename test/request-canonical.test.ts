import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo } from './helpers/repo.js';

// `mentor request` (the terminal, the flags, the issue form) wrote skills, wants and languages in
// the order typed (`wants: [react, css]`, `languages: [ko, en]`), and `mentor fix --check`, which
// the README gives for CI, then failed on the two files mentor itself had just written.

describe('the files mentor request writes', () => {
  it('are in the canonical form mentor fix --check holds them to', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['request', '--person', 'lee', '--name', 'Lee Park', '--github', 'lee-p', '--timezone', 'Asia/Seoul', '--wants', 'react, css', '--skills', 'python, html', '--languages', 'Korean, English', '--repo', repo], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
    const { json } = await mentorInJson(['fix', '--check', '--format', 'json', '--repo', repo]);
    expect(json.notCanonical).toEqual([]);
  });
});
