import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, readText } from './helpers/repo.js';
import { buildSite, EXAMPLE_NOW } from './helpers/site.js';

// The dashboard says what the commands say, on the same records: room as status, assign and claim
// judge it; each week's expected logs and planned hours as report and progress count them.

const env = { MENTOR_NOW: EXAMPLE_NOW };

/** The rows of the table whose caption starts with `caption` (its head first), each as its cells' text. */
function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`<caption>${caption}`);
  if (start < 0) throw new Error(`no table with the caption "${caption}"`);
  const body = html.slice(start, html.indexOf('</table>', start));
  const cellText = (cell: string) => cell.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cellText(cell[1]!)));
}

const edit = (repo: string, file: string, change: (text: string) => string) => writeFileSync(path.join(repo, file), change(readFileSync(path.join(repo, file), 'utf8')));

describe('the dashboard and the commands', { timeout: 120_000 }, () => {
  it('lists the mentors with room that status lists, counting the hours planned in an overlapping cohort', async () => {
    // ada mentors three in 2026-fall (7 h) and none in 2026-late (4 h): 11 h of her 11 h budget.
    const repo = exampleRepo({
      'cohorts/2026-late/cohort.yaml': 'id: 2026-late\nname: Late 2026\nstart: 2026-11-02\nend: 2027-01-31\nmembers:\n  - person: andrew\n    role: lead\n  - person: ada\n    role: mentor\n    mentor: andrew\n',
    });
    edit(repo, 'people/ada.yaml', (text) => text.replace(/maxHoursPerWeek: .*/, 'maxHoursPerWeek: 11'));
    edit(repo, 'people/andrew.yaml', (text) => text.replace(/maxHoursPerWeek: [^ ]*/, 'maxHoursPerWeek: 20'));
    const fromStatus: string[] = [];
    for (const cohort of ['2026-fall', '2026-late']) {
      const { code, json } = await mentorInJson(['status', cohort, '--repo', repo, '--format', 'json'], { env });
      expect(code).toBe(0);
      for (const mentor of json.cohorts[0].mentorsWithRoom) fromStatus.push(`${mentor.id} ${cohort} ${mentor.room}`);
    }
    expect(fromStatus.some((row) => row.startsWith('ada '))).toBe(false);
    const index = readText(await buildSite(repo), 'index.html');
    const fromSite = tableRows(index, 'Active mentors and leads who can take more mentees').slice(1).map((cells) => `${cells[0]!.replace(/ ▼ inactive: .*/, '').split(' ').at(-1)} ${cells[2]} ${cells[4]}`);
    expect(fromSite.sort()).toEqual(fromStatus.sort());
  });

  it('counts a member claimed mid-cohort from the week they had a mentor, as report and progress do', async () => {
    // jon asks on Sunday of W45, is claimed by linus on Tuesday of W46 and logs W47: expected in W46 and W47 only.
    const repo = exampleRepo({
      'cohorts/2026-fall/logs/jon/2026-W47.yaml': 'person: jon\nweek: 2026-W47\nhours:\n  practice: 3\n',
    });
    edit(repo, 'cohorts/2026-fall/cohort.yaml', (text) => text.replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    mentor: linus\n    assignedAt: 2026-11-10T10:00:00-08:00\n').replace('requestedAt: 2026-11-22T18:30:00-08:00', 'requestedAt: 2026-11-08T18:30:00-08:00'));
    const page = readText(await buildSite(repo), 'cohorts/2026-fall.html');

    const { json: progress } = await mentorInJson(['progress', '--repo', repo, '--format', 'json'], { env });
    const jonProgress = progress.people.find((person: { id: string }) => person.id === 'jon').cohorts[0];
    expect([jonProgress.weeksLogged, jonProgress.weeksRun]).toEqual([1, 2]);
    // next judges his share over the same weeks, not over the weeks he was waiting.
    const { json: next } = await mentorInJson(['next', '2026-fall', '2027-spring', '--start', '2027-01-04', '--early', '--repo', repo, '--format', 'json'], { env });
    const jonNext = next.proposals.find((proposal: { person: string }) => proposal.person === 'jon');
    expect([jonNext.weeksLogged, jonNext.weeksRun]).toEqual([jonProgress.weeksLogged, jonProgress.weeksRun]);
    expect(jonNext.reason).toBe('logged 1 of 2 weeks since 2026-W46, under 75%');

    const [head, ...members] = tableRows(page, 'Hours each member logged');
    const siteRow = members.find((cells) => cells[0]!.endsWith('jon'))!;
    expect(siteRow[head!.indexOf('Weeks logged')]).toBe(`${jonProgress.weeksLogged} of ${jonProgress.weeksRun}`);
    // A week's head reads W45 to the eye and "week 45 of 2026" to a screen reader; a cell, · and "waiting".
    const weekColumn = (week: string) => head!.indexOf(`${week.slice(5)}week ${Number(week.slice(6))} of ${week.slice(0, 4)}`);
    expect(siteRow[weekColumn('2026-W45')]).toBe('·waiting');
    expect(siteRow[weekColumn('2026-W46')]).toMatch(/no log/);

    const roleRows = (role: string) => new Map(tableRows(page, `Hours of the ${role}, summed, by week`).slice(1).map((cells) => [cells[0]!, cells]));
    for (const week of ['2026-W45', '2026-W46', '2026-W47']) {
      const { code } = await mentorIn(['report', '2026-fall', '--week', week, '--repo', repo], { env });
      expect(code).toBe(0);
      const report = JSON.parse(readText(repo, `reports/2026-fall/${week}.json`));
      const waiting = new Set(report.waiting.map((member: { id: string }) => member.id));
      for (const role of ['mentee', 'mentor']) {
        const planned = report.hours.filter((row: { id: string; role: string }) => row.role === role && !waiting.has(row.id)).reduce((sum: number, row: { plannedTotal: number }) => sum + row.plannedTotal, 0);
        expect(Number(roleRows(`${role}s`).get(week)![1]), `${role}s planned in ${week}`).toBe(planned);
      }
      if (week === '2026-W47') expect(report.weeksLogged.find((row: { id: string }) => row.id === 'jon')).toEqual({ id: 'jon', logged: 1, of: 2 });
    }
    // The mentees' plan grows by jon's 5.5 hours from W46, and linus's by his one-on-one.
    expect(['2026-W45', '2026-W46'].map((week) => roleRows('mentees').get(week)![1])).toEqual(['38.5', '44']);
    expect(['2026-W45', '2026-W46'].map((week) => roleRows('mentors').get(week)![1])).toEqual(['19', '20']);
    const share = progress.program.logShareByCohort[0];
    const tiers = tableRows(readText(await buildSite(repo), 'index.html'), 'Members of each cohort by tier');
    expect(tiers[1]!.at(-1)).toBe(`${Math.round(share.share * 100)}%`);
  });

  it('lists the inactive mentors and the missing logs of last week that status lists, and marks an inactive mentor among those with room', async () => {
    // linus has no log since W45 (no log for 2 weeks); grace opts out; hal and linus missed W47.
    const repo = exampleRepo({});
    edit(repo, 'people/grace.yaml', (text) => text.replace('active: true', 'active: false'));
    const { code, json } = await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env });
    expect(code).toBe(0);
    const last = json.cohorts[0];
    const fromStatus = last.inactiveMentors.map((m: { id: string; role: string; reason: string; weeksWithoutLog: number }) => `${m.id} ${m.role} ${m.reason === 'opted-out' ? 'opted out' : m.weeksWithoutLog}`);
    expect(fromStatus).toEqual(['grace mentor opted out', 'linus mentor 2']);
    const index = readText(await buildSite(repo), 'index.html');
    const inactive = tableRows(index, 'Inactive mentors').slice(1).map((cells) => `${cells[0]!.split(' ').at(-1)} ${cells[1]} ${cells[3]}`);
    expect(inactive).toEqual(fromStatus);
    const missing = tableRows(index, 'Missing logs for last week').slice(1).map((cells) => `${cells[0]!.split(' ').at(-1)} ${cells[3]}`);
    expect(missing).toEqual(last.missingLogs.map((id: string) => `${id} ${last.lastWeek}`));
    expect(missing).toEqual(['hal 2026-W47', 'linus 2026-W47']);
    expect(index).toContain('<strong><span aria-hidden="true">⚠ </span>2</strong>inactive mentors');
    const room = new Map(tableRows(index, 'Active mentors and leads who can take more mentees').slice(1).map((cells) => [cells[0]!.replace(/ ▼ inactive: .*/, '').split(' ').at(-1), cells[0]!]));
    expect(room.get('linus')).toMatch(/inactive: no log for 2 weeks$/);
    expect(room.get('ada')).not.toMatch(/inactive/);
    expect(room.has('grace')).toBe(false);
  });

  it('lists who is away as status does: a paused mentee and a paused mentor, in neither the missing logs nor the inactive mentors', async () => {
    const repo = exampleRepo({});
    edit(repo, 'people/hal.yaml', (text) => `${text}pausedUntil: 2027-01-10\n`);
    edit(repo, 'people/linus.yaml', (text) => `${text}pausedUntil: 2026-12-07\n`);
    const last = (await mentorInJson(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env })).json.cohorts[0];
    expect(last.missingLogs).toEqual([]);
    const index = readText(await buildSite(repo), 'index.html');
    const away = tableRows(index, 'Away').slice(1).map((cells) => `${cells[0]!.split(' ').at(-1)} ${cells[1]} ${cells[3]}`);
    expect(away).toEqual(last.pausedMentors.map((m: { id: string; role: string; until: string }) => `${m.id} ${m.role} ${m.until}`));
    expect(away).toEqual(['linus mentor 2026-12-07', 'hal mentee 2027-01-10']);
    expect(index).toContain('No missing log for last week.');
    // Without anyone away, the page has no such table.
    expect(readText(await buildSite(exampleRepo({})), 'index.html')).not.toContain('<caption>Away');
  });
});
