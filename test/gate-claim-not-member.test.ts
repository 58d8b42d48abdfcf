import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, git } from './helpers/repo.js';

// A hand-made claim (the README: "set `mentor` to themselves, and `assignedAt`") by a person of the
// program who is in no cohort yet (a merged offer to mentor): the gate said only 'you are not a
// member there', and asked a maintainer to approve, which cannot make the claim valid.

describe('the gate, for a claim by someone not in the cohort', () => {
  it('says a maintainer first adds them to the cohort', async () => {
    const repo = exampleGitRepo();
    writeFileSync(path.join(repo, 'people/uma.yaml'), 'id: uma\nname: Uma Mehta\ngithub: uma-m\ntimezone: Asia/Kolkata\nskills: [react]\nactive: true\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'uma offers to mentor']);
    git(repo, ['checkout', '-q', '-b', 'pr']);
    expect((await mentorIn(['claim', 'jon', '--as', 'ada', '--repo', repo], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } })).code).toBe(0);
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/(- person: jon\n(?: {4}.*\n)*? {4}mentor: )ada/, '$1uma'));
    git(repo, ['commit', '-qam', 'uma claims jon']);
    git(repo, ['checkout', '-q', 'main']);
    const result = await mentorIn(['check-pr', '--base', 'main', '--head', 'pr', '--author', 'uma-m', '--repo', repo], { env: { MENTOR_NOW: '2026-11-24T12:00:00-08:00' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('only a mentor of cohort 2026-fall may claim them, and you are not a member there (a maintainer first adds you to it as a mentor)');
  });
});
