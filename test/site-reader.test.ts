import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// A plain JavaScript helper, shared with docs/screenshots.js.
import { launchBrowser, openSitePage } from './helpers/browser.js';
import { EXAMPLE, PACKAGE_ROOT, exampleRepo } from './helpers/repo.js';
import { buildSite } from './helpers/site.js';

// The dashboard as an organiser reads it, in a real Chromium: on paper (a cohort's page printed,
// or saved as a PDF, for a meeting: Chromium lays an A4 page out 718 px wide, 210 mm less its
// default margins), and in pictures that must name what they draw.

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

describe('the pictures of cohorts on the index', () => {
  /** Five cohorts: the example, one finished, one rolling since 2025, one without logs, one to come. */
  const fiveCohorts = () => {
    const cohort = (id: string, dates: string, members: string) => `id: ${id}\nname: ${id}\n${dates}members:\n${members}`;
    const lead = (id: string) => `  - person: ${id}\n    role: lead\n`;
    const answered = (id: string, mentor: string) => `  - person: ${id}\n    role: mentee\n    mentor: ${mentor}\n    requestedAt: 2025-02-01T10:00:00Z\n    assignedAt: 2025-02-02T10:00:00Z\n`;
    return exampleRepo({
      'cohorts/2027-winter/cohort.yaml': cohort('2027-winter', 'start: 2027-01-11\nend: 2027-03-28\n', lead('andrew')),
      'cohorts/2026-spring/cohort.yaml': cohort('2026-spring', 'start: 2026-03-02\nend: 2026-05-24\n', lead('andrew') + answered('dan', 'andrew')),
      'cohorts/open/cohort.yaml': cohort('open', 'start: 2025-01-06\n', lead('grace') + answered('hal', 'grace')),
      'cohorts/2026-quiet/cohort.yaml': cohort('2026-quiet', 'start: 2026-10-05\nend: 2026-12-20\n', lead('fay')),
    });
  };

  it('names every cohort it draws under its bar, on a phone and on a wide screen, no label on another', async () => {
    const site = await buildSite(fiveCohorts());
    const oldestFirst = ['open', '2026-spring', '2026-fall', '2026-quiet', '2027-winter'];
    for (const width of [390, 1280]) {
      const { page, context, problems } = await openSitePage(browser, site, 'index.html', { width });
      for (const picture of ['tiers-picture', 'to-mentor-picture']) {
        const labels = await page.locator(`#${picture} svg:visible`).evaluate((svg, cohorts) => {
          const texts = [...svg.querySelectorAll('text')].filter((text) => cohorts.includes(text.textContent!));
          return texts.map((text) => ({ text: text.textContent!, box: text.getBoundingClientRect().toJSON() as DOMRect }));
        }, oldestFirst);
        const drawn = width < 720 ? oldestFirst.slice(-3) : oldestFirst;
        expect(labels.map((label) => label.text), `${picture} at ${width} px`).toEqual(drawn);
        for (const [index, label] of labels.entries()) {
          const next = labels[index + 1];
          if (next) expect(label.box.right, `${label.text} clear of ${next.text} in ${picture} at ${width} px`).toBeLessThanOrEqual(next.box.left + 0.5);
        }
      }
      await page.screenshot({ path: path.join(SHOTS, `five-cohorts-index-${width}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 120_000);
});

describe('the picture of who is waiting, whatever the names', () => {
  it('tells apart two bars of the same name: the same person waiting in two cohorts by the cohort, two people of one name by their ids', async () => {
    const winter = 'id: 2027-winter\nname: Winter 2027\nstart: 2027-01-11\nend: 2027-03-28\nmembers:\n  - person: andrew\n    role: lead\n  - person: cleo\n    role: mentee\n    requestedAt: 2026-11-23T10:00:00Z\n';
    const twin = 'id: jon\nname: Cleo Diaz\ntimezone: America/Los_Angeles\n';
    const site = await buildSite(exampleRepo({ 'cohorts/2027-winter/cohort.yaml': winter, 'people/jon.yaml': twin }));
    for (const [file, lines] of [['index.html', ['2026-fall', '2027-winter', 'jon']], ['cohorts/2026-fall.html', ['cleo', 'jon']]] as const) {
      for (const width of [390, 1280]) {
        const { page, context, problems } = await openSitePage(browser, site, file, { width });
        const labels = await page.locator('#waiting svg:visible').evaluate((svg) =>
          [...svg.querySelectorAll('text')].filter((text) => text.getAttribute('text-anchor') === 'end' && text.textContent!.trim() !== '').map((text) => ({ text: text.textContent!, box: text.getBoundingClientRect().toJSON() as DOMRect })),
        );
        const words = labels.map((label) => label.text);
        for (const line of lines) expect(words, `${file} at ${width} px`).toContain(line);
        for (const [index, label] of labels.entries()) {
          for (const other of labels.slice(index + 1)) {
            const apart = label.box.bottom <= other.box.top + 0.5 || other.box.bottom <= label.box.top + 0.5;
            expect(apart, `"${label.text}" and "${other.text}" in ${file} at ${width} px`).toBe(true);
          }
        }
        expect(problems).toEqual([]);
        await context.close();
      }
    }
  }, 120_000);

  it("keeps the hours' scale the same width on a phone and on a wide screen for wide letters, emoji and CJK names as for short plain ones", async () => {
    const named = (cleo: string, jon: string) =>
      exampleRepo({
        'people/cleo.yaml': `id: cleo\nname: ${JSON.stringify(cleo)}\ntimezone: America/Los_Angeles\n`,
        'people/jon.yaml': `id: jon\nname: ${JSON.stringify(jon)}\ntimezone: America/Los_Angeles\n`,
      });
    const scale = async (site: string, width: number) => {
      const { page, context, problems } = await openSitePage(browser, site, 'index.html', { width });
      const ticks = await page.locator('#waiting svg:visible').evaluate((svg) =>
        Object.fromEntries([...svg.querySelectorAll('text')].filter((text) => ['0', '100'].includes(text.textContent!)).map((text) => [text.textContent!, Math.round(text.getBoundingClientRect().left)])),
      );
      // A name cut to fit is cut between characters, never inside one (half an emoji shows as �).
      expect(await page.evaluate(() => document.body.textContent!.includes('\uFFFD'))).toBe(false);
      expect(problems).toEqual([]);
      await context.close();
      return ticks;
    };
    const plain = await buildSite(named('Cleo Diaz', 'Jon Berg'));
    const hostile = await buildSite(named('WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'.repeat(6) + ' \u5c71\u7530\u592a\u90ce\u3084\u307e\u3060\u305f\u308d\u3046\u3084\u307e\u3060'));
    for (const width of [390, 1280]) expect(await scale(hostile, width), `at ${width} px`).toEqual(await scale(plain, width));
  }, 120_000);
});

describe('the tables on a phone', () => {
  it('keeps each table\'s caption, the sentence that says what it lists, inside the screen, also while the table is scrolled sideways', async () => {
    const site = await buildSite(EXAMPLE);
    for (const file of ['index.html', 'cohorts/2026-fall.html']) {
      const { page, context, problems } = await openSitePage(browser, site, file, { width: 390 });
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('.table-wrap')].flatMap((wrap) => {
          const caption = wrap.querySelector('caption')!;
          const seen = (when: string) => {
            const box = wrap.getBoundingClientRect();
            const lines = [...caption.getClientRects()];
            const words = document.createRange();
            words.selectNodeContents(caption);
            const right = Math.max(...[...words.getClientRects()].map((rect) => rect.right), ...lines.map((rect) => rect.right));
            const left = Math.min(...[...words.getClientRects()].map((rect) => rect.left));
            return left < box.left - 1 || right > box.right + 1 ? [`${when}: "${caption.textContent!.slice(0, 40)}…" spans ${Math.round(left)}..${Math.round(right)} px, its box ${Math.round(box.left)}..${Math.round(box.right)}`] : [];
          };
          const still = seen('unscrolled');
          wrap.scrollLeft = 150;
          return [...still, ...(wrap.scrollLeft > 0 ? seen('scrolled') : [])];
        }),
      );
      expect(outside, file).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 120_000);
});

describe('the tables from the keyboard', () => {
  it('lets a keyboard reach every table that scrolls sideways on a phone, named by its caption (Safari makes no scroll box focusable of itself)', async () => {
    const site = await buildSite(EXAMPLE);
    for (const file of ['index.html', 'cohorts/2026-fall.html']) {
      const { page, context, problems } = await openSitePage(browser, site, file, { width: 390 });
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('.table-wrap')].filter((wrap) => wrap.scrollWidth > wrap.clientWidth).map((wrap) => ({
          focusable: wrap.getAttribute('tabindex') === '0' || wrap.querySelector('a, summary, [tabindex="0"]') !== null,
          role: wrap.getAttribute('role'),
          name: wrap.getAttribute('aria-label') === wrap.querySelector('caption')!.textContent!.replace(/\s+/g, ' ').trim(),
        })),
      );
      expect(boxes.length, file).toBeGreaterThan(0);
      for (const box of boxes) expect(box, file).toEqual({ focusable: true, role: 'region', name: true });
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
      expect(new Set(ids).size, `${file}: ids are unique`).toBe(ids.length);
      // The focused box shows it, as a link does.
      await page.locator('.table-wrap').first().focus();
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 120_000);
});

describe('the tree picture, whatever the names', () => {
  it('keeps every name of a branch inside its picture, on a phone and on a wide screen, for wide letters and CJK names', async () => {
    const person = (id: string, name: string) => `id: ${id}\nname: ${JSON.stringify(name)}\ntimezone: UTC\n`;
    const site = await buildSite(
      exampleRepo({
        'people/dan.yaml': person('dan', 'W'.repeat(60)),
        'people/fay.yaml': person('fay', '\u5c71\u7530\u82b1\u5b50\u3084\u307e\u3060\u306f\u306a\u3053\u5c71\u7530\u82b1\u5b50'),
        'people/grace.yaml': person('grace', '\u5c71\u7530\u592a\u90ce\u3084\u307e\u3060\u305f\u308d\u3046\u5c71\u7530\u592a\u90ce\u3084\u307e\u3060'),
        'people/andrew.yaml': person('andrew', 'M'.repeat(40)),
      }),
    );
    for (const width of [375, 1280]) {
      const { page, context, problems } = await openSitePage(browser, site, 'cohorts/2026-fall.html', { width });
      const cut = await page.locator('#tree svg:visible').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const outer = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')].filter((text) => {
            const box = text.getBoundingClientRect();
            return text.textContent!.trim() !== '' && (box.left < outer.left - 1 || box.right > outer.right + 1);
          }).map((text) => text.textContent);
        }),
      );
      expect(cut, `at ${width} px`).toEqual([]);
      await page.locator('#tree .chart').first().screenshot({ path: path.join(SHOTS, `tree-wide-names-${width}.png`) });
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
