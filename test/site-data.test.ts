import { describe, expect, it } from 'vitest';
import { siteData } from '../src/core/site.js';
import { renderCohortPage } from '../src/render/site/cohort-page.js';
import { renderIndexPage } from '../src/render/site/index-page.js';
import { cohortSchema } from '../src/model/schemas.js';
import { config, data, log, logs, now, people, spring, winter } from './helpers/site-records.js';

// The dashboard's data, computed in-process from records built here (test/helpers/site-records.ts): pure, so no files.

describe('the dashboard data', () => {
  it('lists waiting members of cohorts that have not finished, overdue first, then the longest waiting', () => {
    expect(data.waiting.map((w) => [w.id, w.overdue, w.waitedHours])).toEqual([
      ['sam', true, 96],
      ['kit', false, 24],
    ]);
  });

  it('puts the newest cohort first, and counts only the complete weeks', () => {
    expect(data.cohorts.map((c) => [c.id, c.state])).toEqual([
      ['spring', 'running'],
      ['winter', 'finished'],
    ]);
    expect(data.cohorts[0]!.weeks).toEqual(['2026-W10', '2026-W11']);
    const max = data.cohorts[0]!.members.find((m) => m.id === 'max')!;
    expect(max.logged).toEqual([4, 1]);
    expect(max.weeksLogged).toBe(2);
  });

  it('lists the matches that ended early, with who, when and why', () => {
    expect(data.cohorts[0]!.endedEarly).toEqual([{ member: 'kit', memberName: 'Name of kit', mentor: 'ann', mentorName: 'Name of ann', releasedAt: '2026-03-16T09:00:00Z', releasedOn: '2026-03-16', reason: 'moved away' }]);
    expect(data.cohorts[1]!.endedEarly).toEqual([]);
  });

  it('sums planned and logged hours by role, week by week, of the members who had a mentor then', () => {
    // kit had ann until Monday of W12 (released since): expected in W10 and W11, with no log.
    const mentees = data.cohorts[0]!.roleHours.find((r) => r.role === 'mentee')!;
    expect(mentees.people).toBe(2);
    expect(mentees.logged).toEqual([4, 1]);
    expect(mentees.planned).toEqual([11, 11]);
    const kit = data.cohorts[0]!.members.find((m) => m.id === 'kit')!;
    expect([kit.expected, kit.weeksLogged, kit.weeksExpected]).toEqual([[true, true], 0, 2]);
    const sam = data.cohorts[0]!.members.find((m) => m.id === 'sam')!;
    expect([sam.expected, sam.weeksExpected]).toEqual([[false, false], 0]);
  });

  it('counts a move up a tier and the time from request to a mentor, per cohort in order', () => {
    expect(data.progress.byCohort.map((c) => [c.cohort, c.movesUp, c.medianHoursToMentor])).toEqual([
      ['winter', 0, null],
      ['spring', 1, 24],
    ]);
    expect(data.progress.movesUp).toBe(1);
  });

  it('counts requests still waiting past the promise as misses, with the overdue rule status uses', () => {
    // sam waits 96 h in spring (overdue, as status and the waiting list say); old never got a mentor in winter.
    expect(data.progress.byCohort.map((c) => [c.cohort, c.waitingPastPromise])).toEqual([
      ['winter', 1],
      ['spring', 1],
    ]);
    expect(data.progress.requestToMentor).toMatchObject({ count: 1, withinSla: 1, waitingPastPromise: 2 });
    expect(data.cohorts[0]!.counts.overdue).toBe(1);
    expect(data.waiting.filter((w) => w.overdue).map((w) => w.id)).toEqual(['sam']);
  });

  it('keeps members outside the tree apart: waiting ones, and none lost', () => {
    const spring = data.cohorts[0]!;
    expect(spring.unplaced.map((m) => [m.id, m.reason])).toEqual([
      ['kit', 'waiting'],
      ['sam', 'waiting'],
    ]);
    expect(spring.tree.map((lead) => lead.id)).toEqual(['lee']);
  });
});

