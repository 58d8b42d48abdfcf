import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRepo, gitRepo, makeTree } from './helpers/repo.js';
import { mentorIn } from './helpers/in-process.js';

// Something that is not a regular file where a record belongs is said for what it is: a socket
// is not a file (not a matter of permissions), a symlink that leads nowhere or round in a loop
// leads nowhere (not "outside the repo"), and a folder named as a record is that record, which
// cannot be read (not "there is no people/ada.yaml, create it", which would fail). A config that
// is not a file makes its folder the program all the same (the config's problem is said), and
// init refuses it rather than keep it and commit it.

const ADA = 'people/ada.yaml';

interface Problem {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
  fix: string;
}

async function problemsAt(repo: string, file: string, extra: string[] = []): Promise<{ all: Problem[]; here: Problem[] }> {
  const result = await mentorIn(['validate', '--repo', repo, '--format', 'json', ...extra]);
  expect(result.code, result.stderr).toBe(1);
  const all = JSON.parse(result.stdout).problems as Problem[];
  return { all, here: all.filter((problem) => problem.file === file) };
}

/** The example with `make` run on the path of ada's person file, once the file is gone. */
function withAda(make: (absolute: string) => void): string {
  const repo = exampleRepo();
  const absolute = path.join(repo, ADA);
  rmSync(absolute);
  make(absolute);
  return repo;
}

describe('a record that is not a regular file', () => {
  it('is "not a regular file" when it is a socket, not a file that cannot be read for its permissions', async () => {
    const repo = withAda((file) => execFileSync(process.execPath, ['-e', "require('net').createServer().listen(process.argv[1], () => process.exit(0))", file]));
    const { here } = await problemsAt(repo, ADA);
    expect(here).toEqual([expect.objectContaining({ rule: 'unexpected-file', severity: 'error', message: 'This is not a regular file.' })]);
    expect(here[0]!.fix).not.toMatch(/permission/i);
  });

  it.each([
    ['leads nowhere', (file: string) => symlinkSync('/nonexistent/ada.yaml', file), /leads nowhere/],
    ['loops to itself', (file: string) => symlinkSync('ada.yaml', file), /round in a loop/],
    ['loops through another link', (file: string) => (symlinkSync('ada2.yaml', file), symlinkSync('ada.yaml', `${file.slice(0, -5)}2.yaml`)), /round in a loop/],
  ])('is a symlink that %s, not one that leads outside the repo', async (_, make, said) => {
    const { here } = await problemsAt(withAda(make), ADA);
    expect(here).toEqual([expect.objectContaining({ line: 1, column: 1, severity: 'error', fix: 'Replace the symlink with the record itself.' })]);
    expect(here[0]!.message).toMatch(said);
    expect(here[0]!.message).not.toContain('outside');
  });

  it('is a folder named as a record: one error at it, not "there is no people/ada.yaml, create it" for each record that names ada', async () => {
    const repo = withAda((file) => {
      mkdirSync(file);
      writeFileSync(path.join(file, 'notes.txt'), 'x\n');
    });
    const expected = [expect.objectContaining({ rule: 'unexpected-file', severity: 'error', message: 'This is a folder, not a file: a record is one YAML file.' })];
    const { all, here } = await problemsAt(repo, ADA);
    expect(here).toEqual(expected);
    expect(all.map((problem) => problem.message).join('\n')).not.toMatch(/There is no (person "ada"|people\/ada\.yaml)/);
    // The same in a commit, read from git's objects.
    gitRepo(repo);
    expect((await problemsAt(repo, ADA, ['--at', 'HEAD'])).here).toEqual(expected);
  });
});

describe('a mentor.config.yaml that is not a file', () => {
  const kinds: Array<[string, (file: string) => void]> = [
    ['a symlink that leads nowhere', (file) => symlinkSync('/nonexistent/mentor.config.yaml', file)],
    ['a symlink that loops', (file) => symlinkSync('mentor.config.yaml', file)],
    ['a symlink to /dev/zero', (file) => symlinkSync('/dev/zero', file)],
    ['a FIFO', (file) => execFileSync('mkfifo', [file])],
    ['a folder', (file) => mkdirSync(file)],
  ];

  it.each(kinds)('makes its folder the program, whose config is said to be %s, not "no mentor.config.yaml here" (nor a parent\'s program)', async (_, make) => {
    const parent = exampleRepo();
    const child = path.join(parent, 'sub');
    mkdirSync(child);
    make(path.join(child, 'mentor.config.yaml'));
    const validate = await mentorIn(['validate', '--repo', child, '--format', 'json']);
    expect(validate.code).toBe(2);
    expect(JSON.parse(validate.stdout).problems).toEqual([expect.objectContaining({ file: 'mentor.config.yaml', line: 1, column: 1, rule: expect.stringMatching(/^(unexpected-file|symlink-outside-repo)$/) })]);
    const status = await mentorIn(['status'], { cwd: child });
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/mentor\.config\.yaml cannot be read:\n {2}mentor\.config\.yaml:1:1 This (file is a symlink|is)/);
  });

  it.each(kinds)('makes init refuse (exit 2, nothing written) when it is %s, instead of keeping and committing it', async (_, make) => {
    const dir = makeTree({});
    make(path.join(dir, 'mentor.config.yaml'));
    const result = await mentorIn(['init', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mentor.config.yaml is already in');
    expect(result.stderr).toContain('remove it and run `mentor init` again');
    expect(readdirSync(dir)).toEqual(['mentor.config.yaml']);
  });
});
