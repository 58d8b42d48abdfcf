import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, makeTree, mentor, minimal, readText } from './helpers/repo.js';

// `mentor members <cohort> --to files|list`: where members are written changes, what they mean does not.

const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };

/** What the records mean, as the commands that read them say it. */
async function meaning(repo: string, cohort: string) {
  const validate = (await mentorInJson(['validate', '--repo', repo, '--format', 'json'], { env: NOW })).json;
  return {
    valid: validate.valid,
    problems: validate.problems.map((p: { rule: string; severity: string; message: string }) => `${p.severity} ${p.rule} ${p.message}`),
    hours: (await mentorInJson(['hours', cohort, '--repo', repo, '--format', 'json', '--week', '2026-W47'], { env: NOW })).json,
    tree: (await mentorInJson(['tree', cohort, '--repo', repo, '--format', 'json'], { env: NOW })).json,
    treeText: (await mentorIn(['tree', cohort, '--repo', repo], { env: NOW })).stdout,
    hoursText: (await mentorIn(['hours', cohort, '--repo', repo], { env: NOW })).stdout,
    assign: (await mentorInJson(['assign', cohort, '--repo', repo, '--dry-run', '--format', 'json'], { env: NOW })).json,
  };
}

const files = (repo: string, dir: string) => (existsSync(path.join(repo, dir)) ? readdirSync(path.join(repo, dir)).sort() : []);

