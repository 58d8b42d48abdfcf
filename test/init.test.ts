import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { PACKAGE_ROOT, exampleGitRepo, git, gitRepo, makeTree, mentor } from './helpers/repo.js';

describe('mentor init', { timeout: 120_000 }, () => {
  it('scaffolds a program repo that validates, with git init and a first commit', async () => {
    const dir = path.join(makeTree({}), 'program');
    const result = mentor(['init', dir]);
    expect(result.code, result.stderr).toBe(0);
    for (const file of ['mentor.config.yaml', 'people/alex.yaml', 'schemas/log.schema.json', '.github/workflows/mentor.yml', '.github/pull_request_template.md']) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    const { code, json } = await mentorInJson(['validate', '--repo', dir, '--format', 'json']);
    expect(json.problems).toEqual([]);
    expect(code).toBe(0);
    expect(git(dir, ['log', '--format=%s']).trim()).toBe('Start the mentorship program (mentor init)');
    expect(git(dir, ['status', '--porcelain']).trim()).toBe('');
    expect(git(dir, ['branch', '--show-current']).trim()).toBe('main');
  });

  it('takes the folder as --repo, as every command does, and refuses [dir] and --repo naming two folders (exit 2, nothing written)', async () => {
    const parent = makeTree({});
    const viaRepo = path.join(parent, 'via-repo');
    const result = await mentorIn(['init', '--repo', viaRepo, '--no-git']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(viaRepo, 'mentor.config.yaml'))).toBe(true);
    const both = path.join(parent, 'both');
    expect((await mentorIn(['init', both, '--repo', `${both}/`, '--no-git'])).code).toBe(0);
    const two = mentor(['init', path.join(parent, 'one'), '--repo', path.join(parent, 'two'), '--no-git']);
    expect(two.stderr).toContain(`mentor init was given two folders: ${path.join(parent, 'one')} and --repo ${path.join(parent, 'two')}.`);
    expect(two.code).toBe(2);
    expect(existsSync(path.join(parent, 'one')) || existsSync(path.join(parent, 'two'))).toBe(false);
  });

  it('gives the placeholder lead no GitHub handle: a made-up one is a login anyone could register, and the gate would take them for the lead', async () => {
    const dir = makeTree({});
    await mentorIn(['init', dir, '--no-git']);
    const text = readFileSync(path.join(dir, 'people/alex.yaml'), 'utf8');
    expect(parse(text).github).toBeUndefined();
    expect(text).toContain('# github: your-handle');
  });

  it('writes records that start with the yaml-language-server schema line', async () => {
    const dir = makeTree({});
    await mentorIn(['init', dir, '--no-git']);
    expect(readFileSync(path.join(dir, 'people/alex.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/person.schema.json');
    expect(readFileSync(path.join(dir, 'mentor.config.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=schemas/config.schema.json');
  });

  it('commits the runner and no package.json: a copy of the repo runs with plain node, nothing installed', async () => {
    const dir = path.join(makeTree({}), 'program');
    expect((await mentorIn(['init', dir])).code).toBe(0);
    expect(existsSync(path.join(dir, 'package.json'))).toBe(false);
    expect(git(dir, ['ls-files', '.mentor']).trim().split('\n')).toEqual(['.mentor/LICENSES.txt', '.mentor/README.md', '.mentor/echarts.cjs', '.mentor/mentor.mjs', '.mentor/prompts.mjs']);
    // Byte for byte (Buffer.equals: a deep toEqual walks 2 MB one byte at a time, for seconds).
    for (const file of ['mentor.mjs', 'prompts.mjs', 'echarts.cjs']) expect(readFileSync(path.join(dir, '.mentor', file)).equals(readFileSync(path.join(PACKAGE_ROOT, 'dist/runner', file))), `the committed ${file} is the built one`).toBe(true);
    // Another machine: only the committed files (a fresh clone), and node without our node_modules anywhere above.
    const copy = path.join(makeTree({}), 'clone');
    execFileSync('git', ['clone', '-q', dir, copy]);
    const result = spawnSync('node', ['.mentor/mentor.mjs', 'validate'], { cwd: copy, encoding: 'utf8', env: { PATH: path.dirname(process.execPath), HOME: copy, NO_COLOR: '1' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('files checked, no problems');
    expect(result.status).toBe(0);
    const version = spawnSync('node', ['.mentor/mentor.mjs', '--version'], { cwd: copy, encoding: 'utf8', env: { PATH: path.dirname(process.execPath) } });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version);
    // The charts load from the file beside the runner, not from node_modules.
    const site = spawnSync('node', ['.mentor/mentor.mjs', 'site', '--out', '_site'], { cwd: copy, encoding: 'utf8', env: { PATH: path.dirname(process.execPath), HOME: copy, NO_COLOR: '1', MENTOR_NOW: '2026-11-24T12:00:00Z' } });
    expect(site.stderr).toBe('');
    expect(site.status).toBe(0);
    expect(readFileSync(path.join(copy, '_site/index.html'), 'utf8')).toContain('<svg');
    // The site it builds is ignored by git: nothing to commit by mistake.
    expect(git(copy, ['status', '--porcelain'])).toBe('');
  });

  it('never overwrites a file, and commits only what it created', async () => {
    const dir = makeTree({ 'mentor.config.yaml': '# mine\nprogram: Mine\n', 'notes.txt': 'keep me uncommitted\n' });
    git(dir, ['init', '-q', '--initial-branch=trunk']);
    const result = await mentorIn(['init', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('kept     mentor.config.yaml');
    expect(readFileSync(path.join(dir, 'mentor.config.yaml'), 'utf8')).toBe('# mine\nprogram: Mine\n');
    const committed = git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n');
    expect(committed).not.toContain('mentor.config.yaml');
    expect(committed).not.toContain('notes.txt');
    expect(committed).toContain('people/alex.yaml');
    expect(git(dir, ['status', '--porcelain'])).toContain('notes.txt');
    // The repository is the user's, on their branch: that is the one to protect.
    expect(result.stdout).toMatch(/git push +then require the mentor\/gate status on trunk\n/);
  });

  it('gives a folder inside another repository a repository of its own, and commits nothing to the outer one', async () => {
    const outer = makeTree({ 'a.txt': 'the outer project\n' });
    gitRepo(outer);
    const before = git(outer, ['rev-parse', 'HEAD']);
    const dir = path.join(outer, 'programs/mentoring');
    const result = await mentorIn(['init', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Initialised a git repository of its own and committed 30 files');
    expect(result.stdout).toContain(`is inside the git repository ${outer}`);
    expect(git(outer, ['rev-parse', 'HEAD'])).toBe(before);
    expect(git(outer, ['status', '--porcelain'])).toBe('?? programs/\n');
    expect(git(dir, ['rev-parse', '--show-toplevel']).trim()).toBe(dir);
    expect(git(dir, ['log', '--format=%s']).trim()).toBe('Start the mentorship program (mentor init)');
    expect(git(dir, ['ls-files', '.github/workflows/mentor.yml']).trim()).toBe('.github/workflows/mentor.yml');
    expect(git(dir, ['status', '--porcelain'])).toBe('');
  });

  it('adds no made-up lead nor example cohort to a program that has records: mentor\'s files only, and no placeholder step', async () => {
    const dir = exampleGitRepo();
    const people = readdirSync(path.join(dir, 'people')).sort();
    const cohorts = readdirSync(path.join(dir, 'cohorts')).sort();
    const result = await mentorIn(['init', dir], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('no example person or cohort: people/ and cohorts/ hold records already');
    expect(readdirSync(path.join(dir, 'people')).sort()).toEqual(people);
    expect(readdirSync(path.join(dir, 'cohorts')).sort()).toEqual(cohorts);
    const committed = git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n');
    expect(committed.filter((file) => /^(people|cohorts)\//.test(file))).toEqual([]);
    expect(committed).toContain('.github/workflows/mentor.yml');
    expect(result.stdout).not.toContain('placeholder');
    expect((await mentorIn(['validate', '--repo', dir])).code).toBe(0);
  });

  it('ends with next steps that make the placeholder lead you and add a remote before pushing', async () => {
    const result = await mentorIn(['init', path.join(makeTree({}), 'program')], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
    const steps = result.stdout.slice(result.stdout.indexOf('Next steps'));
    expect(steps).toMatch(/edit people\/alex\.yaml +the placeholder lead, alex: make it you/);
    expect(steps).toMatch(/rename it and cohorts\/\d{4}-first\/members\/alex\.yaml/);
    expect(steps.indexOf('git remote add origin <url>')).toBeGreaterThan(0);
    expect(steps.indexOf('git push -u origin main')).toBeGreaterThan(steps.indexOf('git remote add origin <url>'));
  });

  it('names the forms among the next steps: an organiser who names the program and follows them pushes forms CI finds current', async () => {
    const dir = path.join(makeTree({}), 'program');
    const result = await mentorIn(['init', dir, '--no-git'], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    const steps = result.stdout.slice(result.stdout.indexOf('Next steps'));
    expect(steps).toMatch(/node \.mentor\/mentor\.mjs forms +write the issue forms from it/);
    const config = path.join(dir, 'mentor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^program: .*$/m, 'program: Learn Teach Code').replace('maintainers: []', 'maintainers: [olga-gh]'));
    expect((await mentorIn(['forms', '--check', '--repo', dir])).code).toBe(1);
    for (const command of ['codeowners', 'forms']) expect((await mentorIn([command, '--repo', dir])).code).toBe(0);
    expect((await mentorIn(['forms', '--check', '--repo', dir])).code).toBe(0);
  });

  it('says so when the folder is inside another program repo', async () => {
    const outer = makeTree({ 'mentor.config.yaml': 'program: Outer\n' });
    const result = await mentorIn(['init', path.join(outer, 'sub'), '--no-git'], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`this folder is inside the program repo ${outer}; this makes a second, separate program`);
    const alone = await mentorIn(['init', path.join(makeTree({}), 'program'), '--no-git'], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(alone.stdout).not.toContain('inside the program repo');
  });

  it('aligns the comments of the scaffolded config, the time zone one included', async () => {
    const dir = makeTree({});
    await mentorIn(['init', dir, '--no-git'], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    const lines = readFileSync(path.join(dir, 'mentor.config.yaml'), 'utf8').split('\n').filter((line) => /^(timezone|requestSlaHours|maintainers):/.test(line));
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((line) => line.indexOf(' # ')))).toEqual(new Set([31]));
    expect(lines[0]).toContain('a place name, such as Europe/London');
  });

  it('a second init changes nothing', async () => {
    const dir = makeTree({});
    await mentorIn(['init', dir]);
    writeFileSync(path.join(dir, 'people/alex.yaml'), 'id: alex\nname: Changed\n');
    const again = await mentorIn(['init', dir]);
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(dir, 'people/alex.yaml'), 'utf8')).toBe('id: alex\nname: Changed\n');
    expect(git(dir, ['log', '--format=%s']).trim().split('\n')).toHaveLength(1);
  });

  it('refuses a path that is a file', async () => {
    const dir = makeTree({ 'file.txt': 'x' });
    const result = await mentorIn(['init', path.join(dir, 'file.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('exists and is not a folder');
  });
});

describe('mentor init without a git identity', () => {
  it('writes the files, and says how to commit them', () => {
    const dir = path.join(makeTree({}), 'program');
    const result = mentor(['init', dir], {
      env: { GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_COMMITTER_NAME: undefined, GIT_COMMITTER_EMAIL: undefined, EMAIL: undefined, HOME: makeTree({}), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.useConfigOnly', GIT_CONFIG_VALUE_0: 'true' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('git does not know who you are');
    expect(result.stderr).toContain('The files are written but not committed');
    expect(result.stderr).toContain('git add -A && git commit');
    expect(existsSync(path.join(dir, 'mentor.config.yaml'))).toBe(true);
  });

  it('commits every file it wrote when run again the next day, as the error said to ("then try again")', async () => {
    // Before: the second run took the cohort file (its dates are the first run's today) for the
    // user's, committed the other 29 files, the member file without its cohort, and left
    // cohort.yaml staged: a first commit that fails validation, and no word of it.
    const dir = path.join(makeTree({}), 'program');
    const noIdentity = { GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_COMMITTER_NAME: undefined, GIT_COMMITTER_EMAIL: undefined, EMAIL: undefined, HOME: makeTree({}), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.useConfigOnly', GIT_CONFIG_VALUE_0: 'true' };
    expect((await mentorIn(['init', dir], { env: { ...noIdentity, MENTOR_NOW: '2026-11-24T09:00:00Z' } })).code).toBe(2);
    const again = await mentorIn(['init', dir], { env: { MENTOR_NOW: '2026-11-25T09:00:00Z' } });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Committed 30 files');
    expect(git(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect((await mentorIn(['validate', '--repo', dir, '--at', 'HEAD'])).code).toBe(0);
  });
});

describe('mentor init and git', () => {
  /** A PATH with node on it and no git. */
  const withoutGit = () => {
    const bin = makeTree({});
    symlinkSync(process.execPath, path.join(bin, 'node'));
    return { PATH: bin };
  };

  it('refuses to start without git, before writing anything, and says to install it', async () => {
    const dir = path.join(makeTree({}), 'program');
    const result = mentor(['init', dir], { env: withoutGit() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('git is not installed or not on PATH');
    expect(existsSync(path.join(dir, 'mentor.config.yaml'))).toBe(false);
    // The same words from a command that needs a repo, not "this is not a repository".
    const example = await gitRepoOf(path.join(makeTree({}), 'ex'));
    const gate = await mentorIn(['check-pr', '--repo', example, '--base', 'main', '--author', 'alex-example'], { env: withoutGit() });
    expect(gate.code).toBe(2);
    expect(gate.stderr).toContain('git is not installed or not on PATH');
  });

  it('makes the repo and commits the files when they were written before without git', async () => {
    const dir = path.join(makeTree({}), 'program');
    expect((await mentorIn(['init', dir, '--no-git'])).code).toBe(0);
    expect(existsSync(path.join(dir, '.git'))).toBe(false);
    const again = await mentorIn(['init', dir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Initialised a git repository and committed 30 files');
    expect(git(dir, ['status', '--porcelain'])).toBe('');
  });

  it('finishes a first run that wrote its files but could not commit them (a full disk at git add): the first commit takes them, never a file of the user\'s', async () => {
    const dir = path.join(makeTree({}), 'program');
    const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
    expect((await mentorIn(['init', dir, '--no-git'], { env })).code).toBe(0);
    git(dir, ['init', '-q', '--initial-branch=main']);
    writeFileSync(path.join(dir, 'people/alex.yaml'), 'id: alex\nname: Mine now\n');
    const again = await mentorIn(['init', dir], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Committed 29 files');
    const committed = git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n');
    expect(committed).toContain('mentor.config.yaml');
    expect(committed).toContain('.mentor/mentor.mjs');
    expect(committed).not.toContain('people/alex.yaml');
    expect(git(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('?? people/alex.yaml\n');
  });

  it('says to add its ignore lines to a .gitignore of the user\'s that it kept, and only the ones missing', async () => {
    // Before: the kept .gitignore lacked _site/, so the dashboard (mentor site) showed as untracked
    // and `git add -A` committed it, with nothing said.
    const dir = gitRepo(makeTree({ '.gitignore': 'node_modules/\n' }));
    const result = await mentorIn(['init', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('kept     .gitignore');
    expect(result.stdout).toMatch(/edit \.gitignore +add _site\/ and \.\*\.mentor-tmp-\* to it/);
    const done = gitRepo(makeTree({ '.gitignore': 'node_modules/\n_site/\n.*.mentor-tmp-*\n' }));
    expect((await mentorIn(['init', done])).stdout).not.toContain('edit .gitignore');
  });

  it('commits as the identity the environment gives (GIT_AUTHOR_NAME and friends), with no git config at all', () => {
    const dir = path.join(makeTree({}), 'program');
    const identity = { GIT_AUTHOR_NAME: 'Env Author', GIT_AUTHOR_EMAIL: 'author@env.example', GIT_COMMITTER_NAME: 'Env Committer', GIT_COMMITTER_EMAIL: 'committer@env.example' };
    const result = mentor(['init', dir], { env: { ...identity, HOME: makeTree({}), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(git(dir, ['log', '-1', '--format=%an <%ae> / %cn <%ce>']).trim()).toBe('Env Author <author@env.example> / Env Committer <committer@env.example>');
  });
});

/** A fresh program repo made by init, committed. */
async function gitRepoOf(dir: string): Promise<string> {
  expect((await mentorIn(['init', dir])).code).toBe(0);

  return dir;
}

describe('the cohort init scaffolds', () => {
  it('keeps its members as files, says why, and validates and round-trips to a list', async () => {
    const dir = path.join(makeTree({}), 'program');
    expect((await mentorIn(['init', dir, '--no-git'], { env: { MENTOR_NOW: '2026-11-24T09:00:00Z' } })).code).toBe(0);
    const cohort = readFileSync(path.join(dir, 'cohorts/2026-first/cohort.yaml'), 'utf8');
    expect(cohort).toContain('no merge conflicts');
    expect(cohort).not.toMatch(/^members:/m);
    expect(readFileSync(path.join(dir, 'cohorts/2026-first/members/alex.yaml'), 'utf8')).toContain('person: alex\nrole: lead\n');
    expect((await mentorIn(['validate', '--repo', dir])).code).toBe(0);
    const tree = (await mentorIn(['tree', '2026-first', '--repo', dir], { env: { MENTOR_NOW: '2026-11-24T09:00:00Z' } })).stdout;
    expect(tree).toContain('alex');
  });
});
