import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, git, gitRepo, makeTree, mentor, writeTree } from './helpers/repo.js';
import { isWindowsDeviceName } from '../src/domain/layout.js';
import { askRequest } from '../src/core/request-questions.js';
import { configSchema } from '../src/model/schemas.js';

// Findings left by earlier red teams (session 15, helper left15), each on real files.

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };

/** The example program with one file's text changed. */
function exampleWith(file: string, change: (text: string) => string): string {
  const repo = exampleRepo();
  const target = path.join(repo, file);
  writeFileSync(target, change(readFileSync(target, 'utf8')));
  return repo;
}

type Problem = { file: string; line: number; column: number; rule: string; severity: string; message: string; fix?: string };

describe('validate: a name that shows nothing', () => {
  it.each([
    ['a zero-width space, a word joiner and a soft hyphen', '\\u200b\\u2060\\u00ad', 'U+200B, U+2060, U+00AD'],
    ['a combining accent with no letter', '\\u0301', 'U+0301'],
    ['bidi controls', '\\u202e\\u2067\\u2069', 'U+202E, U+2067, U+2069'],
    ['spaces and a byte order mark', ' \\ufeff ', 'U+0020, U+FEFF'],
  ])('is an error with file, line, column and a fix, in a person file: %s', async (_, written, points) => {
    const repo = exampleWith('people/ada.yaml', (text) => text.replace('name: Ada Lovelace', `name: "${written}"`));
    const { code, json } = await mentorInJson<{ valid: boolean; problems: Problem[] }>(['validate', '--repo', repo, '--format', 'json']);
    expect(code).toBe(1);
    expect(json.problems).toEqual([
      {
        file: 'people/ada.yaml',
        line: 3,
        column: 7,
        rule: 'invalid-value',
        severity: 'error',
        message: `"name" shows nothing: it holds only invisible characters (${points}).`,
        fix: 'Write the name in letters a reader can see (retype it: the characters there show nothing).',
      },
    ]);
  });

  it('is the same error for the name of a cohort and of the program (one rule), and a name with a letter among them is fine', async () => {
    const repo = exampleWith('cohorts/2026-fall/cohort.yaml', (text) => text.replace('name: Fall 2026 web cohort', 'name: "\\u200b"'));
    const config = path.join(repo, 'mentor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('program: Learn Teach Code mentorship', 'program: "\\u2060"'));
    const ada = path.join(repo, 'people/ada.yaml');
    writeFileSync(ada, readFileSync(ada, 'utf8').replace('name: Ada Lovelace', 'name: "A\\u200bda\\u0301"'));
    const result = mentor(['validate', '--repo', repo]);
    expect(result.stdout).toContain('cohorts/2026-fall/cohort.yaml\n  4:7  error  "name" shows nothing: it holds only invisible characters (U+200B).');
    expect(result.stdout).toContain('mentor.config.yaml\n  3:10  error  "program" shows nothing: it holds only invisible characters (U+2060).');
    expect(result.stdout).not.toContain('people/ada.yaml');
    // The config cannot be read: exit 2, as for any config with errors.
    expect(result.code).toBe(2);
  });

  it('is said at the name question of `mentor request` on a terminal, not after the last question', async () => {
    const asked: Array<{ name: string; validate?: (value: string) => true | string }> = [];
    const stop = new Error('stop after the first question');
    const asker = { ask: async (question: { name: string; validate?: (value: string) => true | string }) => { asked.push(question); throw stop; } };
    await expect(askRequest(asker as never, configSchema.parse({}), 'mentee', { values: {}, yes: [] }, [], { takenIds: new Set(), people: [] as never })).rejects.toBe(stop);
    const name = asked[0]!;
    expect(name.name).toBe('name');
    expect(name.validate!('\u200b\u2060')).toBe('The name shows nothing: it holds only invisible characters (U+200B, U+2060). Write the name in letters a reader can see (retype it: the characters there show nothing).');
    expect(name.validate!('  ')).toBe('An answer is needed.');
    expect(name.validate!('Zed')).toBe(true);
  });

  it('is refused by `mentor request` too, writing nothing', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['request', '--repo', repo, '--cohort', '2026-fall', '--person', 'zoe', '--name', '\u200b\u2060', '--github', 'zoe-z', '--timezone', 'Europe/Paris'], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toContain('The name shows nothing: it holds only invisible characters (U+200B, U+2060). Write the name in letters a reader can see');
    expect(existsSync(path.join(repo, 'people/zoe.yaml'))).toBe(false);
  });
});

