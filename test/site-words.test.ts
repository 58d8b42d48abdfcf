import { describe, expect, it } from 'vitest';
import { siteData } from '../src/core/site.js';
import { cohortSchema, configSchema } from '../src/model/schemas.js';
import { renderCohortPage } from '../src/render/site/cohort-page.js';
import { renderIndexPage } from '../src/render/site/index-page.js';
import { config, data, logs, now, people, spring } from './helpers/site-records.js';

// What the dashboard says in words, in-process on the records of test/helpers/site-records.ts:
// to a screen reader, and in the counts, dates and figures a reader sees.

/** What a screen reader reads of some HTML: no aria-hidden marks, no tags, a pause between cells. */
const spoken = (html: string): string =>
  html
    .replace(/<span aria-hidden="true">[^<]*<\/span>/g, '')
    .replace(/<\/t[hd]>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('the week grid read aloud', () => {
  const page = renderCohortPage(data, data.cohorts[0]!);
  const table = /<table class="weeks">[\s\S]*?<\/table>/.exec(page)![0];
  const cells = (id: string) => [.../<tr id="([^"]+)">([\s\S]*?)<\/tr>/g[Symbol.matchAll](table)].find((m) => m[1] === id)![2]!.split('</td>').slice(3, -1).map(spoken);

  it('says a week under half the plan in words, a week without a log, and a week waiting for a mentor', () => {
    // max logged 4 h then 1 h of 5.5 h planned; sam waits; kit had a mentor and wrote nothing.
    expect(cells('max')).toEqual(['4', '1, under half the plan']);
    expect(cells('sam')).toEqual(['waiting', 'waiting']);
    expect(cells('kit')).toEqual(['no log', 'no log']);
  });

  it('names each week column with its year, not W10 alone', () => {
    const head = /<thead>[\s\S]*?<\/thead>/.exec(table)![0];
    const weeks = head.split('</th>').slice(4, -1);
    expect(weeks.map(spoken)).toEqual(['week 10 of 2026', 'week 11 of 2026']);
    expect(weeks.map((cell) => /title="([^"]+)"/.exec(cell)?.[1])).toEqual(['2026-W10', '2026-W11']);
    expect(spoken(head)).not.toMatch(/\bW1[01]\b/);
  });
});

/** The texts of one picture (an SVG with this aria-label) that are plain numbers: its value axis. */
const axisNumbers = (html: string, title: string): number[] => {
  const svg = new RegExp(`<svg role="img" aria-label="${title}"[\\s\\S]*?</svg>`).exec(html)![0];
  return [...svg.matchAll(/<text[^>]*>([\d.]+)<\/text>/g)].map((m) => Number(m[1]));
};

