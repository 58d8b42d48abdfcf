import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git } from './helpers/repo.js';

// review15b: what session 15 changed, tried on real git.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

describe('claim, release and request --commit start from the default branch only where the records they judged are the same there', () => {
  it('a request into a cohort opened on the branch checked out (next --commit, not merged) holds that cohort too, and its branch validates', async () => {
    const repo = exampleGitRepo();
    const next = await mentorIn(['next', '2026-fall', '2027-spring', '--start', '2027-03-01', '--end', '2027-05-23', '--early', '--yes', '--commit', '--repo', repo], { env: NOW });
    expect(next.code, next.stderr).toBe(0);
    const request = await mentorIn(['request', '--cohort', '2027-spring', '--person', 'zed', '--name', 'Zed', '--github', 'zed-z', '--timezone', 'Europe/Paris', '--commit', '--repo', repo], { env: NOW });
    expect(request.code, request.stderr).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('request/zed');
    // Before: request/zed started from main, holding cohorts/2027-spring/members/zed.yaml with no
    // cohort.yaml: the pull request failed validate ("Create cohorts/2027-spring/cohort.yaml").
    expect(git(repo, ['rev-list', '--count', 'next/2027-spring..request/zed']).trim()).toBe('1');
    const validate = await mentorIn(['validate', '--repo', repo], { env: NOW });
    expect(validate.code, validate.stdout).toBe(0);
  });

  it('a claim by a mentor whose person file is only on the branch checked out stacks on it, rather than naming from main a mentor main has not', async () => {
    const repo = exampleGitRepo();
    git(repo, ['switch', '-q', '-c', 'uma-joins']);
    const offer = await mentorIn(['request', '--role', 'mentor', '--person', 'uma', '--name', 'Uma', '--github', 'uma-m', '--timezone', 'Europe/Paris', '--skills', 'react', '--repo', repo], { env: NOW });
    expect(offer.code, offer.stderr).toBe(0);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'uma offers to mentor']);
    const claim = await mentorIn(['claim', 'jon', '--as', 'uma', '--commit', '--repo', repo], { env: NOW });
    expect(claim.code, claim.stderr).toBe(0);
    expect(git(repo, ['rev-list', '--count', 'main..claim/2026-fall/jon']).trim()).toBe('2');
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
  });

  it('release with an uncommitted change to a record the branch changed is committed, that change left as it was (before: git switch refused)', async () => {
    const repo = exampleGitRepo();
    git(repo, ['switch', '-q', '-c', 'work']);
    appendFileSync(path.join(repo, 'people/ada.yaml'), '# committed on work\n');
    git(repo, ['commit', '-qam', 'a note on ada']);
    appendFileSync(path.join(repo, 'people/ada.yaml'), '# not committed\n');
    const release = await mentorIn(['release', 'ivy', '--reason', 'away', '--commit', '--repo', repo], { env: NOW });
    expect(release.code, release.stderr).toBe(0);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('release/2026-fall/ivy');
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('M people/ada.yaml');
  });

  it('a log --commit then a release --commit still gives the release a branch of its own from main (the log is no record the release judged)', async () => {
    const repo = exampleGitRepo();
    expect((await mentorIn(['log', '--person', 'linus', '--week', '2026-W47', '--hours', 'project=2', '--commit', '--repo', repo], { env: NOW })).code).toBe(0);
    const release = await mentorIn(['release', 'ivy', '--reason', 'away', '--commit', '--repo', repo], { env: NOW });
    expect(release.code, release.stderr).toBe(0);
    expect(git(repo, ['diff', '--name-only', 'main', 'release/2026-fall/ivy']).trim()).toBe('cohorts/2026-fall/cohort.yaml');
  });

  it('claim --commit on a branch with no commit yet (git checkout --orphan) says what git has, not "bad revision HEAD"', async () => {
    const repo = exampleGitRepo();
    git(repo, ['checkout', '-q', '--orphan', 'fresh']);
    const claim = await mentorIn(['claim', 'jon', '--as', 'linus', '--commit', '--repo', repo], { env: NOW });
    expect(claim.stderr).not.toContain('bad revision');
    expect(claim.code).toBe(1);
    expect(claim.stderr).toContain('has uncommitted changes');
  });
});

