import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// A plain JavaScript helper, shared with docs/screenshots.js.
import { launchBrowser, openSitePage } from './helpers/browser.js';
import { EXAMPLE, PACKAGE_ROOT, exampleRepo } from './helpers/repo.js';
import { buildSite } from './helpers/site.js';

// The dashboard on paper: an organiser prints a cohort's page (or saves it as a PDF) for a
// meeting. Chromium lays a printed A4 page out 718 px wide (210 mm less its default margins).

const SHOTS = path.join(PACKAGE_ROOT, 'test-output/site');
const A4 = 718;

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('the dashboard printed', () => {
  it('puts every column of every table on an A4 page, the latest weeks included, in dark ink even when the reader uses the dark scheme', async () => {
    const long = `${'D'.repeat(190)} long`;
    const spring = 'id: 2026-spring\nname: Spring 2026\nstart: 2026-03-02\nend: 2026-05-24\nmembers:\n  - person: andrew\n    role: lead\n  - person: dan\n    role: mentee\n    mentor: andrew\n';
    const site = await buildSite(exampleRepo({ 'people/dan.yaml': `id: dan\nname: ${long}\ntimezone: Europe/Berlin\nskills: [css]\n`, 'cohorts/2026-spring/cohort.yaml': spring }));
    const example = await buildSite(EXAMPLE);
    for (const [source, file] of [[example, 'index.html'], [example, 'cohorts/2026-fall.html'], [site, 'index.html'], [site, 'cohorts/2026-spring.html']] as const) {
      const { page, context, problems } = await openSitePage(browser, source, file, { width: A4, colorScheme: 'dark' });
      await page.emulateMedia({ media: 'print' });
      const seen = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        cut: [...document.querySelectorAll('.table-wrap, .chart')].filter((box) => box.scrollWidth > box.clientWidth + 1).map((box) => `${box.className} of #${box.closest('section')?.id}: ${box.scrollWidth} px in ${box.clientWidth}`),
        lastColumn: Math.max(...[...document.querySelectorAll('thead th:last-child')].map((th) => th.getBoundingClientRect().right)),
        ink: getComputedStyle(document.body).color,
      }));
      expect(seen, file).toEqual({ page: A4, cut: [], lastColumn: expect.any(Number), ink: 'rgb(27, 31, 36)' });
      expect(seen.lastColumn, file).toBeLessThanOrEqual(A4);
      if (file === 'cohorts/2026-spring.html') await page.screenshot({ path: path.join(SHOTS, 'printed-cohort.png'), fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
