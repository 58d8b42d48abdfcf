import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { parse } from 'yaml';
import { EXAMPLE, exampleGitRepo, exampleRepo, git, GIT_ENV, mentor, MENTOR_BIN, mentorJson } from './helpers/repo.js';

const COHORT = 'cohorts/2026-fall/cohort.yaml';

describe('mentor assign', () => {
  it("--dry-run --format json gives DESIGN.md's JSON and writes nothing", () => {
    const before = readFileSync(path.join(EXAMPLE, COHORT), 'utf8');
    const { code, json } = mentorJson(['assign', '2026-fall', '--repo', EXAMPLE, '--dry-run', '--format', 'json']);
    expect(code).toBe(0);
    expect(json).toEqual({
      cohort: '2026-fall',
      assignments: [
        { person: 'cleo', mentor: 'ada', score: 13 },
        { person: 'jon', mentor: 'grace', score: 5 },
      ],
      unassigned: [],
      totalScore: 18,
      problems: [],
    });
    expect(readFileSync(path.join(EXAMPLE, COHORT), 'utf8')).toBe(before);
  });

  it('--format json on records with errors still prints its JSON: nothing assigned, and the problems that stopped it (exit 1)', () => {
    const repo = exampleRepo();
    const file = path.join(repo, COHORT);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/ {4}mentor: grace$/m, '    mentor: gracie'));
    const { code, json, stderr } = mentorJson(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json']);
    expect(code).toBe(1);
    expect(json).toMatchObject({ cohort: '2026-fall', assignments: [], unassigned: [], totalScore: 0 });
    expect(json.problems.length).toBeGreaterThan(0);
    expect(json.problems[0]).toMatchObject({ file: COHORT, severity: 'error' });
    expect(json.problems.map((p: { message: string }) => p.message).join('\n')).toContain('gracie');
    expect(stderr).toContain('The records of cohort 2026-fall have errors');
  });

  it('--explain shows the parts of each score, loads and waiting against the SLA', async () => {
    const result = await mentorIn(['assign', '2026-fall', '--repo', EXAMPLE, '--dry-run', '--explain']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/cleo +mentee +ada +13 +preferred \+10, skills react \+2, language \+1/);
    expect(result.stdout).toContain('preferences honoured: 1 of 1');
    expect(result.stdout).toMatch(/ada +mentor +3 +4 +4/);
    expect(result.stdout).toContain('Waiting time against the 48 h promise');
  });

  it('explains who is left out and why', async () => {
    const repo = exampleRepo({ 'people/ada.yaml': 'id: ada\nname: Ada\nactive: false\n', 'people/grace.yaml': 'id: grace\nname: Grace\nmaxHoursPerWeek: 7\n', 'people/linus.yaml': 'id: linus\nname: Linus\nmaxHoursPerWeek: 6\n' });
    const { json } = await mentorInJson(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json']);
    expect(json.assignments).toEqual([{ person: 'cleo', mentor: 'linus', score: 0 }]);
    // Both score 0 with linus: a tie, settled by id, said as such, with why nobody else could take jon.
    expect(json.unassigned).toEqual([
      { person: 'jon', reason: "lost a tie on id to cleo for linus's last place (both score 0 there; ties go by id); grace (7 h planned, 8 h with one more, past maxHoursPerWeek 7) is out of budget; ada is inactive (active: false)" },
    ]);
  });

  it('names the full, out-of-budget and inactive mentors when nobody can take a member', async () => {
    const repo = exampleRepo({ 'people/ada.yaml': 'id: ada\nname: Ada\nactive: false\n', 'people/grace.yaml': 'id: grace\nname: Grace\nmaxHoursPerWeek: 7\n', 'people/linus.yaml': 'id: linus\nname: Linus\nmaxHoursPerWeek: 5\n' });
    const { json } = await mentorInJson(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json']);
    expect(json.assignments).toEqual([]);
    const reason = 'no mentor can take one more: grace (7 h planned, 8 h with one more, past maxHoursPerWeek 7) and linus (5 h planned, 6 h with one more, past maxHoursPerWeek 5) are out of budget; ada is inactive (active: false)';
    expect(json.unassigned).toEqual([{ person: 'cleo', reason }, { person: 'jon', reason }]);
  });

  it('gives the room to the higher score and says so', async () => {
    const repo = exampleRepo({ 'people/ada.yaml': 'id: ada\nname: Ada\nactive: false\n', 'people/grace.yaml': 'id: grace\nname: Grace\nmaxHoursPerWeek: 7\n', 'people/linus.yaml': 'id: linus\nname: Linus\nmaxHoursPerWeek: 6\nskills: [react]\n' });
    const { json } = await mentorInJson(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json']);
    expect(json.assignments).toEqual([{ person: 'cleo', mentor: 'linus', score: 2 }]);
    expect(json.unassigned[0].reason).toMatch(/^the one place with linus went to members who score higher there \(placing jon instead of any of them lowers the total\); grace/);
  });

  it('writes mentor and assignedAt with --yes, keeping every comment and style', async () => {
    const repo = exampleRepo();
    const file = path.join(repo, COHORT);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/  - person: jon\n    role: mentee\n    wants: \[node, python\]\n.*\n/, '  - { person: jon, role: mentee, wants: [python, node] }  # flow\n'));
    const before = readFileSync(file, 'utf8');
    const result = await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes']);

    expect(result.code, result.stderr).toBe(0);
    const after = readFileSync(file, 'utf8');
    const added = addedLines(before, after);
    expect(added).toHaveLength(3);
    expect(added).toContain('    mentor: ada');
    expect(added.some((line) => /^ {4}assignedAt: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[78]:00$/.test(line))).toBe(true);
    expect(added.find((line) => line.includes('jon'))).toMatch(/^ {2}- \{ person: jon, role: mentee, mentor: grace, assignedAt: [^,]+, wants: \[python, node\] \} {2}# flow$/);
    expect(addedLines(after, before)).toEqual(['  - { person: jon, role: mentee, wants: [python, node] }  # flow']);
    const cohort = parse(after);
    expect(cohort.members.find((m: { person: string }) => m.person === 'cleo').mentor).toBe('ada');
    expect((await mentorInJson(['validate', '--repo', repo, '--format', 'json'])).json.problems).toEqual([]);
    // Placing again finds nobody waiting.
    expect((await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes'])).stdout).toContain('Nobody in 2026-fall is waiting for a mentor');
  });

  it('places waiting mentors under leads in the same run', async () => {
    const repo = exampleRepo({ 'people/kai.yaml': 'id: kai\nname: Kai\nskills: [react]\n' });
    const file = path.join(repo, COHORT);
    writeFileSync(file, `${readFileSync(file, 'utf8')}  - person: kai\n    role: mentor\n`);
    const { json } = await mentorInJson(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json']);
    expect(json.assignments).toContainEqual({ person: 'kai', mentor: 'andrew', score: 0 });
    expect(json.assignments).toHaveLength(3);
  });

  it('says when another cohort cannot be read, so hours its members have there are not counted in the limits', async () => {
    const repo = exampleRepo({ 'cohorts/2026-extra/cohort.yaml': 'id: 2026-extra\nname: [broken\n' });
    const result = await mentorIn(['assign', '2026-fall', '--repo', repo, '--dry-run'], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('mentor: warning: cohorts/2026-extra/cohort.yaml:2:7 has errors, so the check of hour limits across overlapping cohorts leaves it out');
    expect(result.stdout).toContain('Total score');
    const claim = await mentorIn(['claim', 'jon', '--as', 'grace', '--repo', repo], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(claim.stderr).toContain('cohorts/2026-extra/cohort.yaml:2:7 has errors, so the check of hour limits');
    // A broken member file of an overlapping cohort: that member's hours there are unknown too.
    const memberBroken = exampleRepo({
      'cohorts/2026-extra/cohort.yaml': 'id: 2026-extra\nname: Extra\nstart: 2026-10-05\nend: 2026-12-20\n',
      'cohorts/2026-extra/members/andrew.yaml': 'person: andrew\nrole: [lead\n',
    });
    const warned = await mentorIn(['assign', '2026-fall', '--repo', memberBroken, '--dry-run'], { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } });
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toContain('mentor: warning: cohorts/2026-extra/members/andrew.yaml:2:7 has errors, so the check of hour limits across overlapping cohorts leaves it out');
  });

  it('--commit makes one commit on assign/<cohort>-<date> holding only cohort.yaml', async () => {
    const repo = exampleGitRepo();
    writeFileSync(path.join(repo, 'notes.txt'), 'unrelated, uncommitted\n');
    const result = await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes', '--commit']);
    expect(result.code, result.stderr).toBe(0);
    const branch = git(repo, ['branch', '--show-current']).trim();
    expect(branch).toMatch(/^assign\/2026-fall-\d{4}-\d\d-\d\d$/);
    expect(result.stdout).toContain(`git push -u origin ${branch}`);
    expect(git(repo, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(COHORT);
    expect(git(repo, ['rev-list', '--count', 'main']).trim()).toBe('1');
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('?? notes.txt');
  });

  it('--commit refuses, writing nothing, when cohort.yaml has uncommitted changes', async () => {
    const repo = exampleGitRepo();
    const file = path.join(repo, COHORT);
    writeFileSync(file, `${readFileSync(file, 'utf8')}# my edit\n`);
    const before = readFileSync(file, 'utf8');
    const result = await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes', '--commit']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('uncommitted changes');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('main');
  });

  it('refuses a cohort with errors, and an unknown cohort', async () => {
    const broken = exampleRepo({ 'people/ada.yaml': 'id: ada\n' });
    const result = await mentorIn(['assign', '2026-fall', '--repo', broken, '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Missing required field "name"');
    expect(mentor(['assign', 'nope', '--repo', EXAMPLE, '--dry-run']).code).toBe(2);
  });
});

describe('mentor assign on a terminal', () => {
  const PTY = path.join(import.meta.dirname, 'helpers/run_pty.py');
  const underTerminal = (args: string[], steps: Array<[string, string]>) =>
    spawnSync('python3', [PTY, JSON.stringify(steps), '--', process.execPath, MENTOR_BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', CI: undefined, MENTOR_NOW: '2026-11-24T09:00:00-08:00' }, timeout: 60_000 });
  const DOWN = '\u001b[B';
  const jonOf = (repo: string) => parse(readFileSync(path.join(repo, COHORT), 'utf8')).members.find((m: { person: string }) => m.person === 'jon');

  it("lets the organiser change one member's mentor before writing", () => {
    const repo = exampleRepo();
    const result = underTerminal(
      ['assign', '2026-fall', '--repo', repo],
      [
        ['Write these placements?', '\u001b[B\r'], // down to "Change one member's mentor"
        ['Which member?', '\u001b[B\r'], // jon
        ['Mentor for jon', '\u001b[B\r'], // grace, then linus: the second
        ['Write these placements?', '\r'],
      ],
    );
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/linus +score 4, room 3/);
    const cohort = parse(readFileSync(path.join(repo, COHORT), 'utf8'));
    expect(cohort.members.find((m: { person: string }) => m.person === 'jon').mentor).toBe('linus');
    expect(cohort.members.find((m: { person: string }) => m.person === 'cleo').mentor).toBe('ada');
  });

  it('marks a change as your choice, says the plan is no longer the optimum, and can undo it', () => {
    const repo = exampleRepo();
    const result = underTerminal(
      ['assign', '2026-fall', '--repo', repo],
      [
        ['Write these placements?', '\u001b[B\r'], // change one member's mentor
        ['Which member?', '\u001b[B\r'], // jon
        ['Mentor for jon', '\u001b[B\r'], // linus instead of grace
        ['not the optimum', ''],
        ['Write these placements?', '\u001b[B\u001b[B\r'], // undo the last change
        ['Write these placements?', '\r'], // accept
      ],
    );
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toContain('your choice');
    expect(result.stdout).toContain('this is the best plan around them, not the optimum');
    const cohort = parse(readFileSync(path.join(repo, COHORT), 'utf8'));
    expect(cohort.members.find((m: { person: string }) => m.person === 'jon').mentor).toBe('grace');
  });

  it('re-picking the mentor a member already has changes nothing and is no choice of yours', () => {
    const repo = exampleRepo();
    const result = underTerminal(
      ['assign', '2026-fall', '--repo', repo],
      [
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}\r`], // jon
        ['Mentor for jon', '\r'], // grace, the current one
        ['No change: jon stays with grace.', ''],
        ['Write these placements?', '\r'],
      ],
    );
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).not.toContain('your choice');
    expect(result.stdout).not.toContain('not the optimum');
    expect(jonOf(repo).mentor).toBe('grace');
  });

  it('going back to the optimal mentor after a change drops the choice: the plan is the optimum again', () => {
    const repo = exampleRepo();
    const result = underTerminal(
      ['assign', '2026-fall', '--repo', repo],
      [
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}\r`],
        ['Mentor for jon', `${DOWN}\r`], // linus: your choice
        ['not the optimum', ''],
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}\r`],
        ['Mentor for jon', '\r'], // grace, the optimum's pick
        ['Write these placements?', '\r'],
      ],
    );
    expect(result.status, result.stdout).toBe(0);
    const last = result.stdout.slice(result.stdout.lastIndexOf('Mentor for jon'));
    expect(last).toContain('Proposed placements');
    expect(last).not.toContain('your choice');
    expect(last).not.toContain('not the optimum');
    expect(jonOf(repo).mentor).toBe('grace');
  });

  it('has a way back from the member list and from the mentor list', () => {
    const repo = exampleRepo();
    const result = underTerminal(
      ['assign', '2026-fall', '--repo', repo],
      [
        ['Write these placements?', `${DOWN}\r`],
        ['← Back to the question before', `${DOWN}${DOWN}\r`], // past cleo and jon: back to the plan
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}\r`],
        ['← Back to the question before', `${DOWN}${DOWN}${DOWN}\r`], // past grace, linus and ada (her place is cleo's in the plan): back to the members
        ['Which member?', `${DOWN}\r`],
        ['Mentor for jon', `${DOWN}\r`],
        ['Write these placements?', '\r'],
      ],
    );
    expect(result.status, result.stdout).toBe(0);
    expect(jonOf(repo).mentor).toBe('linus');
  });

  it('writes nothing when cancelled', () => {
    const repo = exampleRepo();
    const before = readFileSync(path.join(repo, COHORT), 'utf8');
    const result = underTerminal(['assign', '2026-fall', '--repo', repo], [['Write these placements?', '\u001b[B\u001b[B\r']]);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toContain('Nothing written.');
    expect(readFileSync(path.join(repo, COHORT), 'utf8')).toBe(before);
  });
});

/** Lines of `after` not in `before`, counting repeats (a multiset difference), in order. */
function addedLines(before: string, after: string): string[] {
  const counts = new Map<string, number>();
  for (const line of before.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of after.split('\n')) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else added.push(line);
  }
  return added;
}
