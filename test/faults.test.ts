import { chmodSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { EXAMPLE, exampleGitRepo, exampleRepo, expectNoCrash, makeTree, mentor, MENTOR_BIN } from './helpers/repo.js';
import { fillDisk, giveToUnprivileged, mentorAsUnprivileged, mountTmpfs, remountReadOnly, tmpfsTestsRun, unprivilegedHome } from './helpers/faults.js';

// Real faults, not mocks: a small tmpfs filled to its last pages or mounted read-only, and a user
// whose rights are really missing. Each write must fail whole, name the file and say what to do.

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const BOB_DIR = 'cohorts/2026-fall/logs/bob';
const BOB_LOG = `${BOB_DIR}/2026-W47.yaml`;
const replaceBobLog = ['log', '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=9', '--force'];
const runsTmpfs = tmpfsTestsRun();

/** The example repo copied onto a fresh tmpfs, its cohort.yaml grown to about 34 KB of comments. */
function exampleOnTmpfs(kib: number): string {
  const repo = path.join(mountTmpfs(kib), 'repo');
  cpSync(EXAMPLE, repo, { recursive: true });
  const file = path.join(repo, COHORT);
  writeFileSync(file, readFileSync(file, 'utf8') + '# notes kept by the organisers\n'.repeat(1100));
  return repo;
}

const temporaryFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.'));

describe.runIf(runsTmpfs)('a full disk', () => {
  it('assign on a nearly full disk fails with exit 2, names the file, and leaves it whole', () => {
    const repo = exampleOnTmpfs(1024);
    const before = readFileSync(path.join(repo, COHORT));
    expect(before.length).toBeGreaterThan(34_000);
    const free = fillDisk(path.dirname(repo), 8);
    const result = mentor(['assign', '2026-fall', '--repo', repo, '--yes']);
    expectNoCrash(result);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toContain(`${path.join(repo, COHORT)}: the disk is full (ENOSPC)`);
    expect(result.stderr).toContain('is unchanged');
    expect(result.stderr).toContain('Free some space');
    expect(readFileSync(path.join(repo, COHORT)).equals(before)).toBe(true);
    expect(temporaryFiles(path.join(repo, 'cohorts/2026-fall'))).toEqual([]);
    free();
    const again = mentor(['assign', '2026-fall', '--repo', repo, '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(path.join(repo, COHORT), 'utf8')).toMatch(/- person: cleo\n(?: {4}.*\n)* {4}mentor: ada\n/);
  });

  it('a log on a full disk is refused with the reason, and nothing is left behind', () => {
    const repo = exampleOnTmpfs(1024);
    const before = readFileSync(path.join(repo, BOB_LOG), 'utf8');
    const free = fillDisk(path.dirname(repo), 0);
    const result = mentor([...replaceBobLog, '--repo', repo]);
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the disk is full \(ENOSPC\)/);
    expect(result.stderr).toContain(repo);
    expect(readFileSync(path.join(repo, BOB_LOG), 'utf8')).toBe(before);
    expect(temporaryFiles(path.join(repo, BOB_DIR))).toEqual([]);
    free();
    expect(mentor([...replaceBobLog, '--repo', repo]).code).toBe(0);
  });

  it('a read-only file system is named, with what to do', () => {
    const repo = exampleOnTmpfs(1024);
    remountReadOnly(path.dirname(repo), true);
    const result = mentor([...replaceBobLog, '--repo', repo]);
    remountReadOnly(path.dirname(repo), false);
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the file system is read-only (EROFS)');
    expect(result.stderr).toContain(repo);
    expect(result.stderr).toContain('writable copy');
  });
});

describe('missing permissions', () => {
  it('a folder mentor may not write in is named, exit 2, and the file stays', () => {
    const repo = exampleRepo();
    giveToUnprivileged(repo);
    chmodSync(path.join(repo, BOB_DIR), 0o555);
    const before = readFileSync(path.join(repo, BOB_LOG), 'utf8');
    const result = mentorAsUnprivileged([...replaceBobLog, '--repo', repo]);
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Could not write a temporary file in ${path.join(repo, BOB_DIR)}: permission denied (EACCES).`);
    expect(result.stderr).toContain(`${path.join(repo, BOB_LOG)} is unchanged.`);
    expect(readFileSync(path.join(repo, BOB_LOG), 'utf8')).toBe(before);
  });

  it('a read-only file in a read-only folder is named, exit 2', () => {
    const repo = exampleRepo();
    giveToUnprivileged(repo);
    chmodSync(path.join(repo, BOB_LOG), 0o444);
    chmodSync(path.join(repo, BOB_DIR), 0o555);
    const result = mentorAsUnprivileged([...replaceBobLog, '--repo', repo]);
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('permission denied (EACCES)');
    expect(result.stderr).toContain(path.join(repo, BOB_LOG));
  });

  it('a .git folder mentor may not write in is named, exit 2', () => {
    const repo = exampleGitRepo();
    giveToUnprivileged(repo);
    chmodSync(path.join(repo, '.git'), 0o555);
    const result = mentorAsUnprivileged([...replaceBobLog, '--repo', repo], { HOME: unprivilegedHome() });
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path.join(repo, '.git')}`);
    expect(result.stderr).toContain('permission denied (EACCES)');
    expect(statSync(path.join(repo, BOB_LOG)).size).toBeGreaterThan(0);
  });
});

describe('faults outside a record write', () => {
  it('init in a folder mentor may not write in names the folder and writes nothing', () => {
    const parent = makeTree({});
    giveToUnprivileged(parent);
    chmodSync(parent, 0o555);
    const result = mentorAsUnprivileged(['init', path.join(parent, 'program')], { HOME: unprivilegedHome() });
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Could not create the folder ${path.join(parent, 'program')}: permission denied (EACCES).`);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a new file that cannot be written says it was not created', () => {
    const parent = makeTree({});
    giveToUnprivileged(parent);
    chmodSync(parent, 0o555);
    const result = mentorAsUnprivileged(['init', parent], { HOME: unprivilegedHome() });
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`Could not write a temporary file in ${parent}: permission denied \\(EACCES\\)\\. ${parent}/[^ ]+ was not created\\.`));
  });
});

describe.runIf(statSync('/proc/self', { throwIfNoEntry: false }) !== undefined)('a folder the file system will not make', () => {
  // /proc refuses a new folder with ENOENT although its parent exists: node's recursive mkdir then
  // makes the parent again for ever, and each of these commands spun at full CPU, never ending.
  it('init, schema --out and site --out fail at once (exit 2), naming the folder, instead of spinning for ever', () => {
    const repo = exampleRepo();
    const runs: Array<[string[], string]> = [
      [['init', '/proc/mentor-test/program'], '/proc/mentor-test'],
      [['schema', '--repo', repo, '--out', '/proc/mentor-test'], '/proc/mentor-test'],
      [['site', '--repo', repo, '--out', '/proc/mentor-test/site'], '/proc/mentor-test'],
    ];
    for (const [args, folder] of runs) {
      const result = spawnSync(process.execPath, [MENTOR_BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 20_000 });
      expect(result.signal, args.join(' ')).toBeNull();
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(`Could not create the folder ${folder}`);
      expectNoCrash({ code: result.status!, stdout: result.stdout, stderr: result.stderr });
    }
  });
});
