import { describe, expect, it } from 'vitest';
import { EXAMPLE, exampleRepo, mentor, mentorJson } from './helpers/repo.js';

describe('the bundled example program', () => {
  it('validates cleanly', () => {
    const { code, json } = mentorJson(['validate', '--repo', EXAMPLE, '--format', 'json']);
    expect(json.problems).toEqual([]);
    expect(json.files).toBeGreaterThan(40);
    expect(code).toBe(0);
  });

  it('fails clearly on a broken copy', () => {
    const repo = exampleRepo({ 'people/bob.yaml': null });
    const result = mentor(['validate', '--repo', repo]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('There is no person "bob" (no people/bob.yaml).');
    expect(result.stdout).toContain('cohorts/2026-fall/cohort.yaml');
  });
});
