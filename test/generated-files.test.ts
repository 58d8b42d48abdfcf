import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, expectNoCrash, GIT_ENV, makeTree, MENTOR_BIN } from './helpers/repo.js';

// The files mentor generates (CODEOWNERS, the issue forms, the schemas, the reports, the runner)
// are in the repo, so a pull request can commit them as anything git holds: a symlink to
// /dev/zero, a FIFO, a folder. They are read as records are: regular files only, never through a
// symlink, never more than what is compared. And a checkout with CRLF line endings
// (core.autocrlf, Git for Windows' default) holds them current.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

/** Each command that compares a generated file with what it would write, and one such file. */
const GENERATED: [string, string[], string][] = [
  ['codeowners --check', ['codeowners', '--check'], '.github/CODEOWNERS'],
  ['forms', ['forms'], '.github/ISSUE_TEMPLATE/request-a-mentor.yml'],
  ['schema --check', ['schema', '--check'], 'schemas/person.schema.json'],
  ['report --check', ['report', '2026-fall', '--check'], 'reports/2026-fall/2026-W47.md'],
  ['upgrade', ['upgrade'], '.mentor/mentor.mjs'],
];

/** The example program with nothing at `file` yet (its folder made). */
function repoWithout(file: string): string {
  const repo = exampleRepo({ [file]: null });
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  return repo;
}

