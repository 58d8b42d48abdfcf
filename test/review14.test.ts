import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, makeTree, readText } from './helpers/repo.js';

// Findings of review14 (red-team of the lead's changes of session 14), each on real files.

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };
const INTAKE = '\nintake:\n  eligibility:\n    - id: commitment\n      question: I can give 5.5 hours a week for the whole cycle\n';

function repoWithIntake(): string {
  const repo = exampleRepo();
  writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml') + INTAKE);
  return repo;
}

/** The body GitHub renders for the request form (name first, id optional), answers filled in. */
function formBody(name: string, id?: string): string {
  const section = (label: string, value: string | undefined) => `### ${label}\n\n${value ?? '_No response_'}`;
  return [
    section('Your name', name),
    section('Your id', id),
    section('Your time zone', 'UTC'),
    section('What you want to learn', 'react'),
    section('What you know already', undefined),
    section('A mentor you would like', undefined),
    section('Languages you speak', undefined),
    '### Before you ask\n\n- [X] I can give 5.5 hours a week for the whole cycle',
  ].join('\n\n');
}

describe('request --from-issue: the id made for an empty id field', () => {
  it('is never an id a cohort already has as a member without a person file (the request was refused as "already a member", or the gate refused its pull request)', async () => {
    const repo = repoWithIntake();
    // ivy is listed in 2026-fall, her person file not (yet) written.
    rmSync(path.join(repo, 'people/ivy.yaml'));
    const file = path.join(makeTree({ 'body.md': formBody('Ivy') }), 'body.md');
    const result = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'ivy-new', '--format', 'markdown'], { env: NOW });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toContain('already a member');
    expect(existsSync(path.join(repo, 'people/ivy.yaml'))).toBe(false);
    expect(result.stdout).toContain('Your id is ivy-new, made for you');
  });
});
