// A real browser for the dashboard's tests and screenshots, from the npm registry alone:
// @sparticuz/chromium ships a headless Chromium inside its package, and playwright-core drives it.
// Nothing is downloaded at run time and nothing is installed by hand. Plain JavaScript, so the
// screenshot script (docs/screenshots.js) runs it with node as well as the tests do.
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Flags for a machine with a closed network: no background requests, no first-run work. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps', '--disable-extensions'];

/**
 * Launches headless Chromium; playwright gives it a fresh, empty profile (user data dir) each
 * time. The packaged Chromium is built for Linux; elsewhere, CHROMIUM_PATH names a local one.
 */
export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH || (process.platform === 'linux' ? await chromium.executablePath() : undefined);
  if (!executablePath) throw new Error('The packaged Chromium runs on Linux only: set CHROMIUM_PATH to a Chromium or Chrome binary.');
  // Two test files that start at once (site-browser, site-reader) may each unpack the packaged
  // Chromium to the same path: starting it while the other still writes it fails with ETXTBSY
  // (seen once in a full run). The other's copy is whole a moment later.
  for (let attempt = 1; ; attempt++) {
    try {
      return await playwright.launch({ executablePath, headless: true, args: FLAGS, timeout: 60_000 });
    } catch (error) {
      if (attempt >= 10 || !/ETXTBSY/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

/**
 * Opens a page of a site folder from file://, in a fresh context. Every request outside the
 * folder is refused and recorded, as is every console error and uncaught page error.
 * @param {import('playwright-core').Browser} browser
 * @param {string} siteDir
 * @param {string} file e.g. 'index.html'
 * @param {{ colorScheme?: 'light' | 'dark', javaScriptEnabled?: boolean, width?: number }} [options]
 */
export async function openSitePage(browser, siteDir, file, options = {}) {
  const root = pathToFileURL(path.resolve(siteDir)).href + '/';
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? false,
    viewport: { width: options.width ?? 1200, height: 900 },
    offline: true,
  });
  const problems = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(root)) problems.push(`request outside the folder: ${request.url()}`);
  });
  await context.route('**/*', (route) => (route.request().url().startsWith(root) ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.goto(root + file, { waitUntil: 'load' });
  return { page, context, problems };
}
