import { describe, expect, it } from 'vitest';
import { mentor, readText, smallProgram, minimal } from './helpers/repo.js';

// Red team of session 15's changes: `mentor assign` places mentees under a mentor still waiting
// for a lead (DESIGN.md's hard rules: active, the tier above, room), so a program without leads,
// or a new mentor from the Become a mentor form, now has branches whose top is a mentor.

const NOW = { MENTOR_NOW: '2026-11-24T12:00:00Z' };

describe('a mentor with mentees but no lead yet, on the dashboard', () => {
  it('counts the branch by role: the mentor at its top is one mentor, its mentees are mentees', () => {
    const repo = smallProgram({
      'people/kim.yaml': minimal.person('kim'),
      'cohorts/c1/cohort.yaml': 'id: c1\nname: Cohort one\nstart: 2026-09-07\nend: 2026-11-29\nmembers:\n  - person: max\n    role: mentor\n  - person: ann\n    role: mentee\n    mentor: max\n  - person: kim\n    role: mentee\n    mentor: max\n',
      'people/lee.yaml': null,
    });
    const result = mentor(['site', '--out', '_site'], { cwd: repo, env: NOW });
    expect(result.code, result.stderr).toBe(0);
    const page = readText(repo, '_site/cohorts/c1.html');
    expect(page).toContain("MAX's branch: 1 mentor, 2 mentees.");
    expect(page).not.toContain("MAX's branch: 2 mentors");
  });
});

describe('an offer to mentor, in words of its own', () => {
  it('next says a mentor who never had a lead was still waiting for a lead, not for a mentor', () => {
    const repo = smallProgram({
      'people/kim.yaml': minimal.person('kim'),
      'cohorts/c1/members/kim.yaml': 'person: kim\nrole: mentor\nrequestedAt: 2026-11-20T10:00:00Z\n',
    });
    const result = mentor(['next', 'c1', 'c2', '--start', '2026-12-07', '--yes', '--format', 'json'], { cwd: repo, env: { MENTOR_NOW: '2026-12-01T12:00:00Z' } });
    expect(result.code, result.stderr).toBe(0);
    const kim = JSON.parse(result.stdout).proposals.find((p: { person: string }) => p.person === 'kim');
    expect(kim).toMatchObject({ kind: 'same', reason: 'was still waiting for a lead' });
  });

  it('request --role mentor refuses an offer as an offer, not as a request', () => {
    const repo = smallProgram();
    const result = mentor(['request', '--role', 'mentor', '--cohort', 'c1', '--person', 'kim', '--name', 'Kim', '--github', 'kim-gh', '--timezone', 'UTC', '--skills', 'css', '--prefers', 'max'], { cwd: repo, env: { MENTOR_NOW: '2026-11-01T12:00:00Z' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mentor: nothing written: the offer to mentor cannot be taken as it is:\n  - "max" is not a lead of cohort c1: name one of lee, or leave it empty.');
  });
});
