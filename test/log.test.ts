import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, makeTree, mentor, mentorJson } from './helpers/repo.js';

const LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const flags = ['--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47'];

describe('mentor log with flags', () => {
  it('writes a valid log that starts with the schema line', async () => {
    const repo = exampleRepo();
    const result = mentor(['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--hours', 'code-review=1.5', '--pr', 'https://github.com/hal-k/app/pull/2', '--done', 'Joins: all of them', '--blockers', '#hash and "quotes"'], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    // A first log counts once it is merged: the output says how to get it there.
    expect(result.stdout).toBe(`Wrote ${LOG}.\nNext: put the log on a branch of its own and open a pull request; it counts once merged:\n  git switch -c log/hal/2026-W47\n  git add ${LOG}\n  git commit -m 'Log 2026-W47 of hal'\n  git push -u origin log/hal/2026-W47\nthen open the pull request from the link that the push prints. (Next time, --commit makes the branch and the commit for you.)\n`);
    const text = readFileSync(path.join(repo, LOG), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../schemas/log.schema.json');
    expect((await mentorInJson(['validate', '--repo', repo, '--format', 'json'])).json.problems).toEqual([]);
    const { json } = await mentorInJson(['hours', '2026-fall', '--repo', repo, '--week', '2026-W47', '--format', 'json']);
    expect(json.people.find((row: { id: string }) => row.id === 'hal').logged).toEqual({ 'code-review': 1.5, practice: 3 });
  });

  it.each([
    ['an unknown person', ['--person', 'zed'], 'There is no person "zed"'],
    ['a path as the person', ['--person', '../../etc'], 'There is no person'],
    ['a person not in the cohort', ['--person', 'zoe'], 'zoe is not a member of cohort 2026-fall'],
    ['an activity not of the role', ['--hours', 'one-on-ones=2'], '"one-on-ones" is not an activity of a mentee'],
    ['negative hours', ['--hours', 'code-review=-2'], 'must be 0 or more'],
  ])('refuses %s with exit 1 and writes nothing', async (_name, extra, message) => {
    const repo = exampleRepo({ 'people/zoe.yaml': 'id: zoe\nname: Zoe\n' });
    const result = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3', ...extra]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(existsSync(path.join(repo, 'cohorts/2026-fall/logs/zoe'))).toBe(false);
    expect(existsSync(path.join(repo, LOG))).toBe(false);
  });

  it('refuses a week that is no ISO week as a usage error, exit 2, as report and hours do, and writes nothing', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--week', '2026-W60']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('mentor: --week 2026-W60 is not an ISO week.\n  2026 has 53 ISO weeks: its last is 2026-W53, and the week after it is 2027-W01.\n');
    expect(existsSync(path.join(repo, LOG))).toBe(false);
  });

  it('writes the log when only someone outside the cohort has a broken person file, and refuses for a member’s', async () => {
    const repo = exampleRepo({ 'people/zed.yaml': 'id: zed\nname: Zed\ntimezone: Nowhere/X\n' });
    const result = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(repo, LOG))).toBe(true);
    const member = exampleRepo({ 'people/bob.yaml': 'id: bob\nname: Bob\ntimezone: Nowhere/X\n' });
    const refused = await mentorIn(['log', '--repo', member, ...flags, '--hours', 'practice=3']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('people/bob.yaml:3:11');
  });

  it.each([
    ['several pairs after one --hours, as DESIGN.md writes it', ['--hours', 'practice=3', 'code-review=1.5', 'own-one-on-one=1']],
    ['--hours repeated', ['--hours', 'practice=3', '--hours', 'code-review=1.5', '--hours', 'own-one-on-one=1']],
    ['both at once', ['--hours', 'practice=3', 'code-review=1.5', '--hours', 'own-one-on-one=1']],
  ])('takes %s, and the flag after the pairs is its own', async (_name, hours) => {
    const repo = exampleRepo();
    const result = await mentorIn(['log', '--repo', repo, ...flags, ...hours, '--done', 'Joins', '--next', 'Indexes']);
    expect(result.code, result.stderr).toBe(0);
    const { json } = await mentorInJson(['hours', '2026-fall', '--repo', repo, '--week', '2026-W47', '--format', 'json']);
    expect(json.people.find((row: { id: string }) => row.id === 'hal').logged).toEqual({ 'code-review': 1.5, 'own-one-on-one': 1, practice: 3 });
    const text = readFileSync(path.join(repo, LOG), 'utf8');
    expect(text).toContain('done: Joins\n');
    expect(text).toContain('next: Indexes\n');
  });

  it('--format json says what it wrote, alone on stdout: the log, created or replaced, its hours, the file and the branch', async () => {
    const repo = exampleGitRepo();
    const { code, json, stderr } = mentorJson(['log', '--repo', repo, ...flags, '--hours', 'practice=3', 'code-review=1', '--commit', '--format', 'json']);
    expect(code, stderr).toBe(0);
    expect(json).toEqual({ cohort: '2026-fall', person: 'hal', week: '2026-W47', created: true, hours: { practice: 3, 'code-review': 1 }, ok: true, problems: [], files: [LOG], branch: 'log/hal/2026-W47' });
    const replaced = await mentorInJson(['log', '--repo', exampleRepo(), '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=6', '--force', '--format', 'json']);
    expect(replaced.json).toMatchObject({ person: 'bob', created: false, files: ['cohorts/2026-fall/logs/bob/2026-W47.yaml'], branch: null });
    expect(replaced.json.hours.practice).toBe(6);
  });

  it('exits 2 on an --hours flag it cannot read', () => {
    const result = mentor(['log', '--repo', exampleRepo(), ...flags, '--hours', 'practice']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('write activity=hours');
  });

  it('replaces an existing log only with --force, keeping its comments', async () => {
    const repo = exampleRepo();
    const file = path.join(repo, 'cohorts/2026-fall/logs/bob/2026-W47.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('hours:', '# my comment\nhours:  # per activity'));
    const before = readFileSync(file, 'utf8');
    const refused = await mentorIn(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=6']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const forced = await mentorIn(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=6', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('# my comment\nhours:');
    expect(after).toContain('# per activity');
    expect(after).toContain('practice: 6');
    // Every other line is kept as it was, in the same order.
    const untouched = (text: string) => text.split('\n').filter((line) => !/practice|per activity|^hours:/.test(line));
    expect(untouched(after)).toEqual(untouched(before));
  });
});

describe('mentor log without --week (journey J6)', () => {
  const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' }; // a Tuesday of 2026-W48

  it('logs last week while it has no log, any day, and says which week and why', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['log', '--repo', repo, '--person', 'hal', '--hours', 'practice=3'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Week 2026-W47: last week, not logged yet (--week chooses another).\nWrote cohorts/2026-fall/logs/hal/2026-W47.yaml.');
  });

  it('logs this week once last week is logged, and says so', async () => {
    const repo = exampleRepo();
    const result = await mentorIn(['log', '--repo', repo, '--person', 'bob', '--hours', 'practice=3'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Week 2026-W48: this week, last week is logged (--week chooses another).\nWrote cohorts/2026-fall/logs/bob/2026-W48.yaml.');
  });
});

describe('mentor log refuses a week that has not started (journey J7)', () => {
  it('exits 1, names this week and writes nothing', () => {
    const repo = exampleRepo();
    const result = mentor(['log', '--repo', repo, '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=3'], { env: { MENTOR_NOW: '2026-10-06T09:00:00-07:00' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mentor: 2026-W47 has not started yet (this week is 2026-W41); nothing was written.\n  Log it once it has begun, on 2026-11-16; for an earlier week, pass it with --week.\n');
    expect(existsSync(path.join(repo, LOG))).toBe(false);
  });
});

describe('mentor log and lockLogsAfterWeeks (contract review C10)', () => {
  it('refuses a closed week before writing, as the gate would, names the first open week, and takes that one', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), `${readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8')}lockLogsAfterWeeks: 2\n`);
    const closed = 'cohorts/2026-fall/logs/hal/2026-W45.yaml';
    const before = existsSync(path.join(repo, closed)) ? readFileSync(path.join(repo, closed), 'utf8') : undefined;
    const refused = await mentorIn(['log', '--repo', repo, '--person', 'hal', '--week', '2026-W45', '--hours', 'practice=3', '--force']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('2026-W45 is closed: logs of weeks before 2026-W46 are locked (lockLogsAfterWeeks: 2)');
    expect(refused.stderr).toContain('Log 2026-W46 or a later week.');
    expect(existsSync(path.join(repo, closed)) ? readFileSync(path.join(repo, closed), 'utf8') : undefined).toBe(before);
    const open = await mentorIn(['log', '--repo', repo, '--person', 'hal', '--week', '2026-W46', '--hours', 'practice=3', '--force']);
    expect(open.code, open.stderr).toBe(0);
  });
});

describe('mentor log flag errors (journey J12)', () => {
  const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

  it('names the flag as typed, and checks the values before refusing to replace a log', async () => {
    const repo = exampleRepo();
    const file = path.join(repo, 'cohorts/2026-fall/logs/bob/2026-W47.yaml');
    const before = readFileSync(file, 'utf8');
    const result = await mentorIn(['log', '--repo', repo, '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=-2', '--pr', 'github.com/x'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mentor: --hours practice=-2: hours must be 0 or more.\n--pr github.com/x: not a link; paste the full address, e.g. https://github.com/you/repo/pull/1.\n  Nothing was written.\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('answers a misspelt --person with the person meant', async () => {
    const result = await mentorIn(['log', '--repo', exampleRepo(), '--person', 'hall', '--hours', 'practice=3'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mentor: There is no person "hall".\n  Did you mean hal?\n');
  });

  it('answers a week written loosely with the week it names', async () => {
    for (const week of ['2026-w47', '2026W47', '2026-47']) {
      const result = await mentorIn(['log', '--repo', exampleRepo(), '--person', 'hal', '--week', week, '--hours', 'practice=3'], { env });
      expect([result.code, result.stderr]).toEqual([2, `mentor: --week ${week} is not an ISO week.\n  Write it as YYYY-Www: 2026-W47.\n`]);
    }
  });

  it('answers a GitHub handle given as --person with the id whose file has it', async () => {
    const result = await mentorIn(['log', '--repo', exampleRepo(), '--person', 'hal-k', '--hours', 'practice=3'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mentor: There is no person "hal-k".\n  hal has the GitHub handle hal-k: pass --person hal, the id of the person file.\n');
  });
});

describe('mentor log finds the cohort from the week', () => {
  const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
  const spring = (start: string, end: string) => ({ 'cohorts/2026-spring/cohort.yaml': `id: 2026-spring\nname: Spring 2026\nstart: ${start}\nend: ${end}\nmembers:\n  - person: hal\n    role: mentee\n    requestedAt: 2026-03-01T10:00:00-08:00\n` });

  it('writes to the one cohort of the person that holds the week, not to the running one', async () => {
    const repo = exampleRepo(spring('2026-03-02', '2026-05-31'));
    const result = await mentorIn(['log', '--repo', repo, '--person', 'hal', '--week', '2026-W20', '--hours', 'practice=3'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(repo, 'cohorts/2026-spring/logs/hal/2026-W20.yaml'))).toBe(true);
  });

  it('asks for --cohort when two cohorts of the person hold the week, writing nothing', async () => {
    const repo = exampleRepo(spring('2026-11-16', '2027-02-28'));
    const result = await mentorIn(['log', '--repo', repo, '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=3'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('2026-W47 is a week of 2 cohorts of hal (2026-fall, 2026-spring); name one.');
    expect(existsSync(path.join(repo, LOG))).toBe(false);
  });
});

describe('mentor log --commit', () => {
  it('commits just the log on a new branch and leaves main alone', async () => {
    const repo = exampleGitRepo();
    const result = await mentorIn(
['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--commit']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('git push -u origin log/hal/2026-W47');
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('log/hal/2026-W47');
    expect(git(repo, ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual(['Log 2026-W47 of hal', '', LOG]);
    expect(git(repo, ['rev-list', '--count', 'main']).trim()).toBe('1');
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
  });

  it('refuses when the log has uncommitted changes, and writes nothing', async () => {
    const repo = exampleGitRepo();
    writeFileSync(path.join(repo, LOG), 'person: hal\nweek: 2026-W47\n# draft\n');
    const result = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--commit', '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('uncommitted changes');
    expect(readFileSync(path.join(repo, LOG), 'utf8')).toBe('person: hal\nweek: 2026-W47\n# draft\n');
    expect(git(repo, ['branch', '--list']).trim()).toBe('* main');
  });

  it('refuses when the branch already exists', async () => {
    const repo = exampleGitRepo();
    git(repo, ['branch', 'log/hal/2026-W47']);
    const result = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--commit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The branch log/hal/2026-W47 already exists');
    expect(existsSync(path.join(repo, LOG))).toBe(false);
  });

  it('says how to free a branch name that is taken without losing work: -d for one merged already, finish (or -D) one with work of its own', async () => {
    const repo = exampleGitRepo();
    // Merged already: the branch points at a commit that is on main.
    git(repo, ['branch', 'log/hal/2026-W47']);
    const merged = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--commit']);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain('The branch log/hal/2026-W47 already exists, and is merged already');
    expect(merged.stderr).toContain('Delete it (git branch -d log/hal/2026-W47), then run the command again.');
    // Following the hint frees the name.
    git(repo, ['branch', '-d', 'log/hal/2026-W47']);
    expect((await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--commit'])).code).toBe(0);
    // A branch with a commit of its own is not suggested for -d (git would refuse it): finish it first.
    git(repo, ['switch', '-q', 'main']);
    const again = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=4', '--commit', '--force']);
    expect(again.code).toBe(2);
    expect(again.stderr, again.stderr).toContain('already exists, with commits that are not merged');
    expect(again.stderr).toContain('Finish the work on it first (push it and open its pull request), or, to drop that work, delete it (git branch -D log/hal/2026-W47)');
  });

  describe('starts the branch at the default branch, so earlier logs do not stack', () => {
    const EARLIER = 'cohorts/2026-fall/logs/hal/2026-W44.yaml';
    const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
    /** A clone of a bare origin, with a branch of an earlier log checked out (as `log --commit` leaves it). */
    async function cloneOnEarlierLogBranch(): Promise<{ clone: string; earlier: string }> {
      const origin = path.join(makeTree({}), 'origin.git');
      git(path.dirname(origin), ['clone', '-q', '--bare', exampleGitRepo(), origin]);
      const clone = path.join(makeTree({}), 'clone');
      git(path.dirname(clone), ['clone', '-q', origin, clone]);
      const earlier = await mentorIn(['log', '--repo', clone, '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W44', '--hours', 'practice=2', '--commit'], { env });
      expect(earlier.code, earlier.stderr).toBe(0);
      return { clone, earlier: git(clone, ['rev-parse', 'HEAD']).trim() };
    }

    it('branches from origin/HEAD, not from the branch checked out', async () => {
      const { clone, earlier } = await cloneOnEarlierLogBranch();
      // origin/main moves on after the clone's main: the new branch follows the remote, not the stale local main.
      git(clone, ['update-ref', 'refs/remotes/origin/main', git(clone, ['commit-tree', '-p', 'origin/main', '-m', 'merged elsewhere', 'origin/main^{tree}']).trim()]);
      const result = await mentorIn(['log', '--repo', clone, ...flags, '--hours', 'practice=3', '--commit'], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('on the new branch log/hal/2026-W47 (from origin/main)');
      expect(git(clone, ['branch', '--show-current']).trim()).toBe('log/hal/2026-W47');
      expect(git(clone, ['rev-parse', 'HEAD~1']).trim()).toBe(git(clone, ['rev-parse', 'origin/main']).trim());
      expect(git(clone, ['branch', '--contains', earlier, '--format=%(refname:short)']).trim()).toBe('log/hal/2026-W44');
      expect(git(clone, ['diff', '--name-only', 'origin/main', 'HEAD']).trim()).toBe(LOG);
      expect(existsSync(path.join(clone, EARLIER))).toBe(false);
      // No upstream is set to origin/main: `git push` must not aim the log at main.
      expect(spawnSync('git', ['rev-parse', '--abbrev-ref', '@{upstream}'], { cwd: clone }).status).not.toBe(0);
    });

    it('branches from a local main when the repo has no origin', async () => {
      const repo = exampleGitRepo();
      const earlier = await mentorIn(['log', '--repo', repo, '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W44', '--hours', 'practice=2', '--commit'], { env });
      expect(earlier.code, earlier.stderr).toBe(0);
      const result = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--commit'], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('(from main)');
      expect(git(repo, ['rev-parse', 'HEAD~1']).trim()).toBe(git(repo, ['rev-parse', 'main']).trim());
      expect(git(repo, ['branch', '--contains', 'log/hal/2026-W44', '--format=%(refname:short)']).trim()).toBe('log/hal/2026-W44');
    });

    it('branches from the current branch when there is no main, master or origin', async () => {
      const repo = exampleRepo();
      git(repo, ['init', '-q', '--initial-branch=trunk']);
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-q', '-m', 'initial']);
      const result = await mentorIn(['log', '--repo', repo, ...flags, '--hours', 'practice=3', '--commit'], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('on the new branch log/hal/2026-W47.');
      expect(git(repo, ['rev-parse', 'HEAD~1']).trim()).toBe(git(repo, ['rev-parse', 'trunk']).trim());
    });

    it('still refuses uncommitted changes to the log file on another branch, writing nothing', async () => {
      const { clone } = await cloneOnEarlierLogBranch();
      writeFileSync(path.join(clone, LOG), 'person: hal\nweek: 2026-W47\n# draft\n');
      const result = await mentorIn(['log', '--repo', clone, ...flags, '--hours', 'practice=3', '--commit', '--force'], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('uncommitted changes');
      expect(git(clone, ['branch', '--show-current']).trim()).toBe('log/hal/2026-W44');
      expect(readFileSync(path.join(clone, LOG), 'utf8')).toBe('person: hal\nweek: 2026-W47\n# draft\n');
    });
  });
});