describe('a person file with errors, in the commands that show the program', () => {
  // linus mentors in 2026-fall and has opted out; his file also has a zone that is no zone.
  const linusBroken = () => exampleWith('people/linus.yaml', (text) => text.replace('timezone: Europe/Stockholm', 'timezone: Mars/Olympus').replace('active: true', 'active: false'));
  const WARNING = 'mentor: warning: people/linus.yaml:5:11 has errors: "timezone" must be an IANA time zone such as Europe/London or America/Los_Angeles. Only its fields that are valid on their own are used';

  it('status uses what the file says validly (opted out: not offered as having room) and names the file once', async () => {
    const result = await mentorIn(['status', '--repo', linusBroken()], { env: NOW });
    expect(result.code).toBe(0);
    expect(result.stderr.split(WARNING).length - 1).toBe(1);
    expect(result.stdout).toContain('linus (mentor): opted out (active: false)');
    const room = result.stdout.slice(result.stdout.indexOf('Mentors with room'), result.stdout.indexOf('Inactive mentors'));
    expect(room).not.toContain('linus');
  });

  it("still counts a rule's error in a person file that is valid on its own (a handle used twice)", async () => {
    const repo = exampleWith('people/linus.yaml', (text) => text.replace('github: linus-s', 'github: ada-l'));
    const result = await mentorIn(['tree', '2026-fall', '--repo', repo], { env: NOW });
    expect(result.stderr).toBe('mentor: warning: the records of cohort 2026-fall have 1 error (run `mentor validate`); showing what they give.\n');
  });

  it.each([['hours', '2026-fall'], ['tree', '2026-fall'], ['progress', 'linus']])('%s shows the name the file gives, and names the file', async (command, argument) => {
    const result = await mentorIn([command, argument, '--repo', linusBroken()], { env: NOW });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(WARNING);
    expect(result.stdout).not.toContain('linus linus');
    if (command !== 'hours') expect(result.stdout).toContain('linus Linus Svensson');
  });
});