describe('a finished cohort on the dashboard', () => {
  const later = siteData({ config, cohorts: [{ cohort: winter, logs: new Map() }, { cohort: spring, logs }], people, now: now + 30 * 24 * 3_600_000, today: '2026-04-17' });

  it('keeps a member never placed waiting only until the cohort ended, whenever the site is built', () => {
    // winter ended on 2026-02-22: old waited from 2025-12-01 to its end, 84 days.
    for (const site of [data, later]) expect(site.cohorts.find((c) => c.id === 'winter')!.waiting.map((w) => [w.id, w.waitedHours, w.overdue])).toEqual([['old', 2016, true]]);
    expect(later.progress.byCohort.find((c) => c.cohort === 'winter')!.waitingPastPromise).toBe(1);
  });

  it('says never placed on its page and in the cohorts table, and counts overdue the same in the cards and the table', () => {
    const index = renderIndexPage(data);
    const cohortsTable = /<section id="cohorts"[\s\S]*?<\/section>/.exec(index)![0];
    const winterRow = cohortsTable.split('\n').find((row) => row.includes('cohorts/winter.html'))!;
    expect(winterRow).toContain('1 never placed');
    expect(winterRow).not.toContain('overdue');
    const overdueInTable = [...cohortsTable.matchAll(/(\d+) overdue/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(index).toContain(`<strong><span aria-hidden="true">⚠ </span>${overdueInTable}</strong>request overdue`);
    const page = renderCohortPage(data, data.cohorts.find((c) => c.id === 'winter')!);
    expect(page).toContain('Never placed</h2>');
    expect(page).toContain('1 never placed: the cohort ended on <time datetime="2026-02-22">2026-02-22</time> while they waited');
    expect(page).not.toMatch(/⚠<\/span> (\d+ )?overdue/);
  });
});

describe('the promise, cohort by cohort', () => {
  it('says how many requests of each cohort were answered within it, of those answered or waiting past it', () => {
    // spring: max answered in 24 h, sam waiting 96 h; winter: old never placed.
    expect(data.progress.byCohort.map((c) => [c.cohort, c.withinSla, c.answered + c.waitingPastPromise])).toEqual([
      ['winter', 0, 1],
      ['spring', 1, 2],
    ]);
    const rows = /<caption>From request to a mentor[\s\S]*?<\/tbody>/.exec(renderIndexPage(data))![0].split('\n').filter((row) => row.startsWith('<tr><th scope="row">'));
    expect(rows.map((row) => /⚠|✓/.exec(row)?.[0] + ' ' + /\d+ of \d+/.exec(row)?.[0])).toEqual(['⚠ 0 of 1', '⚠ 1 of 2']);
  });
});

describe('a rolling cohort (no end) on its page', () => {
  it("shows the last 12 weeks in each role's table and picture, as in the member table, and says how many earlier weeks are left out", () => {
    const rolling = cohortSchema.parse({ id: 'open', name: 'Open', start: '2025-09-01', members: [{ person: 'lee', role: 'lead' }, { person: 'ann', role: 'mentor', mentor: 'lee' }] });
    const site = siteData({ config, cohorts: [{ cohort: rolling, logs: new Map() }], people, now, today: '2026-03-18' });
    const cohort = site.cohorts[0]!;
    expect(cohort.weeks.length).toBe(28); // 2025-W36 to 2026-W11
    const page = renderCohortPage(site, cohort);
    const said = /<p>The last 12 complete weeks[^\n]*<\/p>/.exec(page)![0];
    expect(said.replace(/<[^>]+>/g, '')).toBe('The last 12 complete weeks, 2025-W52 to 2026-W11; the 16 earlier weeks since 2025-W36 are not shown.');
    for (const role of ['leads', 'mentors']) {
      const roleTable = new RegExp(`<caption>Hours of the ${role}, summed, by week</caption>[\\s\\S]*?</tbody>`).exec(page)![0];
      expect(roleTable.match(/<th scope="row">/g)!.length).toBe(12);
      expect(roleTable).not.toContain('2025-W51');
    }
    expect(page.replace(said, '')).not.toContain('2025-W36');
  });
});

describe('a rolling cohort since 1910 on its page', () => {
  it('works out week by week only the 12 weeks it shows, and counts every week in the weeks logged', () => {
    // 1910-01-03 is a Monday; 2026-W11, the last complete week on 2026-03-18, is its 6,063rd week.
    const rolling = cohortSchema.parse({ id: 'old', name: 'Old', start: '1910-01-03', members: [{ person: 'lee', role: 'lead' }, { person: 'ann', role: 'mentor', mentor: 'lee', assignedAt: '2026-02-25T10:00:00Z' }] });
    const leeLogs = new Map([['1950-W03', log('lee', '1950-W03', 2)], ['2026-W10', log('lee', '2026-W10', 3)]]);
    const site = siteData({ config, cohorts: [{ cohort: rolling, logs: new Map([['lee', leeLogs]]) }], people, now, today: '2026-03-18' });
    const cohort = site.cohorts[0]!;
    expect(cohort.weeks.length).toBe(6063);
    expect(cohort.weeks.slice(cohort.shownFrom)).toEqual(cohort.weeks.slice(-12));
    const lee = cohort.members.find((member) => member.id === 'lee')!;
    const ann = cohort.members.find((member) => member.id === 'ann')!;
    // Each member's weeks, and each role's hours, are held for the weeks shown, not the 6,063 since 1910.
    expect([lee.logged.length, lee.expected.length, lee.away.length]).toEqual([12, 12, 12]);
    expect(lee.logged.at(-2)).toBe(3);
    expect(cohort.roleHours.map((row) => row.planned.length)).toEqual([12, 12, 12]);
    expect([lee.weeksLogged, lee.weeksExpected]).toEqual([2, 6063]);
    // ann, placed in 2026-W09, is expected from then: W09, W10, W11.
    expect([ann.weeksExpected, ann.expected.filter(Boolean).length]).toEqual([3, 3]);
  });
});

describe('inactive mentors and missing logs on the dashboard', () => {
  it("says, for running cohorts only, who stopped logging and who missed last week, as status's snapshot does", () => {
    // spring: neither lee nor ann logged W10 or W11, so both missed W11; kit, waiting again now, is not asked for it, as status counts. winter has finished.
    expect(data.inactiveMentors.map((m) => [m.id, m.cohort, m.reason, m.weeksWithoutLog])).toEqual([
      ['lee', 'spring', 'no-recent-logs', 2],
      ['ann', 'spring', 'no-recent-logs', 2],
    ]);
    expect(data.missingLogs.map((m) => [m.id, m.cohort, m.week, m.role])).toEqual([
      ['ann', 'spring', '2026-W11', 'mentor'],
      ['lee', 'spring', '2026-W11', 'lead'],
    ]);
    expect(data.mentorsWithRoom.map((m) => [m.id, m.weeksWithoutLog])).toEqual([
      ['lee', 2],
      ['ann', 2],
    ]);
  });

  it('shows them on the index and marks an inactive mentor among those with room', () => {
    const index = renderIndexPage(data);
    const section = /<section id="inactive"[\s\S]*?<\/section>/.exec(index)![0];
    expect(section).toContain('<caption>Inactive mentors:');
    expect(section).toContain('<th scope="col" class="num">Weeks without a log</th>');
    expect(section).toContain('<caption>Missing logs for last week, <time datetime="2026-W11">2026-W11</time>:');
    const room = /<section id="room"[\s\S]*?<\/section>/.exec(index)![0];
    expect(room.match(/inactive: no log for 2 weeks/g)!.length).toBe(2);
  });

  it('marks nobody when the mentors logged', () => {
    const logged = new Map([...logs, ...['lee', 'ann'].map((id) => [id, new Map([['2026-W11', log(id, '2026-W11', 2)]])] as const)]);
    const site = siteData({ config, cohorts: [{ cohort: spring, logs: logged }], people, now, today: '2026-03-18' });
    expect(site.inactiveMentors).toEqual([]);
    expect(site.missingLogs).toEqual([]);
    expect(site.mentorsWithRoom.every((m) => m.weeksWithoutLog === undefined)).toBe(true);
    expect(renderIndexPage(site)).not.toContain('inactive: no log');
  });
});

describe("each member's weeks, grouped by mentor", () => {
  it('lists the leads, then each mentor’s direct mentees in tree order, then members whose mentor is outside the tree, then who waits, each member once', () => {
    const cohort = cohortSchema.parse({
      id: 'grouped',
      name: 'Grouped',
      start: '2026-03-02',
      members: [
        { person: 'sam', role: 'mentee', mentor: 'ann' },
        { person: 'lee', role: 'lead' },
        { person: 'max', role: 'mentee', mentor: 'ann' },
        { person: 'ann', role: 'mentor', mentor: 'lee' },
        { person: 'kit', role: 'mentee', mentor: 'gone' },
        { person: 'old', role: 'mentee', requestedAt: '2026-03-01T00:00:00Z' },
      ],
    });
    const page = siteData({ config, cohorts: [{ cohort, logs: new Map() }], people, now, today: '2026-03-18' }).cohorts[0]!;
    expect(page.groups).toEqual([
      { kind: 'leads', members: ['lee'] },
      { kind: 'mentees-of', mentor: 'lee', members: ['ann'] },
      { kind: 'mentees-of', mentor: 'ann', members: ['max', 'sam'] },
      { kind: 'mentees-of', mentor: 'gone', members: ['kit'] },
      { kind: 'waiting', members: ['old'] },
    ]);
  });

  it("gives every member's row an anchor and each mentor's group one, under real row-group headers", () => {
    const html = renderCohortPage(data, data.cohorts[0]!);
    const table = /<table class="weeks">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table).toContain('<caption>Hours each member logged');
    const group = /<tbody id="mentees-of-ann">[\s\S]*?<\/tbody>/.exec(table)![0];
    expect(group).toMatch(/<tr class="group"><th scope="rowgroup" colspan="\d+">Mentees of <a href="#ann">/);
    expect([...group.matchAll(/<tr id="([^"]+)">/g)].map((m) => m[1])).toEqual(['max']);
    expect([...table.matchAll(/<tr id="([^"]+)">/g)].map((m) => m[1])).toEqual(['lee', 'ann', 'max', 'kit', 'sam']);
    // The tree's list links each name to its row and a mentor's count to the group.
    expect(html).toContain('<a href="#ann"><bdi>Name of ann</bdi> <span class="id">ann</span></a>');
    expect(html).toContain('(<a href="#mentees-of-ann">1 direct</a>)');
  });

  it("keeps a person id that could be one of the page's own ids from taking it over", () => {
    const cohort = cohortSchema.parse({ id: 'odd', name: 'Odd', start: '2026-03-02', members: [{ person: 'weeks', role: 'lead' }, { person: 'tree-0', role: 'mentor', mentor: 'weeks' }] });
    const site = siteData({ config, cohorts: [{ cohort, logs: new Map() }], people: new Map(), now, today: '2026-03-18' });
    const html = renderCohortPage(site, site.cohorts[0]!);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids).toEqual(expect.arrayContaining(['weeks', 'member_weeks', 'member_tree-0', 'mentees-of-weeks']));
  });
});
