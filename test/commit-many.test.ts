import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { git, gitRepo, makeTree, minimal, type FileTree } from './helpers/repo.js';

// A --commit of many files (an assign placing dozens of members kept as files, a report reading
// dozens of people) in a program kept in a subfolder of its repo: git is asked about the paths in
// bulk, and the commit still holds exactly mentor's files, whatever else the user has staged.

const NOW = { MENTOR_NOW: '2026-10-05T10:00:00Z' };
const PROGRAM = 'programs/spring';
const MENTEES = Array.from({ length: 40 }, (_, i) => `mentee-${String(i).padStart(2, '0')}`);
const MENTORS = ['mia', 'max', 'mo', 'mel'];

function program(PROGRAM = 'programs/spring'): FileTree {
  const files: FileTree = {
    'README.md': 'The organisers\' repo.\n',
    [`${PROGRAM}/mentor.config.yaml`]: `${minimal.config}roles:\n  mentor:\n    maxMentees: 12\n`,
    [`${PROGRAM}/cohorts/c1/cohort.yaml`]: 'id: c1\nname: Cohort one\nstart: 2026-09-07\nend: 2026-11-29\n',
    [`${PROGRAM}/people/lee.yaml`]: minimal.person('lee'),
    [`${PROGRAM}/cohorts/c1/members/lee.yaml`]: 'person: lee\nrole: lead\n',
  };
  for (const id of MENTORS) {
    files[`${PROGRAM}/people/${id}.yaml`] = minimal.person(id);
    files[`${PROGRAM}/cohorts/c1/members/${id}.yaml`] = `person: ${id}\nrole: mentor\nmentor: lee\n`;
  }
  for (const id of MENTEES) {
    files[`${PROGRAM}/people/${id}.yaml`] = minimal.person(id);
    files[`${PROGRAM}/cohorts/c1/members/${id}.yaml`] = `person: ${id}\nrole: mentee\nrequestedAt: 2026-10-01T10:00:00Z\n`;
  }
  return files;
}

