#!/usr/bin/env node
// `npm run screenshots`: builds the bundled example's dashboard and writes the screenshots the
// README shows (docs/dashboard-*.png). Run it after changing the dashboard, and commit the PNGs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openSitePage } from '../test/helpers/browser.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// The same now as the tests' (test/helpers/site.ts): cleo's request is overdue.
const EXAMPLE_NOW = '2026-11-24T09:00:00-08:00';

const site = mkdtempSync(path.join(tmpdir(), 'mentor-site-'));
try {
  execFileSync(process.execPath, [path.join(root, 'bin/mentor.js'), 'site', '--repo', path.join(root, 'examples/web-cohort'), '--out', site], { env: { ...process.env, MENTOR_NOW: EXAMPLE_NOW }, stdio: 'inherit' });
  const browser = await launchBrowser();
  try {
    // The index whole; the cohort page and the dark scheme as the first screenful.
    const shots = [
      ['index.html', 'light', 'dashboard-index.png', true],
      ['cohorts/2026-fall.html', 'light', 'dashboard-cohort.png', false],
      ['cohorts/2026-fall.html', 'dark', 'dashboard-cohort-dark.png', false],
    ];
    for (const [file, colorScheme, png, fullPage] of shots) {
      const { page, context, problems } = await openSitePage(browser, site, file, { colorScheme, width: 1100 });
      if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
      await page.screenshot({ path: path.join(here, png), fullPage });
      await context.close();
      console.log(`wrote docs/${png}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(site, { recursive: true, force: true });
}
