import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// A plain JavaScript helper, shared with docs/screenshots.js.
import { launchBrowser, openSitePage } from './helpers/browser.js';
import { EXAMPLE, PACKAGE_ROOT, exampleRepo, makeTree } from './helpers/repo.js';
import { buildSite, HOSTILE, hostileRepo } from './helpers/site.js';

// The dashboard in a real headless Chromium (from the npm registry: @sparticuz/chromium), loaded
// from file:// as someone who downloaded the site would. One browser for the whole file.

const SHOTS = path.join(PACKAGE_ROOT, 'test-output/site');
const EXAMPLE_MEMBERS = ['Andrew Lee', 'Ada Lovelace', 'Grace Hopper', 'Linus Svensson', 'Bob Martin', 'Cleo Diaz', 'Dan Okafor', 'Eve Moreau', 'Fay Chen', 'Gus Ortega', 'Hal Kim', 'Ivy Novak', 'Jon Berg'];

let browser: Browser;
let example: string;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  example = await buildSite(EXAMPLE);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

type Opened = { page: import('playwright-core').Page; context: import('playwright-core').BrowserContext; problems: string[] };
const open = (site: string, file: string, options: Record<string, unknown> = {}): Promise<Opened> => openSitePage(browser, site, file, options);

/**
 * Each picture the reader sees (run in the page): which drawing it is, whether its box scrolls,
 * whether it sits inside its box, and any text of it cut by its edges.
 */
function pictureFit() {
  return [...document.querySelectorAll('.chart svg')]
    .filter((svg) => svg.getBoundingClientRect().width > 0)
    .map((svg) => {
      const box = svg.closest('.chart')!;
      const outer = svg.getBoundingClientRect();
      const room = box.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].filter((text) => text.textContent!.trim() !== '');
      const cut = texts.filter((text) => {
        const r = text.getBoundingClientRect();
        return r.left < outer.left - 1 || r.right > outer.right + 1 || r.top < outer.top - 1 || r.bottom > outer.bottom + 1;
      });
      return {
        label: svg.getAttribute('aria-label')!,
        drawn: svg.getAttribute('class'),
        scrolls: box.scrollWidth > box.clientWidth,
        inside: outer.left >= room.left && outer.right <= room.right,
        cut: cut.map((text) => text.textContent),
        words: texts.map((text) => text.textContent).join(' '),
      };
    });
}