/** The real CLI, stopped after 20 s: a run that reads a FIFO or /dev/zero would never end. */
function mentorBounded(args: string[]): { code: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const result = spawnSync(process.execPath, [MENTOR_BIN, ...args], { env: { ...process.env, NO_COLOR: '1', MENTOR_DEBUG: undefined, ...GIT_ENV, ...NOW }, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.signal === 'SIGTERM' };
}

describe('a generated file that is not a regular file', { timeout: 60_000 }, () => {
  it.each(GENERATED)('is refused by %s when it is a folder: said in words, exit 2, no internal error', async (_name, args, file) => {
    const repo = repoWithout(file);
    mkdirSync(path.join(repo, file));
    const result = await mentorIn([...args, '--repo', repo], { env: NOW });
    expectNoCrash(result);
    expect(result.stderr).toContain(`${file} is a folder, not a regular file`);
    expect(result.stderr).toContain('Remove it');
    expect(result.code).toBe(2);
  });

  it('is refused when it is a socket, which is not a permission problem', async () => {
    const repo = repoWithout('.github/CODEOWNERS');
    execFileSync('python3', ['-c', 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', path.join(repo, '.github/CODEOWNERS')]);
    const result = await mentorIn(['codeowners', '--repo', repo], { env: NOW });
    expect(result.stderr).toContain('.github/CODEOWNERS is a socket, not a regular file');
    expect(result.code).toBe(2);
  });

  it('is refused at once when it is a FIFO (codeowners --check): nothing waits for a writer', () => {
    const repo = repoWithout('.github/CODEOWNERS');
    execFileSync('mkfifo', [path.join(repo, '.github/CODEOWNERS')]);
    const result = mentorBounded(['codeowners', '--check', '--repo', repo]);
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toContain('.github/CODEOWNERS is a named pipe (FIFO), not a regular file');
    expect(result.code).toBe(2);
  });

  it('is refused at once when it is a symlink to /dev/zero (report --check): nothing is read through it', () => {
    const repo = repoWithout('reports/2026-fall/2026-W47.md');
    symlinkSync('/dev/zero', path.join(repo, 'reports/2026-fall/2026-W47.md'));
    const result = mentorBounded(['report', '2026-fall', '--check', '--repo', repo]);
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toContain('reports/2026-fall/2026-W47.md is a symlink that leads outside the repo');
    expect(result.stderr).toContain('Replace the symlink with a real file');
    expect(result.code).toBe(2);
  });

  it('is refused by --check too when it links to a file outside the repo, which is never read', async () => {
    const outside = makeTree({ 'CODEOWNERS': '* @someone-else\n' });
    const repo = repoWithout('.github/CODEOWNERS');
    symlinkSync(path.join(outside, 'CODEOWNERS'), path.join(repo, '.github/CODEOWNERS'));
    const result = await mentorIn(['codeowners', '--check', '--repo', repo], { env: NOW });
    expect(result.stderr).toContain('.github/CODEOWNERS is a symlink that leads outside the repo');
    expect(result.code).toBe(2);
  });

  it('is out of date at once, not read, when it is a huge regular file (16 GiB, sparse)', () => {
    const repo = repoWithout('.github/CODEOWNERS');
    writeFileSync(path.join(repo, '.github/CODEOWNERS'), '');
    truncateSync(path.join(repo, '.github/CODEOWNERS'), 16 * 1024 ** 3);
    const result = mentorBounded(['codeowners', '--check', '--repo', repo]);
    expect(result.timedOut).toBe(false);
    expect(result.stdout).toContain('.github/CODEOWNERS is out of date');
    expect(result.code).toBe(1);
  });
});

/** The example program with every generated file written, as mentor writes them. */
async function generatedExample(): Promise<string> {
  const repo = exampleRepo();
  for (const args of [['codeowners'], ['forms'], ['schema'], ['report', '2026-fall']]) expect((await mentorIn([...args, '--repo', repo], { env: NOW })).code).toBe(0);
  return repo;
}

const GENERATED_FILES = ['.github/CODEOWNERS', '.github/ISSUE_TEMPLATE/request-a-mentor.yml', 'schemas/person.schema.json', 'reports/2026-fall/2026-W47.md', 'reports/2026-fall/2026-W47.json'];
const CHECKS = [['codeowners', '--check'], ['forms', '--check'], ['schema', '--check'], ['report', '2026-fall', '--check'], ['fix', '--check']];
const toCrlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('generated files and records with CRLF line endings', { timeout: 60_000 }, () => {
  it('are current: every --check passes, and writing again changes no byte', async () => {
    const repo = await generatedExample();
    for (const file of GENERATED_FILES) writeFileSync(path.join(repo, file), toCrlf(readFileSync(path.join(repo, file), 'utf8')));
    // A byte-order mark, which the write keeps too.
    writeFileSync(path.join(repo, '.github/CODEOWNERS'), `\ufeff${readFileSync(path.join(repo, '.github/CODEOWNERS'), 'utf8')}`);
    const before = GENERATED_FILES.map((file) => readFileSync(path.join(repo, file)));
    for (const args of CHECKS) {
      const result = await mentorIn([...args, '--repo', repo], { env: NOW });
      expect(result.code, `${args.join(' ')}: ${result.stdout}`).toBe(0);
    }
    expect((await mentorIn(['codeowners', '--repo', repo], { env: NOW })).stdout).toContain('.github/CODEOWNERS is up to date.');
    expect((await mentorIn(['forms', '--repo', repo], { env: NOW })).stdout).toContain('The issue forms are up to date.');
    expect(GENERATED_FILES.map((file) => readFileSync(path.join(repo, file)))).toEqual(before);
  });

  it('are out of date when the text differs beyond line endings, and one run of the command makes them current', async () => {
    const repo = await generatedExample();
    const file = path.join(repo, '.github/CODEOWNERS');
    writeFileSync(file, toCrlf(`# edited by hand\n${readFileSync(file, 'utf8')}`));
    expect((await mentorIn(['codeowners', '--check', '--repo', repo], { env: NOW })).code).toBe(1);
    expect((await mentorIn(['codeowners', '--repo', repo], { env: NOW })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('edited by hand');
    expect(readFileSync(file, 'utf8')).toContain('\r\n');
    expect((await mentorIn(['codeowners', '--check', '--repo', repo], { env: NOW })).code).toBe(0);
  });

  it('fix leaves a CRLF record in canonical form alone, and fixes one that is not, keeping CRLF, once', async () => {
    const repo = exampleRepo();
    const ada = path.join(repo, 'people/ada.yaml');
    const bob = path.join(repo, 'people/bob.yaml');
    writeFileSync(ada, toCrlf(readFileSync(ada, 'utf8')));
    const lines = readFileSync(bob, 'utf8').split('\n');
    [lines[2], lines[3]] = [lines[3]!, lines[2]!];
    writeFileSync(bob, toCrlf(lines.join('\n')));
    const adaBefore = readFileSync(ada);
    const fixed = await mentorIn(['fix', '--repo', repo], { env: NOW });
    expect(fixed.stdout).toBe('Fixed 1 record:\n  people/bob.yaml\n');
    expect(readFileSync(ada).equals(adaBefore)).toBe(true);
    expect(readFileSync(bob, 'utf8')).not.toMatch(/[^\r]\n/);
    const again = await mentorIn(['fix', '--check', '--repo', repo], { env: NOW });
    expect(again.stdout).toContain('records are in canonical form');
    expect(again.code).toBe(0);
  });

  it('are current in a real checkout with core.autocrlf=true, where git writes every text file with CRLF', async () => {
    const repo = await generatedExample();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
    git('init', '-q', '--initial-branch=main');
    git('add', '-A');
    git('commit', '-q', '-m', 'generated');
    git('config', 'core.autocrlf', 'true');
    for (const file of GENERATED_FILES) rmSync(path.join(repo, file));
    rmSync(path.join(repo, 'people/ada.yaml'));
    git('checkout', '--', '.');
    expect(readFileSync(path.join(repo, '.github/CODEOWNERS'), 'utf8')).toContain('\r\n');
    expect(readFileSync(path.join(repo, 'people/ada.yaml'), 'utf8')).toContain('\r\n');
    for (const args of CHECKS) {
      const result = await mentorIn([...args, '--repo', repo], { env: NOW });
      expect(result.code, `${args.join(' ')}: ${result.stdout}`).toBe(0);
    }
  });

  it('do not happen in a repo mentor init made: its .gitattributes pins LF for the records and every generated text file', async () => {
    const { scaffoldFiles } = await import('../src/render/scaffold.js');
    const repo = makeTree({ '.gitattributes': scaffoldFiles({ program: 'P', today: '2026-11-24', timezone: 'UTC' }).get('.gitattributes')! });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const files = ['people/ada.yaml', '.github/CODEOWNERS', '.github/ISSUE_TEMPLATE/request-a-mentor.yml', '.github/workflows/mentor.yml', 'schemas/person.schema.json', 'reports/2026-fall/2026-W47.md', 'reports/2026-fall/2026-W47.json'];
    const attributes = execFileSync('git', ['check-attr', 'eol', '--', ...files], { cwd: repo, encoding: 'utf8' });
    expect(attributes.trim().split('\n')).toEqual(files.map((file) => `${file}: eol: lf`));
  });
});
