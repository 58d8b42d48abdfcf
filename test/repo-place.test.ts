import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { UNPRIVILEGED } from './helpers/faults.js';
import { EXAMPLE, exampleGitRepo, expectNoCrash, git, GIT_ENV, makeTree, MENTOR_BIN, type RunResult } from './helpers/repo.js';

// Where mentor finds the program repo: --repo, or the current folder and its parents. Not in a
// bare repository (mentor init there would hide the real history), not above the top of the git
// work tree or across a change of owner, and in words when the current folder is gone.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

describe('a bare git repository', { timeout: 60_000 }, () => {
  /** A bare clone of the example program, with what it holds listed. */
  function bareClone(): { bare: string; listing: () => string[] } {
    const source = exampleGitRepo();
    const bare = path.join(makeTree({}), 'program.git');
    git(path.dirname(bare), ['clone', '-q', '--bare', source, bare]);
    return { bare, listing: () => readdirSync(bare).sort() };
  }

  it('is refused as --repo with the advice to clone it, never to run mentor init there', async () => {
    const { bare } = bareClone();
    const result = await mentorIn(['validate', '--repo', bare], { env: NOW });
    expect(result.stderr).toContain(`is a bare git repository (${bare}): it has no working tree`);
    expect(result.stderr).toContain(`Clone it (git clone ${bare} <folder>) and run mentor in the clone.`);
    expect(result.stderr).not.toContain('mentor init');
    expect(result.code).toBe(2);
  });

  it('is refused by mentor init, which writes nothing into it, so its history stays what a clone sees', async () => {
    const { bare, listing } = bareClone();
    const before = listing();
    for (const target of [bare, path.join(bare, 'hooks/program')]) {
      const result = await mentorIn(['init', target], { env: NOW });
      expect(result.stderr).toContain('a bare git repository');
      expect(result.code).toBe(2);
    }
    expect(listing()).toEqual(before);
    const clone = path.join(path.dirname(bare), 'clone');
    git(path.dirname(bare), ['clone', '-q', bare, clone]);
    expect(git(clone, ['log', '--format=%s']).trim()).toBe('initial');
  });

  it('is refused when mentor runs inside it without --repo, and so is the .git folder of a work tree', async () => {
    const { bare } = bareClone();
    const inside = await mentorIn(['status'], { cwd: bare, env: NOW });
    expect(inside.stderr).toContain(`The current folder is a bare git repository (${bare})`);
    expect(inside.code).toBe(2);
    // schema, which also works outside any program, writes nothing among git's files either.
    const before = readdirSync(bare).sort();
    const schema = await mentorIn(['schema'], { cwd: bare, env: NOW });
    expect(schema.stderr).toContain(`The current folder is a bare git repository (${bare})`);
    expect(schema.code).toBe(2);
    expect(readdirSync(bare).sort()).toEqual(before);
    // Nor does an --out that leads into git's folders, of a bare repository or of a work tree.
    const checkout = exampleGitRepo();
    for (const [command, out] of [['schema', path.join(bare, 'x')], ['schema', '.git/x'], ['site', '.git/site'], ['site', path.join(bare, 'site')]] as const) {
      const refused = await mentorIn([command, '--repo', checkout, '--out', out], { env: NOW });
      expect(refused.code, `${command} --out ${out}`).toBe(2);
      expect(refused.stderr).toContain('Choose a folder for --out outside git\'s own files.');
    }
    expect(readdirSync(bare).sort()).toEqual(before);
    expect(readdirSync(path.join(checkout, '.git')).filter((name) => name === 'x' || name === 'site')).toEqual([]);
    const work = exampleGitRepo();
    const gitFolder = await mentorIn(['init', path.join(work, '.git')], { env: NOW });
    expect(gitFolder.stderr).toContain(`is the .git folder of the git repository ${work}`);
    expect(gitFolder.code).toBe(2);
    expect(git(work, ['status', '--porcelain'])).toBe('');
  });
});

