import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { parse } from 'yaml';
import { exampleRepo, git, gitRepo, GIT_ENV, makeTree, mentor, MENTOR_BIN, mentorJson, readText, writeTree } from './helpers/repo.js';

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };
const INTAKE = `
intake:
  eligibility:
    - id: commitment
      question: I can give 5.5 hours a week for the whole cycle
    - id: laptop
      question: I have a computer I can code on
`;

function repoWithIntake(extra = INTAKE) {
  const repo = exampleRepo();
  writeFileSync(path.join(repo, 'mentor.config.yaml'), readText(repo, 'mentor.config.yaml') + extra);
  return repo;
}

const ZOE = ['--person', 'zoe', '--name', 'Zoe Zhang', '--github', 'zoe-z', '--timezone', 'Europe/Paris'];
const YES = ['--answer', 'commitment=yes', '--answer', 'laptop=yes'];

/** The body GitHub renders for the request form, answers filled in. */
function formBody(answers: Partial<Record<string, string>>, boxes = ['X', 'X']): string {
  const section = (label: string, value: string | undefined) => `### ${label}\n\n${value ?? '_No response_'}`;
  return [
    section('Your id', answers.id),
    section('Your name', answers.name),
    section('Your time zone', answers.zone),
    section('What you want to learn', answers.wants),
    section('What you know already', answers.skills),
    section('A mentor you would like', answers.prefers),
    section('Languages you speak', answers.languages),
    `### Before you ask\n\n- [${boxes[0]}] I can give 5.5 hours a week for the whole cycle\n- [${boxes[1]}] I have a computer I can code on`,
  ].join('\n\n');
}

function noNewFiles(repo: string) {
  expect(existsSync(path.join(repo, 'people/zoe.yaml'))).toBe(false);
  expect(existsSync(path.join(repo, 'cohorts/2026-fall/members/zoe.yaml'))).toBe(false);
}