describe('ids that Windows keeps for devices (con, prn, aux, nul, com0-9, lpt0-9)', () => {
  it('knows them in any case and with any extension, and nothing else', () => {
    expect(['con', 'CON', 'Nul.yaml', 'aux.tar.gz', 'com1', 'LPT9', 'prn ', 'com0'].filter((name) => !isWindowsDeviceName(name))).toEqual([]);
    expect(['con-1', 'icon', 'com10', 'console', 'nullable', 'lpt', 'ada'].filter(isWindowsDeviceName)).toEqual([]);
  });

  it('validate refuses one as a person id and a cohort id, at the id, with another id to use (was: no problems, and a repo Windows cannot check out)', async () => {
    const repo = exampleRepo({ 'people/con.yaml': 'id: con\nname: Con Example\ntimezone: UTC\n', 'cohorts/lpt1/cohort.yaml': 'id: lpt1\nname: Printer cohort\nstart: 2027-01-04\nmembers:\n  - person: con\n    role: mentee\n' });
    const { code, json } = await mentorInJson<{ problems: Problem[] }>(['validate', '--repo', repo, '--format', 'json']);
    expect(code).toBe(1);
    expect(json.problems.map(({ file, line, column, message, fix }) => ({ file, line, column, message, fix }))).toEqual([
      {
        file: 'cohorts/lpt1/cohort.yaml',
        line: 1,
        column: 5,
        message: '"id" is lpt1, a name Windows keeps for a device: a file or folder named lpt1 cannot be checked out on Windows.',
        fix: "Choose another id, such as lpt1-2, and rename the person's file or the cohort's folder to match (and the ids that refer to it).",
      },
      {
        file: 'cohorts/lpt1/cohort.yaml',
        line: 5,
        column: 13,
        message: '"members[0].person" is con, a name Windows keeps for a device: a file or folder named con cannot be checked out on Windows.',
        fix: "Choose another id, such as con-2, and rename the person's file or the cohort's folder to match (and the ids that refer to it).",
      },
      {
        file: 'people/con.yaml',
        line: 1,
        column: 5,
        message: '"id" is con, a name Windows keeps for a device: a file or folder named con cannot be checked out on Windows.',
        fix: "Choose another id, such as con-2, and rename the person's file or the cohort's folder to match (and the ids that refer to it).",
      },
    ]);
  });

  it('request refuses one typed as the id (exit 2, nothing written), and next refuses one as the new cohort', async () => {
    const repo = exampleRepo();
    const request = await mentorIn(['request', '--repo', repo, '--cohort', '2026-fall', '--person', 'nul', '--name', 'Nul', '--github', 'nul-x', '--timezone', 'UTC'], { env: NOW });
    expect(request.code).toBe(2);
    expect(request.stdout + request.stderr).toContain('The id nul is a name Windows keeps for a device: a file or folder named nul cannot be checked out on Windows. Choose another, such as nul-2.');
    expect(existsSync(path.join(repo, 'people/nul.yaml'))).toBe(false);
    const next = await mentorIn(['next', '2026-fall', 'aux', '--start', '2027-01-04', '--repo', repo, '--early'], { env: NOW });
    expect(next.code).toBe(2);
    expect(next.stderr).toContain('"aux" cannot be a cohort id: it is a name Windows keeps for a device');
    expect(existsSync(path.join(repo, 'cohorts/aux'))).toBe(false);
  });
});

describe('an id given empty', () => {
  it.each([
    [['claim', ''], 'mentor claim needs <member>: the waiting member; it was given empty.'],
    [['claim', ' ', '--as', 'ada'], 'mentor claim needs <member>: the waiting member; it was given empty.'],
    [['release', '', '--reason', 'moved'], 'mentor release needs <member>: the member to release from their mentor; it was given empty.'],
    [['claim', 'cleo', '--as', ''], '--as needs a value: --as <person>; it was given empty.'],
    [['log', '--person', '', '--week', '2026-W47'], '--person needs a value: --person <person>; it was given empty.'],
    [['status', ''], '<cohort> was given empty: leave it out for the default (every running cohort; with markdown, every cohort not finished), or give one (cohort id).'],
  ])('is a usage error (exit 2) with what to give, for every command: mentor %j', async (args, said) => {
    const repo = exampleRepo();
    const result = await mentorIn([...args, '--repo', repo], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`mentor: ${said}`);
    expect(result.stderr).toContain(`See \`mentor ${args[0]} --help\`.`);
  });

  it('exits 2 from the real CLI too (was 1: "Name the member to claim")', () => {
    const result = mentor(['claim', '', '--repo', exampleRepo()], { env: NOW });
    expect([result.code, result.stderr]).toEqual([2, 'mentor: mentor claim needs <member>: the waiting member; it was given empty.\n  See `mentor claim --help`.\n']);
  });
});

