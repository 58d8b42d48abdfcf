import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, mentorJson, readText } from './helpers/repo.js';

// pausedUntil: away until that day begins (in the program's zone), then back by itself.

const pauseLinus = (until: string) => {
  // A third waiting mentee: ada and grace have room for one each, so linus is needed.
  const repo = exampleRepo({ 'people/zed.yaml': 'id: zed\nname: Zed\n', 'cohorts/2026-fall/members/zed.yaml': 'person: zed\nrole: mentee\nrequestedAt: 2026-11-23T09:00:00-08:00\n' });
  writeFileSync(path.join(repo, 'people/linus.yaml'), `${readText(repo, 'people/linus.yaml')}pausedUntil: ${until}\n`);
  return repo;
};

describe('a paused mentor', () => {
  it('is never assigned while paused, and is again from that day', async () => {
    const repo = pauseLinus('2026-11-25');
    const paused = mentorJson(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json'], { env: { MENTOR_NOW: '2026-11-24T23:30:00-08:00' } });
    expect(paused.json.assignments.map((a: { mentor: string }) => a.mentor)).not.toContain('linus');
    const back = await mentorInJson(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json'], { env: { MENTOR_NOW: '2026-11-25T00:30:00-08:00' } });
    expect(back.json.assignments.map((a: { mentor: string }) => a.mentor)).toContain('linus');
  });

  it('says why a member is left out when the only mentor with room is paused', async () => {
    const repo = pauseLinus('2026-12-01');
    const text = (await mentorIn(['assign', '2026-fall', '--repo', repo, '--dry-run', '--explain'], { env: { MENTOR_NOW: '2026-11-24T12:00:00-08:00' } })).stdout;
    expect(text).toContain('linus is paused (pausedUntil)');
  });

  it('is listed as paused in status, neither with room nor inactive', async () => {
    const repo = pauseLinus('2026-12-01');
    const env = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
    const { json } = await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env });
    const cohort = json.cohorts[0];
    expect(cohort.pausedMentors).toEqual([{ id: 'linus', role: 'mentor', until: '2026-12-01' }]);
    expect(cohort.mentorsWithRoom.map((m: { id: string }) => m.id)).not.toContain('linus');
    expect(cohort.inactiveMentors.map((m: { id: string }) => m.id)).not.toContain('linus');
    expect((await mentorIn(['status', '2026-fall', '--repo', repo], { env })).stdout).toMatch(/Paused \(1\)\n\s+linus \(mentor\) until 2026-12-01/);
  });
});

describe('weeks away', () => {
  it('expect no log: a mentor or mentee away last week is not missing it, and is again for a week they are back before its end', async () => {
    const repo = exampleRepo();
    const env = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
    const before = (await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env })).json.cohorts[0];
    expect(before.missingLogs).toEqual(['hal', 'linus']);
    // Away through 2026-W47's Sunday (2026-11-29 is W48's): neither is missing it, and this week's count leaves them out.
    for (const person of ['linus', 'hal']) writeFileSync(path.join(repo, `people/${person}.yaml`), `${readText(repo, `people/${person}.yaml`)}pausedUntil: 2026-11-23\n`);
    const away = (await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env })).json.cohorts[0];
    expect(away.missingLogs).toEqual([]);
    expect(away.thisWeek.expectedLogs).toBe(before.thisWeek.expectedLogs);
    const report = await mentorInJson(['report', '2026-fall', '--week', '2026-W47', '--repo', repo, '--format', 'json'], { env });
    expect(report.code).toBe(0);
    expect(JSON.parse(readText(repo, 'reports/2026-fall/2026-W47.json')).missingLogs).toEqual([]);
    expect(readText(repo, 'reports/2026-fall/2026-W47.md')).not.toContain('**Missing logs:**');
    // Back on the Sunday itself: that week was theirs to log.
    for (const person of ['linus', 'hal']) writeFileSync(path.join(repo, `people/${person}.yaml`), readText(repo, `people/${person}.yaml`).replace('pausedUntil: 2026-11-23', 'pausedUntil: 2026-11-22'));
    expect((await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env })).json.cohorts[0].missingLogs).toEqual(['hal', 'linus']);
  });
});