describe('the dashboard in a browser', () => {
  it('shows the overdue member first on the index, without JavaScript, asking for nothing outside the folder', async () => {
    const { page, context, problems } = await open(example, 'index.html');
    const firstRow = page.locator('#waiting tbody tr').first();
    expect(await firstRow.innerText()).toMatch(/Cleo Diaz[\s\S]*overdue/);
    expect(await page.locator('#waiting svg[role="img"]:visible').count()).toBe(1);
    expect(await page.locator('#cohorts a[href="cohorts/2026-fall.html"]').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'example-index.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows every member of the example's cohort in the tree, picture and list, and each member's weeks", async () => {
    const { page, context, problems } = await open(example, 'cohorts/2026-fall.html');
    const picture = (await page.locator('#tree svg:visible').allTextContents()).join('\n');
    const tree = await page.locator('#tree').textContent();
    for (const name of EXAMPLE_MEMBERS) expect(tree).toContain(name);
    for (const name of EXAMPLE_MEMBERS.filter((n) => n !== 'Cleo Diaz' && n !== 'Jon Berg')) expect(picture).toContain(name);
    expect(await page.locator('#weeks tbody tr[id]').count()).toBe(13);
    expect(await page.locator('#hours svg[role="img"]:visible').count()).toBe(3);
    await page.screenshot({ path: path.join(SHOTS, 'example-cohort.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens a member's row from cohorts/<cohort>.html#<person>, and a mentor finds their mentees' weeks under their name", async () => {
    const { page, context, problems } = await open(example, 'cohorts/2026-fall.html#hal', { width: 1280 });
    const row = page.locator('#weeks tr:target');
    expect(await row.locator('th[scope="row"]').innerText()).toMatch(/Hal Kim\s+hal/);
    const box = await row.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    // From the tree's list, grace's "3 direct" leads to the group of her mentees.
    await page.locator('#tree a[href="#mentees-of-grace"]').click();
    expect(page.url()).toMatch(/#mentees-of-grace$/);
    const group = page.locator('#mentees-of-grace');
    expect(await group.locator('th[scope="rowgroup"]').innerText()).toMatch(/^Mentees of Grace Hopper grace \(3\)$/);
    expect(await group.locator('tr[id]').evaluateAll((rows) => rows.map((r) => r.id))).toEqual(['fay', 'gus', 'hal']);
    await page.screenshot({ path: path.join(SHOTS, 'example-cohort-mentees.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('follows the reader into the dark scheme, pictures included', async () => {
    const { page, context, problems } = await open(example, 'cohorts/2026-fall.html', { colorScheme: 'dark' });
    const colours = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      label: getComputedStyle(document.querySelector('#tree svg text')!).fill,
    }));
    expect(colours.body).toBe('rgb(13, 17, 23)');
    expect(colours.label).toBe('rgb(230, 237, 243)');
    await page.screenshot({ path: path.join(SHOTS, 'example-cohort-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs nothing from hostile names, with JavaScript on, and shows them as text', async () => {
    const site = await buildSite(hostileRepo());
    for (const file of ['index.html', 'cohorts/2026-fall.html']) {
      const { page, context, problems } = await open(site, file, { javaScriptEnabled: true });
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.reload();
      expect(await page.locator('img, script, iframe').count()).toBe(0);
      expect(await page.locator('main').textContent()).toContain(HOSTILE.script);
      expect(await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.protocol).filter((p) => p !== 'file:'))).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('reflows on a 390-pixel phone and at 200% zoom: only tables scroll, each in its own box, pictures are drawn narrow and fit whole, even with a 200-character name', async () => {
    const long = `${'D'.repeat(190)} long`;
    const site = await buildSite(exampleRepo({ 'people/dan.yaml': `id: dan\nname: ${long}\ntimezone: Europe/Berlin\nskills: [css]\n` }));
    for (const source of [example, site]) {
      for (const width of [390, 640, 1280]) {
        for (const file of ['index.html', 'cohorts/2026-fall.html']) {
          const { page, context, problems } = await open(source, file, { width });
          const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
          expect(widths, `${file} at ${width} px`).toEqual({ page: widths.view, body: widths.view, view: width });
          const pictures = await page.evaluate(pictureFit);
          expect(pictures.length, `${file} at ${width} px`).toBe(file === 'index.html' ? 3 : 5);
          for (const picture of pictures) {
            expect(picture, `${file} at ${width} px`).toMatchObject({ drawn: width < 720 ? 'narrow' : 'wide', scrolls: false, inside: true, cut: [] });
          }
          if (width < 720 && source === example) {
            const words = pictures.map((picture) => picture.words).join('\n');
            // The latest week, the promise and the overdue request are in view.
            if (file !== 'index.html') expect(pictures.filter((picture) => picture.label.startsWith('Hours of the')).every((picture) => picture.words.includes('W47'))).toBe(true);
            expect(words).toContain('OVERDUE');
            expect(words).toContain('promise: 48 h');
            // A date or a week is on one line, never 2026- / W37.
            const lines = await page.locator('main time').evaluateAll((times) => times.map((time) => time.getClientRects().length));
            expect(lines.length).toBeGreaterThan(0);
            expect(lines.every((count) => count === 1)).toBe(true);
          }
          if (source === site && file !== 'index.html') {
            const member = await page.locator('#weeks tbody th', { hasText: 'DDDD' }).evaluate((cell) => cell.getBoundingClientRect().width);
            expect(member, 'the member column stays narrow').toBeLessThan(360);
          }
          if (source === site || width === 390) {
            await page.screenshot({ path: path.join(SHOTS, `${source === site ? 'long-name' : 'example'}-${file.replace(/\W/g, '-')}-${width}.png`), fullPage: true });
          }
          expect(problems).toEqual([]);
          await context.close();
        }
      }
    }
  }, 120_000);

  it('shows the Weeks logged column of the member table without scrolling sideways on a 1280-pixel screen, with 12 weeks and a long name', async () => {
    const long = `${'D'.repeat(190)} long`;
    const spring = 'id: 2026-spring\nname: Spring 2026\nstart: 2026-03-02\nend: 2026-05-24\nmembers:\n  - person: andrew\n    role: lead\n  - person: dan\n    role: mentee\n    mentor: andrew\n';
    const site = await buildSite(exampleRepo({ 'people/dan.yaml': `id: dan\nname: ${long}\ntimezone: Europe/Berlin\nskills: [css]\n`, 'cohorts/2026-spring/cohort.yaml': spring }));
    for (const [source, file] of [[example, 'cohorts/2026-fall.html'], [site, 'cohorts/2026-fall.html'], [site, 'cohorts/2026-spring.html']] as const) {
      const { page, context, problems } = await open(source, file, { width: 1280 });
      const seen = await page.evaluate(() => {
        const wrap = document.querySelector('#weeks .table-wrap')!;
        const head = [...wrap.querySelectorAll('thead th')].find((th) => th.textContent === 'Weeks logged')!;
        const last = [...wrap.querySelectorAll('thead th')].at(-1)!;
        return { right: head.getBoundingClientRect().right, lastWeek: last.getBoundingClientRect().right, visible: wrap.getBoundingClientRect().left + wrap.clientWidth, weeks: wrap.querySelectorAll('thead th').length - 4 };
      });
      expect(seen.right, `${file}: Weeks logged ends within the visible table`).toBeLessThanOrEqual(seen.visible);
      // The example's 11 weeks fit whole, the latest included.
      if (source === example) expect(seen.lastWeek).toBeLessThanOrEqual(seen.visible);
      if (file.includes('spring')) expect(seen.weeks).toBe(12);
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it("draws a finished cohort's member never placed with the whole label inside the picture", async () => {
    const spring = 'id: 2026-spring\nname: Spring 2026\nstart: 2026-03-02\nend: 2026-05-24\nmembers:\n  - person: andrew\n    role: lead\n  - person: bob\n    role: mentee\n    requestedAt: 2026-05-01T10:00:00-07:00\n';
    const site = await buildSite(exampleRepo({ 'cohorts/2026-spring/cohort.yaml': spring }));
    const { page, context, problems } = await open(site, 'cohorts/2026-spring.html');
    expect(await page.locator('#waiting-h').textContent()).toBe('Never placed');
    const { label, picture } = await page.evaluate(() => {
      const svg = document.querySelector('#waiting svg')!;
      const text = [...svg.querySelectorAll('text')].find((node) => node.textContent!.includes('PAST THE PROMISE'))!;
      return { label: text.getBoundingClientRect().right, picture: svg.getBoundingClientRect().right };
    });
    expect(label).toBeLessThanOrEqual(picture);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps an 800-member cohort readable: one picture per lead, each member named in the tree', async () => {
    const repo = makeTree({});
    execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'bench/generate.js'), repo, '--cohorts', '1', '--members', '800', '--weeks', '2'], { stdio: 'ignore' });
    const site = await buildSite(repo, '2024-01-20T12:00:00Z');
    const { page, context, problems } = await open(site, 'cohorts/cohort-00.html');
    expect(await page.locator('#tree svg[role="img"]:visible').count()).toBe(8);
    const heights = await page.locator('#tree svg:visible').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().height));
    for (const height of heights) expect(height).toBeLessThan(400);
    const names = (await page.locator('#tree ul.tree bdi').allTextContents()).filter((name) => name.startsWith('Person'));
    expect(new Set(names).size).toBe(800);
    await page.screenshot({ path: path.join(SHOTS, 'generated-800.png') });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
