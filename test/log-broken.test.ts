import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRepo, mentor } from './helpers/repo.js';

// A mentee who broke their log by hand runs `mentor log` again to put it right (term8, T1).
const LOG = 'cohorts/2026-fall/logs/bob/2026-W47.yaml';
const flags = ['--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=2', '--force'];

describe('mentor log over a log with errors', () => {
  it('refuses a log with a wrong value, saying where and what to do, and loses none of its other lines', () => {
    const repo = exampleRepo();
    const broken = 'person: bob\nweek: 2026-W47\nhours:\n  practice: one\n  code-review: 1   # reviewed PR 3\ndone: Stuff\n';
    writeFileSync(path.join(repo, LOG), broken);
    const result = mentor(['log', '--repo', repo, ...flags]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`${LOG}:4:13: "hours.practice" must be a number, not the text "one"`);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).toContain('Fix the file by hand (`mentor validate` shows every problem), or delete it to write the week afresh');
    expect(readFileSync(path.join(repo, LOG), 'utf8')).toBe(broken);
  });

  it('refuses a log that is not valid YAML with its line and column, not an internal error', () => {
    const repo = exampleRepo();
    const broken = 'person: bob\nweek: 2026-W47\nhours:\n  practice: 1\n   code-review: 2\n';
    writeFileSync(path.join(repo, LOG), broken);
    const result = mentor(['log', '--repo', repo, ...flags]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toMatch(new RegExp(`${LOG}:5:1: This line is indented 3 spaces`));
    expect(readFileSync(path.join(repo, LOG), 'utf8')).toBe(broken);
  });
});