describe('weeks away, counted alike everywhere', () => {
  it('are no log expected on the dashboard, in the report and in progress, as status says; a log written while away still shows', async () => {
    const repo = exampleRepo();
    const env = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
    const site = path.join(repo, '_site');
    const rowOf = (id: string) => new RegExp(`<tr id="${id}">.*</tr>`).exec(readText(site, 'cohorts/2026-fall.html'))![0];
    const weekCells = (row: string) => row.match(/<td class="w [^"]*">.*?<\/td>/g)!;
    expect((await mentorIn(['site', '--repo', repo, '--out', site], { env })).code).toBe(0);
    const before = weekCells(rowOf('hal'));
    expect(before.filter((cell) => cell.includes('no log')).length).toBeGreaterThan(0);
    expect((await mentorInJson(['report', '2026-fall', '--week', '2026-W47', '--repo', repo, '--format', 'json'], { env })).code).toBe(0);
    const hadLogged = JSON.parse(readText(repo, 'reports/2026-fall/2026-W47.json')).weeksLogged.find((row: { id: string }) => row.id === 'hal');
    expect(hadLogged.of).toBeGreaterThan(0);
    const progress = async () => (await mentorInJson(['progress', '--repo', repo, '--format', 'json'], { env })).json;
    const halIn = (json: { people: Array<{ id: string; cohorts: Array<{ weeksLogged: number; weeksRun: number }> }> }) => json.people.find((p) => p.id === 'hal')!.cohorts[0]!;
    const shareBefore = await progress();
    expect(halIn(shareBefore).weeksRun).toBeGreaterThan(0);

    // Away through 2026-W47 (back on W48's Monday).
    writeFileSync(path.join(repo, 'people/hal.yaml'), `${readText(repo, 'people/hal.yaml')}pausedUntil: 2026-11-23\n`);
    expect((await mentorIn(['site', '--repo', repo, '--out', site], { env })).code).toBe(0);
    const row = rowOf('hal');
    const cells = weekCells(row);
    expect(cells).toHaveLength(before.length);
    // Every week without a log reads "away", none "no log"; the week hal logged still shows its hours.
    expect(cells.filter((cell) => cell.includes('no log'))).toEqual([]);
    expect(cells.filter((cell) => cell.includes('>away<')).length).toBe(before.filter((cell) => cell.includes('no log')).length);
    expect(cells.filter((cell) => cell.includes('while away')).length).toBe(before.filter((cell) => /class="w (met|low)"/.test(cell)).length);
    expect(row).toContain('<td class="num">away</td>');
    expect(readText(site, 'cohorts/2026-fall.html')).toContain('–: away (pausedUntil), no log expected');

    await mentorInJson(['report', '2026-fall', '--week', '2026-W47', '--repo', repo, '--format', 'json'], { env });
    const report = JSON.parse(readText(repo, 'reports/2026-fall/2026-W47.json'));
    expect(report.missingLogs).not.toContain('hal');
    expect(report.weeksLogged.find((entry: { id: string }) => entry.id === 'hal')).toEqual({ id: 'hal', logged: 0, of: 0 });
    const shareAfter = await progress();
    expect(halIn(shareAfter)).toMatchObject({ weeksLogged: 0, weeksRun: 0 });
    const [was, is] = [shareBefore, shareAfter].map((json) => json.program.logShareByCohort[0]);
    expect(is.expected).toBe(was.expected - halIn(shareBefore).weeksRun);
    expect(is.logs).toBe(was.logs - halIn(shareBefore).weeksLogged);
  });
});

describe('a paused mentee', () => {
  it('is listed as paused in status: no log is expected of them meanwhile, so they would be in no list at all', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'people/hal.yaml'), `${readText(repo, 'people/hal.yaml')}pausedUntil: 2027-01-10\n`);
    const env = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
    const cohort = (await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env })).json.cohorts[0];
    expect(cohort.missingLogs).toEqual(['linus']);
    expect(cohort.pausedMentors).toEqual([{ id: 'hal', role: 'mentee', until: '2027-01-10' }]);
    expect((await mentorIn(['status', '2026-fall', '--repo', repo], { env })).stdout).toMatch(/Paused \(1\)\n\s+hal \(mentee\) until 2027-01-10/);
    // The attention issue's Paused line is for mentors who cannot claim.
    expect((await mentorIn(['status', '2026-fall', '--repo', repo, '--format', 'markdown'], { env })).stdout).not.toContain('**Paused:**');
  });
});

describe('a cohort where everyone placed is away', () => {
  it('says so where no log is expected this week, in status and in the report, instead of "nobody is placed yet" or "outside the cohort"', async () => {
    const repo = exampleRepo();
    const env = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
    const cohort = readText(repo, 'cohorts/2026-fall/cohort.yaml');
    const placed = [...new Set([...cohort.matchAll(/person: (\S+)\n\s+role: \S+\n\s+mentor: /g)].map((m) => m[1]!).concat([...cohort.matchAll(/person: (\S+)\n\s+role: lead/g)].map((m) => m[1]!)))];
    expect(placed.length).toBeGreaterThan(3);
    for (const person of placed) writeFileSync(path.join(repo, `people/${person}.yaml`), `${readText(repo, `people/${person}.yaml`)}pausedUntil: 2027-01-10\n`);
    const status = await mentorIn(['status', '2026-fall', '--repo', repo], { env });
    expect(status.stdout).toContain('Logs this week: none expected (everyone placed is paused)');
    expect((await mentorIn(['report', '2026-fall', '--week', '2026-W47', '--repo', repo], { env })).code).toBe(0);
    expect(readText(repo, 'reports/2026-fall/2026-W47.md')).toContain('- **Logs this week:** none expected (everyone placed is paused)');
  });
});
