import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { EXAMPLE, exampleRepo, mentor, mentorJson } from './helpers/repo.js';

describe('mentor hours', () => {
  it("gives each member's plan in DESIGN.md's JSON, grouped by tier", () => {
    const { code, json } = mentorJson(['hours', '2026-fall', '--repo', EXAMPLE, '--format', 'json']);
    expect(code).toBe(0);
    expect(json.cohort).toBe('2026-fall');
    expect(json).not.toHaveProperty('week');
    const byId = Object.fromEntries(json.people.map((row: { id: string }) => [row.id, row]));
    expect(byId.andrew).toEqual({ id: 'andrew', role: 'lead', directMentees: 3, planned: { 'code-review': 4, 'one-on-ones': 3, 'weekly-review': 1 }, plannedTotal: 8 });
    expect(byId.ada.plannedTotal).toBe(7);
    expect(byId.linus.plannedTotal).toBe(5);
    expect(byId.bob.plannedTotal).toBe(5.5);
    expect(json.people.map((row: { role: string }) => row.role)).toEqual(['lead', 'mentor', 'mentor', 'mentor', ...Array(9).fill('mentee')]);
  });

  it('with --week puts the logged hours beside the plan', async () => {
    const { json } = await mentorInJson(['hours', '2026-fall', '--repo', EXAMPLE, '--format', 'json', '--week', '2026-W47']);
    expect(json.week).toBe('2026-W47');
    const bob = json.people.find((row: { id: string }) => row.id === 'bob');
    expect(bob.logged).toEqual({ 'code-review': 0.5, 'own-one-on-one': 1, practice: 5, 'weekly-review': 0.5 });
    expect(bob.loggedTotal).toBe(7);
    const hal = json.people.find((row: { id: string }) => row.id === 'hal');
    expect(hal).not.toHaveProperty('logged');
  });

  it('shows logged hours rounded as every other figure, never in exponent notation (1e-7)', async () => {
    const log = readFileSync(path.join(EXAMPLE, 'cohorts/2026-fall/logs/bob/2026-W47.yaml'), 'utf8');
    const repo = exampleRepo({ 'cohorts/2026-fall/logs/bob/2026-W47.yaml': log.replace(/weekly-review: .*/, 'weekly-review: 0.0000001').replace(/practice: .*/, 'practice: 4.123456') });
    const result = await mentorIn(['hours', '2026-fall', '--repo', repo, '--week', '2026-W47'], { env: { COLUMNS: '200' } });
    expect(result.code, result.stderr).toBe(0);
    const bob = result.stdout.split('\n').find((line) => line.trimStart().startsWith('bob '))!;
    expect(bob).not.toMatch(/e-7|4\.123456/);
    expect(bob).toContain('0/0.5');
    expect(bob).toContain('4.12/3');
  });

  it('halves one-on-ones in a biweekly cohort', async () => {
    const repo = exampleRepo();
    const { writeFileSync, readFileSync } = require('node:fs') as typeof import('node:fs');
    const file = `${repo}/cohorts/2026-fall/cohort.yaml`;
    writeFileSync(file, readFileSync(file, 'utf8').replace('cadence: weekly', 'cadence: biweekly'));
    const { json } = await mentorInJson(['hours', '2026-fall', '--repo', repo, '--format', 'json']);
    const totals = Object.fromEntries(json.people.map((row: { id: string; plannedTotal: number }) => [row.id, row.plannedTotal]));
    expect(totals).toMatchObject({ andrew: 6.5, ada: 5, bob: 5 });
  });

  it('shows a readable table that flags missing logs and big differences', () => {
    const result = mentor(['hours', '2026-fall', '--repo', EXAMPLE, '--week', '2026-W47']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Mentors (3)');
    expect(result.stdout).toMatch(/linus +1 .*no log this week/);
    expect(result.stdout).toMatch(/andrew +3 +4\/4 +3\/3 +1\/1 +8 +8 +0/);
  });

  it('flags a member planned past their budget, and warns that the records have an error', async () => {
    const repo = exampleRepo({ 'people/grace.yaml': 'id: grace\nname: Grace\nmaxHoursPerWeek: 6\n' });
    const result = await mentorIn(['hours', '2026-fall', '--repo', repo]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/grace +3 .* 7 +planned past maxHoursPerWeek/);
    expect(result.stderr).toContain('warning: the records of cohort 2026-fall have 1 error');
    // Commands that write still refuse.
    expect((await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes'])).code).toBe(1);
  });

  it('status and tree show a cohort whose records have an error, with the warning said once', async () => {
    const repo = exampleRepo({ 'people/grace.yaml': 'id: grace\nname: Grace\nmaxHoursPerWeek: 6\n' });
    for (const args of [['status', '2026-fall'], ['tree', '2026-fall'], ['status']]) {
      const result = await mentorIn([...args, '--repo', repo]);
      expect(result.code).toBe(0);
      expect(result.stderr.match(/warning: the records of cohort 2026-fall have 1 error/g)).toHaveLength(1);
    }
  });

  it('status (and the attention issue) goes on past a log with errors, counting it missing and saying so', async () => {
    const repo = exampleRepo({ 'cohorts/2026-fall/logs/bob/2026-W47.yaml': 'person: bob\nweek: 2026-W47\nhours: [\n' });
    const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
    const status = await mentorIn(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env: NOW });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).cohorts[0].missingLogs).toEqual(['bob', 'hal', 'linus']);
    expect(status.stderr).toContain('mentor: warning: cohorts/2026-fall/logs/bob/2026-W47.yaml:3:8 has errors, so status leaves it out: This list opens with "[" but is never closed');
    const attention = await mentorIn(['status', '--repo', repo, '--format', 'markdown'], { env: NOW });
    expect(attention.code).toBe(0);
    expect(attention.stdout.split('\n')[0]).toBe('<!-- mentor:attention -->');
    // The tree reads no log: it shows the tree as it is, and warns of nothing it does not use.
    const tree = await mentorIn(['tree', '2026-fall', '--repo', repo], { env: NOW });
    expect(tree.code).toBe(0);
    expect(tree.stdout).toContain('bob Bob Martin (mentee, 5.5 h)');
    expect(tree.stderr).toBe('');
  });

  it('with two cohorts running, lists them once and shows how to name one (exit 2)', () => {
    const repo = exampleRepo({ 'cohorts/2026-side/cohort.yaml': 'id: 2026-side\nname: Side\nstart: 2026-10-05\nend: 2026-12-20\nmembers:\n  - person: andrew\n    role: lead\n' });
    const result = mentor(['hours', '--repo', repo], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('2 cohorts are running (2026-fall, 2026-side); name one.');
    expect(result.stderr).toContain('For example: mentor hours 2026-fall.');
    expect(result.stderr.split('2026-side')).toHaveLength(2);
  });

  it('refuses an unknown cohort and a bad week with exit 2', async () => {
    const unknown = mentor(['hours', '2026-fal', '--repo', EXAMPLE]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean 2026-fall?');
    const badWeek = await mentorIn(['hours', '2026-fall', '--repo', EXAMPLE, '--week', '2026-48']);
    expect(badWeek.code).toBe(2);
    expect(badWeek.stderr).toContain('not an ISO week');
    // A week the cohort did not run, or that has not started, has no logs to show: refused as report refuses it.
    const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
    for (const [week, said] of [['2026-W30', 'is outside cohort 2026-fall'], ['2026-W53', 'is outside cohort 2026-fall']]) {
      const outside = await mentorIn(['hours', '2026-fall', '--repo', EXAMPLE, '--week', week!], { env: NOW });
      expect(outside.code, week).toBe(2);
      expect(outside.stderr).toContain(said);
    }
    const early = await mentorIn(['hours', '2026-fall', '--repo', EXAMPLE, '--week', '2026-W45'], { env: { MENTOR_NOW: '2026-10-01T12:00:00-07:00' } });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('2026-W45 has not started yet (this week is 2026-W40)');
    expect((await mentorIn(['hours', '2026-fall', '--repo', EXAMPLE, '--week', '2026-W48'], { env: NOW })).code).toBe(0);
  });
});

describe('a tree with a cycle of mentors', () => {
  // ada's mentor is grace, grace's mentor is ada, linus is his own mentor (contract review C9).
  const cyclic = () => {
    const file = 'cohorts/2026-fall/cohort.yaml';
    const text = readFileSync(path.join(EXAMPLE, file), 'utf8')
      .replace('person: ada\n    role: mentor\n    mentor: andrew', 'person: ada\n    role: mentor\n    mentor: grace')
      .replace('person: grace\n    role: mentor\n    mentor: andrew', 'person: grace\n    role: mentor\n    mentor: ada')
      .replace('person: linus\n    role: mentor\n    mentor: andrew', 'person: linus\n    role: mentor\n    mentor: linus');
    expect(text.match(/mentor: andrew/g)).toBeNull();
    return exampleRepo({ [file]: text });
  };

  it('tree shows every member: those no lead reaches under their own heading, each once, with why', async () => {
    const result = await mentorIn(['tree', '2026-fall', '--repo', cyclic()]);
    expect(result.code, result.stderr).toBe(0);
    const [placed, lost] = result.stdout.split('\nNot reachable from a lead (10 members; run `mentor validate`)\n');
    expect(placed).toContain('andrew Andrew Lee (lead, X=0, 5 h)');
    for (const line of ['ada Ada Lovelace (mentor, X=4, 8 h) mentor grace: a cycle of mentors', 'grace Grace Hopper (mentor, X=4, 8 h) mentor ada: a cycle of mentors', 'linus Linus Svensson (mentor, X=2, 6 h) their own mentor', '└── ivy Ivy Novak (mentee, 5.5 h)']) {
      expect(lost).toContain(line);
    }
    for (const id of ['andrew', 'ada', 'grace', 'linus', 'bob', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy', 'cleo', 'jon']) {
      expect(result.stdout.match(new RegExp(`^(?:[│├└─ ]*)${id} `, 'gm')), id).toHaveLength(1);
    }
  });

  it('tree --format json marks them, and hours and status count every member still', async () => {
    const repo = cyclic();
    const { json } = await mentorInJson(['tree', '2026-fall', '--repo', repo, '--format', 'json']);
    expect(json.tree.map((root: { id: string; unreachable?: unknown }) => [root.id, root.unreachable ?? null])).toEqual([
      ['andrew', null],
      ['ada', { mentor: 'grace', reason: 'cycle' }],
      ['grace', { mentor: 'ada', reason: 'cycle' }],
      ['linus', { mentor: 'linus', reason: 'cycle' }],
    ]);
    const hours = await mentorInJson(['hours', '2026-fall', '--repo', repo, '--format', 'json']);
    expect(hours.json.people).toHaveLength(13);
    const plain = (await mentorInJson(['status', '2026-fall', '--repo', exampleRepo(), '--format', 'json'])).json.cohorts[0];
    const status = (await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'])).json.cohorts[0];

    expect(status.thisWeek).toEqual(plain.thisWeek);
    expect(status.missingLogs).toEqual(plain.missingLogs);
  });
});
