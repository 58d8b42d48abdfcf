import { describe, expect, it } from 'vitest';
import { renderCohortPage } from '../src/render/site/cohort-page.js';
import { data } from './helpers/site-records.js';

// What the dashboard says in words, in-process on the records of test/helpers/site-records.ts:
// to a screen reader, and in the counts, dates and figures a reader sees.

/** What a screen reader reads of some HTML: no aria-hidden marks, no tags. */
const spoken = (html: string): string =>
  html
    .replace(/<span aria-hidden="true">[^<]*<\/span>/g, '')
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
