import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { GIT_ENV, PACKAGE_ROOT, git, makeTree, mentor } from './helpers/repo.js';

const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
const built = (name: string) => readFileSync(path.join(PACKAGE_ROOT, 'dist/runner', name), 'utf8');

/** A program repo made by init whose committed runner is an older build. */
async function repoWithOldRunner(): string {
  const dir = path.join(makeTree({}), 'program');
  expect((await mentorIn(['init', dir])).code).toBe(0);
  writeFileSync(path.join(dir, '.mentor/mentor.mjs'), '// mentor 0.0.1: an older runner\nconsole.log("old");\n');
  writeFileSync(path.join(dir, '.mentor/NOTES.txt'), 'a file an older build had\n');
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'an older runner']);
  return dir;
}

describe('mentor upgrade', { timeout: 180_000 }, () => {
  it('adds a runner to a repo that had none, and says so (not "replaced", not "unknown -> ")', async () => {
    const dir = makeTree({ 'mentor.config.yaml': 'program: P\n' });
    const result = await mentorIn(['upgrade', '--repo', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Added the runner in .mentor/ (mentor ${packageJson.version}): .mentor/mentor.mjs`);
    expect(result.stdout).not.toContain('unknown');
    expect(existsSync(path.join(dir, '.mentor/mentor.mjs'))).toBe(true);
  });

  it('replaces the runner with this build on a new branch, removing what the build no longer has', async () => {
    const dir = await repoWithOldRunner();
    const result = mentor(['upgrade', '--repo', dir, '--commit']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`mentor 0.0.1 -> ${packageJson.version}`);
    expect(git(dir, ['branch', '--show-current']).trim()).toBe(`upgrade/mentor-${packageJson.version}`);
    expect(git(dir, ['show', '--name-status', '--format=%s', 'HEAD']).trim().split('\n')).toEqual([
      `Upgrade the mentor runner to ${packageJson.version} (mentor upgrade)`,
      '',
      'D\t.mentor/NOTES.txt',
      'M\t.mentor/mentor.mjs',
    ]);
    expect(readFileSync(path.join(dir, '.mentor/mentor.mjs'), 'utf8')).toBe(built('mentor.mjs'));
    expect(git(dir, ['status', '--porcelain'])).toBe('');
    const again = await mentorIn(['upgrade', '--repo', dir]);
    expect(again.stdout).toContain(`already this build (mentor ${packageJson.version})`);
  });

  it('with --workflows, also brings the workflows init wrote up to this build, saying to read the diff; without it, leaves them', async () => {
    const dir = path.join(makeTree({}), 'program');
    expect((await mentorIn(['init', dir])).code).toBe(0);
    const gate = '.github/workflows/mentor-gate.yml';
    const fresh = readFileSync(path.join(dir, gate), 'utf8');
    writeFileSync(path.join(dir, gate), '# Written by `mentor init`; an older gate\nname: mentor gate\n');
    git(dir, ['commit', '-qam', 'an older gate']);
    expect((await mentorIn(['upgrade', '--repo', dir])).stdout).toContain('already this build');
    expect(readFileSync(path.join(dir, gate), 'utf8')).not.toBe(fresh);

    writeFileSync(path.join(dir, gate), 'an edit not committed\n');
    const dirty = await mentorIn(['upgrade', '--repo', dir, '--workflows']);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toContain(`${gate} has uncommitted changes; mentor upgrade will not overwrite them.`);
    git(dir, ['checkout', '-q', '--', gate]);

    const plain = await mentorIn(['upgrade', '--repo', dir, '--workflows']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Replaced the workflow mentor-gate.yml: .github/workflows/mentor-gate.yml.');
    expect(plain.stdout).toContain('read the diff of the workflows first');
    expect(readFileSync(path.join(dir, gate), 'utf8')).toBe(fresh);
    git(dir, ['checkout', '-q', '--', gate]);

    const committed = await mentorIn(['upgrade', '--repo', dir, '--workflows', '--commit']);
    expect(committed.code, committed.stderr).toBe(0);
    expect(git(dir, ['show', '--name-status', '--format=%s', 'HEAD']).trim().split('\n')).toEqual([`Upgrade the mentor workflows to ${packageJson.version} (mentor upgrade --workflows)`, '', `M\t${gate}`]);
    expect((await mentorIn(['upgrade', '--repo', dir, '--workflows'])).stdout).toContain('already this build (mentor ' + packageJson.version + '), and so are the workflows');

    // A program made before a workflow existed gets it, and is told it was added, not replaced.
    const queue = '.github/workflows/mentor-gate-queue.yml';
    git(dir, ['rm', '-q', queue]);
    writeFileSync(path.join(dir, gate), '# Written by `mentor init`; an older gate\nname: mentor gate\n');
    git(dir, ['commit', '-qam', 'made by an older mentor']);
    const added = await mentorIn(['upgrade', '--repo', dir, '--workflows']);
    expect(added.stdout).toContain(`Replaced the workflow mentor-gate.yml, and added the workflow mentor-gate-queue.yml: ${gate}, ${queue}.`);
    git(dir, ['commit', '-qm', 'the newer gate', '--', gate]);
    git(dir, ['clean', '-q', '-f', '--', queue]);
    expect((await mentorIn(['upgrade', '--repo', dir, '--workflows'])).stdout).toContain(`Added the workflow mentor-gate-queue.yml: ${queue}.`);
  });

  it('refuses to overwrite uncommitted changes to .mentor/, with or without --commit', async () => {
    const dir = await repoWithOldRunner();
    writeFileSync(path.join(dir, '.mentor/mentor.mjs'), '// mentor 0.0.1: edited by hand\n');
    for (const args of [[], ['--commit']]) {
      const result = mentor(['upgrade', '--repo', dir, ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('.mentor/mentor.mjs has uncommitted changes');
      expect(readFileSync(path.join(dir, '.mentor/mentor.mjs'), 'utf8')).toBe('// mentor 0.0.1: edited by hand\n');
    }
    expect(git(dir, ['branch', '--show-current']).trim()).toBe('main');
  });

  it('works from the runner itself: the committed runner can upgrade another repo to its own build', async () => {
    const source = path.join(makeTree({}), 'source');
    expect((await mentorIn(['init', source, '--no-git'])).code).toBe(0);
    const dir = await repoWithOldRunner();
    const result = spawnSync(process.execPath, [path.join(source, '.mentor/mentor.mjs'), 'upgrade', '--repo', dir], { encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, '.mentor/mentor.mjs'), 'utf8')).toBe(built('mentor.mjs'));
  });
});

describe('the npm package', { timeout: 180_000 }, () => {
  it('is ready to publish: an MIT license, a repository, and only bin/, the bundle and the help text', () => {
    expect(packageJson.license).toBe('MIT');
    expect(readFileSync(path.join(PACKAGE_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(packageJson.repository.url).toMatch(/^git\+https:\/\//);
    expect(packageJson.files).toEqual(['bin', 'dist/runner', 'dist/help.txt']);
    expect(packageJson.scripts.build).toContain('node scripts/build-runner.mjs');
  });

  it('packs into a tarball that installs in an empty folder from the local npm cache, and runs', () => {
    const out = makeTree({});
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
    const files: string[] = packed.files.map((file: { path: string }) => file.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/mentor.js', 'dist/help.txt', 'dist/runner/mentor.mjs', 'dist/runner/LICENSES.txt']));
    // The bundle is the whole CLI: the modules of dist/ that tsc writes stay behind.
    expect(files.filter((file) => !/^(LICENSE|README\.md|package\.json|bin\/|dist\/runner\/|dist\/help\.txt$)/.test(file))).toEqual([]);
    const project = makeTree({ 'package.json': '{ "name": "someone", "private": true }\n' });
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(out, packed.filename)], { cwd: project, stdio: 'ignore', timeout: 120_000 });
    const bin = path.join(project, 'node_modules/.bin/mentor');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(packageJson.version);
    const program = path.join(project, 'program');
    const init = spawnSync(bin, ['init', program], { encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
    expect(init.status, init.stderr).toBe(0);
    expect(readdirSync(path.join(program, '.mentor')).sort()).toEqual(['LICENSES.txt', 'README.md', 'echarts.cjs', 'mentor.mjs', 'prompts.mjs']);
    expect(existsSync(path.join(program, 'package.json'))).toBe(false);
    expect(spawnSync(bin, ['validate', '--repo', program], { encoding: 'utf8' }).status).toBe(0);
  });
});

describe('the runner build', { timeout: 180_000 }, () => {
  it('names its version on its first line and carries the license of every package bundled in it', () => {
    expect(built('mentor.mjs').split('\n')[0]).toBe(`// mentor ${packageJson.version}: the ${packageJson.name} command line, bundled. Written by \`mentor init\` / \`mentor upgrade\`; do not edit.`);
    const licenses = built('LICENSES.txt');
    // The libraries src/ imports are what the bundle holds (the package itself has no dependencies).
    const imported = new Set<string>();
    for (const file of readdirSync(path.join(PACKAGE_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
      for (const [, specifier] of readFileSync(path.join(PACKAGE_ROOT, 'src', file), 'utf8').matchAll(/(?:from |import\(|require\()'([^'.][^']*)'/g)) {
        if (!specifier!.startsWith('node:')) imported.add(specifier!.split('/').slice(0, specifier!.startsWith('@') ? 2 : 1).join('/'));
      }
    }
    expect([...imported].sort()).toEqual(['@inquirer/prompts', 'chalk', 'commander', 'echarts', 'simple-git', 'yaml', 'zod']);
    for (const dependency of imported) expect(licenses).toContain(`\n${dependency} `);
    // A package bundled from inside another's node_modules (echarts' and zrender's own tslib) carries its license too.
    expect(licenses).toContain('\ntslib ');
    expect(packageJson.dependencies).toBeUndefined();
    expect(licenses.startsWith(`${packageJson.name} ${packageJson.version}\n\nMIT License`)).toBe(true);
  });
});

describe('the runner', { timeout: 180_000 }, () => {
  it("carries only the parts of the charts' library the dashboard draws with: a pie is not one of them", () => {
    // Each registered part costs every chart time; the site's bytes, drawn with the whole library
    // in-process and with these parts by the runner, are compared in test/site.test.ts.
    const paths = spawnSync(process.execPath, ['-e', `
      const echarts = require(process.argv[1]);
      for (const type of ['pie', 'bar']) {
        const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 100, height: 100 });
        chart.setOption({ xAxis: { type: 'category', data: ['a', 'b'], show: type === 'bar' }, yAxis: { show: type === 'bar' }, series: [{ type, data: [1, 2] }] });
        console.log(type, (chart.renderToSVGString().match(/<path/g) ?? []).length);
        chart.dispose();
      }`, path.join(PACKAGE_ROOT, 'dist/runner/echarts.cjs')], { encoding: 'utf8' });
    expect(paths.status).toBe(0);
    const drawn = Object.fromEntries(paths.stdout.trim().split('\n').map((line) => line.split(' ')).map(([type, count]) => [type, Number(count)]));
    expect(drawn.bar).toBeGreaterThan(0);
    expect(drawn.pie).toBe(0);
  });

  it('prints what the package prints, command for command, on the example program', () => {
    const repo = makeTree({}, path.join(PACKAGE_ROOT, 'examples/web-cohort'));
    const env = { ...process.env, NO_COLOR: '1', MENTOR_NOW: '2026-11-20T12:00:00-08:00' };
    for (const args of [['validate', '--format', 'sarif'], ['hours', '2026-fall', '--week', '2026-W47'], ['assign', '2026-fall', '--dry-run', '--explain'], ['status', '--format', 'json'], ['--help'], ['frobnicate']]) {
      const viaPackage = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin/mentor.js'), ...args], { cwd: repo, encoding: 'utf8', env });
      const viaRunner = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'dist/runner/mentor.mjs'), ...args], { cwd: repo, encoding: 'utf8', env });
      expect({ code: viaRunner.status, stdout: viaRunner.stdout, stderr: viaRunner.stderr }, args.join(' ')).toEqual({ code: viaPackage.status, stdout: viaPackage.stdout, stderr: viaPackage.stderr });
    }
  });
});

describe('the runner\'s README', () => {
  it('names the oldest Node.js the runner supports, as package.json\'s engines does', () => {
    const oldest = /^>=(\d+\.\d+)/.exec(packageJson.engines.node)![1]!;
    expect(built('README.md')).toContain(`with plain Node.js (${oldest} or later)`);
  });
});
