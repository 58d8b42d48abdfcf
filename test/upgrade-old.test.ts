import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitIn, mainSha, openPullRequest, pullRequestEvent, pushEvent, pushToMain, REPOSITORY, type World } from './helpers/github-world.js';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { git, makeTree, mentor, mentorJson, PACKAGE_ROOT } from './helpers/repo.js';
import { OLD_PROGRAM_NOW, oldProgram } from './helpers/old-program.js';
import { ghStandIn, ghState, runWorkflow } from './helpers/workflow-sim.js';

// A program repo made months ago by an older mentor, upgraded by this one. The fixture
// test/fixtures/program-68937fc is what `mentor init` of commit 68937fc wrote, then its own
// `assign`, `log`, `report` and `codeowners` (a lead, a mentor, a mentee placed, a log, a report of
// 2026-W44); only its runner is cut to its first lines (the build was 2.3 MB). That mentor had no
// issue forms, no member schema, three workflows fewer, and wrote reports and schemas of its own.

const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NOW = OLD_PROGRAM_NOW;
const RUNNER = '.mentor/mentor.mjs';

/** Gives the committed runner another version on its first line, and commits it. */
function runnerSays(dir: string, version: string): string {
  const file = path.join(dir, RUNNER);
  const text = readFileSync(file, 'utf8').replace(/^\/\/ mentor [^\s:]+/, `// mentor ${version}`);
  writeFileSync(file, text);
  git(dir, ['commit', '-q', '--allow-empty', '-am', `runner ${version}`]);
  return text;
}

describe('mentor upgrade of a repo whose runner is newer than this mentor', { timeout: 120_000 }, () => {
  it('refuses to put an older runner (and older workflows) in its place, writing nothing, and says how to get the newer mentor', async () => {
    const dir = oldProgram();
    const newer = runnerSays(dir, '99.1.0');
    for (const args of [[], ['--workflows'], ['--commit'], ['--workflows', '--commit']]) {
      const result = await mentorIn(['upgrade', '--repo', dir, ...args], { env: NOW });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`The runner in .mentor/ is mentor 99.1.0, newer than this mentor (${VERSION}): upgrading would put an older one in its place.`);
      expect(result.stderr).toContain('node .mentor/mentor.mjs');
      expect(readFileSync(path.join(dir, RUNNER), 'utf8')).toBe(newer);
      expect(git(dir, ['status', '--porcelain'])).toBe('');
      expect(git(dir, ['branch', '--show-current']).trim()).toBe('main');
    }
    const json = mentorJson(['upgrade', '--repo', dir, '--format', 'json'], { env: NOW });
    expect(json.code).toBe(1);
    expect(json.json).toMatchObject({ error: { exitCode: 1, message: expect.stringContaining('newer than this mentor') } });
  });

  it('goes ahead from an older version, a pre-release of this one, or a runner that names no version', async () => {
    for (const version of ['0.0.9', `${VERSION}-rc.1`]) {
      const dir = oldProgram();
      runnerSays(dir, version);
      const result = await mentorIn(['upgrade', '--repo', dir], { env: NOW });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`(mentor ${version} -> ${VERSION})`);
    }
    const dir = oldProgram();
    writeFileSync(path.join(dir, RUNNER), 'console.log("a runner without its first line");\n');
    git(dir, ['commit', '-qam', 'no banner']);
    const result = await mentorIn(['upgrade', '--repo', dir], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`(mentor unknown -> ${VERSION})`);
  });
});

/** What CI checks with the runner: every generated file, each as `node .mentor/mentor.mjs <command> --check`. */
function checksWithRunner(dir: string): Record<string, number> {
  const run = (args: string[]) => spawnSync(process.execPath, [RUNNER, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...NOW } }).status!;
  return {
    validate: run(['validate']),
    schema: run(['schema', '--check']),
    forms: run(['forms', '--check']),
    codeowners: run(['codeowners', '--check']),
    report: run(['report', '2026-first', '--week', '2026-W44', '--check']),
  };
}
const ALL_PASS = { validate: 0, schema: 0, forms: 0, codeowners: 0, report: 0 };

