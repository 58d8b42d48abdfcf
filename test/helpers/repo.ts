import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, cpSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { atFileEnd } from './file-end.js';
import { sharedFixture } from './shared-fixture.js';

export const PACKAGE_ROOT = path.resolve(import.meta.dirname, '../..');
export const MENTOR_BIN = path.join(PACKAGE_ROOT, 'bin/mentor.js');
export const EXAMPLE = path.join(PACKAGE_ROOT, 'examples/web-cohort');

const made: string[] = [];
atFileEnd(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export type FileTree = Record<string, string | null>;

/** A temp folder holding the given files (null deletes a file of `base`). */
export function makeTree(files: FileTree, base?: string, copy: { preserveTimestamps?: boolean } = {}): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mentor-test-')));
  made.push(dir);
  if (base) cpSync(base, dir, { recursive: true, ...copy });
  writeTree(dir, files);
  return dir;
}

export function writeTree(dir: string, files: FileTree): void {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    if (content === null) {
      rmSync(target, { force: true, recursive: true });
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

export const readText = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/** A copy of the bundled example program, with changes. */
export function exampleRepo(changes: FileTree = {}): string {
  return makeTree(changes, EXAMPLE);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  // No background housekeeping: git commit, fetch and receive-pack would each start one more git
  // (`maintenance run --auto`, `gc --auto`) that never has anything to do in a test's small repo.
  GIT_CONFIG_COUNT: '3',
  GIT_CONFIG_KEY_0: 'maintenance.auto',
  GIT_CONFIG_VALUE_0: 'false',
  GIT_CONFIG_KEY_1: 'gc.auto',
  GIT_CONFIG_VALUE_1: '0',
  GIT_CONFIG_KEY_2: 'receive.autogc',
  GIT_CONFIG_VALUE_2: 'false',
};

/** Runs the real CLI, as a user would, in a child process. */
export function mentor(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): RunResult {
  const result = spawnSync(process.execPath, [MENTOR_BIN, ...args], {
    cwd: options.cwd ?? PACKAGE_ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, MENTOR_DEBUG: undefined, ...GIT_ENV, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function mentorJson<T = any>(args: string[], options: Parameters<typeof mentor>[1] = {}): { code: number; json: T; stderr: string } {
  return withJson<T>(mentor(args, options));
}

/** A run's stdout parsed as JSON; a run that printed something else fails with what it printed. */
export function withJson<T>(result: RunResult): { code: number; json: T; stderr: string } {
  let json: T;
  try {
    json = JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return { code: result.code, json, stderr: result.stderr };
}

export function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
}

/**
 * Where the user is, as a --commit that fails must leave it: the branch checked out, the branches,
 * git status and the files (null: absent). Read without rewriting git's index: a full disk has no
 * room for it.
 */
export function gitPlace(repo: string, files: string[]): unknown[] {
  const status = git(repo, ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=all']);
  return [git(repo, ['branch', '--show-current']), git(repo, ['branch', '--list']), status, ...files.map((file) => (existsSync(path.join(repo, file)) ? readText(repo, file) : null))];
}

/** git init + first commit of everything in the folder, on branch main. */
export function gitRepo(dir: string): string {
  git(dir, ['init', '-q', '--initial-branch=main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'initial']);
  return dir;
}

/**
 * A copy of the example program as gitRepo() leaves it (one commit on main), made by git once per
 * run and copied (work tree and .git, timestamps kept so git sees a clean tree without rehashing).
 */
export function exampleGitRepo(): string {
  return makeTree({}, sharedFixture('example-git', () => gitRepo(exampleRepo())), { preserveTimestamps: true });
}

/** No stack trace or internal error reached the user. */
export function expectNoCrash(result: RunResult): void {
  const text = result.stdout + result.stderr;
  if (/internal error|\n\s+at .+\(.*:\d+:\d+\)|node:internal|TypeError|ReferenceError/.test(text)) {
    throw new Error(`mentor crashed:\n${text}`);
  }
}

/** Minimal valid records, each a string, for building test repos. */
export const minimal = {
  config: 'program: Test program\ntimezone: UTC\n',
  person: (id: string, extra = '') => `id: ${id}\nname: ${id.toUpperCase()}\ngithub: ${id}-gh\ntimezone: UTC\n${extra}`,
};

/** The head and the members of the small program's cohort c1: a lead, a mentor, a mentee. */
export const SMALL_COHORT_HEAD = 'id: c1\nname: Cohort one\nstart: 2026-09-07\nend: 2026-11-29\n';
export const SMALL_TREE = `  - person: lee
    role: lead
  - person: max
    role: mentor
    mentor: lee
  - person: ann
    role: mentee
    mentor: max
`;

/** The files of a small valid program (a lead, a mentor, a mentee, one log), with changes. */
export function smallTree(extra: FileTree = {}): FileTree {
  return {
    'mentor.config.yaml': minimal.config,
    'people/lee.yaml': minimal.person('lee'),
    'people/max.yaml': minimal.person('max'),
    'people/ann.yaml': minimal.person('ann'),
    'cohorts/c1/cohort.yaml': `${SMALL_COHORT_HEAD}members:\n${SMALL_TREE}`,
    'cohorts/c1/logs/ann/2026-W40.yaml': 'person: ann\nweek: 2026-W40\nhours:\n  practice: 3\n',
    ...extra,
  };
}

export function smallProgram(extra: FileTree = {}): string {
  return makeTree(smallTree(extra));
}