describe('the polish of the dashboard', () => {
  const index = renderIndexPage(data);
  const springPage = renderCohortPage(data, data.cohorts[0]!);

  it('says one lead, one mentee helped and one move up a tier in the singular', () => {
    expect(springPage).toContain('aria-label="Hours of the 1 lead: planned against logged');
    expect(springPage).toContain('aria-label="Hours of the 1 mentor: planned against logged');
    expect(index).toContain('<strong>1</strong>mentee helped</li>');
    expect(index).toContain('<p>1 mentee helped (they logged at least one week) and 1 move up a tier across 2 cycles.</p>');
    expect(`${index}${springPage}`).not.toMatch(/\b1 (leads|mentors|mentees|moves)\b/);
  });

  it('ends a value axis on a round tick, and counts members in whole numbers', () => {
    // sam has waited 96 h: the axis goes on to 100, not to a last tick of 96 crowding 80.
    expect(axisNumbers(index, 'Hours waiting for a mentor against the 48-hour promise')).toEqual([0, 20, 40, 60, 80, 100]);
    const lone = cohortSchema.parse({ id: 'lone', name: 'Lone', start: '2026-03-02', members: [{ person: 'lee', role: 'lead' }] });
    const site = siteData({ config, cohorts: [{ cohort: lone, logs: new Map() }], people, now, today: '2026-03-18' });
    const members = axisNumbers(renderIndexPage(site), 'Members of each cohort, by tier');
    expect(members).toContain(1);
    expect(members.every(Number.isInteger)).toBe(true);
  });

  it('shows — for the logs written by a cohort where none was expected yet, not 0%', () => {
    const upcoming = cohortSchema.parse({ id: 'summer', name: 'Summer', start: '2026-06-01', end: '2026-08-30', members: [{ person: 'lee', role: 'lead' }, { person: 'max', role: 'mentee', mentor: 'lee' }] });
    const site = siteData({ config, cohorts: [{ cohort: spring, logs }, { cohort: upcoming, logs: new Map() }], people, now, today: '2026-03-18' });
    expect(site.progress.byCohort.map((row) => [row.cohort, row.logShare])).toEqual([['spring', 0.25], ['summer', null]]);
    const row = renderIndexPage(site).split('\n').find((line) => line.includes('href="cohorts/summer.html"') && line.includes('upcoming</td>'))!;
    expect(row).toMatch(/<td class="num">—<\/td><\/tr>$/);
  });

  it("says when the site was built in words, in the program's time zone, and dates a match that ended early there, with names", () => {
    // 03:00 UTC on Wednesday 18 March is 20:00 on Tuesday 17 March in Los Angeles.
    const zoned = configSchema.parse({ timezone: 'America/Los_Angeles', requestSlaHours: 48 });
    const released = cohortSchema.parse({ ...spring, members: spring.members.map((m) => (m.person === 'kit' ? { ...m, history: [{ mentor: 'ann', releasedAt: '2026-03-16T03:00:00Z', reason: 'moved away' }] } : m)) });
    const site = siteData({ config: zoned, cohorts: [{ cohort: released, logs }], people, now: Date.parse('2026-03-18T03:00:00Z'), today: '2026-03-17' });
    expect(renderIndexPage(site)).toContain('The program as of <time datetime="2026-03-17T20:00:00-07:00">Tuesday 17 March 2026, 20:00</time> (America/Los_Angeles).');
    const page = renderCohortPage(site, site.cohorts[0]!);
    expect(page).toContain('as of <time datetime="2026-03-17T20:00:00-07:00">Tuesday 17 March 2026, 20:00</time> (America/Los_Angeles).');
    const ended = /<section id="ended"[\s\S]*?<\/section>/.exec(page)![0];
    expect(spoken(ended.slice(ended.indexOf('<tbody>')))).toBe('Name of kit kit Name of ann ann 2026-03-15 moved away');
  });

  it('counts people, not rows, among the mentors with room, when one has room in two cohorts', () => {
    const leads = Array.from({ length: 11 }, (_, i) => `l${String(i).padStart(2, '0')}`);
    const both = (id: string) => cohortSchema.parse({ id, name: id, start: '2026-03-02', end: '2026-05-31', members: leads.map((person) => ({ person, role: 'lead' })) });
    const site = siteData({ config, cohorts: [{ cohort: both('a'), logs: new Map() }, { cohort: both('b'), logs: new Map() }], people: new Map(), now, today: '2026-03-18' });
    expect(site.mentorsWithRoom.length).toBe(22);
    const index = renderIndexPage(site);
    expect(index).toContain('<strong>11</strong>mentors with room</li>');
    expect(index).toContain('<caption>11 mentors with room, by cohort and tier');
  });

  it('links each cohort page to the cohorts that started before and after it', () => {
    expect(springPage).toContain('<nav><a href="../index.html">Program</a> · <a rel="prev" href="../cohorts/winter.html"><span aria-hidden="true">← </span>Previous cohort: <bdi>Winter</bdi></a></nav>');
    expect(renderCohortPage(data, data.cohorts[1]!)).toContain(' · <a rel="next" href="../cohorts/spring.html">Next cohort: <bdi>Spring</bdi><span aria-hidden="true"> →</span></a></nav>');
  });
});

describe("a finished cohort's member who never had a mentor", () => {
  it('is "never placed" in the tree as in the section below it, not still waiting for a mentor', () => {
    const winter = data.cohorts.find((cohort) => cohort.id === 'winter')!;
    const page = renderCohortPage(data, winter);
    const tree = page.slice(page.indexOf('<section id="tree"'), page.indexOf('<section id="waiting"'));
    expect(spoken(tree)).toContain('Name of old old mentee never placed');
    expect(tree).not.toContain('waiting for a mentor');
    // In a cohort still running, the same member is waiting.
    const running = renderCohortPage(data, data.cohorts.find((cohort) => cohort.id === 'spring')!);
    expect(spoken(running.slice(running.indexOf('<section id="tree"'), running.indexOf('<section id="waiting"')))).toContain('Name of sam sam mentee waiting for a mentor');
  });
});
