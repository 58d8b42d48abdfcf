import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { parse } from 'yaml';
import { exampleGitRepo, exampleRepo, git, makeTree, mentor, mentorJson, readText } from './helpers/repo.js';

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };
const COHORT = 'cohorts/2026-fall/cohort.yaml';
const memberOf = (repo: string, person: string) => parse(readText(repo, COHORT)).members.find((m: { person: string }) => m.person === person);
const replaceIn = (repo: string, file: string, from: string, to: string) => writeFileSync(path.join(repo, file), readText(repo, file).replace(from, to));

describe('mentor claim', () => {
  // Was exit 1 ("Name the member to claim: ..."): an empty member is a usage error, as a missing one is (test/left15.test.ts).
  it('with no member named says to name one (exit 2, a usage error), and writes nothing', async () => {
    const repo = exampleRepo();
    const before = readText(repo, COHORT);
    const text = await mentorIn(['claim', '', '--as', 'ada', '--repo', repo], { env: NOW });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('mentor claim needs <member>: the waiting member; it was given empty.');
    const markdown = await mentorIn(['claim', ' ', '--as', 'ada', '--repo', repo, '--format', 'markdown'], { env: NOW });
    expect(markdown.code).toBe(2);
    const release = await mentorIn(['release', '', '--reason', 'moved', '--repo', repo], { env: NOW });
    expect(release.stderr).toContain('mentor release needs <member>: the member to release from their mentor; it was given empty.');
    expect(readText(repo, COHORT)).toBe(before);
  });

  it('sets the mentor and assignedAt where the member is written, keeping comments', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['claim', 'cleo', '--repo', repo, '--as', 'grace'], { env: NOW });

    expect(result.code, result.stderr).toBe(0);
    expect(memberOf(repo, 'cleo')).toMatchObject({ mentor: 'grace', assignedAt: '2026-11-23T10:00:00-08:00', requestedAt: '2026-11-20T15:04:00-08:00' });
    expect(readText(repo, COHORT)).toContain('wants: [react] # skills she wants to learn');
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
  });

  it('takes the request note off the member claimed, and only theirs, in a list of requests', async () => {
    const repo = path.join(makeTree({}), 'program');
    const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
    expect((await mentorIn(['init', repo, '--no-git'], { env })).code).toBe(0);
    for (const person of ['aa', 'bb']) {
      expect((await mentorIn(['request', '--repo', repo, '--person', person, '--name', `P ${person}`, '--github', `${person}-gh`, '--timezone', 'UTC', '--wants', 'react'], { env })).code).toBe(0);
    }
    expect((await mentorIn(['members', '--repo', repo, '--to', 'list'], { env })).code).toBe(0);
    const cohort = path.join(repo, 'cohorts/2026-first/cohort.yaml');
    writeFileSync(cohort, `${readText(repo, 'cohorts/2026-first/cohort.yaml')}\n  - person: mm\n    role: mentor\n    mentor: alex\n`);
    writeFileSync(path.join(repo, 'people/mm.yaml'), 'id: mm\nname: M M\ngithub: mm-gh\ntimezone: UTC\nskills: [react]\n');
    const note = '# A request for a mentor: waiting until a mentor claims it (or `mentor assign` places it).';
    expect(readText(repo, 'cohorts/2026-first/cohort.yaml').split(note)).toHaveLength(3);
    const claimed = await mentorIn(['claim', 'bb', '--as', 'mm', '--repo', repo], { env });
    expect(claimed.code, claimed.stderr).toBe(0);
    const text = readText(repo, 'cohorts/2026-first/cohort.yaml');
    expect(text).toContain(`  ${note}\n  - person: aa\n`);
    expect(text).not.toContain(`${note}\n  - person: bb\n`);
    expect(text.split(note)).toHaveLength(2);
  });

  it('edits a member written as its own file, and takes @handle for the mentor', async () => {
    const repo = exampleRepo({ 'cohorts/2026-fall/members/zoe.yaml': '# asked on the form\nperson: zoe\nrole: mentee\nrequestedAt: 2026-11-22T10:00:00-08:00\n', 'people/zoe.yaml': 'id: zoe\nname: Zoe\ngithub: zoe-z\n' });
    const result = await mentorIn(['claim', 'zoe', '--repo', repo, '--as', '@linus-s'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(readText(repo, 'cohorts/2026-fall/members/zoe.yaml')).toBe('# asked on the form\nperson: zoe\nrole: mentee\nmentor: linus\nrequestedAt: 2026-11-22T10:00:00-08:00\nassignedAt: 2026-11-23T10:00:00-08:00\n');
  });

  it('names the error of a member file it cannot read, instead of saying the member is in no cohort', async () => {
    const repo = exampleRepo({ 'cohorts/2026-fall/members/zoe.yaml': 'person: zoe\nrole: mentee\nrequestedAt: 2026-11-22T10:00:00-08:00\nmentor:\n', 'people/zoe.yaml': 'id: zoe\nname: Zoe\ngithub: zoe-z\n' });
    const result = await mentorIn(['claim', 'zoe', '--repo', repo, '--as', 'linus'], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The records of cohort 2026-fall have errors');
    expect(result.stderr).toContain('cohorts/2026-fall/members/zoe.yaml:4:1');
    expect(result.stderr).not.toContain('not a member of any cohort');
  });

  it('names the error of a member in the list of cohort.yaml that it cannot read, too', async () => {
    // Before: 'jon is not a member of any cohort that is running or about to start. Waiting for a
    // mentor: cleo.' about a member listed there, whose entry has an error (an empty mentor:).
    const repo = exampleRepo();
    replaceIn(repo, COHORT, '  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    mentor:\n');
    for (const args of [['claim', 'jon', '--as', 'grace'], ['release', 'jon', '--reason', 'moved']]) {
      const result = await mentorIn([...args, '--repo', repo], { env: NOW });
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr, args[0]).toContain('The records of cohort 2026-fall have errors');
      expect(result.stderr, args[0]).not.toContain('not a member of any cohort');
    }
  });

  const refusals: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['a member who is taken', ['bob', '--as', 'linus'], {}, /bob is taken: ada mentors them/],
    ['a mentor with no room', ['cleo', '--as', 'ada'], { [COHORT]: 'eve\n    role: mentee\n    mentor: ada\n' }, /ada has no room: 4 direct mentees already, the most a mentor takes \(roles\.mentor\.maxMentees: 4\)\./],
    ['a mentor whose maxHoursPerWeek one more mentee would pass', ['cleo', '--as', 'linus'], { 'people/linus.yaml': 'maxHoursPerWeek: 5.5\n' }, /linus has no room: one more mentee makes 6 h a week here, past their maxHoursPerWeek of 5.5 h \(people\/linus\.yaml\)\./],
    ['a paused mentor', ['cleo', '--as', 'linus'], { 'people/linus.yaml': 'pausedUntil: 2026-12-01\n' }, /linus is paused until 2026-12-01/],
    ['an inactive mentor', ['cleo', '--as', 'linus'], { 'people/linus.yaml': 'active: false\n' }, /linus is not active/],
    ['the wrong tier', ['cleo', '--as', 'andrew'], {}, /only a mentor of cohort 2026-fall may claim them, and andrew is a lead there/],
    ['someone who is not a person', ['cleo', '--as', '@stranger'], {}, /@stranger is not a person of the program/],
    ['a member who is not in the cohort', ['nobody', '--as', 'linus', '--cohort', '2026-fall'], {}, /nobody is not a member of cohort 2026-fall/],
  ];
  for (const [what, args, appends, message] of refusals) {
    it(`refuses ${what}, writing nothing`, async () => {
      const repo = exampleRepo();
      for (const [file, text] of Object.entries(appends)) {
        if (file === COHORT) replaceIn(repo, COHORT, '  - person: fay\n', `  - person: extra\n    role: mentee\n    mentor: ada\n  - person: fay\n`);
        else writeFileSync(path.join(repo, file), readText(repo, file).replace(/active: true\n/, '') + text);
      }
      if (appends[COHORT]) writeFileSync(path.join(repo, 'people/extra.yaml'), 'id: extra\nname: Extra\n');
      const before = readText(repo, COHORT);
      const result = await mentorIn(['claim', '--repo', repo, ...args], { env: NOW });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(readText(repo, COHORT)).toBe(before);
    });
  }

  /** A home whose git user is `name` (none when undefined): what claim without --as reads. */
  const gitHome = (name?: string) => {
    const home = makeTree(name === undefined ? {} : { '.gitconfig': `[user]\n\tname = ${name}\n\temail = someone@example.com\n` });
    return { HOME: home, XDG_CONFIG_HOME: home };
  };

  it('claims as the person of the git user when --as is not given, and says so', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['claim', 'cleo', '--repo', repo], { env: { ...NOW, ...gitHome('Grace Hopper') } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Claiming as grace (the person of your git user; --as names another).');
    expect(memberOf(repo, 'cleo')).toMatchObject({ mentor: 'grace' });
  });

  it('without --as and a git user that is nobody of the program, asks who is claiming (exit 2), writing nothing', () => {
    const repo = exampleRepo();
    const before = readText(repo, COHORT);
    const result = mentor(['claim', 'cleo', '--repo', repo], { env: { ...NOW, ...gitHome() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mentor: Who is claiming cleo? mentor could not tell from your git user which person you are.');
    expect(result.stderr).toContain('Pass your person id: mentor claim cleo --as <your id> (the mentors of 2026-fall: ada, grace, linus).');
    expect(result.stderr).not.toContain('required option');
    expect(readText(repo, COHORT)).toBe(before);
  });

  it('suggests the person a mistyped --as meant', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['claim', 'cleo', '--repo', repo, '--as', 'Grace'], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Grace is not a person of the program (no people/<id>.yaml has that id or GitHub handle). Did you mean grace?');
    const handle = await mentorIn(['claim', 'cleo', '--repo', repo, '--as', '@grace-g'], { env: NOW });
    expect(handle.stderr).toContain('Did you mean @grace-h?');
  });

  it('names the member a typo meant and the members it can act on, instead of asking for --cohort', async () => {
    const repo = exampleRepo();
    const claim = await mentorIn(['claim', 'cleoo', '--repo', repo, '--as', 'grace'], { env: NOW });
    expect(claim.code).toBe(1);
    expect(claim.stderr).toContain('cleoo is not a member of any cohort that is running or about to start. Did you mean cleo? Waiting for a mentor: cleo, jon.');
    expect(claim.stderr).not.toContain('--cohort');
    const release = await mentorIn(['release', 'nobody', '--repo', repo, '--reason', 'x'], { env: NOW });
    expect(release.code).toBe(1);
    expect(release.stderr).toMatch(/nobody is not a member of any cohort that is running or about to start\. Members with a mentor: ada, bob, .*\./);
    expect(release.stderr).not.toContain('Did you mean');
    const named = await mentorIn(['claim', 'jonn', '--repo', repo, '--as', 'grace', '--cohort', '2026-fall'], { env: NOW });
    expect(named.stderr).toContain('jonn is not a member of cohort 2026-fall. Did you mean jon? Waiting for a mentor: cleo, jon.');
  });

  it('answers a member in no open cohort in the format asked for, as any refusal: the /claim workflow posts the markdown (red team 4, T3)', async () => {
    const repo = exampleRepo();
    const markdown = await mentorIn(['claim', 'cleoo', '--repo', repo, '--as', '@grace-h', '--format', 'markdown'], { env: NOW });
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toBe('<!-- mentor:claim -->\nCannot claim cleoo: cleoo is not a member of any cohort that is running or about to start. Did you mean cleo? Waiting for a mentor: cleo, jon. To claim again, write a new comment: an edited one is not read.\n');
    const claim = await mentorInJson(['claim', 'cleoo', '--repo', repo, '--as', 'grace', '--format', 'json'], { env: NOW });
    expect(claim.code).toBe(1);
    expect(claim.json).toEqual({ cohort: null, member: 'cleoo', mentor: 'grace', ok: false, problems: [expect.stringContaining('Did you mean cleo?')], files: [], branch: null });
    const release = await mentorInJson(['release', 'nobody', '--repo', repo, '--reason', 'x', '--format', 'json'], { env: NOW });
    expect(release.code).toBe(1);
    expect(release.json).toMatchObject({ cohort: null, member: 'nobody', mentor: null, ok: false, files: [], branch: null });
  });

  it('answers in Markdown for the /claim workflow, mentions defused', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['claim', 'cleo', '--repo', repo, '--as', '@someone', '--format', 'markdown'], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('<!-- mentor:claim -->');
    expect(result.stdout).not.toMatch(/(^|[^\u200d])@someone/);
  });

  it('tells the member claimed, by their handle, who offered to mentor them and where to follow it (the /claim workflow posts it)', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['claim', 'jon', '--repo', repo, '--as', 'grace', '--format', 'markdown'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('<!-- mentor:claim -->\nClaimed: a pull request makes grace the mentor of jon. The first claim merged wins.\n\n@jon-b: grace has offered to mentor you. Once a maintainer merges the pull request, grace is your mentor: follow it, and say hello, on the pull request.\n');
  });

  it('--format json says what it did or refused and why, the files and the branch, alone on stdout', async () => {
    const repo = exampleGitRepo();
    const done = mentorJson(['claim', 'cleo', '--repo', repo, '--as', 'grace', '--commit', '--format', 'json'], { env: NOW });
    expect(done.code, done.stderr).toBe(0);
    expect(done.json).toEqual({ cohort: '2026-fall', member: 'cleo', mentor: 'grace', ok: true, problems: [], files: [COHORT], branch: 'claim/2026-fall/cleo' });
    const refused = await mentorInJson(['claim', 'cleo', '--repo', repo, '--as', 'ada', '--format', 'json'], { env: NOW });
    expect(refused.code).toBe(1);
    expect(refused.json).toEqual({ cohort: '2026-fall', member: 'cleo', mentor: 'ada', ok: false, problems: ['cleo is taken: grace mentors them.'], files: [], branch: null });
    expect(refused.stderr).toBe('');
  });

  it('--commit claims on a new branch claim/<cohort>/<member>, and the gate lets that mentor merge it', async () => {
    const repo = exampleGitRepo();
    const result = await mentorIn(['claim', 'cleo', '--repo', repo, '--as', 'grace', '--commit'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('claim/2026-fall/cleo');
    expect(git(repo, ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual(['Claim cleo in 2026-fall: grace mentors them', '', COHORT]);
    const gate = await mentorInJson(['check-pr', '--repo', repo, '--base', 'main', '--author', 'grace-h', '--format', 'json'], { env: NOW });
    expect(gate.json.allowed).toBe(true);
    // The verdict names the claim, not the verdict of whichever member the file lists last.
    expect(gate.json.changes[0].reason).toMatch(/^you claiming cleo/);
  });
});

describe('mentor release', () => {
  it('writes history in block style, one line a field, and a second release adds to it', async () => {
    const repo = exampleRepo();
    expect((await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'moved away'], { env: NOW })).code).toBe(0);
    expect(readText(repo, COHORT)).toContain(
      '    requestedAt: 2026-11-23T10:00:00-08:00\n    history:\n      - mentor: ada\n        requestedAt: 2026-09-01T10:00:00-07:00\n        assignedAt: 2026-09-02T09:00:00-07:00\n        releasedAt: 2026-11-23T10:00:00-08:00\n        reason: moved away\n',
    );
    const later = { MENTOR_NOW: '2026-11-24T10:00:00-08:00' };
    expect((await mentorIn(['claim', 'bob', '--repo', repo, '--as', 'grace'], { env: later })).code).toBe(0);
    expect((await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'no time'], { env: { MENTOR_NOW: '2026-11-25T10:00:00-08:00' } })).code).toBe(0);
    expect(memberOf(repo, 'bob').history.map((h: { mentor: string; reason: string }) => `${h.mentor}: ${h.reason}`)).toEqual(['ada: moved away', 'grace: no time']);
    expect(readText(repo, COHORT)).toContain('        reason: moved away\n      - mentor: grace\n');
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
  });

  it('keeps the comments of the match it ends with the match, in history, in a list and in a member file', async () => {
    // Before: `mentor: ada # chosen at the kickoff` was deleted with its comment.
    const repo = exampleRepo();
    replaceIn(repo, COHORT, '    mentor: ada\n    requestedAt: 2026-09-01T10:00:00-07:00\n    assignedAt: 2026-09-02T09:00:00-07:00\n', '    mentor: ada # chosen at the kickoff\n    requestedAt: 2026-09-01T10:00:00-07:00\n    assignedAt: 2026-09-02T09:00:00-07:00   # after one call\n');
    expect((await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'moved away'], { env: NOW })).code).toBe(0);
    expect(readText(repo, COHORT)).toContain('    history:\n      - mentor: ada # chosen at the kickoff\n        requestedAt: 2026-09-01T10:00:00-07:00\n        assignedAt: 2026-09-02T09:00:00-07:00 # after one call\n        releasedAt: 2026-11-23T10:00:00-08:00\n');
    expect(memberOf(repo, 'bob').history).toHaveLength(1);
    const file = 'cohorts/2026-fall/members/dan.yaml';
    mkdirSync(path.join(repo, 'cohorts/2026-fall/members'));
    writeFileSync(path.join(repo, file), 'person: dan\nrole: mentee\nmentor: ada # her pick\n');
    replaceIn(repo, COHORT, '  - person: dan\n    role: mentee\n    mentor: ada\n    requestedAt: 2026-09-01T12:30:00-07:00\n    assignedAt: 2026-09-02T09:00:00-07:00\n', '');
    expect((await mentorIn(['release', 'dan', '--repo', repo, '--reason', 'done'], { env: NOW })).code).toBe(0);
    expect(readText(repo, file)).toContain('history:\n  - mentor: ada # her pick\n    releasedAt: 2026-11-23T10:00:00-08:00\n');
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
  });

  it('moves the comment of the old requestedAt into history with it: the new requestedAt (now) starts without one', async () => {
    // Before: `requestedAt: <new> # asked at the fair` spoke of the old request on the new value.
    const repo = exampleRepo();
    replaceIn(repo, COHORT, '    mentor: ada\n    requestedAt: 2026-09-01T10:00:00-07:00\n', '    mentor: ada\n    requestedAt: 2026-09-01T10:00:00-07:00 # asked at the fair\n');
    expect((await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'moved away'], { env: NOW })).code).toBe(0);
    const text = readText(repo, COHORT);
    expect(text).toContain('    requestedAt: 2026-11-23T10:00:00-08:00\n');
    expect(text).toContain('      - mentor: ada\n        requestedAt: 2026-09-01T10:00:00-07:00 # asked at the fair\n');
    expect(text.split('asked at the fair')).toHaveLength(2);
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
  });

  it('drops the note request wrote above a waiting member once a claim or assign places it, keeping every other comment', async () => {
    const repo = exampleRepo();
    for (const id of ['zoe', 'yan']) {
      const made = await mentorIn(['request', '--repo', repo, '--person', id, '--name', id, '--github', `${id}-gh`, '--timezone', 'Europe/Paris', '--wants', 'react'], { env: NOW });
      expect(made.code, made.stderr).toBe(0);
    }
    const zoe = 'cohorts/2026-fall/members/zoe.yaml';
    expect(readText(repo, zoe)).toContain('# A request for a mentor: waiting until a mentor claims it');
    writeFileSync(path.join(repo, zoe), `${readText(repo, zoe)}# my own note\n`);
    expect((await mentorIn(['claim', 'zoe', '--repo', repo, '--as', 'linus'], { env: NOW })).code).toBe(0);
    expect(readText(repo, zoe)).not.toContain('waiting until a mentor claims it');
    expect(readText(repo, zoe)).toMatch(/^# yaml-language-server: .*\nperson: zoe\n/);
    expect(readText(repo, zoe)).toContain('# my own note\n');
    expect((await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes'], { env: NOW })).code).toBe(0);
    const yan = readText(repo, 'cohorts/2026-fall/members/yan.yaml');
    expect(yan).toContain('mentor: ');
    expect(yan).not.toContain('waiting until a mentor claims it');
  });

  it('puts the member back in the queue from now and keeps who, when and why in history', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'moved to another time zone'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(memberOf(repo, 'bob')).toEqual({
      person: 'bob',
      role: 'mentee',
      requestedAt: '2026-11-23T10:00:00-08:00',
      history: [{ mentor: 'ada', requestedAt: '2026-09-01T10:00:00-07:00', assignedAt: '2026-09-02T09:00:00-07:00', releasedAt: '2026-11-23T10:00:00-08:00', reason: 'moved to another time zone' }],
    });
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
    const status = await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env: NOW });
    expect(status.json.cohorts[0].waiting.map((w: { id: string }) => w.id)).toContain('bob');
  });

  it('refuses a member who is waiting already, and a missing reason, writing nothing', async () => {
    const repo = exampleRepo();
    const before = readText(repo, COHORT);
    const waiting = await mentorIn(['release', 'jon', '--repo', repo, '--reason', 'x'], { env: NOW });
    expect(waiting.code).toBe(1);
    expect(waiting.stderr).toContain('jon has no mentor to release from: they are waiting already.');
    const lead = await mentorIn(['release', 'andrew', '--repo', repo, '--reason', 'x'], { env: NOW });
    expect(lead.code).toBe(1);
    expect(lead.stderr).toContain('andrew is a lead: leads have no mentor to release from.');
    expect(mentor(['release', 'bob', '--repo', repo], { env: NOW }).code).toBe(2);
    // An empty --reason is a usage error (exit 2), as every command's invalid flag is.
    const blank = await mentorIn(['release', 'bob', '--repo', repo, '--reason', ' '], { env: NOW });
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('Give the reason in one line of at most 1000 characters (--reason).');
    const unknownCohort = await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'x', '--cohort', '2026-fal'], { env: NOW });
    expect(unknownCohort.code).toBe(2);
    expect(unknownCohort.stderr).toContain('Did you mean 2026-fall?');
    expect(readText(repo, COHORT)).toBe(before);
  });

  it('--format json says what it did or refused and why, the files and the branch, alone on stdout', async () => {
    const repo = exampleGitRepo();
    const done = mentorJson(['release', 'bob', '--repo', repo, '--reason', 'moved', '--commit', '--format', 'json'], { env: NOW });
    expect(done.code, done.stderr).toBe(0);
    expect(done.json).toEqual({ cohort: '2026-fall', member: 'bob', mentor: 'ada', reason: 'moved', ok: true, problems: [], files: [COHORT], branch: 'release/2026-fall/bob' });
    const refused = await mentorInJson(['release', 'jon', '--repo', repo, '--reason', 'x', '--format', 'json'], { env: NOW });
    expect(refused.code).toBe(1);
    expect(refused.json).toEqual({ cohort: '2026-fall', member: 'jon', mentor: null, reason: 'x', ok: false, problems: ['jon has no mentor to release from: they are waiting already.'], files: [], branch: null });
  });

  it('--commit releases on a branch the mentor may merge; a release that drops the history fails the gate', async () => {
    const repo = exampleGitRepo();
    const result = await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'no time', '--commit'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('release/2026-fall/bob');
    const gate = async (author: string) => (await mentorInJson(['check-pr', '--repo', repo, '--base', 'main', '--author', author, '--format', 'json'], { env: NOW })).json;
    const released = await gate('ada-l');
    expect(released.allowed).toBe(true);
    expect(released.changes[0].reason).toBe('you releasing bob, whom you mentor');
    expect((await gate('grace-h')).allowed).toBe(false);
    // Backdated, the member would jump the queue as long overdue: refused like a backdated claim.
    const text = readText(repo, COHORT);
    const releasedAt = /releasedAt: ([^\s,}]+)/.exec(text)![1]!;
    writeFileSync(path.join(repo, COHORT), text.replaceAll(releasedAt, '2026-11-01T00:00:00Z'));
    git(repo, ['commit', '-qam', 'backdate']);
    expect((await gate('ada-l')).changes[0].reason).toContain('releasedAt more than 7 days ago (2026-11-01T00:00:00Z)');
    git(repo, ['reset', '-q', '--hard', 'HEAD~1']);
    // The same release without its history entry: the mentor may not erase the match.
    // (release writes history in block style since J16: the entry spans lines.)
    replaceIn(repo, COHORT, /    history:\n(?:      .*\n)+/.exec(readText(repo, COHORT))![0], '');
    git(repo, ['commit', '-qam', 'drop history']);
    const tampered = await gate('ada-l');
    expect(tampered.allowed).toBe(false);
    expect(tampered.changes[0].reason).toContain('without keeping the history');
  });

  it('progress counts the match that ended early, and an open request past the promise as a miss', async () => {
    const repo = exampleRepo();
    expect((await mentorIn(['release', 'bob', '--repo', repo, '--reason', 'no time'], { env: NOW })).code).toBe(0);
    const { json } = await mentorInJson(['progress', '--repo', repo, '--format', 'json'], { env: NOW });
    // bob's ended match (23 h) and dan (20.5 h) were answered in time; cleo has waited 67 h.
    expect(json.program.requestToAssignment).toMatchObject({ count: 2, withinSla: 2, openOverSla: 1 });
    expect(json.program.matchesEndedEarly).toBe(1);
    const text = (await mentorIn(['progress', '--repo', repo], { env: NOW })).stdout;
    expect(text).toContain('2 of 3 within the 48 h promise, counting 1 still waiting past it');
    expect(text).toContain('matches ended early: 1');
  });
});
