import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { EXAMPLE, exampleGitRepo, exampleRepo, expectNoCrash, git, makeTree, mentor } from './helpers/repo.js';
import { buildSite, buildSiteWithCli, EXAMPLE_NOW, HOSTILE, hostileRepo, siteFiles } from './helpers/site.js';

const MEMBERS = ['andrew', 'ada', 'grace', 'linus', 'bob', 'cleo', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon'];

describe('mentor site', () => {
  it('writes index.html and one page per cohort, and says where', () => {
    const out = makeTree({});
    const result = mentor(['site', '--repo', EXAMPLE, '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('index.html and 1 cohort page');
    expect([...siteFiles(out).keys()]).toEqual(['cohorts/2026-fall.html', 'index.html']);
  });

  it('writes to _site in the repo by default', async () => {
    const repo = exampleRepo();
    expect((await mentorIn(['site', '--repo', repo], { env: { MENTOR_NOW: EXAMPLE_NOW } })).code).toBe(0);
    expect(existsSync(path.join(repo, '_site/index.html'))).toBe(true);
    expect(existsSync(path.join(repo, '_site/cohorts/2026-fall.html'))).toBe(true);
  });

  it('gives the same bytes for the same records and MENTOR_NOW, and different ones for another now', async () => {
    // One build by a real run in its own process, the others in-process: the bytes are the same.
    const first = siteFiles(buildSiteWithCli(EXAMPLE));
    const second = siteFiles(await buildSite(EXAMPLE));
    expect(second).toEqual(first);
    const later = siteFiles(await buildSite(EXAMPLE, '2026-11-25T09:00:00-08:00'));
    expect(later.get('index.html')).not.toEqual(first.get('index.html'));
  });

  it('shows the overdue request first on the index, and every member on the cohort page', async () => {
    const files = siteFiles(await buildSite(EXAMPLE));
    const index = files.get('index.html')!;
    const waiting = index.slice(index.indexOf('id="waiting"'));
    expect(waiting.indexOf('Cleo Diaz')).toBeGreaterThan(0);
    expect(waiting.indexOf('Cleo Diaz')).toBeLessThan(waiting.indexOf('Jon Berg'));
    expect(waiting).toMatch(/Cleo Diaz.*?overdue/s);
    const cohort = files.get('cohorts/2026-fall.html')!;
    const tree = cohort.slice(cohort.indexOf('id="tree"'), cohort.indexOf('id="waiting"'));
    for (const id of MEMBERS) expect(tree).toContain(`<span class="id">${id}</span>`);
  });

  it('says of a request dated in the future that its date needs correcting, not that it is within the promise', async () => {
    const repo = exampleRepo();
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace('requestedAt: 2026-11-22T18:30:00-08:00', 'requestedAt: 2027-11-22T18:30:00-08:00'));
    const index = siteFiles(await buildSite(repo)).get('index.html')!;
    const row = index.match(/<tr>(?:(?!<\/tr>).)*Jon Berg(?:(?!<\/tr>).)*<\/tr>/s)?.[0];
    expect(row).toContain('asked at a time still to come: correct requestedAt');
    const before = siteFiles(await buildSite(EXAMPLE)).get('index.html')!;
    expect(before).not.toContain('still to come');
  });

  it('makes pages that ask for nothing outside themselves and run no script', async () => {
    for (const [file, page] of siteFiles(await buildSite(EXAMPLE))) {
      // An empty icon of its own, or a browser fetches /favicon.ico from the host's root.
      expect(page.match(/<link[^>]*>/g), file).toEqual(['<link rel="icon" href="data:,">']);
      const html = page.replace('<link rel="icon" href="data:,">', '');
      expect(html, file).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
      expect(html, file).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
      expect(html, file).toContain(`content="default-src 'none'`);
    }
  });

  it('gives every picture a caption and a table', async () => {
    for (const [file, html] of siteFiles(await buildSite(EXAMPLE))) {
      const figures = html.split('<figure').slice(1);
      expect(figures.length, file).toBeGreaterThan(0);
      for (const figure of figures) {
        expect(figure).toMatch(/<svg role="img" aria-label="[^"]+"/);
        expect(figure).toMatch(/<figcaption>[^<]{20,}/);
        expect(figure).toMatch(/<table|<ul class="tree"/);
      }
    }
  });

  it('paints every colour of a picture from the style sheet, so the dark scheme reaches the pictures', async () => {
    for (const html of siteFiles(await buildSite(EXAMPLE)).values()) {
      for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g)!) {
        // Clip paths are never painted, and a straight line has no area to fill.
        const painted = svg.replace(/<clipPath[\s\S]*?<\/clipPath>/g, '').replace(/<path d="M[^A-Za-z"]+L[^A-Za-z"]+"[^>]*?fill="#000"/g, '');
        const colours = [...painted.matchAll(/(?:fill|stroke)="(#[0-9a-f]{3,8}|rgba?\([^)]*\))"/gi)].map((m) => m[1]!.toLowerCase());
        expect(colours.filter((colour) => !/^#0a0a0[0-9a-f]$/.test(colour))).toEqual([]);
      }
    }
  });

  it('escapes hostile names, cohort names and wanted skills everywhere they appear', async () => {
    const files = siteFiles(await buildSite(hostileRepo()));
    for (const [file, html] of files) {
      expect(html, file).not.toContain('<script>');
      expect(html, file).not.toContain('<img');
      expect(html, file).not.toMatch(/href="\s*javascript:/i);
      expect(html, file).not.toContain('\u202E');
    }
    const index = files.get('index.html')!;
    expect(index).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(index).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(index).toContain(HOSTILE.link);
    // In tables a name keeps its characters, isolated; in pictures invisible ones are dropped.
    const cohort = files.get('cohorts/2026-fall.html')!;
    expect(cohort).toContain(`<bdi>${HOSTILE.zeroWidth}</bdi>`);
    expect(cohort).toContain('<bdi>evil Cleo</bdi> <span class="id">bob</span>');
    expect(cohort).toMatch(/<text[^>]*>Ada<\/text>/);
  });

  it('names by id a person whose name has no visible character (a file with errors: validate refuses such a name), where the name would stand alone: a bar of the pictures, a link', async () => {
    const person = (id: string, name: string) => `id: ${id}\nname: ${JSON.stringify(name)}\ntimezone: America/Los_Angeles\n`;
    const repo = exampleRepo({ 'people/cleo.yaml': person('cleo', '\u200b\u2060'), 'people/jon.yaml': person('jon', '\u202e\u202c'), 'people/ada.yaml': person('ada', ' \ufeff ') });
    const files = siteFiles(await buildSite(repo));
    const index = files.get('index.html')!;
    const waiting = index.slice(index.indexOf('id="waiting-picture"'), index.indexOf('</figure>', index.indexOf('id="waiting-picture"')));
    for (const svg of waiting.match(/<svg[\s\S]*?<\/svg>/g)!) expect(svg).toMatch(/<text[^>]*>cleo<\/text>[\s\S]*<text[^>]*>jon<\/text>/);
    const page = files.get('cohorts/2026-fall.html')!;
    expect(page.slice(page.indexOf('id="tree"'), page.indexOf('id="waiting"'))).toMatch(/<text[^>]*>ada<\/text>/);
  });

  // Was: such a cohort was drawn by its id. Its name is now an error (validate says so), and a
  // cohort.yaml with errors is left out and named, like any other.
  it('leaves out a cohort whose name has no visible character, and says why with the file, line and column', async () => {
    const repo = exampleRepo();
    const cohortFile = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohortFile, readFileSync(cohortFile, 'utf8').replace('name: Fall 2026 web cohort', 'name: "\u200b"'));
    const out = makeTree({});
    const result = await mentorIn(['site', '--repo', repo, '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('cohorts/2026-fall/cohort.yaml:4:7 has errors, so the dashboard leaves it out: "name" shows nothing: it holds only invisible characters (U+200B).');
    expect(existsSync(path.join(out, 'cohorts/2026-fall.html'))).toBe(false);
  });

  it("marks the index's link to itself as the current page, and no link of a cohort page", async () => {
    const files = siteFiles(await buildSite(EXAMPLE));
    expect(files.get('index.html')).toContain('<nav><a href="index.html" aria-current="page">Program</a>');
    expect(files.get('cohorts/2026-fall.html')).toContain('<nav><a href="../index.html">Program</a>');
    expect(files.get('cohorts/2026-fall.html')).not.toContain('aria-current');
  });

  it('removes the page of a cohort that no longer exists, and leaves other files alone', async () => {
    const out = await buildSite(EXAMPLE);
    mkdirSync(path.join(out, 'cohorts'), { recursive: true });
    // The page mentor wrote for a cohort since removed (the page of another, renamed).
    writeFileSync(path.join(out, 'cohorts/gone.html'), readFileSync(path.join(out, 'cohorts/2026-fall.html'), 'utf8'));
    writeFileSync(path.join(out, 'CNAME'), 'mentors.example.org');
    expect((await mentorIn(['site', '--repo', EXAMPLE, '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } })).code).toBe(0);
    expect(existsSync(path.join(out, 'cohorts/gone.html'))).toBe(false);
    expect(existsSync(path.join(out, 'CNAME'))).toBe(true);
  });

  it('never overwrites nor removes a page it did not write: a folder of the user\'s own is refused, nothing written', async () => {
    // Before: `site --out ~/www` replaced the user's own index.html and removed their cohorts/*.html.
    const out = makeTree({ 'index.html': '<p>my own home page</p>\n', 'cohorts/notes.html': '<p>my notes</p>\n' });
    const result = await mentorIn(['site', '--repo', EXAMPLE, '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('index.html is not a page that `mentor site` wrote');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>my own home page</p>\n');
    expect(existsSync(path.join(out, 'cohorts/2026-fall.html'))).toBe(false);
    // Pages of its own are swept, a page of the user's among them is left alone.
    const own = makeTree({ 'cohorts/notes.html': '<p>my notes</p>\n' });
    expect((await mentorIn(['site', '--repo', EXAMPLE, '--out', own], { env: { MENTOR_NOW: EXAMPLE_NOW } })).code).toBe(0);
    expect(readFileSync(path.join(own, 'cohorts/notes.html'), 'utf8')).toBe('<p>my notes</p>\n');
    expect(existsSync(path.join(own, 'index.html'))).toBe(true);
  });

  it('draws an upcoming cohort without a week to chart, and says so', async () => {
    const files = siteFiles(await buildSite(EXAMPLE, '2026-08-20T09:00:00-07:00'));
    const cohort = files.get('cohorts/2026-fall.html')!;
    expect(cohort).toContain('upcoming');
    expect(cohort).toContain('No complete week yet');
    expect(cohort).not.toContain('id="hours-lead"');
    expect(files.get('index.html')).toContain('0</strong>cohorts running');
  });

  it('leaves out a log with errors, naming the file, and still writes the dashboard (exit 0; test/site-skipped.test.ts has more)', async () => {
    const repo = exampleRepo({ 'cohorts/2026-fall/logs/ada/2026-W45.yaml': 'person: ada\nweek: 2026-W45\nhours: {project: lots}\n' });
    const out = makeTree({});
    const result = await mentorIn(['site', '--repo', repo, '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expectNoCrash(result);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('cohorts/2026-fall/logs/ada/2026-W45.yaml');
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('writes index.html and exits 0 when there is no cohort page to write: no cohorts yet, or every cohort left out', async () => {
    const noCohorts = exampleRepo({ cohorts: null });
    const leftOut = exampleRepo({ 'cohorts/2026-fall/cohort.yaml': 'id: 2026-fall\nname: Broken\nstart: 0001-01-01\nmembers: []\n' });
    for (const repo of [noCohorts, leftOut]) {
      const out = makeTree({});
      const result = await mentorIn(['site', '--repo', repo, '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });

      expectNoCrash(result);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('index.html and 0 cohort pages');
      expect([...siteFiles(out).keys()]).toEqual(['index.html']);
    }
  });

  it('refuses (exit 2, nothing written or removed) an out folder that is the repo itself or lies in its records or generated folders', async () => {
    const repo = exampleGitRepo();
    writeFileSync(path.join(repo, 'cohorts/notes.html'), 'a page a maintainer keeps\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'notes']);
    const cli = mentor(['site', '--out', '.'], { cwd: repo, env: { MENTOR_NOW: EXAMPLE_NOW } });
    expectNoCrash(cli);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("Not writing the dashboard to the repo's top folder");
    expect(cli.stderr).toContain('leave out --out for _site');
    const refused: [string, string][] = [
      [repo, "the repo's top folder"],
      ['people', 'people/, a folder mentor keeps'],
      ['cohorts', 'cohorts/, a folder mentor keeps'],
      ['cohorts/2026-fall/site', 'cohorts/2026-fall/site/, inside cohorts/'],
      ['reports', 'reports/'],
      ['schemas', 'schemas/'],
      ['.github/pages', '.github/pages/, inside .github/'],
      ['.mentor', '.mentor/'],
    ];
    for (const [out, named] of refused) {
      const result = await mentorIn(['site', '--repo', repo, '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toContain(`Not writing the dashboard to ${named}`);
    }
    expect(git(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect((await mentorIn(['site', '--repo', repo, '--out', 'docs/site'], { env: { MENTOR_NOW: EXAMPLE_NOW } })).code).toBe(0);
    expect(existsSync(path.join(repo, 'docs/site/cohorts/2026-fall.html'))).toBe(true);
    expect(existsSync(path.join(repo, 'cohorts/notes.html'))).toBe(true);
  });

  it('refuses a folder that is not a program repo with exit 2 and no stack trace', async () => {
    const result = mentor(['site', '--repo', makeTree({ 'notes.txt': 'hi' })]);
    expectNoCrash(result);
    expect(result.code).toBe(2);
  });
});
