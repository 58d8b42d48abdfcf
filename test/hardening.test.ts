import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, GIT_ENV, makeTree, mentor, MENTOR_BIN } from './helpers/repo.js';

const BOB_LOG = 'cohorts/2026-fall/logs/bob/2026-W47.yaml';
const replaceBobLog = ['log', '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=9', '--force'];

describe('nothing lost', () => {
  it('a writer killed mid-write leaves the old file whole, and no temp file validate trips on', async () => {
    const repo = exampleRepo();
    const before = readFileSync(path.join(repo, BOB_LOG), 'utf8');
    const child = spawn(process.execPath, [MENTOR_BIN, ...replaceBobLog, '--repo', repo], { env: { ...process.env, ...GIT_ENV, MENTOR_PAUSE_BEFORE_RENAME_MS: '30000' } });
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('paused before rename')) resolve();
      });
      child.on('exit', () => reject(new Error(`exited before the pause: ${stderr}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(readFileSync(path.join(repo, BOB_LOG), 'utf8')).toBe(before);
    const temps = readdirSync(path.join(repo, 'cohorts/2026-fall/logs/bob')).filter((name) => name.includes('.mentor-tmp-'));
    expect(temps).toHaveLength(1);
    expect(readFileSync(path.join(repo, 'cohorts/2026-fall/logs/bob', temps[0]!), 'utf8')).toContain('practice: 9');
    const { code, json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    expect(json.problems).toEqual([]);
    expect(code).toBe(0);
    // The next write of that file removes the dead writer's temp file.
    expect((await mentorIn([...replaceBobLog, '--repo', repo])).code).toBe(0);
    expect(readdirSync(path.join(repo, 'cohorts/2026-fall/logs/bob')).filter((name) => name.includes('.mentor-tmp-'))).toEqual([]);
  });

  it('a preview takes no lock: assign and next that cannot write show their plan beside a live writer', async () => {
    const repo = exampleGitRepo();
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(repo, '.git/mentor.lock'), JSON.stringify({ pid: sleeper.pid, command: 'log', startedAt: '2026-11-23T10:00:00.000Z' }));
      const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
      for (const args of [['assign', '2026-fall', '--dry-run'], ['assign', '2026-fall'], ['assign', '2026-fall', '--format', 'json'], ['next', '2026-fall', '2027-winter', '--start', '2027-01-11', '--early'], ['next', '2026-fall', '2027-winter', '--start', '2027-01-11', '--early', '--format', 'json']]) {
        const shown = await mentorIn([...args, '--repo', repo], { env });
        expect(shown.code, `${args.join(' ')}: ${shown.stderr}`).toBe(0);
        expect(shown.stderr).not.toContain('Another mentor command');
      }
      expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
      const writer = mentor(['assign', '2026-fall', '--yes', '--repo', repo], { env });
      expect(writer.code).toBe(2);
      expect(writer.stderr).toContain(`Another mentor command (\`mentor log\`, pid ${sleeper.pid}`);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('one writer at a time: a live lock refuses, a dead one is explained and taken over', () => {
    const repo = exampleGitRepo();
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(repo, '.git/mentor.lock'), JSON.stringify({ pid: sleeper.pid, command: 'assign', startedAt: '2026-11-23T10:00:00.000Z' }));
      const refused = mentor([...replaceBobLog, '--repo', repo]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`Another mentor command (\`mentor assign\`, pid ${sleeper.pid}`);
    } finally {
      sleeper.kill('SIGKILL');
    }
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(path.join(repo, '.git/mentor.lock'), JSON.stringify({ pid: Number(dead), command: 'report', startedAt: '2026-11-23T10:00:00.000Z' }));
    const taken = mentor([...replaceBobLog, '--repo', repo]);
    expect(taken.code).toBe(0);
    expect(taken.stderr).toContain(`warning: a previous \`mentor report\` (pid ${dead}`);
    expect(existsSync(path.join(repo, '.git/mentor.lock'))).toBe(false);
  });
});

