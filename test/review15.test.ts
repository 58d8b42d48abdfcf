import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { exampleGitRepo, git, mentor, readText, smallProgram, minimal, SMALL_COHORT_HEAD } from './helpers/repo.js';

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

  it('says a mentor outside the tree is waiting for a lead, a mentee for a mentor', () => {
    const repo = smallProgram({
      'people/kim.yaml': minimal.person('kim'),
      'people/joe.yaml': minimal.person('joe'),
      'cohorts/c1/members/kim.yaml': 'person: kim\nrole: mentor\nrequestedAt: 2026-11-20T10:00:00Z\n',
      'cohorts/c1/members/joe.yaml': 'person: joe\nrole: mentee\nrequestedAt: 2026-11-20T10:00:00Z\n',
    });
    const result = mentor(['site', '--out', '_site'], { cwd: repo, env: NOW });
    expect(result.code, result.stderr).toBe(0);
    const outside = /<h3 id="outside">[\s\S]*?<\/ul>/.exec(readText(repo, '_site/cohorts/c1.html'))![0].replace(/<[^>]+>/g, '');
    expect(outside).toContain('KIM kim mentor … waiting for a lead');
    expect(outside).toContain('JOE joe mentee … waiting for a mentor');
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

describe('an offer to mentor with fewer hours than mentoring anyone takes', () => {
  const offer = (repo: string, hours: string, format = 'text') =>
    mentor(['request', '--role', 'mentor', '--cohort', 'c1', '--person', 'kim', '--name', 'Kim', '--github', 'kim-gh', '--timezone', 'UTC', '--skills', 'css', '--max-hours', hours, '--format', format], { cwd: repo, env: { MENTOR_NOW: '2026-11-01T12:00:00Z' } });

  it('is refused, writing nothing, with the hours one mentee takes: a mentor who waits with no room would never be given a mentee', () => {
    // A mentor plans 4 h a week before any mentee (the defaults), 1 h more per mentee.
    const repo = smallProgram();
    const result = offer(repo, '3');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("3 hours a week is less than a mentor's plan with one mentee in cohort c1 (5 h: 4 h, and 1 h more per mentee): give at least 5 hours, or leave the hours empty.");
    expect(existsSync(path.join(repo, 'people/kim.yaml'))).toBe(false);
    expect(existsSync(path.join(repo, 'cohorts/c1/members/kim.yaml'))).toBe(false);
  });

  it("asks only for the mentor's own plan where mentors take no mentees (maxMentees: 0)", () => {
    const repo = smallProgram({ 'mentor.config.yaml': `${minimal.config}roles:\n  mentor:\n    maxMentees: 0\n`, 'cohorts/c1/logs/ann/2026-W40.yaml': null, 'cohorts/c1/cohort.yaml': `${SMALL_COHORT_HEAD}members:\n  - person: lee\n    role: lead\n  - person: max\n    role: mentor\n    mentor: lee\n` });
    expect(offer(repo, '4').code).toBe(0);
    const refused = offer(smallProgram({ 'mentor.config.yaml': `${minimal.config}roles:\n  mentor:\n    maxMentees: 0\n`, 'cohorts/c1/logs/ann/2026-W40.yaml': null, 'cohorts/c1/cohort.yaml': `${SMALL_COHORT_HEAD}members:\n  - person: lee\n    role: lead\n  - person: max\n    role: mentor\n    mentor: lee\n` }), '3');
    expect(refused.stderr).toContain("3 hours a week is less than a mentor's plan in cohort c1 (4 h): give at least 4 hours, or leave the hours empty.");
  });

  it('is taken with enough hours for one mentee', () => {
    const repo = smallProgram();
    expect(offer(repo, '5').code).toBe(0);
    expect(readText(repo, 'people/kim.yaml')).toContain('maxHoursPerWeek: 5');
    const hours = mentor(['hours', 'c1'], { cwd: repo, env: { MENTOR_NOW: '2026-11-01T12:00:00Z' } });
    expect(hours.stdout).not.toContain('planned past maxHoursPerWeek');
  });
});

describe('the weekly report on a mentor still waiting for a lead', () => {
  it('says the overdue mentor has waited for a lead, the mentee for a mentor', () => {
    const repo = smallProgram({
      'people/kim.yaml': minimal.person('kim'),
      'people/joe.yaml': minimal.person('joe'),
      'cohorts/c1/members/kim.yaml': 'person: kim\nrole: mentor\nrequestedAt: 2026-11-10T10:00:00Z\n',
      'cohorts/c1/members/joe.yaml': 'person: joe\nrole: mentee\nrequestedAt: 2026-11-10T10:00:00Z\n',
    });
    const result = mentor(['report', 'c1', '--week', '2026-W47'], { cwd: repo, env: NOW });
    expect(result.code, result.stderr).toBe(0);
    const report = readText(repo, 'reports/c1/2026-W47.md');
    expect(report).toContain('**Overdue request:** kim has waited 12 d 14 h for a lead (promise: 48 h).');
    expect(report).toContain('**Overdue request:** joe has waited 12 d 14 h for a mentor (promise: 48 h).');
  });
});

describe('the gate, for a newcomer who joins as a mentor and claims in the same pull request', () => {
  it('says to join first and claim once that is merged, not "only for yourself" (the mentor set is the author)', () => {
    const repo = exampleGitRepo();
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    writeFileSync(path.join(repo, 'people/newb.yaml'), 'id: newb\nname: Newb\ngithub: newb-gh\ntimezone: UTC\nskills: [js]\n');
    mkdirSync(path.join(repo, 'cohorts/2026-fall/members'));
    writeFileSync(path.join(repo, 'cohorts/2026-fall/members/newb.yaml'), 'person: newb\nrole: mentor\nrequestedAt: 2026-11-24T10:00:00-08:00\n');
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readText(repo, 'cohorts/2026-fall/cohort.yaml').replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    mentor: newb\n    assignedAt: 2026-11-24T11:00:00-08:00\n'));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'join and claim']);
    const result = mentor(['check-pr', '--base', base, '--head', 'HEAD', '--author', 'newb-gh', '--format', 'json'], { cwd: repo, env: { MENTOR_NOW: '2026-11-24T12:00:00-08:00' } });
    expect(result.code).toBe(1);
    const claim = JSON.parse(result.stdout).changes.find((c: { file: string }) => c.file === 'cohorts/2026-fall/cohort.yaml');
    expect(claim).toMatchObject({ allowed: false, reason: 'sets newb, you, as the mentor of jon before you are a member of cohort 2026-fall: join in a pull request of its own, and once it is merged, claim jon' });
  });
});

describe('a claim by a paused or inactive mentor (the /claim answer says the same)', () => {
  const program = (maxExtra: string) =>
    smallProgram({
      'people/max.yaml': minimal.person('max', maxExtra),
      'people/joe.yaml': minimal.person('joe'),
      'cohorts/c1/members/joe.yaml': 'person: joe\nrole: mentee\nrequestedAt: 2026-11-01T10:00:00Z\n',
    });
  const claim = (repo: string) => mentor(['claim', 'joe', '--as', 'max'], { cwd: repo, env: { MENTOR_NOW: '2026-11-02T12:00:00Z' } });

  it('says when a paused mentor may claim, and who else can', () => {
    const result = claim(program('pausedUntil: 2026-11-20\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('max is paused until 2026-11-20 (pausedUntil in people/max.yaml) and takes no one new before then: another mentor claims joe, or max does from 2026-11-20 (or once pausedUntil is removed).');
  });

  it('says how an inactive mentor becomes active again, and who else can claim', () => {
    const result = claim(program('active: false\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('max is not active (active: false in people/max.yaml) and takes no one new: another mentor claims joe, or max sets active: true first.');
  });
});