describe('mentor upgrade of a repo made by an older mentor', { timeout: 180_000 }, () => {
  it('brings every file CI checks up to date with the new runner, in the same commit: schemas, issue forms and committed reports', async () => {
    const dir = oldProgram();
    runnerSays(dir, VERSION);
    const result = await mentorIn(['upgrade', '--repo', dir, '--commit'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    // The runner of another build of the same version is not said to go from a version to itself.
    expect(result.stdout).toContain(`Committed the runner in .mentor/ (another build of mentor ${VERSION}) on the new branch upgrade/mentor-${VERSION}.`);
    const changed = git(dir, ['show', '--name-status', '--format=', 'HEAD']).trim().split('\n');
    for (const file of ['schemas/member.schema.json', '.github/ISSUE_TEMPLATE/request-a-mentor.yml', '.github/ISSUE_TEMPLATE/become-a-mentor.yml']) expect(changed).toContain(`A\t${file}`);
    for (const file of ['schemas/config.schema.json', 'reports/2026-first/2026-W44.md', 'reports/2026-first/2026-W44.json', RUNNER]) expect(changed).toContain(`M\t${file}`);
    expect(result.stdout).toContain('reports/2026-first/2026-W44.md');
    expect(result.stdout).toMatch(/CI checks them with the new runner/);
    expect(git(dir, ['status', '--porcelain'])).toBe('');
    expect(checksWithRunner(dir)).toEqual(ALL_PASS);
    // Run again, nothing is left to do.
    const again = await mentorIn(['upgrade', '--repo', dir], { env: NOW });
    expect(again.stdout).toContain('already this build');
    expect(git(dir, ['status', '--porcelain'])).toBe('');
  });

  it('lists what it regenerated in JSON, apart from the runner', async () => {
    const dir = oldProgram();
    const { code, json } = await mentorInJson(['upgrade', '--repo', dir, '--format', 'json'], { env: NOW });
    expect(code).toBe(0);
    expect(json.generated).toEqual(expect.arrayContaining(['schemas/member.schema.json', '.github/ISSUE_TEMPLATE/request-a-mentor.yml', 'reports/2026-first/2026-W44.md']));
    expect(json.files).toEqual(expect.arrayContaining([RUNNER, ...json.generated]));
  });

  it('says which workflows differ from this mentor\'s when it leaves them, and how to bring them', async () => {
    const dir = oldProgram();
    const result = await mentorIn(['upgrade', '--repo', dir], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/workflows? .*mentor\.yml.* differ from this mentor's/);
    expect(result.stdout).toContain('mentor upgrade --workflows');
    expect(git(dir, ['status', '--porcelain', '.github/workflows'])).toBe('');
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-qm', 'upgraded the runner only']);
    // The runner is current now; the workflows still are not, and it still says so.
    const again = await mentorIn(['upgrade', '--repo', dir], { env: NOW });
    expect(again.stdout).toContain('already this build');
    expect(again.stdout).toContain('mentor upgrade --workflows');
    expect((await mentorInJson(['upgrade', '--repo', dir, '--format', 'json'], { env: NOW })).json.workflowsLeft).toEqual(expect.arrayContaining(['.github/workflows/mentor.yml', '.github/workflows/mentor-request.yml']));
  });

  it('still replaces the runner when the config cannot be read, and says which generated files it left and why', async () => {
    const dir = oldProgram();
    writeFileSync(path.join(dir, 'mentor.config.yaml'), 'program: [unclosed\n');
    git(dir, ['commit', '-qam', 'a broken config']);
    const result = await mentorIn(['upgrade', '--repo', dir], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    const status = git(dir, ['status', '--porcelain', '--untracked-files=all']);
    expect(status).toContain(` M ${RUNNER}`);
    expect(status).toContain('schemas/member.schema.json');
    expect(status).not.toMatch(/ISSUE_TEMPLATE|CODEOWNERS|reports\//);
    for (const [file, command] of [['.github/CODEOWNERS', 'mentor codeowners'], ['.github/ISSUE_TEMPLATE', 'mentor forms'], ['reports/2026-first/2026-W44.md', 'mentor report 2026-first --week 2026-W44']]) {
      expect(result.stdout).toContain(`Left ${file} as it is: mentor.config.yaml cannot be read. Fix that (\`mentor validate\` shows how), then run \`${command}\`: CI checks it.`);
    }
  });
});

/** The old program on a simulated GitHub: a bare origin, one clone (maintainer and fork at once), the `gh` stand-in. */
function oldWorld(): World {
  const root = makeTree({});
  const program = oldProgram();
  const origin = path.join(root, 'origin.git');
  git(root, ['clone', '-q', '--bare', program, origin]);
  git(origin, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  git(origin, ['config', 'receive.autogc', 'false']);
  git(root, ['clone', '-q', origin, 'maintainer']);
  const maintainer = path.join(root, 'maintainer');
  return { origin, repository: REPOSITORY, maintainer, fork: maintainer, env: NOW, ...ghStandIn(root, { [`GET repos/${REPOSITORY}/pulls`]: [] }) };
}

const jobsPass = (run: ReturnType<typeof runWorkflow>, jobs: string[]) => {
  for (const job of jobs) expect(run.jobs[job]!.succeeded, `${job}: ${JSON.stringify(run.jobs[job]!.commands)} ${run.jobs[job]!.steps.map((step) => step.stderr).join('')}`).toBe(true);
};

describe('a repo made by an older mentor, upgraded, on a simulated GitHub', { timeout: 300_000 }, () => {
  it('passes CI: mentor.yml on the upgrade pull request and on the push to main', async () => {
    const world = oldWorld();
    const upgraded = await mentorIn(['upgrade', '--repo', world.maintainer, '--workflows', '--commit'], { env: NOW });
    expect(upgraded.code, upgraded.stderr).toBe(0);
    const pr = openPullRequest(world, world.maintainer, { number: 1, author: 'alex-gh', headRef: 'upgrade/mentor' });
    jobsPass(runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request')), ['validate', 'generated']);
    const before = mainSha(world);
    pushToMain(world, world.maintainer);
    jobsPass(runWorkflow(world, 'mentor.yml', pushEvent(world, before)), ['validate', 'generated']);
  });

  it('with the runner upgraded and the old workflows kept, CI passes and the old gate judges with the new runner', async () => {
    const world = oldWorld();
    const upgraded = await mentorIn(['upgrade', '--repo', world.maintainer, '--commit'], { env: NOW });
    expect(upgraded.code, upgraded.stderr).toBe(0);
    const before = mainSha(world);
    pushToMain(world, world.maintainer);
    jobsPass(runWorkflow(world, 'mentor.yml', pushEvent(world, before)), ['validate', 'generated']);
    const ownLog = 'person: bob\nweek: 2026-W44\nhours:\n  practice: 3\n';
    commitIn(world.fork, 'bob-log', { 'cohorts/2026-first/logs/bob/2026-W44.yaml': ownLog });
    const own = openPullRequest(world, world.fork, { number: 2, author: 'bob-gh' });
    jobsPass(runWorkflow(world, 'mentor-gate.yml', pullRequestEvent(world, own, 'pull_request_target')), ['gate']);
    expect(ghState(world).statuses.filter((status) => status.sha === own.headSha).at(-1)).toMatchObject({ context: 'mentor/gate', state: 'success' });
    commitIn(world.fork, 'not-bob', { 'cohorts/2026-first/logs/ada/2026-W44.yaml': ownLog.replace('bob', 'ada') });
    const other = openPullRequest(world, world.fork, { number: 3, author: 'bob-gh' });
    runWorkflow(world, 'mentor-gate.yml', pullRequestEvent(world, other, 'pull_request_target'));
    expect(ghState(world).statuses.filter((status) => status.sha === other.headSha).at(-1)).toMatchObject({ context: 'mentor/gate', state: 'failure' });
  });
});

describe('a local mentor of another version than the repo\'s runner', { timeout: 120_000 }, () => {
  it('says so beside what it prints, since CI judges with the runner: upgrade when the runner is older, the runner when it is newer', async () => {
    const dir = oldProgram();
    runnerSays(dir, '0.0.1');
    const older = mentor(['validate', '--repo', dir], { env: NOW });
    expect(older.code).toBe(0);
    expect(older.stdout).toContain('no problems');
    expect(older.stderr).toBe(`mentor: note: this repo's runner (.mentor/) is mentor 0.0.1, older than this mentor (${VERSION}); CI runs the runner, so it may judge the records differently. Bring the repo to this mentor with \`mentor upgrade --commit\`.\n`);
    const json = await mentorInJson(['hours', '2026-first', '--repo', dir, '--format', 'json'], { env: NOW });
    expect(json.code).toBe(0);
    expect(json.json.cohort).toBe('2026-first');
    runnerSays(dir, '99.0.0');
    const newer = await mentorIn(['status', '--repo', dir], { env: NOW });
    expect(newer.stderr).toContain(`mentor: note: this repo's runner (.mentor/) is mentor 99.0.0, newer than this mentor (${VERSION}); CI runs the runner, so it may judge the records differently. Run the repo's own, \`node .mentor/mentor.mjs status\`, or install mentor 99.0.0 or later.`);
  });

  it('says nothing when they are the same version, or where there is no program repo', async () => {
    const dir = oldProgram();
    expect(mentor(['validate', '--repo', dir], { env: NOW }).stderr).toBe('');
    expect((await mentorIn(['schema', '--out', path.join(makeTree({}), 'out')], { env: NOW, cwd: makeTree({}) })).stderr).toBe('');

  });
});