describe('git faults give one clear line', () => {
  const commitLog = ['log', '--cohort', '2026-fall', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=3', '--commit'];

  it('not a git repository', async () => {
    const result = await mentorIn([...commitLog, '--repo', exampleRepo()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--commit needs a git repository');
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('a detached HEAD', async () => {
    const repo = exampleGitRepo();
    git(repo, ['checkout', '-q', '--detach']);
    const result = await mentorIn([...commitLog, '--repo', repo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('HEAD is detached');
  });

  it("a detached HEAD in a repo whose branch is master: the hint names master, and following it works", async () => {
    const repo = exampleGitRepo();
    git(repo, ['branch', '-m', 'main', 'master']);
    git(repo, ['checkout', '-q', '--detach']);
    const result = await mentorIn([...commitLog, '--repo', repo]);
    expect(result.code).toBe(2);
    const hint = /`(git switch [^`<]*)`/.exec(result.stderr)?.[1];
    expect(hint, result.stderr).toBe('git switch master');
    expect(result.stderr).toContain('`git switch -c <a new branch name>`');
    git(repo, hint!.split(' ').slice(1));
    expect((await mentorIn([...commitLog, '--repo', repo])).code).toBe(0);
  });

  it('no user.name or user.email', async () => {
    const repo = exampleGitRepo();
    const noIdentity = {
      GIT_AUTHOR_NAME: undefined,
      GIT_AUTHOR_EMAIL: undefined,
      GIT_COMMITTER_NAME: undefined,
      GIT_COMMITTER_EMAIL: undefined,
      EMAIL: undefined,
      HOME: makeTree({}),
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'user.useConfigOnly',
      GIT_CONFIG_VALUE_0: 'true',
    };
    const result = mentor([...commitLog, '--repo', repo], { env: noIdentity });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('git does not know who you are');
    expect(result.stderr).toContain('git config --global user.name');
    expect(existsSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'))).toBe(false);
    // With no HOME, `git config --global` would fail too: the hint gives what works there.
    const homeless = await mentorIn([...commitLog, '--repo', repo], { env: { ...noIdentity, HOME: undefined } });
    expect(homeless.code).toBe(2);
    expect(homeless.stderr).toContain('HOME is not set, so git has no global config: run `git config user.name "Your Name"`');
    expect(homeless.stderr).not.toContain('--global user.name');
    git(repo, ['config', 'user.name', 'Hal']);
    git(repo, ['config', 'user.email', 'hal@example.com']);
    const followed = await mentorIn([...commitLog, '--repo', repo], { env: { ...noIdentity, HOME: undefined } });

    expect(followed.code, followed.stderr).toBe(0);
  });

  it('a file with merge conflict markers is named with its line', async () => {
    const repo = exampleRepo({ 'people/ann.yaml': 'id: ann\n<<<<<<< HEAD\nname: Ann\n=======\nname: Anne\n>>>>>>> other\n' });
    const { code, json } = await mentorInJson(['validate', '--repo', repo, '--format', 'json']);
    expect(code).toBe(1);
    expect(json.problems).toEqual([expect.objectContaining({ file: 'people/ann.yaml', line: 2, column: 1, rule: 'merge-conflict' })]);
  });
});

describe('a tree no record set can make too deep', () => {
  it('shows a chain of 5,000 mentors (records with errors) cut at the depth of the tiers, in tree, its JSON, status and the site, without a crash (red team 4, T2)', async () => {
    const files: Record<string, string> = {
      'mentor.config.yaml': 'program: P\ntimezone: UTC\n',
      'people/lee.yaml': 'id: lee\nname: Lee\n',
    };
    let members = '  - person: lee\n    role: lead\n';
    for (let k = 0; k < 5000; k++) {
      files[`people/m${k}.yaml`] = `id: m${k}\nname: M${k}\n`;
      members += `  - person: m${k}\n    role: mentor\n    mentor: ${k === 0 ? 'lee' : `m${k - 1}`}\n`;
    }
    files['cohorts/c/cohort.yaml'] = `id: c\nname: C\nstart: 2026-09-07\nend: 2026-12-20\nmembers:\n${members}`;
    const repo = makeTree(files);
    const env = { env: { MENTOR_NOW: '2026-11-24T09:00:00Z' } };
    const tree = await mentorIn(['tree', 'c', '--repo', repo], env);
    expect(tree.stderr).not.toMatch(/internal error/);
    expect(tree.code).toBe(0);
    expect(tree.stdout).toContain('lee Lee (lead, X=1, 6 h)\n└── m0 M0 (mentor, X=1, 5 h)\n    └── m1 M1 (mentor, X=1, 5 h)\n');
    expect(tree.stdout).toContain('m2 M2 (mentor, X=1, 5 h) mentor m1: deeper than lead, mentor, mentee\n');
    // Every member is shown, once, and no line is indented past the tiers.
    const shown = tree.stdout.split('\n').flatMap((line) => /^(?:[│ ]   )*(?:[└├]── )?(m\d+|lee) /.exec(line)?.[1] ?? []);
    expect(shown.length).toBe(5001);
    expect(new Set(shown).size).toBe(5001);
    expect(tree.stdout.split('\n').every((line) => !line.startsWith('        '))).toBe(true);
    const json = await mentorInJson<{ tree: unknown[] }>(['tree', 'c', '--repo', repo, '--format', 'json'], env);
    expect(json.code).toBe(0);
    for (const args of [['status', 'c'], ['site']]) {
      const run = await mentorIn([...args, '--repo', repo], env);
      expect(run.stderr, args.join(' ')).not.toMatch(/internal error/);
      expect(run.code, args.join(' ')).toBe(0);
    }
  }, 120_000); // five commands over 5,000 records: about 11 s alone, past 30 s on a loaded machine
});

describe('a member listed thousands of times (a merge or a script gone wrong)', () => {
  it('is one error per entry, each naming five other places and counting the rest, not a message that grows with the square of the list', async () => {
    const entries = '  - person: lee\n    role: lead\n'.repeat(2000);
    const repo = makeTree({
      'mentor.config.yaml': 'program: P\ntimezone: UTC\n',
      'people/lee.yaml': 'id: lee\nname: Lee\n',
      'cohorts/c/cohort.yaml': `id: c\nname: C\nstart: 2026-09-07\nend: 2026-12-20\nmembers:\n${entries}`,
    });
    const { code, json } = await mentorInJson<{ problems: Array<{ line: number; rule: string; message: string }> }>(['validate', '--repo', repo, '--format', 'json'], { env: { MENTOR_NOW: '2026-11-24T09:00:00Z' } });
    expect(code).toBe(1);
    const duplicates = json.problems.filter((problem) => problem.rule === 'member-duplicate');
    expect(duplicates).toHaveLength(2000);
    expect(duplicates[0]).toMatchObject({ line: 6, message: 'lee is listed 2000 times in this cohort (also at cohorts/c/cohort.yaml:8, cohorts/c/cohort.yaml:10, cohorts/c/cohort.yaml:12, cohorts/c/cohort.yaml:14, cohorts/c/cohort.yaml:16 and 1994 more).' });
    expect(duplicates[1]!.message).toContain('(also at cohorts/c/cohort.yaml:6, cohorts/c/cohort.yaml:10,');
    expect(Math.max(...duplicates.map((problem) => problem.message.length))).toBeLessThan(300);
  });

  it('names every other place when there are few', async () => {
    const repo = makeTree({
      'mentor.config.yaml': 'program: P\ntimezone: UTC\n',
      'people/lee.yaml': 'id: lee\nname: Lee\n',
      'cohorts/c/cohort.yaml': 'id: c\nname: C\nstart: 2026-09-07\nmembers:\n  - person: lee\n    role: lead\n  - person: lee\n    role: lead\n  - person: lee\n    role: lead\n',
    });
    const { json } = await mentorInJson<{ problems: Array<{ message: string }> }>(['validate', '--repo', repo, '--format', 'json'], { env: { MENTOR_NOW: '2026-11-24T09:00:00Z' } });
    expect(json.problems.map((problem) => problem.message)).toEqual([
      'lee is listed 3 times in this cohort (also at cohorts/c/cohort.yaml:7, cohorts/c/cohort.yaml:9).',
      'lee is listed 3 times in this cohort (also at cohorts/c/cohort.yaml:5, cohorts/c/cohort.yaml:9).',
      'lee is listed 3 times in this cohort (also at cohorts/c/cohort.yaml:5, cohorts/c/cohort.yaml:7).',
    ]);
  });
});

describe('thousands of unknown ids (people renamed in bulk)', () => {
  it('guesses what the first hundred meant and names the fix for the rest, without comparing every id with every person', async () => {
    const files: Record<string, string> = { 'mentor.config.yaml': 'program: P\ntimezone: UTC\n', 'people/lee.yaml': 'id: lee\nname: Lee\n' };
    let members = '  - person: lee\n    role: lead\n';
    for (let k = 0; k < 150; k++) {
      files[`people/m${k}.yaml`] = `id: m${k}\nname: M${k}\n`;
      members += `  - person: x${k}\n    role: mentee\n`;
    }
    files['cohorts/c/cohort.yaml'] = `id: c\nname: C\nstart: 2026-09-07\nmembers:\n${members}`;
    const { code, json } = await mentorInJson<{ problems: Array<{ rule: string; message: string; fix?: string }> }>(['validate', '--repo', makeTree(files), '--format', 'json'], { env: { MENTOR_NOW: '2026-11-24T09:00:00Z' } });
    expect(code).toBe(1);
    const unknown = json.problems.filter((problem) => problem.rule === 'member-unknown-person');
    expect(unknown).toHaveLength(150);
    expect(unknown[0]!.fix).toBe('Did you mean "m0"? Otherwise create people/x0.yaml.');
    expect(unknown[99]!.fix).toBe('Did you mean "m99"? Otherwise create people/x99.yaml.');
    expect(unknown[100]!.fix).toBe('Create people/x100.yaml, or fix the id.');
    expect(unknown.filter((problem) => problem.fix?.startsWith('Did you mean'))).toHaveLength(100);
  });
});
