import { writeFileSync } from 'node:fs';
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

function program(): FileTree {
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
});