const memberFile = (id: string) => `${PROGRAM}/cohorts/c1/members/${id}.yaml`;
const status = (repo: string) => git(repo, ['status', '--porcelain']).split('\n').filter(Boolean).sort();
const committed = (repo: string) => git(repo, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort();

describe('--commit of many files', { timeout: 120_000 }, () => {
  let base: string;
  beforeAll(() => {
    base = gitRepo(makeTree(program()));
  });

  it('assign commits exactly the 40 member files it placed, and leaves the work the user staged staged', async () => {
    for (const staged of [false, true]) {
      const repo = makeTree({}, base, { preserveTimestamps: true });
      if (staged) {
        writeFileSync(path.join(repo, 'README.md'), 'Staged, not mentor\'s.\n');
        git(repo, ['add', 'README.md']);
      }
      const result = await mentorIn(['assign', 'c1', '--repo', path.join(repo, PROGRAM), '--yes', '--commit'], { env: NOW });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Placed 40');
      expect(committed(repo)).toEqual(MENTEES.map(memberFile).sort());
      expect(git(repo, ['show', `HEAD:${memberFile('mentee-39')}`])).toMatch(/^mentor: m/m);
      expect(status(repo)).toEqual(staged ? ['M  README.md'] : []);
    }
  });

  it('assign refuses, writing nothing, when one of the 40 member files has uncommitted changes', async () => {
    const repo = makeTree({}, base, { preserveTimestamps: true });
    writeFileSync(path.join(repo, memberFile('mentee-33')), 'person: mentee-33\nrole: mentee\nrequestedAt: 2026-10-01T10:00:00Z\n# mine\n');
    writeFileSync(path.join(repo, 'README.md'), 'Elsewhere: not in the way.\n');
    writeFileSync(path.join(repo, PROGRAM, 'people/lee.yaml'), `${minimal.person('lee')}# not placed by assign: not in the way\n`);
    const result = await mentorIn(['assign', 'c1', '--repo', path.join(repo, PROGRAM), '--yes', '--commit'], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${memberFile('mentee-33')} has uncommitted changes`);
    expect(result.stderr).not.toMatch(/README|lee/);
    expect(status(repo)).toEqual([' M README.md', ` M ${memberFile('mentee-33')}`, ` M ${PROGRAM}/people/lee.yaml`].sort());
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('main');
  });

  it('report --commit names the one person it reads that is not committed, among dozens, and not a file it does not read', async () => {
    const repo = makeTree({}, base, { preserveTimestamps: true });
    writeFileSync(path.join(repo, PROGRAM, 'people/mentee-07.yaml'), `${minimal.person('mentee-07')}# edited\n`);
    writeFileSync(path.join(repo, 'README.md'), 'Not read by the report.\n');
    writeFileSync(path.join(repo, PROGRAM, 'people/zed.yaml'), minimal.person('zed'));
    const refused = await mentorIn(['report', 'c1', '--repo', path.join(repo, PROGRAM), '--commit'], { env: NOW });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The report reads records that are not committed: ${PROGRAM}/people/mentee-07.yaml.`);
    git(repo, ['checkout', '--', `${PROGRAM}/people/mentee-07.yaml`]);
    const made = await mentorIn(['report', 'c1', '--repo', path.join(repo, PROGRAM), '--commit'], { env: NOW });
    expect(made.code, made.stderr).toBe(0);
    expect(committed(repo).every((file) => file.startsWith(`${PROGRAM}/reports/c1/`))).toBe(true);
    expect(status(repo)).toEqual([' M README.md', `?? ${PROGRAM}/people/zed.yaml`]);
  });

  it('refuses, writing nothing, a file hidden from git by a flag (skip-worktree, assume-unchanged) or ignored by it: git would not commit it as written', async () => {
    const placed = memberFile('mentee-12');
    for (const flag of ['--skip-worktree', '--assume-unchanged']) {
      const repo = makeTree({}, base, { preserveTimestamps: true });
      git(repo, ['update-index', flag, '--', placed]);
      const result = await mentorIn(['assign', 'c1', '--repo', path.join(repo, PROGRAM), '--yes', '--commit'], { env: NOW });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cohorts/c1/members/mentee-12.yaml is marked ${flag.slice(2)} in git's index, so git would not commit mentor's change as written; nothing was written.`);
      expect(result.stderr).toContain(`git update-index --no-${flag.slice(2)} -- cohorts/c1/members/mentee-12.yaml`);
      expect(git(repo, ['show', `HEAD:${placed}`])).toBe(readFileSync(path.join(repo, placed), 'utf8'));
      expect(git(repo, ['branch', '--show-current']).trim()).toBe('main');
    }
    const repo = makeTree({}, base, { preserveTimestamps: true });
    writeFileSync(path.join(repo, PROGRAM, 'people/zoe.yaml'), minimal.person('zoe'));
    writeFileSync(path.join(repo, PROGRAM, 'cohorts/c1/members/zoe.yaml'), 'person: zoe\nrole: mentee\nrequestedAt: 2026-10-01T10:00:00Z\n');
    writeFileSync(path.join(repo, '.gitignore'), 'zoe.yaml\n');
    const ignored = await mentorIn(['assign', 'c1', '--repo', path.join(repo, PROGRAM), '--yes', '--commit'], { env: NOW });
    expect(ignored.code).toBe(2);
    expect(ignored.stderr).toContain('cohorts/c1/members/zoe.yaml is ignored by git (a .gitignore rule), so a commit would not hold it; nothing was written.');
    expect(readFileSync(path.join(repo, placed), 'utf8')).not.toContain('mentor:');
  });

  it('commits a staged submodule bump with the user, never with mentor, even where git is told to hide submodules', async () => {
    const repo = makeTree({}, base, { preserveTimestamps: true });
    const library = gitRepo(makeTree({ 'lib.txt': 'one\n' }));
    git(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', library, 'vendor/lib']);
    git(repo, ['commit', '-q', '-m', 'vendor lib']);
    writeFileSync(path.join(library, 'lib.txt'), 'two\n');
    git(library, ['commit', '-q', '-am', 'two']);
    git(path.join(repo, 'vendor/lib'), ['-c', 'protocol.file.allow=always', 'pull', '-q']);
    git(repo, ['add', 'vendor/lib']);
    git(repo, ['config', 'diff.ignoreSubmodules', 'all']);
    const result = await mentorIn(['assign', 'c1', '--repo', path.join(repo, PROGRAM), '--yes', '--commit'], { env: NOW });
    expect(result.code, result.stderr).toBe(0);
    expect(committed(repo)).toEqual(MENTEES.map(memberFile).sort());
    expect(git(repo, ['diff', '--cached', '--name-only', '--ignore-submodules=none']).trim()).toBe('vendor/lib');
  });

  it('finds the one uncommitted file among dozens in a program folder whose name starts with a space', async () => {
    const folder = ' spring';
    const repo = gitRepo(makeTree(program(folder)));
    const dirty = `${folder}/cohorts/c1/members/mentee-20.yaml`;
    writeFileSync(path.join(repo, dirty), 'person: mentee-20\nrole: mentee\nrequestedAt: 2026-10-01T10:00:00Z\n# mine\n');
    const result = await mentorIn(['assign', 'c1', '--repo', path.join(repo, folder), '--yes', '--commit'], { env: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${dirty} has uncommitted changes`);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('main');
  });

  it('report --commit names an uncommitted log inside the cohort folder it reads, among dozens of people', async () => {
    const repo = makeTree({}, base, { preserveTimestamps: true });
    const log = `${PROGRAM}/cohorts/c1/logs/mentee-03/2026-W40.yaml`;
    mkdirSync(path.dirname(path.join(repo, log)), { recursive: true });
    writeFileSync(path.join(repo, log), 'person: mentee-03\nweek: 2026-W40\nhours:\n  practice: 3\n');
    const refused = await mentorIn(['report', 'c1', '--repo', path.join(repo, PROGRAM), '--commit'], { env: NOW });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The report reads records that are not committed: ${log}.`);
  });

  it('a --commit of 41 files that fails goes back, and names three of them and how many more, not all', async () => {
    const repo = makeTree({}, base, { preserveTimestamps: true });
    git(repo, ['config', 'commit.gpgsign', 'true']);
    git(repo, ['config', 'gpg.program', 'false']);
    const failed = await mentorIn(['assign', 'c1', '--repo', path.join(repo, PROGRAM), '--yes', '--commit'], { env: NOW });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('mentor went back: you are on main as before, cohorts/c1/cohort.yaml cohorts/c1/members/mentee-00.yaml cohorts/c1/members/mentee-01.yaml and 38 more as they were');
    expect(failed.stderr).not.toContain('mentee-39');
    expect(status(repo)).toEqual([]);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('main');
  });
});