describe('mentor request', () => {
  it('writes a new person file and a waiting member file, which validate', async () => {
    const repo = repoWithIntake();
    const result = mentor(['request', '--repo', repo, ...ZOE, '--wants', 'React, node', '--prefers', 'ada-l', '--languages', 'fr,en', ...YES], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readText(repo, 'people/zoe.yaml'))).toEqual({ id: 'zoe', name: 'Zoe Zhang', github: 'zoe-z', timezone: 'Europe/Paris', languages: ['en', 'fr'] });
    expect(readText(repo, 'people/zoe.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/person\.schema\.json\n/);
    expect(parse(readText(repo, 'cohorts/2026-fall/members/zoe.yaml'))).toEqual({ person: 'zoe', role: 'mentee', wants: ['node', 'react'], prefers: 'ada', requestedAt: '2026-11-23T10:00:00-08:00' });
    expect(readText(repo, 'cohorts/2026-fall/cohort.yaml')).not.toContain('zoe');
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
    const status = await mentorIn(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env: NOW });
    expect(JSON.parse(status.stdout).cohorts[0].waiting.map((w: { id: string }) => w.id)).toContain('zoe');
  });

  // DESIGN.md: request "writes their person file and a waiting member" for both roles. Until
  // session 15 an offer wrote the person file only, and a maintainer had to place the mentor by hand.
  it('--role mentor writes an active person file with skills and a mentor waiting for a lead', async () => {
    const repo = repoWithIntake();
    const result = await mentorIn(['request', '--repo', repo, ...ZOE, '--role', 'mentor', '--skills', 'go, sql', '--max-hours', '6'], { env: NOW, cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readText(repo, 'people/zoe.yaml'))).toEqual({ id: 'zoe', name: 'Zoe Zhang', github: 'zoe-z', timezone: 'Europe/Paris', skills: ['go', 'sql'], maxHoursPerWeek: 6, active: true });
    const member = readText(repo, 'cohorts/2026-fall/members/zoe.yaml');
    expect(parse(member)).toEqual({ person: 'zoe', role: 'mentor', requestedAt: '2026-11-23T10:00:00-08:00' });
    expect(member).toContain('# An offer to mentor: waiting until a lead takes it on (or `mentor assign` places it).\n');
    expect(result.stdout).toContain('Wrote an offer to mentor in cohort 2026-fall, waiting for a lead: people/zoe.yaml, cohorts/2026-fall/members/zoe.yaml.\nNext: put both files on a branch of its own and open a pull request; it counts once merged:\n  git switch -c request/zoe\n');
    expect(result.stdout).not.toContain('a maintainer places');
    // The records stay valid, and the new mentor waits as a request does: a lead sees them.
    const status = await mentorIn(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env: NOW });
    const snapshot = JSON.parse(status.stdout).cohorts[0];
    expect(snapshot.waiting.map((w: { id: string; role: string }) => [w.id, w.role])).toContainEqual(['zoe', 'mentor']);
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
    // DESIGN.md's hard rules (active, the tier above, room): a mentor waiting for a lead may take
    // mentees meanwhile, so zoe is among the mentors with room.
    expect(snapshot.mentorsWithRoom.map((m: { id: string }) => m.id)).toContain('zoe');
    // Who takes a waiting mentor is a lead: the next step says so.
    const text = await mentorIn(['status', '2026-fall', '--repo', repo], { env: { ...NOW, NO_COLOR: '1' } });
    expect(text.stdout).toContain('or a mentor (a lead, for a mentor) takes one: `mentor claim <member> --as <mentor>`');
    expect(text.stdout).toMatch(/^! Waiting for a mentor or a lead \(\d+\)$/m);
  });

  // Exit 1: the request is refused (ineligible, taken, not a mentor there). Exit 2: a flag is
  // missing or invalid, or --cohort names no cohort, as every command's usage errors are.
  const refusals: Array<[string, string[], RegExp, 1 | 2]> = [
    ['an ineligible request', [...ZOE, '--answer', 'commitment=yes'], /confirm "I have a computer I can code on"/, 1],
    ['an eligibility question answered no', [...ZOE, '--answer', 'commitment=no', '--answer', 'laptop=yes'], /confirm "I can give 5.5 hours/, 1],
    ['a taken id', ['--person', 'ada', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC', ...YES], /The id "ada" is taken .*such as ada-2/, 1],
    ['a handle whose person is in the cohort already', ['--person', 'zoe', '--name', 'Zoe', '--github', 'ADA-L', '--timezone', 'UTC', ...YES], /The GitHub handle ADA-L is ada's \(people\/ada.yaml\), who is a member of cohort 2026-fall already/, 1],
    ['an unknown preferred mentor', [...ZOE, ...YES, '--prefers', 'bob'], /"bob" is not a mentor of cohort 2026-fall: name one of ada, grace, linus/, 1],
    ['a handle with odd characters', ['--person', 'zoe', '--name', 'Zoe', '--github', 'zoe_z;rm', '--timezone', 'UTC', ...YES], /is not a GitHub handle/, 2],
    ['an unknown cohort', [...ZOE, ...YES, '--cohort', '2027-spring'], /There is no cohort "2027-spring"/, 2],
    ['an unknown time zone', ['--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'Europe/Pariss', ...YES], /"Europe\/Pariss" is not an IANA time zone/, 2],
    ['an answer to no question', [...ZOE, ...YES, '--answer', 'age=yes'], /The answer "age=yes" is not understood/, 2],
    ['a missing --name', ['--person', 'zoe', '--github', 'zoe-z', '--timezone', 'UTC', ...YES], /A name is needed/, 2],
    ['a missing --github', ['--person', 'zoe', '--name', 'Zoe', '--timezone', 'UTC', ...YES], /A GitHub handle is needed \(--github\)/, 2],
    ['an invalid flag beside an ineligible answer', ['--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'Mars/Base', '--answer', 'commitment=yes'], /"Mars\/Base" is not an IANA time zone/, 2],
  ];
  for (const [what, args, message, exit] of refusals) {
    it(`refuses ${what}, writing nothing, with exit ${exit} and what to do`, async () => {
      const repo = repoWithIntake();
      const result = await mentorIn(['request', '--repo', repo, '--cohort', '2026-fall', ...args], { env: NOW });
      expect(result.code, result.stderr).toBe(exit);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('nothing written');
      noNewFiles(repo);
    });
  }

  // A returning person (last cycle's mentee, whose person file stays): until session 15 refused as
  // "you are registered; ask a maintainer", so the form was a dead end for them.
  it('takes a returning person\'s request as theirs: their member only, the person file kept, and the gate passes it', async () => {
    const repo = repoWithIntake();
    // hal (hal-k) is a mentee of 2026-fall; a cohort starting later takes requests.
    writeTree(repo, { 'cohorts/2027-spring/cohort.yaml': 'id: 2027-spring\nname: Spring\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n' });
    const before = readText(repo, 'people/hal.yaml');
    const body = formBody({ id: '', name: 'Hal K.', zone: 'Europe/Oslo' });
    const file = path.join(makeTree({ 'body.md': body }), 'body.md');
    const result = await mentorIn(['request', '--repo', repo, '--cohort', '2027-spring', '--from-issue', file, '--github', 'hal-k', '--format', 'markdown'], { env: NOW });
    expect(result.code, result.stdout).toBe(0);
    expect(readText(repo, 'people/hal.yaml')).toBe(before);
    expect(parse(readText(repo, 'cohorts/2027-spring/members/hal.yaml'))).toMatchObject({ person: 'hal', role: 'mentee', requestedAt: '2026-11-23T10:00:00-08:00' });
    expect(existsSync(path.join(repo, 'people/hal-k.yaml'))).toBe(false);
    expect(result.stdout).toContain('You are registered already, as hal: the pull request adds only your member file, and people/hal.yaml stays as it is');
    // The same from the command line: the file it wrote, and what it kept.
    rmSync(path.join(repo, 'cohorts/2027-spring/members'), { recursive: true });
    const flags = await mentorIn(['request', '--repo', repo, '--cohort', '2027-spring', '--person', 'hal', '--name', 'Hal', '--github', 'hal-k', '--timezone', 'UTC', ...YES], { env: NOW, cwd: repo });
    expect(flags.code, flags.stderr).toBe(0);
    expect(flags.stdout).toContain('Wrote a request for a mentor in cohort 2027-spring: cohorts/2027-spring/members/hal.yaml. You are registered already: people/hal.yaml stays as it is');
    // The gate judges hal, a person, adding themselves as a waiting member: allowed.
    git(repo, ['init', '-q']);
    git(repo, ['add', '-A', ':!cohorts/2027-spring/members']);
    git(repo, ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base']);
    git(repo, ['switch', '-q', '-c', 'pr']);
    git(repo, ['add', '-A']);
    git(repo, ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'request']);
    const gate = await mentorInJson(['check-pr', '--repo', repo, '--base', 'master', '--author', 'hal-k', '--format', 'json'], { env: NOW });
    expect(gate.json.changes).toEqual([expect.objectContaining({ file: 'cohorts/2027-spring/members/hal.yaml', allowed: true })]);
    expect(gate.code).toBe(0);
  });

  // review15: an offer dropped --wants and --answer without a word.
  it('refuses --wants and --answer on an offer to mentor, saying what an offer takes instead (exit 2, nothing written)', async () => {
    const repo = repoWithIntake();
    const result = await mentorIn(['request', '--repo', repo, ...ZOE, '--role', 'mentor', '--skills', 'go', '--wants', 'react', ...YES], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('An offer to mentor names what you teach (--skills), not what you want to learn: leave out --wants.');
    expect(result.stderr).toContain('An offer to mentor answers no eligibility question (they are asked of a request for a mentor): leave out --answer.');
    noNewFiles(repo);
  });

  it('says of a taken id only that it is taken: not that the newcomer is a member already, which they are not', async () => {
    const result = await mentorIn(['request', '--repo', repoWithIntake(), '--cohort', '2026-fall', '--person', 'ada', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC', ...YES], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The id "ada" is taken');
    expect(result.stderr).not.toContain('already a member');
  });

  it('refuses a cohort that has ended', async () => {
    const repo = repoWithIntake();
    const result = await mentorIn(['request', '--repo', repo, ...ZOE, ...YES, '--cohort', '2026-fall'], { env: { MENTOR_NOW: '2026-12-05T10:00:00-08:00' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cohort 2026-fall ended on 2026-11-29');
    noNewFiles(repo);
  });

  it('lands in intake.cohort when the config names it, even one that has not started', async () => {
    const repo = repoWithIntake(`${INTAKE}  cohort: 2027-spring\n`);
    writeTree(repo, { 'cohorts/2027-spring/cohort.yaml': 'id: 2027-spring\nname: Spring 2027\nstart: 2027-01-11\nmembers:\n  - person: andrew\n    role: lead\n  - person: ada\n    role: mentor\n    mentor: andrew\n' });
    const result = await mentorIn(['request', '--repo', repo, ...ZOE, ...YES, '--prefers', 'ada'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readText(repo, 'cohorts/2027-spring/members/zoe.yaml'))).toMatchObject({ person: 'zoe', prefers: 'ada' });
  });

  it('--commit writes both files on a new branch request/<id> in one commit', async () => {
    const repo = gitRepo(repoWithIntake());
    const result = await mentorIn(['request', '--repo', repo, ...ZOE, ...YES, '--commit'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('request/zoe');
    expect(git(repo, ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual(['Request a mentor: zoe waits in 2026-fall', '', 'cohorts/2026-fall/members/zoe.yaml', 'people/zoe.yaml']);
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
  });
});

describe('mentor request --format json', () => {
  it('says what it wrote (the person, the cohort, the files, the branch), alone on stdout', async () => {
    const repo = gitRepo(repoWithIntake());
    const { code, json, stderr } = mentorJson(['request', '--repo', repo, ...ZOE, ...YES, '--commit', '--format', 'json'], { env: NOW });
    expect(code, stderr).toBe(0);
    expect(json).toEqual({ role: 'mentee', person: 'zoe', cohort: '2026-fall', organisers: null, ok: true, problems: [], files: ['people/zoe.yaml', 'cohorts/2026-fall/members/zoe.yaml'], branch: 'request/zoe' });
  });

  it('says a refusal and why in the same shape, writing nothing: exit 1 for an ineligible request, 2 for an invalid flag', async () => {
    const repo = repoWithIntake();
    const ineligible = await mentorInJson(['request', '--repo', repo, ...ZOE, '--answer', 'commitment=yes', '--format', 'json'], { env: NOW });
    expect(ineligible.code).toBe(1);
    expect(ineligible.json).toMatchObject({ role: 'mentee', person: 'zoe', cohort: null, organisers: null, ok: false, files: [], branch: null });
    expect(ineligible.json.problems).toEqual([expect.stringContaining('I have a computer I can code on')]);
    const badZone = await mentorInJson(['request', '--repo', repo, ...ZOE.slice(0, -1), 'Mars/Base', ...YES, '--format', 'json'], { env: NOW });
    expect(badZone.code).toBe(2);
    expect(badZone.json.problems).toEqual([expect.stringContaining('"Mars/Base" is not an IANA time zone')]);
    noNewFiles(repo);
  });
});

describe('mentor request --from-issue', () => {
  const fromIssue = async (repo: string, body: string, extra: string[] = []) => {
    const file = path.join(makeTree({ 'body.md': body }), 'body.md');
    return await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'zoe-z', ...extra], { env: NOW });
  };

  it('reads the body GitHub renders for the form, blank answers included', async () => {
    const repo = repoWithIntake();
    const result = await fromIssue(repo, formBody({ id: 'zoe', name: 'Zoe Zhang', zone: 'Europe/Paris', wants: 'react' }));
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readText(repo, 'people/zoe.yaml'))).toEqual({ id: 'zoe', name: 'Zoe Zhang', github: 'zoe-z', timezone: 'Europe/Paris' });
    expect(parse(readText(repo, 'cohorts/2026-fall/members/zoe.yaml'))).toMatchObject({ person: 'zoe', role: 'mentee', wants: ['react'] });
  });

  it('answers in Markdown what to fix, escaping the text of the issue, and writes nothing', async () => {
    const repo = repoWithIntake();
    const body = formBody({ id: 'zoe', name: 'Zoe', zone: '@octocat <img src=x> [x](http://evil)', prefers: '@andrew-gh' }, ['X', ' ']);
    const result = await fromIssue(repo, body, ['--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('<!-- mentor:request -->');
    expect(result.stdout).toContain('I have a computer I can code on');
    expect(result.stdout).not.toMatch(/@octocat|@andrew-gh|<img|\]\(http/);
    expect(result.stdout).toContain('&lt;img');
    noNewFiles(repo);
  });

  it('quotes a huge answer shortened, so the whole answer stays one comment GitHub takes and still says what to fix', async () => {
    const repo = repoWithIntake();
    const result = await fromIssue(repo, formBody({ id: 'zoe', name: 'Zoe', zone: '*'.repeat(60_000), wants: 'react', prefers: '@x'.repeat(20_000) }), ['--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBeLessThan(3_000);
    expect(result.stdout).toMatch(/\\\*…" is not an IANA time zone: write the place you live/);
    expect(result.stdout).toContain('is not a mentor of cohort 2026-fall: name one of');
    noNewFiles(repo);
  });

  it('makes the id a form left empty from the name, or else from the handle, and says which it is', async () => {
    const repo = repoWithIntake();
    const made = await fromIssue(repo, formBody({ name: 'Zoë Ñandú', zone: 'UTC' }), ['--format', 'markdown']);
    expect(made.code, made.stderr).toBe(0);
    expect(readFileSync(path.join(repo, 'people/zoe-nandu.yaml'), 'utf8')).toContain('id: zoe-nandu\nname: Zoë Ñandú\n');
    expect(made.stdout).toContain('Your id is zoe-nandu, made for you: your file is people/zoe-nandu.yaml');
    // A name whose id someone has: the handle, in lower case.
    const again = await mentorIn(['request', '--repo', repo, '--from-issue', path.join(makeTree({ 'body.md': formBody({ name: 'Zoe Nandu', zone: 'UTC' }) }), 'body.md'), '--github', 'Zed-Two', '--format', 'markdown'], { env: NOW });
    expect(again.code, again.stdout).toBe(0);
    expect(existsSync(path.join(repo, 'people/zed-two.yaml'))).toBe(true);
    expect(again.stdout).toContain('Your id is zed-two, made for you');
    // A name typed where the id goes: the id is made from it.
    const typed = await fromIssue(repoWithIntake(), formBody({ id: 'Zoë Ñandú', name: 'Zoë', zone: 'UTC' }), ['--format', 'markdown']);
    expect(typed.code, typed.stdout).toBe(0);
    expect(typed.stdout).toContain('Your id is zoe-nandu, made for you');
    // An id given is taken as it is, and not said again.
    const given = await fromIssue(repoWithIntake(), formBody({ id: 'zoe', name: 'Zoe', zone: 'UTC' }), ['--format', 'markdown']);
    expect(given.code, given.stdout).toBe(0);
    expect(given.stdout).not.toContain('Your id is');
  });

  it('refuses a time zone written as an abbreviation, with the place it usually means (BST reads as Dhaka)', async () => {
    const repo = repoWithIntake();
    const result = await fromIssue(repo, formBody({ id: 'zoe', name: 'Zoe', zone: 'BST' }), ['--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('here it reads as Asia/Dhaka');
    expect(result.stdout).toContain('Write the place you live, such as Europe/London.');
    noNewFiles(repo);
  });

  it('refuses a body that is not the form, or has a section twice (an edited issue)', async () => {
    const repo = repoWithIntake();
    const missing = await fromIssue(repo, 'Please give me a mentor!');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The section "Your name" is missing');
    const doubled = await fromIssue(repo, `${formBody({ id: 'zoe', name: 'Zoe', zone: 'UTC' })}\n\n### Your id\n\nada`);
    expect(doubled.code).toBe(1);
    expect(doubled.stderr).toContain('The section "Your id" appears more than once');
    noNewFiles(repo);
  });

  it('exits 2 without --github (a flag the workflow always passes), and 1 for what the form itself answers wrong', async () => {
    const repo = repoWithIntake();
    const file = path.join(makeTree({ 'body.md': formBody({ id: 'zoe', name: 'Zoe', zone: 'UTC' }, ['X', 'X']) }), 'body.md');
    const noHandle = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--format', 'markdown'], { env: NOW });
    expect(noHandle.code).toBe(2);
    expect(noHandle.stdout.split('\n')[0]).toBe('<!-- mentor:request -->');
    expect(noHandle.stdout).toContain('A GitHub handle is needed');
    const wrongZone = await fromIssue(repo, formBody({ id: 'zoe', name: 'Zoe', zone: 'Mars/Base' }, ['X', 'X']));
    expect(wrongZone.code).toBe(1);
    expect(wrongZone.stderr).toContain('"Mars/Base" is not an IANA time zone');
    noNewFiles(repo);
  });

  it('answers an offer to mentor as an offer, in the words of the form: no flag to pass, no pull request a mentor may not make', async () => {
    const repo = repoWithIntake();
    const offer = ['### Your id\n\nada-2', '### Your name\n\nAda', '### Your time zone\n\nEurope/London', '### Skills you can teach\n\n_No response_', '### Languages you speak\n\n_No response_', '### Hours a week you can give\n\n_No response_'].join('\n\n');
    const file = path.join(makeTree({ 'body.md': offer }), 'body.md');
    // The form's skills are left empty.
    const result = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'zed-z', '--role', 'mentor', '--format', 'markdown'], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Thanks for offering to mentor. Your offer to mentor cannot be taken yet:');
    expect(result.stdout).toContain('- An offer to mentor names at least one skill you can teach.\n');
    // ada-l is ada's handle, a mentor of the cohort already: nothing to offer there (her skills are in her file).
    const registered = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'ada-l', '--role', 'mentor', '--format', 'markdown'], { env: NOW });
    expect(registered.stdout).toContain("The GitHub handle ada-l is ada's \\(people/ada.yaml\\), who is a member of cohort 2026-fall already: nothing to ask for there.");
    expect(registered.stdout).not.toContain('names at least one skill');
    // From the command line the flag is still named.
    const flags = await mentorIn(['request', '--repo', repo, '--role', 'mentor', '--person', 'kim', '--name', 'Kim', '--github', 'kim-k', '--timezone', 'UTC'], { env: NOW });
    expect(flags.stderr).toContain('An offer to mentor names at least one skill you can teach (--skills).');
  });

  it('takes the handle from --github, never from the body', async () => {
    const repo = repoWithIntake();
    const result = await fromIssue(repo, `${formBody({ id: 'zoe', name: 'Zoe', zone: 'UTC' })}\n\n### Your GitHub handle\n\nada-l`);
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readText(repo, 'people/zoe.yaml')).github).toBe('zoe-z');
  });
});

/** `mentor request` under a pseudo-terminal, playing `steps`. */
function requestOnTerminal(repo: string, steps: Array<[string, string]>, args: string[] = []) {
  const home = makeTree({ '.gitconfig': '[user]\n\tname = zoe\n\temail = zoe@example.com\n' });
  return spawnSync('python3', [path.join(import.meta.dirname, 'helpers/run_pty.py'), JSON.stringify(steps), '--', process.execPath, MENTOR_BIN, 'request', '--repo', repo, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, ...NOW, HOME: home, NO_COLOR: '1', TERM: 'xterm-256color', CI: undefined },
    timeout: 60_000,
  });
}

describe('mentor request on a terminal', () => {
  it('asks for what the flags left out, the eligibility questions included, and writes the request', () => {
    const repo = repoWithIntake();
    const home = makeTree({ '.gitconfig': '[user]\n\tname = zoe\n\temail = zoe@example.com\n' });
    const steps: Array<[string, string]> = [
      // Steps added with J9: the role is asked when --role is not given, and the request is confirmed.
      ['What would you like to do?', '\r'],
      ['Your name', 'Zoe Zhang\r'],
      ['Your id', 'zoe\r'],
      ['Your time zone', 'Europe/Paris\r'],
      ['What you want to learn', 'react\r'],
      ['What you know already', '\r'],
      ['A mentor you would like', '\x1b[B\r'],
      ['Languages you speak', '\r'],
      ['Your GitHub handle', 'zoe-z\r'],
      ['I can give 5.5 hours', 'y\r'],
      ['I have a computer', 'y\r'],
      ['Write this request?', '\r'],
    ];
    const result = spawnSync('python3', [path.join(import.meta.dirname, 'helpers/run_pty.py'), JSON.stringify(steps), '--', process.execPath, MENTOR_BIN, 'request', '--repo', repo], {
      encoding: 'utf8',
      env: { ...process.env, ...GIT_ENV, ...NOW, HOME: home, NO_COLOR: '1', TERM: 'xterm-256color', CI: undefined },
      timeout: 60_000,
    });
    expect(result.status, result.stdout).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'cohorts/2026-fall/members/zoe.yaml'), 'utf8'))).toEqual({ person: 'zoe', role: 'mentee', wants: ['react'], prefers: 'ada', requestedAt: '2026-11-23T10:00:00-08:00' });
  });

  it('shows the files before writing, in canonical spelling: a time zone in any case, a language by name', () => {
    const repo = repoWithIntake();
    const result = requestOnTerminal(repo, [
      ['What would you like to do?', '\r'],
      ['Your name', 'Maya Rao\r'],
      ['Your id', 'maya\r'],
      ['Your time zone (where you live, such as Europe/London', 'america/los_angeles\r'],
      ['What you want to learn', 'react\r'],
      ['What you know already', '\r'],
      ['A mentor you would like', '\r'],
      ['Languages you speak', 'English, Français\r'],
      ['Your GitHub handle', 'maya-r\r'],
      ['I can give 5.5 hours', 'y\r'],
      ['I have a computer', 'y\r'],
      ['Write this request?', '\r'],
    ]);
    expect(result.status, result.stdout).toBe(0);
    const preview = result.stdout.slice(result.stdout.indexOf('people/maya.yaml'), result.stdout.indexOf('Write this request?'));
    expect(preview).toContain('timezone: America/Los_Angeles');
    expect(preview).toContain('languages: [en, fr]');
    expect(preview).toContain('cohorts/2026-fall/members/maya.yaml');
    expect(parse(readText(repo, 'people/maya.yaml'))).toMatchObject({ timezone: 'America/Los_Angeles', languages: ['en', 'fr'] });
  });

  it('writes nothing when the summary is turned down', () => {
    const repo = repoWithIntake();
    const result = requestOnTerminal(repo, [
      ['Your name', 'Zoe Zhang\r'],
      ['Your id', 'zoe\r'],
      ['Your time zone', 'Europe/Pariss\r'],
      ['did you mean Europe/Paris?', '\x15Europe/Paris\r'],
      ['What you want to learn', '\r'],
      ['What you know already', '\r'],
      ['A mentor you would like', '\r'],
      ['Languages you speak', '\r'],
      ['Your GitHub handle', 'zoe-z\r'],
      ['I can give 5.5 hours', 'y\r'],
      ['I have a computer', 'y\r'],
      ['Write this request?', '\x1b[B\r'],
    ], ['--role', 'mentee']);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).not.toContain('What would you like to do?');
    expect(result.stdout).toContain('Nothing written.');
    noNewFiles(repo);
  });

  it('asks mentee or mentor, and an offer to mentor asks for skills and no eligibility', () => {
    const repo = repoWithIntake();
    const result = requestOnTerminal(repo, [
      ['What would you like to do?', '\x1b[B\r'],
      ['Your name', 'Zoe Zhang\r'],
      ['Your id', 'zoe\r'],
      ['Your time zone', 'Europe/Paris\r'],
      ['Skills you can teach', 'go\r'],
      ['Languages you speak', '\r'],
      ['Hours a week you can give', '\r'],
      ['Your GitHub handle', 'zoe-z\r'],
      ['Write this offer to mentor?', '\r'],
    ]);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).not.toContain('I can give 5.5 hours');
    expect(parse(readText(repo, 'people/zoe.yaml'))).toMatchObject({ skills: ['go'], active: true });
    expect(parse(readText(repo, 'cohorts/2026-fall/members/zoe.yaml'))).toMatchObject({ person: 'zoe', role: 'mentor' });
  });
});

describe('languages and time zones a request stores', () => {
  it('spells a time zone typed in the wrong case as the database does, and stores language names as codes', async () => {
    const repo = repoWithIntake();
    const result = await mentorIn(['request', '--repo', repo, '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'europe/PARIS', '--languages', 'English, fr, Deutsch, Klingon', ...YES], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readText(repo, 'people/zoe.yaml'))).toMatchObject({ timezone: 'Europe/Paris', languages: ['de', 'en', 'fr', 'klingon'] });
  });

  it('scores a shared language the same whether a record writes it as a name or a code', async () => {
    const repo = repoWithIntake();
    // jon waits in the example; every mentor there speaks en. Written as a name, it still matches.
    const before = await mentorIn(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json'], { env: NOW });
    writeFileSync(path.join(repo, 'people/jon.yaml'), readText(repo, 'people/jon.yaml').replace(/languages: \[[^\]]*\]/, 'languages: [English]'));
    const after = await mentorIn(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json'], { env: NOW });
    const score = (out: string) => JSON.parse(out).assignments.find((a: { person: string }) => a.person === 'jon').score;
    expect(score(after.stdout)).toBe(score(before.stdout));
  });
});