describe('a time zone that is no place, in words checked against the time zone data', () => {
  const zoneProblems = async (zone: string) => {
    const repo = exampleWith('people/ada.yaml', (text) => text.replace('timezone: Europe/London', `timezone: ${zone}`));
    return (await mentorInJson<{ problems: Problem[] }>(['validate', '--repo', repo, '--format', 'json'])).json.problems;
  };

  it('warns that Etc/GMT+5 is UTC−5 (the sign is reversed), with a place that keeps that clock (was: accepted without a word)', async () => {
    const [problem, ...rest] = await zoneProblems('Etc/GMT+5');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'people/ada.yaml', line: 5, column: 11, rule: 'timezone-abbreviation', severity: 'warning' });
    expect(problem!.message).toBe(`"Etc/GMT+5" is UTC−5, not UTC+5: an Etc/GMT zone's sign is the reverse of the offset it looks like, and it is no place (UTC−5 all year, no summer time; UTC+5 is Etc/GMT-5).`);
    // The place offered keeps UTC−5 all year in this Node's data.
    const place = /`timezone: ([^`]+)`/.exec(problem!.fix!)![1]!;
    for (const month of [0, 6]) expect(new Intl.DateTimeFormat('en-US', { timeZone: place, timeZoneName: 'longOffset' }).format(Date.UTC(2026, month, 15))).toContain('GMT-05:00');
  });

  it('says of EST5EDT the clock it keeps here, summer time included (was: "some keep no summer time")', async () => {
    const [problem] = await zoneProblems('EST5EDT');
    const clocks = [0, 6].map((month) => new Intl.DateTimeFormat('en-US', { timeZone: 'EST5EDT', timeZoneName: 'longOffset' }).format(Date.UTC(2026, month, 15)).replace(/.*GMT/, ''));
    expect(clocks).toEqual(['-05:00', '-04:00']);
    expect(problem!.message).toContain('(UTC−5, UTC−4 in summer)');
    expect(problem!.message).not.toContain('no summer time');
    const [est] = await zoneProblems('EST');
    expect(est!.message).toContain('(UTC−5 all year, no summer time)');
  });

  it('leaves a place, UTC and Etc/GMT+0 alone', async () => {
    for (const zone of ['America/Bogota', 'Etc/UTC', 'Etc/GMT+0', 'UTC']) expect(await zoneProblems(zone)).toEqual([]);
  });
});

describe('a fix that offers a value offers one that passes the rule', () => {
  const fixFor = async (file: string, change: (text: string) => string) => {
    const repo = exampleWith(file, change);
    const { json } = await mentorInJson<{ problems: Problem[] }>(['validate', '--repo', repo, '--format', 'json']);
    return json.problems.filter((problem) => problem.file === file).map(({ message, fix }) => ({ message, fix }));
  };

  it('maxHoursPerWeek: "500 hours" gets the range, not "write 500" (which fails the 168-hour limit)', async () => {
    expect(await fixFor('people/ada.yaml', (text) => text.replace('maxHoursPerWeek: 8', 'maxHoursPerWeek: "500 hours"'))).toEqual([
      { message: '"maxHoursPerWeek" must be a number, not the text "500 hours".', fix: 'Write a plain number from 0 to 168, without quotes or units: 500 is outside that range.' },
    ]);
    expect(await fixFor('people/ada.yaml', (text) => text.replace('maxHoursPerWeek: 8', 'maxHoursPerWeek: "6 hours"'))).toEqual([
      { message: '"maxHoursPerWeek" must be a number, not the text "6 hours".', fix: 'Write `maxHoursPerWeek: 6`.' },
    ]);
  });

  it("a log's hours too: practice: 200h gets the range", async () => {
    const [problem] = await fixFor('cohorts/2026-fall/logs/bob/2026-W45.yaml', (text) => text.replace(/practice: [\d.]+/, 'practice: 200h'));
    expect(problem!.fix).toBe('Write a plain number from 0 to 168, without quotes or units: 200 is outside that range.');
  });

  it('a file named as a Windows device (people/con.yaml) is never offered as the id to set', async () => {
    const repo = exampleRepo({ 'people/con.yaml': 'id: connie\nname: Connie\ntimezone: UTC\n', 'people/zed.yaml': 'id: CON\nname: Zed\ntimezone: UTC\n' });
    const { json } = await mentorInJson<{ problems: Problem[] }>(['validate', '--repo', repo, '--format', 'json']);
    expect(json.problems.map(({ file, fix }) => ({ file, fix }))).toEqual([
      { file: 'people/con.yaml', fix: 'Rename the file to people/connie.yaml: its name is one Windows keeps for a device.' },
      { file: 'people/zed.yaml', fix: "Write `id: zed`, the file's name." },
    ]);
  });
});

describe('the gate, judging a newcomer', () => {
  const GATE_NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
  const COHORT = 'cohorts/2026-fall/cohort.yaml';
  type Verdict = { file: string; status: string; allowed: boolean; reason: string };

  /** A git repo of the example (with `base` edits) on main, and a branch `pr` with `head` edits committed. */
  function pullRequest(base: (repo: string) => void, head: (repo: string) => void): string {
    const repo = exampleRepo();
    base(repo);
    gitRepo(repo);
    git(repo, ['switch', '-q', '-c', 'pr']);
    head(repo);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'pr']);
    return repo;
  }
  const write = (repo: string, file: string, text: string) => writeTree(repo, { [file]: text });
  const change = (repo: string, file: string, edit: (text: string) => string) => write(repo, file, edit(readFileSync(path.join(repo, file), 'utf8')));
  const registerZed = (repo: string) => write(repo, 'people/zed.yaml', 'id: zed\nname: Zed\ngithub: evil-x\ntimezone: UTC\n');
  const gate = async (repo: string, author: string, extra: string[] = []) =>
    mentorInJson<{ allowed: boolean; changes: Verdict[] }>(['check-pr', '--repo', repo, '--base', 'main', '--author', author, '--format', 'json', ...extra], { env: GATE_NOW });

  it.each([
    ['has logs of theirs', (repo: string) => write(repo, 'cohorts/2026-fall/logs/zed/2026-W45.yaml', 'person: zed\nweek: 2026-W45\nhours:\n  practice: 3\n'), 'whose logs cohort 2026-fall holds already (cohorts/2026-fall/logs/zed/)'],
    ['names them in prefers:', (repo: string) => change(repo, COHORT, (text) => text.replace('prefers: ada # a mentor she asked for', 'prefers: zed')), 'whom cleo of cohort 2026-fall asked for as a mentor (prefers: zed)'],
    [
      'names them in a member history',
      (repo: string) => change(repo, COHORT, (text) => text.replace('  - person: cleo\n', '  - person: cleo\n    history:\n      - mentor: zed\n        requestedAt: 2026-09-01T10:00:00-07:00\n        assignedAt: 2026-09-02T09:00:00-07:00\n        releasedAt: 2026-10-01T10:00:00-07:00\n        reason: moved away\n')),
      'who mentored cleo in cohort 2026-fall (their history names zed)',
    ],
  ])('refuses an id the base only %s, which would hand those records to the newcomer (was: "you registering as zed")', async (_, base, where) => {
    const { code, json } = await gate(pullRequest(base, registerZed), 'evil-x');
    expect(code).toBe(1);
    expect(json.changes).toEqual([{ file: 'people/zed.yaml', status: 'added', allowed: false, reason: `registers you as zed, ${where}: a maintainer confirms that is you, or register under an id of your own` }]);
  });

  it('still lets a newcomer register an id the base does not name', async () => {
    const { code, json } = await gate(pullRequest(() => {}, registerZed), 'evil-x');
    expect([code, json.changes[0]!.reason]).toEqual([0, 'you registering as zed']);
  });

  it('says of a cohort.yaml saved with CRLF line endings that the line endings changed, not "the comments" (was: "changes the comments of the file")', async () => {
    const joinCrlf = (repo: string) => {
      registerZed(repo);
      change(repo, COHORT, (text) => `${text}  - person: zed\n    role: mentee\n    requestedAt: 2026-11-24T11:00:00-08:00\n`.replace(/\n/g, '\r\n'));
    };
    const { code, json } = await gate(pullRequest(() => {}, joinCrlf), 'evil-x');
    expect(code).toBe(1);
    const cohort = json.changes.find((verdict) => verdict.file === COHORT)!;
    expect(cohort.reason).toBe(
      "changes the line endings of the file to CRLF (Windows): save it with the LF line endings it had (your editor's line-ending setting, or with git on Windows `git config core.autocrlf input`), and change only your entry; only a maintainer may rewrite every line of a file",
    );
    // The same entry with the file's own line endings joins.
    const { code: lf } = await gate(pullRequest(() => {}, (repo) => { registerZed(repo); change(repo, COHORT, (text) => `${text}  - person: zed\n    role: mentee\n    requestedAt: 2026-11-24T11:00:00-08:00\n`); }), 'evil-x');
    expect(lf).toBe(0);
  });

  it('says of --head <tree sha> that it is a tree, not a commit, and what to pass (was: "git knows no such commit")', async () => {
    const repo = pullRequest(() => {}, registerZed);
    const tree = git(repo, ['rev-parse', 'HEAD^{tree}']).trim();
    const result = mentor(['check-pr', '--repo', repo, '--base', 'main', '--head', tree, '--author', 'evil-x'], { env: GATE_NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `mentor: --head ${tree} is a tree (the files of a commit), not a commit.\n  Pass the commit itself: its sha (git log shows it; on GitHub, the pull request's head sha, github.event.pull_request.head.sha) or a branch name, e.g. --head HEAD.\n`,
    );
    // A sha git does not have is still said as such.
    expect(mentor(['check-pr', '--repo', repo, '--base', 'main', '--head', '1234567', '--author', 'evil-x'], { env: GATE_NOW }).stderr).toContain('--head 1234567: git knows no such commit.');
  });
});

