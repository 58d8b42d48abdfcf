import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, expectNoCrash, makeTree, mentor } from './helpers/repo.js';
import { EXAMPLE_NOW, siteFiles } from './helpers/site.js';

// One record with errors must not take the dashboard down (it is published on every push to
// main): `mentor site` builds it from what is valid, and says, on stderr and on the pages, what
// it left out and why.

const BROKEN = {
  'cohorts/2026-fall/logs/bob/2026-W46.yaml': 'person: bob\nweek: 2026-W46\nhours: [\n',
  'cohorts/2026-fall/logs/ada/2026-W46.yaml': 'person: ada\nweek: 2026-W46\nhours:\n  "<script>alert(1)</script>": 3\n',
  'cohorts/2027-spring/cohort.yaml': 'id: 2027-spring\nname: [unclosed\n',
};

/** The text of a page's "Left out" section, or undefined when it has none. */
const leftOut = (html: string) => /<section id="left-out"[\s\S]*?<\/section>/.exec(html)?.[0];

describe('mentor site with records that have errors', { timeout: 120_000 }, () => {
  it('still writes the dashboard from the valid records, exits 0, and warns about each record left out', () => {
    const out = makeTree({});
    const result = mentor(['site', '--repo', exampleRepo(BROKEN), '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expectNoCrash(result);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('index.html and 1 cohort page, leaving out 3 records with errors.');
    expect(result.stderr).toContain('mentor: warning: cohorts/2026-fall/logs/bob/2026-W46.yaml:3:8 has errors, so the dashboard leaves it out: This list opens with "[" but is never closed');
    expect(result.stderr).toContain('mentor: warning: cohorts/2026-fall/logs/ada/2026-W46.yaml:');
    expect(result.stderr).toMatch(/mentor: warning: cohorts\/2027-spring\/cohort\.yaml:\d+:\d+ has errors, so the dashboard leaves it out: .*Cohort 2027-spring is left out\./);
    expect(result.stderr).toContain('run `mentor validate` to see how to fix each');
    expect([...siteFiles(out).keys()]).toEqual(['cohorts/2026-fall.html', 'index.html']);
  });

  it('lists what it left out on the index (all of it) and on the cohort page (that cohort\'s logs), escaped', async () => {
    const out = makeTree({});
    expect((await mentorIn(['site', '--repo', exampleRepo(BROKEN), '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } })).code).toBe(0);
    const files = siteFiles(out);
    const index = leftOut(files.get('index.html')!)!;
    expect(index).toContain('3 records left out');
    expect([...index.matchAll(/<code>([^<]+)<\/code><\/th><td>(\d+:\d+)<\/td>/g)].map((match) => match[1])).toEqual([
      'cohorts/2026-fall/logs/ada/2026-W46.yaml',
      'cohorts/2026-fall/logs/bob/2026-W46.yaml',
      'cohorts/2027-spring/cohort.yaml',
    ]);
    expect(index).toContain('&lt;script&gt;');
    expect(files.get('index.html')).not.toContain('<script>');
    const page = leftOut(files.get('cohorts/2026-fall.html')!)!;
    expect(page).toContain('2 records left out');
    expect(page).toContain('cohorts/2026-fall/logs/bob/2026-W46.yaml</code></th><td>3:8</td>');
    expect(page).not.toContain('2027-spring');
  });

  it("shows the valid logs of the same person: bob's weeks keep W45 and W47, and W46 shows as no log", async () => {
    const out = makeTree({});
    await mentorIn(['site', '--repo', exampleRepo(BROKEN), '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    const page = siteFiles(out).get('cohorts/2026-fall.html')!;
    const weeks = page.slice(page.indexOf('<table class="weeks">'));
    const bob = weeks.slice(weeks.indexOf('<span class="id">bob</span>'));
    const row = bob.slice(0, bob.indexOf('</tr>'));
    expect(row).toContain('2 of 11');
    expect(row.match(/class="w (met|low)"/g)?.length).toBe(2);
  });

  // Was: the pages took nothing from such a file, so linus's `active: false` was not known and he was listed with room.
  it("lists a person file with errors, using only its fields valid on their own: an organiser learns which file to fix, and an opted-out mentor is not offered as having room", async () => {
    const out = makeTree({});
    const people = {
      'people/jon.yaml': `id: jon\nname: ${'W'.repeat(10_000)}\ntimezone: America/Los_Angeles\n`,
      'people/linus.yaml': 'id: linus\nname: Linus Svensson\ntimezone: Mars/Olympus\nactive: false\n',
    };
    const result = await mentorIn(['site', '--repo', exampleRepo(people), '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expect(result.code).toBe(0);
    // Was 'leaving out 2 records with errors': the person files are read for their valid fields.
    expect(result.stdout).toContain('index.html and 1 cohort page, using only the valid fields of 2 person files with errors.');
    expect(result.stderr).toMatch(/mentor: warning: people\/jon\.yaml:2:7 has errors: "name" is 10,000 characters long.* Only its fields that are valid on their own are used/);
    const index = leftOut(siteFiles(out).get('index.html')!)!;
    expect(index).toContain('2 records left out');
    expect([...index.matchAll(/<code>([^<]+)<\/code><\/th><td>(\d+:\d+)<\/td>/g)].map((match) => `${match[1]} ${match[2]}`)).toEqual(['people/jon.yaml 2:7', 'people/linus.yaml 3:11']);
    expect(index).toContain('of a person file, only the fields valid on their own are used');
    const room = index.slice(index.indexOf('id="room"'));
    expect(room.slice(0, room.indexOf('</section>'))).not.toContain('linus');
  });

  it('lists a member file with errors, whose member (a request, maybe) the pages cannot show, on the index and the cohort page', async () => {
    const out = makeTree({});
    const files = { 'people/zed.yaml': 'id: zed\nname: Zed Ray\ntimezone: UTC\n', 'cohorts/2026-fall/members/zed.yaml': 'person: zed\nrole: mentee\nwants: [react\nrequestedAt: 2026-11-23T10:00:00Z\n' };
    const result = await mentorIn(['site', '--repo', exampleRepo(files), '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('leaving out 1 record with errors.');
    expect(result.stderr).toContain('mentor: warning: cohorts/2026-fall/members/zed.yaml:3:8 has errors, so the dashboard leaves it out');
    const site = siteFiles(out);
    for (const page of ['index.html', 'cohorts/2026-fall.html']) {
      const section = leftOut(site.get(page)!)!;
      expect(section, page).toContain('<code>cohorts/2026-fall/members/zed.yaml</code></th><td>3:8</td>');
      expect(section, page).toContain('The member is left out.');
    }
  });

  it('shows no "Left out" section when every record is valid', async () => {
    const out = makeTree({});
    await mentorIn(['site', '--repo', exampleRepo(), '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    for (const html of siteFiles(out).values()) expect(leftOut(html)).toBeUndefined();
  });
});

describe('the dashboard and mentor progress', { timeout: 120_000 }, () => {
  it('count a request still waiting past the promise as a miss, the same way', async () => {
    const repo = exampleRepo();
    const progress = await mentorIn(['progress', '--repo', repo], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expect(progress.stdout).toContain('2 of 3 within the 48 h promise, counting 1 still waiting past it');
    const out = makeTree({});
    await mentorIn(['site', '--repo', repo, '--out', out], { env: { MENTOR_NOW: EXAMPLE_NOW } });
    expect(siteFiles(out).get('index.html')).toContain('2 answered, median 21.8 h, longest 23 h; 2 of 3 within the 48-hour promise, counting 1 still waiting past it.');
  });
});
