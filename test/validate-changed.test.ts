import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingGit } from './helpers/git-calls.js';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, gitRepo, makeTree, mentor, PACKAGE_ROOT } from './helpers/repo.js';

// `validate --changed` must say what a full `validate` says about the files it reports on, in
// every case; `--at` reads a commit instead of the working tree.

const write = (repo: string, file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const HAL_LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';

type Problem = { file: string; line: number; column: number; rule: string; message: string; id?: string; cause?: string };
const validate = async (repo: string, args: string[] = []) => (await mentorInJson<{ valid: boolean; files: number; problems: Problem[] }>(['validate', '--repo', repo, '--format', 'json', ...args], { env: { MENTOR_NO_CACHE: '1' } }));

/** --changed HEAD gives exactly the full run's problems about the files it reports on (here: all of them). */
async function expectSameAsFull(repo: string) {
  const changed = await validate(repo, ['--changed', 'HEAD']);
  const full = await validate(repo);
  expect(changed.json.problems).toEqual(full.json.problems);
  expect(changed.code).toBe(full.code);
  return changed;
}

describe('mentor validate --changed', () => {
  it('checks only what changed since the ref, committed or not, with the output of a full run', async () => {
    const repo = exampleGitRepo();
    write(repo, HAL_LOG, 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n'); // untracked
    write(repo, 'cohorts/2026-fall/logs/bob/2026-W47.yaml', 'person: bob\nweek: 2026-W47\nhours:\n  one-on-ones: 1\n'); // modified, uncommitted
    const changed = await expectSameAsFull(repo);
    expect(changed.json.files).toBe(2);
    expect(changed.code).toBe(1);
  });

  it('follows a changed person to the cohorts that name them and to their logs, and a changed cohort to its logs', async () => {
    const repo = exampleGitRepo();
    rmSync(path.join(repo, 'people/ada.yaml'));
    const deleted = await expectSameAsFull(repo);
    expect(deleted.json.problems.some((p) => p.id !== undefined)).toBe(true); // the root cause is grouped as in a full run
    git(repo, ['checkout', '--', 'people/ada.yaml']);
    // A person who is not a member and loses their person file: their logs change rule.
    const cohortText = readFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), 'utf8');
    writeFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), cohortText.replace('  - person: hal\n    role: mentee\n    mentor: grace\n', ''));
    git(repo, ['commit', '-q', '-am', 'hal leaves']);
    rmSync(path.join(repo, 'people/hal.yaml'));
    const halGone = await expectSameAsFull(repo);
    expect(halGone.json.problems.map((p) => `${p.file} ${p.rule}`)).toContain('cohorts/2026-fall/logs/hal/2026-W45.yaml member-unknown-person');
    git(repo, ['reset', '-q', '--hard', 'HEAD~1']);
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace('  - person: hal\n    role: mentee\n    mentor: grace\n', ''));
    const afterCohort = await expectSameAsFull(repo);
    expect(afterCohort.json.problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['cohorts/2026-fall/logs/hal/2026-W45.yaml log-not-member', 'cohorts/2026-fall/logs/hal/2026-W46.yaml log-not-member']);
  });

  it('reports a log in a cohort that does not exist, as a full run does', async () => {
    const repo = exampleGitRepo();
    write(repo, 'cohorts/2027-spring/logs/hal/2027-W10.yaml', 'person: hal\nweek: 2027-W10\n');
    const changed = await expectSameAsFull(repo);
    expect(changed.json.problems.map((p) => p.rule)).toEqual(['cohort-missing-file']);
    expect(changed.code).toBe(1);
  });

  it('reports a folder inside a log folder, as a full run does, for a record changed in it', async () => {
    const repo = exampleGitRepo();
    write(repo, 'cohorts/2026-fall/logs/hal/sub/2026-W47.yaml', 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n');
    write(repo, 'people/sub/zed.yaml', 'id: zed\n');
    const changed = await expectSameAsFull(repo);
    expect(changed.json.problems.map((p) => `${p.file} ${p.rule}`).sort()).toEqual(['cohorts/2026-fall/logs/hal/sub unexpected-file', 'people/sub unexpected-file']);
  });

  it('passes over what a full run passes over: .gitkeep, README.md and a writer’s leftover temp file', async () => {
    const repo = exampleGitRepo();
    write(repo, 'cohorts/2026-fall/logs/hal/.gitkeep', '');
    write(repo, 'cohorts/2026-fall/logs/hal/README.md', '# notes\n');
    write(repo, 'cohorts/2026-fall/logs/hal/.2026-W47.yaml.mentor-tmp-123-abc', 'partial: [');
    write(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yml', 'person: hal\n');
    const changed = await expectSameAsFull(repo);
    expect(changed.json.problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['cohorts/2026-fall/logs/hal/2026-W47.yml unexpected-file']);
  });

  it('reports a file right in a cohort’s logs folder, as a full run does', async () => {
    const repo = exampleGitRepo();
    write(repo, 'cohorts/2026-fall/logs/notes.txt', 'not a log\n');
    const stray = await expectSameAsFull(repo);
    expect(stray.json.problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['cohorts/2026-fall/logs/notes.txt unexpected-file']);
  });

  it('warns about a log saved where no log is read (beside cohort.yaml, in a log/ folder, as .yml), as a full run does, and only when it changed', async () => {
    const repo = exampleGitRepo();
    const log = 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n';
    write(repo, 'cohorts/2026-fall/hal-2026-W47.yaml', log);
    write(repo, 'cohorts/2026-fall/log/hal/2026-W47.yaml', log);
    write(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yml', log);
    const changed = await expectSameAsFull(repo);
    expect(changed.json.problems.map((p) => `${p.file} ${p.rule} ${(p as { fix?: string }).fix}`)).toEqual([
      'cohorts/2026-fall/hal-2026-W47.yaml unexpected-file Move it to cohorts/2026-fall/logs/hal/2026-W47.yaml.',
      'cohorts/2026-fall/log unexpected-file Move the person folders it holds into cohorts/2026-fall/logs/.',
      'cohorts/2026-fall/logs/hal/2026-W47.yml unexpected-file Rename it to 2026-W47.yaml.',
    ]);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'logs in the wrong places']);
    expect((await validate(repo, ['--changed', 'HEAD'])).json.problems).toEqual([]);
    write(repo, 'cohorts/2026-fall/log/hal/2026-W46.yaml', log.replace('W47', 'W46'));
    const later = await validate(repo, ['--changed', 'HEAD']);
    expect(later.json.problems).toEqual((await validate(repo)).json.problems.filter((p) => p.file === 'cohorts/2026-fall/log'));
    expect(later.json.problems).toHaveLength(1);
  });

  it('asks git two things, started together: the diff from the ref and the untracked files', async () => {
    const repo = exampleGitRepo();
    write(repo, HAL_LOG, 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n');
    const recorded = recordingGit();
    const result = await mentorIn(['validate', '--repo', repo, '--changed', 'main', '--format', 'json'], { env: { MENTOR_NO_CACHE: '1', ...recorded.env } });
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, files: 1 });
    expect(recorded.calls().sort()).toEqual(['diff --name-status -z -M --no-ext-diff --relative --end-of-options main^{commit} -- .', 'ls-files -z --others --exclude-standard -- .']);
  });

  it('counts every file it reports on among the files checked, a file that is not a record too, as a full run does', async () => {
    const repo = gitRepo(exampleRepo());
    write(repo, 'people/-x.yaml', 'id: x\nname: X\n');
    write(repo, 'people/zed.yml', 'id: zed\nname: Zed\n');
    const changed = await expectSameAsFull(repo);
    const reportedOn = new Set(changed.json.problems.map((p) => p.file));
    expect([...reportedOn].sort()).toEqual(['people/-x.yaml', 'people/zed.yml']);
    expect(changed.json.files).toBeGreaterThanOrEqual(reportedOn.size);
    const full = await validate(repo);
    expect(full.json.files).toBe((await validate(gitRepo(exampleRepo()))).json.files + 2);
  });

  it('reports a people folder that is a symlink out of the repo', async () => {
    const repo = exampleGitRepo();
    const outside = makeTree({ 'hal.yaml': 'id: hal\nname: Hal\n' });
    cpSync(path.join(repo, 'people'), outside, { recursive: true });
    rmSync(path.join(repo, 'people'), { recursive: true });
    symlinkSync(outside, path.join(repo, 'people'));
    const changed = await expectSameAsFull(repo);
    expect(changed.json.problems.map((p) => p.rule)).toContain('symlink-outside-repo');
  });

  it('re-checks the whole tree and the mentor’s room when a member file changes', async () => {
    const repo = gitRepo(exampleRepo({ 'cohorts/2026-fall/members/zoe.yaml': 'person: zoe\nrole: mentee\n', 'people/zoe.yaml': 'id: zoe\nname: Zoe\n' }));
    const linus = path.join(repo, 'people/linus.yaml');
    writeFileSync(linus, `${readFileSync(linus, 'utf8')}maxHoursPerWeek: 5.5\n`);
    git(repo, ['commit', '-q', '-am', 'budget']);
    write(repo, 'cohorts/2026-fall/members/zoe.yaml', 'person: zoe\nrole: mentee\nmentor: linus\nwants: [css]\n');
    const changed = await expectSameAsFull(repo);
    expect(changed.json.problems.map((p) => `${p.file} ${p.rule}`)).toContain('cohorts/2026-fall/cohort.yaml capacity-max-hours');
  });

  it('handles a rename (the new name is checked) and a deletion', async () => {
    const repo = exampleGitRepo();
    git(repo, ['mv', 'cohorts/2026-fall/logs/bob/2026-W45.yaml', 'cohorts/2026-fall/logs/bob/2026-W44.yaml']);
    git(repo, ['rm', '-q', 'cohorts/2026-fall/logs/bob/2026-W46.yaml']);
    git(repo, ['commit', '-q', '-m', 'rename']);
    const { json } = await validate(repo, ['--changed', 'HEAD~1']);
    expect(json.problems).toEqual([expect.objectContaining({ file: 'cohorts/2026-fall/logs/bob/2026-W44.yaml', rule: 'log-week-file' })]);
  });

  it('works when the program repo is a folder inside a bigger git repo', async () => {
    const outer = makeTree({});
    execFileSync('cp', ['-r', exampleRepo(), path.join(outer, 'program')]);
    gitRepo(outer);
    write(path.join(outer, 'program'), HAL_LOG, 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n');
    const { json } = await validate(path.join(outer, 'program'), ['--changed', 'HEAD']);
    expect(json.problems.map((p) => p.file)).toEqual([HAL_LOG]);
  });

  it('refuses a ref that looks like an option, and explains a shallow clone', async () => {
    const repo = exampleGitRepo();
    expect(mentor(['validate', '--repo', repo, '--changed=--output=x']).code).toBe(2);
    for (let i = 0; i < 2; i++) {
      write(repo, `people/extra${i}.yaml`, `id: extra${i}\nname: E\n`);
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-q', '-m', `c${i}`]);
    }
    const clone = path.join(makeTree({}), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const result = mentor(['validate', '--repo', clone, '--changed', 'HEAD~2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shallow clone');
    expect(result.stderr).toContain('fetch-depth: 0');
    // A branch the clone never fetched: fetching it comes first (contract review C20).
    const unfetched = await mentorIn(['validate', '--repo', clone, '--changed', 'origin/feature']);
    expect(unfetched.code).toBe(2);
    expect(unfetched.stderr).toContain('--changed origin/feature: git knows no such commit.');
    expect(unfetched.stderr).toContain('fetch it first (git fetch origin <branch>)');
  });
});

describe('mentor validate --at', () => {
  it('validates the records of a commit and leaves the working tree alone', async () => {
    const repo = exampleGitRepo();
    write(repo, HAL_LOG, 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'bad log']);
    rmSync(path.join(repo, HAL_LOG));
    const before = git(repo, ['status', '--porcelain']);
    const at = await validate(repo, ['--at', 'HEAD']);
    expect(at.code).toBe(1);
    expect(at.json.problems.map((p) => `${p.file} ${p.rule}`)).toEqual([`${HAL_LOG} log-unknown-activity`]);
    expect((await validate(repo, ['--at', 'HEAD~1'])).code).toBe(0);
    expect((await validate(repo)).code).toBe(0);
    expect(git(repo, ['status', '--porcelain'])).toBe(before);
    const between = await validate(repo, ['--at', 'HEAD', '--changed', 'HEAD~1']);
    expect(between.json.files).toBe(1);
    expect(between.json.problems).toEqual(at.json.problems);
  });

  it('names the one file whose object this clone lacks, and reads every other file of the commit right', async () => {
    const repo = exampleGitRepo();
    const sha = git(repo, ['rev-parse', 'HEAD:cohorts/2026-fall/logs/hal/2026-W45.yaml']).trim();
    rmSync(path.join(repo, '.git/objects', sha.slice(0, 2), sha.slice(2)));
    const result = await validate(repo, ['--at', 'HEAD']);
    expect(result.json.problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['cohorts/2026-fall/logs/hal/2026-W45.yaml unreadable-file']);
    expect(result.code).toBe(1);
  });

  it('says what is wrong with a ref that is not a commit', () => {
    const repo = exampleGitRepo();
    const result = mentor(['validate', '--repo', repo, '--at', 'no-such-branch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--at no-such-branch: git knows no such commit');
  });

  it('says that a folder outside git has no commits to read, for --at, --changed and check-pr', async () => {
    const folder = exampleRepo();
    for (const [args, needs] of [
      [['validate', '--at', 'main'], '--at'],
      [['validate', '--changed', 'main'], '--changed'],
      [['check-pr', '--base', 'main', '--author', 'hal-k'], 'check-pr'],
    ] as const) {
      const result = await mentorIn([...args, '--repo', folder]);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${needs} needs a git repository`);
      expect(result.stderr).not.toMatch(/\n\s+at |internal error/i);
    }
  });
});

describe('the validation cache', () => {
  // The installed CLI runs the bundle (bin/mentor.js loads dist/runner/mentor.mjs); the modules of
  // dist/ run in-process in tests and from a checkout. Both are keyed on their code.
  const entries = [
    { built: 'the bundle that bin/mentor.js runs', code: 'dist/runner/mentor.mjs', start: (copy: string) => [path.join(copy, 'bin/mentor.js')] },
    { built: 'the modules of dist/', code: 'dist/model/rules/log-rules.js', start: (copy: string) => ['--input-type=module', '-e', `const { run } = await import(${JSON.stringify(path.join(copy, 'dist/main.js'))}); process.exitCode = await run(process.argv.slice(1));`, '--'] },
  ];
  it.each(entries)('is keyed on the code of the build, not its version: a changed rule is never answered from the cache ($built)', ({ code, start }) => {
    const copy = makeTree({});
    for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(PACKAGE_ROOT, part), path.join(copy, part), { recursive: true });
    symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const repo = gitRepo(exampleRepo({ [HAL_LOG]: 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n' }));
    const past = new Date(Date.now() - 3_600_000);
    execFileSync('touch', ['-d', past.toISOString(), path.join(repo, HAL_LOG)]);
    const run = () => execFileSync(process.execPath, [...start(copy), 'validate', '--repo', repo, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, MENTOR_CACHE_STATS: '1', MENTOR_NO_CACHE: '' } }).toString();
    const message = (out: string) => (JSON.parse(out) as { problems: Problem[] }).problems[0]!.message;
    const first = (() => { try { return run(); } catch (error) { return (error as { stdout: string }).stdout; } })();
    expect(message(first)).toContain('is not an activity of');
    const rules = path.join(copy, code);
    writeFileSync(rules, readFileSync(rules, 'utf8').replaceAll('is not an activity of', 'IS NO ACTIVITY OF'));
    const second = (() => { try { return run(); } catch (error) { return (error as { stdout: string }).stdout; } })();
    expect(message(second)).toContain('IS NO ACTIVITY OF');
  });
});