describe('next --name', () => {
  it.each([
    ['of invisible characters only', '\u200b\u2060', '--name shows nothing: it holds only invisible characters (U+200B, U+2060)'],
    ['empty', '', '--name was given empty'],
    ['with a terminal escape', '\u001b[31mSpring', '--name contains a control character'],
    ['past 200 characters', 'x'.repeat(201), '--name is 201 characters long, more than the 200 a name may have'],
  ])('%s is refused before anything is written (before: a cohort.yaml that validate refuses)', async (_what, name, said) => {
    const repo = exampleGitRepo();
    const next = await mentorIn(['next', '2026-fall', '2027-spring', '--start', '2027-03-01', '--name', name, '--early', '--yes', '--repo', repo], { env: NOW });
    expect(next.code).toBe(2);
    expect(next.stderr).toContain(said);
    expect(next.stderr).toContain('nothing was written');
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
  });

  it('a name in any script is written', async () => {
    const repo = exampleGitRepo();
    const next = await mentorIn(['next', '2026-fall', '2027-spring', '--start', '2027-03-01', '--name', 'वसंत 2027 🌸', '--early', '--yes', '--repo', repo], { env: NOW });
    expect(next.code, next.stderr).toBe(0);
    expect((await mentorIn(['validate', '--repo', repo], { env: NOW })).code).toBe(0);
  });
});

describe('a person file none of whose fields can be read', () => {
  it.each([
    ['a list', '- linus\n', 'The file holds a list, but a person record is a mapping of fields.'],
    ['over the size limit', `id: linus\nname: "${'A'.repeat(1_100_000)}"\n`, 'it is not read.'],
  ])('(%s) is not said to lend its valid fields: status says none can be read (before: "Only its fields that are valid on their own are used")', async (_what, text, error) => {
    const repo = exampleRepo({ 'people/linus.yaml': text });
    const status = await mentorIn(['status', '--repo', repo], { env: NOW });
    expect(status.code).toBe(0);
    expect(status.stderr).toContain(error);
    expect(status.stderr).toContain('None of its fields can be read, so the person is shown by their id.');
    expect(status.stderr).not.toContain('Only its fields');
  });
});

describe('Etc/GMT-13 and Etc/GMT-14', () => {
  it.each([
    ['Etc/GMT-14', 'UTC+14', 'UTC−14', 'Etc/GMT+14'],
    ['Etc/GMT-13', 'UTC+13', 'UTC−13', 'Etc/GMT+13'],
  ])('%s is said as %s without naming %s as a zone (there is no %s: before, validate and request named it)', async (zone, is, not, missing) => {
    const repo = exampleRepo({ 'people/ada.yaml': `id: ada\nname: Ada Lovelace\ngithub: ada-l\ntimezone: ${zone}\nskills: [javascript, react]\n` });
    const result = await mentorInJson<{ problems: Array<{ file: string; message: string }> }>(['validate', '--repo', repo, '--format', 'json'], { env: NOW });
    const message = result.json.problems.find((problem) => problem.file === 'people/ada.yaml')!.message;
    expect(message).toContain(`"${zone}" is ${is}, not ${not}`);
    expect(message).toContain(`no zone keeps ${not}`);
    expect(message).not.toContain(missing);
  });
});

describe('a number where a text belongs', () => {
  it('is told to quote it only when the quoted value passes the field (before: `week: 45` -> "Put the value in quotes", and `week: "45"` fails again)', async () => {
    const repo = exampleRepo({
      'cohorts/2026-fall/logs/ada/2026-W45.yaml': 'person: ada\nweek: 45\nhours: {}\n',
      'people/ada.yaml': 'id: 123\nname: Ada Lovelace\ngithub: 123\ntimezone: Europe/London\npausedUntil: 20261201\n',
    });
    const result = await mentorInJson<{ problems: Array<{ file: string; line: number; fix?: string }> }>(['validate', '--repo', repo, '--format', 'json'], { env: NOW });
    const fixAt = (file: string, line: number) => result.json.problems.find((problem) => problem.file === file && problem.line === line)?.fix;
    expect(fixAt('cohorts/2026-fall/logs/ada/2026-W45.yaml', 2)).toBe("Write `week: 2026-W45`, the file's name.");
    expect(fixAt('people/ada.yaml', 1)).toBe("Write `id: ada`, the file's name.");
    expect(fixAt('people/ada.yaml', 5)).not.toContain('quotes');
    expect(fixAt('people/ada.yaml', 3)).toBe('Put the value in quotes so YAML reads it as text.');
  });
});
