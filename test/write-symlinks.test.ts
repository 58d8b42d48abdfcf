import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, expectNoCrash, git, gitRepo, makeTree, mentor } from './helpers/repo.js';

// A pull request can commit `reports`, `.github` or any file as a symlink. A maintainer who then
// runs a command that writes must not write (or remove) anything where the link points: every
// write refuses a symlink on its way, whichever command makes it (src/io/write-path.ts).

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

/** A folder outside the repo holding something precious, and a listing of everything in it. */
function outsideFolder(): { dir: string; listing: () => Record<string, string> } {
  const dir = path.join(makeTree({ 'precious.txt': 'precious\n', 'cohorts/old.html': 'an old page\n' }), 'outside');
  return { dir: path.dirname(dir), listing: () => listAll(path.dirname(dir)) };
}

function listAll(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, listAll(path.join(dir, entry.name), `${relative}/`));
    else files[relative] = readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return files;
}

/** The example program with `link` (a path in it) made a symlink to `target`. */
function repoWithLink(link: string, target: string): string {
  const repo = exampleRepo({ [link]: null });
  mkdirSync(path.dirname(path.join(repo, link)), { recursive: true });
  symlinkSync(target, path.join(repo, link));
  return repo;
}

describe('a write through a symlinked folder leading outside the repo', { timeout: 120_000 }, () => {
  it.each([
    ['report', ['report', '2026-fall'], 'reports'],
    ['report', ['report', '2026-fall'], 'reports/2026-fall'],
    ['schema', ['schema'], 'schemas'],
    ['codeowners', ['codeowners'], '.github'],
    ['forms', ['forms'], '.github/ISSUE_TEMPLATE'],
    ['site', ['site'], '_site'],
    ['site', ['site'], '_site/cohorts'],
    ['log', ['log', '--cohort', '2026-fall', '--person', 'cleo', '--week', '2026-W47', '--hours', 'practice=3'], 'cohorts/2026-fall/logs/cleo'],
  ])('is refused by %s (%s through %s), and nothing outside is written or removed', async (_name, args, link) => {
    const outside = outsideFolder();
    const before = outside.listing();
    const repo = repoWithLink(link, outside.dir);
    const result = await mentorIn([...args, '--repo', repo], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${link} is a symlink that leads outside the repo`);
    expect(result.stderr).toContain('Replace the symlink with a real folder');
    expect(result.stderr).toContain('Nothing was written.');
    expect(outside.listing()).toEqual(before);
  });

  it('is refused by the real CLI with exit code 2 and no stack trace', () => {
    const outside = outsideFolder();
    const repo = repoWithLink('reports', outside.dir);
    const result = mentor(['report', '2026-fall', '--repo', repo], { env: NOW });
    expect(result.code).toBe(2);
    expectNoCrash(result);
    expect(result.stderr).toMatch(/^mentor: Not writing reports\/2026-fall\/2026-W47\.md: reports is a symlink that leads outside the repo/);
    expect(readdirSync(outside.dir).sort()).toEqual(['cohorts', 'precious.txt']);
  });

  it('is refused by a command that commits before it makes its branch', async () => {
    const outside = outsideFolder();
    const repo = gitRepo(repoWithLink('reports', outside.dir));
    const result = await mentorIn(['report', '2026-fall', '--commit', '--repo', repo], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('reports is a symlink that leads outside the repo');
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('main');
    expect(git(repo, ['branch', '--list']).trim()).toBe('* main');
    expect(git(repo, ['status', '--porcelain'])).toBe('');
    expect(readdirSync(outside.dir).sort()).toEqual(['cohorts', 'precious.txt']);
  });

  it('is refused by mentor init in a folder whose .github leads out, and init writes nothing at all', async () => {
    const outside = outsideFolder();
    const before = outside.listing();
    const dir = makeTree({});
    symlinkSync(outside.dir, path.join(dir, '.github'));
    const result = await mentorIn(['init', dir, '--no-git']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.github is a symlink that leads outside the repo');
    expect(readdirSync(dir)).toEqual(['.github']);
    expect(outside.listing()).toEqual(before);
  });

  it('is refused by site --out naming the repo\'s symlinked _site by its absolute path', async () => {
    const outside = outsideFolder();
    const before = outside.listing();
    const repo = repoWithLink('_site', outside.dir);
    const result = await mentorIn(['site', '--repo', repo, '--out', path.join(repo, '_site')], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('_site is a symlink that leads outside the repo');
    expect(outside.listing()).toEqual(before);
  });
});

describe('a write to a symlinked file', { timeout: 120_000 }, () => {
  it('is refused by codeowners when .github/CODEOWNERS leads outside the repo, leaving that file as it was', async () => {
    const outside = outsideFolder();
    const repo = repoWithLink('.github/CODEOWNERS', path.join(outside.dir, 'precious.txt'));
    const result = await mentorIn(['codeowners', '--repo', repo], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.github/CODEOWNERS is a symlink that leads outside the repo');
    expect(result.stderr).toContain('Replace the symlink with a real file');
    expect(readFileSync(path.join(outside.dir, 'precious.txt'), 'utf8')).toBe('precious\n');
  });

  it('is refused by schema when one schema file is a dangling symlink', async () => {
    const repo = exampleRepo({ 'schemas/person.schema.json': null });
    symlinkSync('/nonexistent/mentor-test/person.schema.json', path.join(repo, 'schemas/person.schema.json'));
    const result = await mentorIn(['schema', '--repo', repo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('schemas/person.schema.json is a symlink that leads nowhere');
  });
});

describe('a symlink that stays inside the repo', { timeout: 120_000 }, () => {
  it('is a record fix cannot read, so it never writes through it: the others are fixed, the link is named as skipped (faults 2, F16)', async () => {
    const repo = exampleRepo({ 'shared/bob.yaml': 'id: bob   \nname: Bob\n', 'people/bob.yaml': null });
    const ada = `${readFileSync(path.join(repo, 'people/ada.yaml'), 'utf8')}   \n`;
    writeFileSync(path.join(repo, 'people/ada.yaml'), ada);
    symlinkSync('../shared/bob.yaml', path.join(repo, 'people/bob.yaml'));
    const result = await mentorIn(['fix', '--repo', repo], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Skipped 1 that cannot be read (see `mentor validate`): people/bob.yaml');
    expect(readFileSync(path.join(repo, 'people/ada.yaml'), 'utf8')).toBe(ada.trimEnd() + '\n');
    expect(readFileSync(path.join(repo, 'shared/bob.yaml'), 'utf8')).toBe('id: bob   \nname: Bob\n');
  });

  it('is refused too: a write goes to the path it names, which git can commit, never through a link', async () => {
    const repo = exampleRepo({ 'archive/reports/keep.md': 'kept\n' });
    symlinkSync('archive/reports', path.join(repo, 'reports'));
    const result = await mentorIn(['report', '2026-fall', '--repo', repo], { env: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('reports is a symlink to archive/reports');
    expect(readdirSync(path.join(repo, 'archive/reports'))).toEqual(['keep.md']);
  });

  it('is refused by assign when cohort.yaml links to another file of the repo, which stays unchanged', async () => {
    const repo = exampleRepo();
    const shared = path.join(repo, 'shared-cohort.yaml');
    const text = readFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), 'utf8');
    writeFileSync(shared, text);
    rmSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'));
    symlinkSync('../../shared-cohort.yaml', path.join(repo, 'cohorts/2026-fall/cohort.yaml'));
    const result = await mentorIn(['assign', '2026-fall', '--yes', '--repo', repo], { env: NOW });
    // A symlinked record is not read (a commit holds only the link): the cohort has an error.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cohorts/2026-fall/cohort.yaml:1:1 This is a symlink');
    expect(readFileSync(shared, 'utf8')).toBe(text);
  });
});

describe('a folder the user chooses outside the repo', { timeout: 120_000 }, () => {
  it('takes the dashboard: site --out writes there, even through the user\'s own symlink', async () => {
    const target = makeTree({});
    const linkHome = makeTree({});
    symlinkSync(target, path.join(linkHome, 'pages'));
    const result = await mentorIn(['site', '--repo', exampleRepo(), '--out', path.join(linkHome, 'pages')], { env: NOW });
    expect(result.code).toBe(0);
    expect(readdirSync(target).sort()).toEqual(['cohorts', 'index.html']);
  });
});