describe('mentor members', { timeout: 180_000 }, () => {
  it('moves the example to member files and back: validate, hours, tree and assign say the same, and the files come back byte for byte', async () => {
    const repo = exampleRepo();
    const original = readText(repo, 'cohorts/2026-fall/cohort.yaml');
    const before = await meaning(repo, '2026-fall');
    expect(before.tree.members ?? before.tree).toBeTruthy();

    const toFiles = await mentorIn(['members', '2026-fall', '--to', 'files', '--repo', repo], { env: NOW });
    expect(toFiles.code).toBe(0);
    expect(toFiles.stdout).toContain('Moved 13 members of 2026-fall from the list in cohort.yaml to one file each in cohorts/2026-fall/members/');
    expect(files(repo, 'cohorts/2026-fall/members')).toHaveLength(13);
    expect(readText(repo, 'cohorts/2026-fall/cohort.yaml')).not.toMatch(/^members:/m);
    expect(readText(repo, 'cohorts/2026-fall/members/bob.yaml')).toContain('# Mentees. requestedAt/assignedAt show how fast a request was answered;');
    expect(await meaning(repo, '2026-fall')).toEqual(before);
    expect((await mentorIn(['fix', '--check', '--repo', repo])).code).toBe(0);

    const toList = await mentorIn(['members', '2026-fall', '--to', 'list', '--repo', repo], { env: NOW });
    expect(toList.code).toBe(0);
    expect(files(repo, 'cohorts/2026-fall/members')).toEqual([]);
    expect(readText(repo, 'cohorts/2026-fall/cohort.yaml')).toBe(original);
    expect(await meaning(repo, '2026-fall')).toEqual(before);
  });

  it('answers in JSON with --format json: who would move on --dry-run (writing nothing), then who moved and the files written', async () => {
    const repo = exampleRepo();
    const original = readText(repo, 'cohorts/2026-fall/cohort.yaml');
    const planned = await mentorInJson(['members', '2026-fall', '--to', 'files', '--dry-run', '--format', 'json', '--repo', repo], { env: NOW });
    expect(planned.code).toBe(0);
    expect(planned.json).toMatchObject({ cohort: '2026-fall', to: 'files', dryRun: true, ok: true, problems: [], files: [], branch: null });
    expect(planned.json.moved).toHaveLength(13);
    expect(readText(repo, 'cohorts/2026-fall/cohort.yaml')).toBe(original);

    const done = await mentorInJson(['members', '2026-fall', '--to', 'files', '--format', 'json', '--repo', repo], { env: NOW });
    expect(done.code).toBe(0);
    expect(done.json).toMatchObject({ cohort: '2026-fall', to: 'files', moved: planned.json.moved, dryRun: false, ok: true, branch: null });
    expect(done.json.files).toEqual([...planned.json.moved.map((person: string) => `cohorts/2026-fall/members/${person}.yaml`), 'cohorts/2026-fall/cohort.yaml']);
    expect(files(repo, 'cohorts/2026-fall/members')).toHaveLength(13);
    expect((await mentorInJson(['members', '2026-fall', '--to', 'files', '--format', 'json', '--repo', repo], { env: NOW })).json).toMatchObject({ moved: [], files: [], ok: true });
  });

  it('gives each new member file the mode of cohort.yaml, so a cohort kept from other users stays so', async () => {
    const repo = exampleRepo();
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    chmodSync(cohort, 0o640);
    expect((await mentorIn(['members', '2026-fall', '--to', 'files', '--repo', repo])).code).toBe(0);
    const folder = path.join(repo, 'cohorts/2026-fall/members');
    const modes = readdirSync(folder).map((name) => statSync(path.join(folder, name)).mode & 0o777);
    expect(modes.length).toBeGreaterThan(5);
    // 0640: what no umask gives a new file by itself.
    expect(new Set(modes)).toEqual(new Set([0o640]));
    expect(statSync(cohort).mode & 0o777).toBe(0o640);
    expect((await mentorIn(['members', '2026-fall', '--to', 'list', '--repo', repo])).code).toBe(0);
    expect(statSync(cohort).mode & 0o777).toBe(0o640);
  });

  it('moves a cohort with comments and flow-style entries both ways without changing what it means or dropping a comment', async () => {
    const cohort = [
      'id: c1 # the first',
      'name: Cohort one',
      'start: 2026-09-07',
      'end: 2026-11-29',
      'members: # who mentors whom',
      '  # the lead',
      '  - { person: lee, role: lead } # since 2024',
      '  - {person: max, role: mentor, mentor: lee, wants: [go]} # flow',
      '  - person: ann   # aligned',
      '    role: mentee  # aligned too',
      '    mentor: max',
      '    # ann is new',
      '  - person: bea',
      "    role: 'mentee'",
      '    wants: [go, sql]',
      '    requestedAt: 2026-11-20T15:04:00-08:00',
      '',
    ].join('\n');
    const repo = makeTree({
      'mentor.config.yaml': minimal.config,
      ...Object.fromEntries(['lee', 'max', 'ann', 'bea'].map((id) => [`people/${id}.yaml`, minimal.person(id, id === 'max' ? 'skills: [go]\n' : '')])),
      'cohorts/c1/cohort.yaml': cohort,
    });
    const before = await meaning(repo, 'c1');
    expect(before.assign.assignments).toEqual([{ person: 'bea', mentor: 'max', score: expect.any(Number) }]);

    expect((await mentorIn(['members', 'c1', '--to', 'files', '--repo', repo], { env: NOW })).code).toBe(0);
    expect(readText(repo, 'cohorts/c1/members/lee.yaml')).toBe('# yaml-language-server: $schema=../../../schemas/member.schema.json\n# the lead\n# since 2024\nperson: lee\nrole: lead\n');
    expect(readText(repo, 'cohorts/c1/members/ann.yaml')).toContain('person: ann   # aligned\nrole: mentee  # aligned too\nmentor: max\n# ann is new\n');
    expect(readText(repo, 'cohorts/c1/members/bea.yaml')).toContain("role: 'mentee'\n");
    expect(readText(repo, 'cohorts/c1/cohort.yaml')).toBe('id: c1 # the first\nname: Cohort one\nstart: 2026-09-07\nend: 2026-11-29\n# Members: one file each in members/ (`mentor members c1 --to list` moves them back here).\n# who mentors whom\n');
    expect(await meaning(repo, 'c1')).toEqual(before);

    expect((await mentorIn(['members', 'c1', '--to', 'list', '--repo', repo], { env: NOW })).code).toBe(0);
    const back = readText(repo, 'cohorts/c1/cohort.yaml');
    for (const comment of ['# the first', '# who mentors whom', '# the lead', '# since 2024', '# flow', '# aligned', '# aligned too', '# ann is new']) expect(back).toContain(comment);
    // The comment of the `members:` line stayed in cohort.yaml while the list was away; it is now below it.
    expect(back).toContain('members:\n  # the lead\n  # since 2024\n  - person: lee\n    role: lead\n');
    expect(back.endsWith('# who mentors whom\n')).toBe(true);
    expect(await meaning(repo, 'c1')).toEqual(before);
  });

  it('with --commit, makes one branch and one commit that adds the files and empties the list', async () => {
    const repo = exampleGitRepo();
    const result = await mentorIn(['members', '2026-fall', '--to', 'files', '--commit', '--repo', repo], { env: NOW });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('git push -u origin members/2026-fall-to-files');
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('members/2026-fall-to-files');
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
    const changed = git(repo, ['show', '--name-status', '--format=', 'HEAD']).trim().split('\n');
    expect(changed).toHaveLength(14);
    expect(changed).toContain('M\tcohorts/2026-fall/cohort.yaml');
    expect(changed).toContain('A\tcohorts/2026-fall/members/cleo.yaml');

    const back = await mentorIn(['members', '2026-fall', '--to', 'list', '--commit', '--repo', repo], { env: NOW });
    expect(back.code).toBe(0);
    expect(git(repo, ['diff', '--stat', 'main', 'HEAD']).trim()).toBe('');
  });

  it('refuses a cohort with errors, an uncommitted cohort.yaml under --commit, and a held lock, writing nothing', async () => {
    const broken = exampleRepo({ 'cohorts/2026-fall/members/zed.yaml': 'person: zed\nrole: mentee\n' });
    const invalid = mentor(['members', '2026-fall', '--to', 'files', '--repo', broken], { env: NOW });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('cohorts/2026-fall/members/zed.yaml');
    expect(files(broken, 'cohorts/2026-fall/members')).toEqual(['zed.yaml']);

    const repo = exampleGitRepo();
    writeFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), `${readText(repo, 'cohorts/2026-fall/cohort.yaml')}# edited\n`);
    const dirty = await mentorIn(['members', '2026-fall', '--to', 'files', '--commit', '--repo', repo], { env: NOW });
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toContain('uncommitted changes');
    expect(files(repo, 'cohorts/2026-fall/members')).toEqual([]);

    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(repo, '.git/mentor.lock'), JSON.stringify({ pid: sleeper.pid, command: 'assign', startedAt: '2026-11-23T10:00:00.000Z' }));
      const locked = await mentorIn(['members', '2026-fall', '--to', 'files', '--repo', repo], { env: NOW });
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain('Another mentor command');
      expect(files(repo, 'cohorts/2026-fall/members')).toEqual([]);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('refuses a move that would change what the records mean (an alias to an anchor in another entry), writing nothing', async () => {
    const cohort = 'id: c1\nname: Cohort one\nstart: 2026-09-07\nmembers:\n  - person: lee\n    role: lead\n  - person: max\n    role: mentor\n    wants: &skills [go]\n  - person: ann\n    role: mentee\n    wants: *skills\n';
    const repo = makeTree({
      'mentor.config.yaml': minimal.config,
      ...Object.fromEntries(['lee', 'max', 'ann'].map((id) => [`people/${id}.yaml`, minimal.person(id)])),
      'cohorts/c1/cohort.yaml': cohort,
    });
    const refused = await mentorIn(['members', 'c1', '--to', 'files', '--repo', repo], { env: NOW });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('would change what the records mean: ann would no longer be a member');
    expect(files(repo, 'cohorts/c1/members')).toEqual([]);
    expect(readText(repo, 'cohorts/c1/cohort.yaml')).toBe(cohort);
  });

  it('says so when there is nothing to move, and --to is required', async () => {
    const repo = exampleRepo();
    const nothing = await mentorIn(['members', '2026-fall', '--to', 'list', '--repo', repo], { env: NOW });
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toContain('already in the list of cohort.yaml');
    expect(mentor(['members', '2026-fall', '--repo', repo]).code).toBe(2);
  });
});