describe('request: the id made for a requester', () => {
  it('is never an id the records name without a person file (a log folder): its pull request would be refused by the gate', async () => {
    const repo = exampleRepo({ 'cohorts/2026-fall/logs/zed/2026-W45.yaml': 'person: zed\nweek: 2026-W45\nhours:\n  practice: 3\n' });
    const config = path.join(repo, 'mentor.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nintake:\n  eligibility:\n    - id: commitment\n      question: I can give 5.5 hours a week for the whole cycle\n`);
    const body = ['### Your name\n\nZed', '### Your id\n\n_No response_', '### Your time zone\n\nUTC', '### What you want to learn\n\nreact', '### Before you ask\n\n- [X] I can give 5.5 hours a week for the whole cycle'].join('\n\n');
    const file = path.join(repo, '..', `body-${path.basename(repo)}.md`);
    writeFileSync(file, body);
    const result = await mentorIn(['request', '--repo', repo, '--from-issue', file, '--github', 'zed', '--format', 'markdown'], { env: NOW });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(existsSync(path.join(repo, 'people/zed.yaml'))).toBe(false);
    expect(result.stdout).toContain('Your id is zed-2, made for you');
  });
});

describe('init where people/ is a symlink in the folder', () => {
  it('is refused, saying what to type to make it a real folder without leaving the records behind; done, init works', async () => {
    const dir = makeTree({ 'realpeople/ada.yaml': 'id: ada\nname: Ada\ntimezone: UTC\n' });
    symlinkSync('realpeople', path.join(dir, 'people'));
    const refused = mentor(['init', dir], { env: NOW });
    expect(refused.code).toBe(2);
    const hint = /`(rm people && mv realpeople people)`/.exec(refused.stderr);
    expect(refused.stderr).toContain("Replace the symlink with a real folder, the one it leads to; in the repo's top folder: `rm people && mv realpeople people` (commit the change if the link was committed), then run the command again.");
    // The command offered, typed as it is, in the folder.
    execFileSync('sh', ['-c', hint![1]!], { cwd: dir });
    const done = mentor(['init', dir], { env: NOW });
    expect(done.code, done.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'people/ada.yaml'), 'utf8')).toContain('name: Ada');
  });

  it('for a link that leads out of the repo, says to make a real folder', async () => {
    const outside = makeTree({ 'x.txt': 'not records\n' });
    const dir = makeTree({});
    symlinkSync(outside, path.join(dir, 'people'));
    const refused = mentor(['init', dir], { env: NOW });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Replace the symlink with a real folder; in the repo's top folder: `rm people && mkdir people` (copy into it what it led to, if that belongs to this program; commit the change if the link was committed), then run the command again.");
  });
});
