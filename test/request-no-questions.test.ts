import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo } from './helpers/repo.js';

// The README's `mentor request ... --answer commitment=yes` run on a program whose config asks no
// eligibility question (the bundled example, and every `mentor init`): before, it said 'answer
// each question with <id>=yes (questions: none)', which leaves the reader looking for a question.

describe('mentor request --answer where the program asks no eligibility question', () => {
  it('says the program asks none and to leave --answer out, writing nothing (exit 2)', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['request', '--person', 'zoe', '--name', 'Zoe Zhang', '--github', 'zoe-z', '--timezone', 'Europe/Paris', '--wants', 'react', '--prefers', 'ada', '--answer', 'commitment=yes', '--repo', repo], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The answer "commitment=yes" is not needed: this program asks no eligibility question (intake.eligibility in mentor.config.yaml has none). Leave out --answer.');
    expect(existsSync(path.join(repo, 'people/zoe.yaml'))).toBe(false);
    const without = await mentorIn(['request', '--person', 'zoe', '--name', 'Zoe Zhang', '--github', 'zoe-z', '--timezone', 'Europe/Paris', '--wants', 'react', '--prefers', 'ada', '--repo', repo], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(without.code, without.stderr).toBe(0);
  });
});