/** The real CLI started by a shell that first runs `setup` (in `dir`): what a terminal does. */
function mentorAfter(dir: string, setup: string, args: string[]): RunResult {
  const quoted = [process.execPath, MENTOR_BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('sh', ['-c', `cd '${dir}' && ${setup} && exec ${quoted}`], { env: { ...process.env, NO_COLOR: '1', MENTOR_DEBUG: undefined, ...GIT_ENV, ...NOW }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('a current folder the system cannot give', { timeout: 60_000 }, () => {
  it('is no matter when --repo is absolute: a shell left in a deleted folder still runs mentor', () => {
    const repo = makeTree({}, EXAMPLE);
    const gone = path.join(makeTree({}), 'gone');
    mkdirSync(gone);
    const result = mentorAfter(gone, `rmdir '${gone}'`, ['validate', '--repo', repo]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('no problems');
    expect(result.code).toBe(0);
  });

  it('is said in words, exit 2, when it was deleted and mentor needs it', () => {
    const gone = path.join(makeTree({}), 'gone');
    mkdirSync(gone);
    const result = mentorAfter(gone, `rmdir '${gone}'`, ['status']);
    expectNoCrash(result);
    expect(result.stderr).toContain('The current folder no longer exists (it was deleted or moved while this shell was in it).');
    expect(result.stderr).toContain('pass --repo the repo as an absolute path');
    expect(result.code).toBe(2);
  });

  it('is said in words, exit 2, when its path is longer than the system allows', () => {
    const top = makeTree({});
    const name = 'd'.repeat(200);
    // Python goes down folder by folder (a shell's cd keeps the whole path and gives up past 4096 bytes).
    const goDeep = `import os, sys\nfor _ in range(25):\n    os.mkdir('${name}')\n    os.chdir('${name}')\nos.execv(sys.argv[1], sys.argv[1:])`;
    try {
      const run = spawnSync('python3', ['-c', goDeep, process.execPath, MENTOR_BIN, 'validate'], { cwd: top, env: { ...process.env, NO_COLOR: '1', MENTOR_DEBUG: undefined, ...NOW }, encoding: 'utf8', timeout: 60_000 });
      const result = { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
      expectNoCrash(result);
      expect(result.stderr).toContain('The path of the current folder is longer than the system allows');
      expect(result.code).toBe(2);
    } finally {
      // Node's rmSync cannot name a path this long; rm walks it folder by folder.
      execFileSync('rm', ['-rf', path.join(top, name)]);
    }
  });
});

describe('the search for the program repo from the current folder', { timeout: 60_000 }, () => {
  it('stops at the top of the git work tree it starts in, and finds the program above when there is no git', async () => {
    const up = makeTree({}, EXAMPLE);
    const project = path.join(up, 'sub/project');
    mkdirSync(project, { recursive: true });
    expect((await mentorIn(['validate'], { cwd: project, env: NOW })).code).toBe(0);
    git(project, ['init', '-q']);
    const result = await mentorIn(['validate'], { cwd: project, env: NOW });
    expect(result.stderr).toContain(`No mentor.config.yaml in this folder or any parent up to ${project}, the top of its git work tree.`);
    expect(result.code).toBe(2);
  });

  it.runIf(UNPRIVILEGED !== undefined)('never enters a folder of another owner: a config left in a shared folder is nobody\'s program', async () => {
    const shared = makeTree({}, EXAMPLE);
    const mine = path.join(shared, 'home');
    mkdirSync(path.join(mine, 'work'), { recursive: true });
    for (const dir of [mine, path.join(mine, 'work')]) chownSync(dir, UNPRIVILEGED!.uid, UNPRIVILEGED!.gid);
    const result = await mentorIn(['validate'], { cwd: path.join(mine, 'work'), env: NOW });
    expect(result.stderr).toContain(`up to ${mine} (the folder above it belongs to another user, so mentor looks no higher)`);
    expect(result.code).toBe(2);
    // A program of one's own below is found as ever.
    cpSync(path.join(shared, 'mentor.config.yaml'), path.join(mine, 'mentor.config.yaml'));
    expect((await mentorIn(['validate'], { cwd: path.join(mine, 'work'), env: NOW })).stderr).not.toContain('No mentor.config.yaml');
  });
});
