import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, makeTree, mentor, readText, type FileTree } from './helpers/repo.js';

const EXAMPLE_REPO = exampleRepo();

// The attention issue's body and its mention comment must each fit in what GitHub accepts
// (65,536 characters): over that, `gh issue edit` / `gh issue comment` fail every hour, the queue
// shown goes stale and no mention goes out, not even to the maintainers for overdue requests.
// A program decides how many wait (red team T24: 1,500 waiting gave a 688,824-character body).

const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
const GITHUB_LIMIT = 65_536;
const id = (i: number) => `waiting-person-number-${String(i).padStart(4, '0')}`;

/** The example program with 1,500 more waiting members, each asking for ada. */
function crowdedRepo(requestedAt: (i: number) => string): string {
  const files: FileTree = {};
  for (let i = 0; i < 1500; i++) {
    files[`people/${id(i)}.yaml`] = `id: ${id(i)}\nname: Person ${i}\ngithub: gh-user-${i}\ntimezone: UTC\nskills: [react]\n`;
    files[`cohorts/2026-fall/members/${id(i)}.yaml`] = `person: ${id(i)}\nrole: mentee\nwants: [react, node, python]\nprefers: ada\nrequestedAt: ${requestedAt(i)}\n`;
  }
  return exampleRepo(files);
}

/** One hourly run of the attention workflow: the body, and the comment if there is one. */
async function attention(repo: string, previousBody?: string, claims?: string) {
  const dir = makeTree({ ...(previousBody === undefined ? {} : { 'previous.md': previousBody }), ...(claims === undefined ? {} : { 'claims.txt': claims }) });
  const since = previousBody === undefined ? [] : ['--since', path.join(dir, 'previous.md')];
  const open = claims === undefined ? [] : ['--claims', path.join(dir, 'claims.txt')];
  const result = await mentorIn(['status', '--repo', repo, '--format', 'markdown', '--comment-out', path.join(dir, 'comment.md'), ...since, ...open], { env: NOW });
  expect(result.code).toBe(0);
  const comment = existsSync(path.join(dir, 'comment.md')) ? readText(dir, 'comment.md') : undefined;
  rmSync(dir, { recursive: true });
  return { body: result.stdout, comment };
}

/** The members a comment mentions someone for, in order. */
const mentioned = (comment: string | undefined) => [...(comment ?? '').matchAll(/^- (\S+) in 2026-fall/gm)].map((m) => m[1]);
const rows = (body: string) => body.split('\n').filter((line) => /^\| \d+ \|/.test(line));

describe('the attention issue of a program where 1,500 wait', () => {
  it('fits the body and the comment in one issue and one comment, the overdue first, and says how many more', async () => {
    // T24's cohort: every one of the 1,500 is overdue, each with four mentions.
    const repo = crowdedRepo((i) => `2026-11-${10 + (i % 12)}T10:00:00Z`);
    const { body, comment } = await attention(repo);
    expect(body.length).toBeLessThan(GITHUB_LIMIT);
    expect(comment!.length).toBeLessThan(GITHUB_LIMIT);
    expect(body.split('\n')[0]).toBe('<!-- mentor:attention -->');
    expect(body).toContain('<!-- mentor:waiting 1502 -->');
    const shown = rows(body);
    expect(shown.length).toBeGreaterThan(50);
    expect(shown[0]).toMatch(/^\| 1 \| waiting-person-number-0000 \(mentee\) \| 14 d 10 h \| \*\*overdue\*\* by 12 d 10 h \|.*@andrew-gh \(maintainer\) \|$/);
    expect(shown.every((line) => line.includes('**overdue**'))).toBe(true);
    expect(body).toContain(`\n\n… and ${(1502 - shown.length).toLocaleString('en-US')} more: see the dashboard or run \`node .mentor/mentor.mjs status\`.\n`);
    // The comment: the longest-waiting first, with the maintainers owed to them.
    const first = comment!.split('\n').find((line) => line.startsWith('- '))!;
    expect(first).toBe('- waiting-person-number-0000 in 2026-fall, overdue (waited 14 d 10 h, promise 48 h): @ada-l (asked for), @grace-h (has room and a wanted skill), @linus-s (has room and a wanted skill), @andrew-gh (maintainer)');
    expect(comment).toMatch(new RegExp(`\\n\\n… and ${(1502 - mentioned(comment).length).toLocaleString('en-US')} more, to be mentioned in a later comment as the queue moves: see the dashboard`));
    expect(comment!.split('\n')[0]).toBe('<!-- mentor:attention-mentions -->');
    // The record of who was mentioned stays one compact line, at the end of the body.
    const record = body.split('\n').find((line) => line.startsWith('<!-- mentor:notified '))!;
    expect(record).toMatch(/^<!-- mentor:notified [0-9A-Za-z]+ -->$/);
    expect(record.length).toBeLessThan(20_000);
  });

  it('mentions everyone over successive runs, each once, and never records a mention the comment cut', async () => {
    // One mention each (the preferred mentor): waiting an hour, not yet escalated nor overdue.
    const repo = crowdedRepo(() => '2026-11-24T19:00:00Z');
    const seen: string[] = [];
    let previous: string | undefined;
    let runs = 0;
    for (; runs < 8; runs++) {
      const { body, comment } = await attention(repo, previous);
      expect(body.length).toBeLessThan(GITHUB_LIMIT);
      if (comment === undefined) break;
      expect(comment.length).toBeLessThan(GITHUB_LIMIT);
      seen.push(...mentioned(comment));
      previous = body;
    }
    expect(runs).toBeGreaterThan(1); // the first comment could not hold them all
    expect(runs).toBeLessThan(8);
    expect(new Set(seen).size).toBe(seen.length);
    for (let i = 0; i < 1500; i++) expect(seen).toContain(id(i));
  });

  it('records at most 3,000 mentions: past that, the next ones go out as mentioned members leave the queue', async () => {
    const repo = crowdedRepo((i) => `2026-11-${10 + (i % 12)}T10:00:00Z`); // four mentions each
    const seen: string[] = [];
    let previous: string | undefined;
    for (let run = 0; run < 6; run++) {
      const { body, comment } = await attention(repo, previous);
      previous = body;
      if (comment === undefined) break;
      seen.push(...mentioned(comment));
    }
    expect(seen).toHaveLength(750);
    expect(new Set(seen).size).toBe(750);
    for (const member of seen.slice(0, 100)) rmSync(path.join(repo, `cohorts/2026-fall/members/${member}.yaml`));
    const next = mentioned((await attention(repo, previous)).comment);
    expect(next).toHaveLength(100);
    expect(next.some((member) => seen.includes(member))).toBe(false);
  });

  it('reads the record a body written before this change kept (whole keys), so upgrading repeats no mention', async () => {
    const repo = exampleRepo();
    const old = '<!-- mentor:attention -->\n\n<!-- mentor:notified 2026-fall/cleo/prefers/ada-l 2026-fall/cleo/overdue/andrew-gh 2026-fall/jon/escalate/grace-h 2026-fall/jon/escalate/linus-s -->\n';
    expect((await attention(repo, old)).comment).toBeUndefined();
    expect(mentioned((await attention(repo, old.replace(' 2026-fall/cleo/overdue/andrew-gh', ''))).comment)).toEqual(['cleo']);
  });

  it('keeps a small queue whole, with no "more" line (the real CLI)', () => {
    const { code, stdout } = mentor(['status', '--repo', exampleRepo(), '--format', 'markdown'], { env: NOW });
    expect(code).toBe(0);
    expect(rows(stdout)).toHaveLength(2);
    expect(stdout).not.toContain('more: see the dashboard');
  });

  it('records at most 3,000 mentions of requests not on the queue too: 2,000 issues nobody answered, five maintainers', async () => {
    // The most the attention workflow lists (1,000 open issues of each form), say after a flood of
    // issues whose runs GitHub cancelled. Past 3,000 the record pushed the body over GitHub's
    // limit: its edit failed after the comment, and every hour the same mentions went out again.
    const repo = exampleRepo({ 'mentor.config.yaml': readText(EXAMPLE_REPO, 'mentor.config.yaml').replace('maintainers: [andrew-gh]', 'maintainers: [andrew-gh, m-one, m-two, m-three, m-four]') });
    const claims = Array.from({ length: 2000 }, (_, i) => `unanswered 2026-11-23T10:00:00Z https://github.com/o/r/issues/${i + 1000}\n`).join('');
    const told: string[] = [];
    let previous: string | undefined;
    for (let run = 0; run < 12; run++) {
      const { body, comment } = await attention(repo, previous, claims);
      expect(body.length).toBeLessThan(GITHUB_LIMIT);
      previous = body;
      if (comment === undefined) break;
      told.push(...[...comment.matchAll(/^- request issue #(\d+),/gm)].map((m) => m[1]!));
    }
    expect(new Set(told).size).toBe(told.length);
    expect(told).toHaveLength(600);
    const record = previous!.split('\n').find((line) => line.startsWith('<!-- mentor:notified '))!;
    expect(record.length).toBeLessThan(20_000);
  });
});

describe('the attention issue of a program with 400 cohorts running', () => {
  it('fits in one issue body: the cohorts of the most urgent waits first, then how many more cohorts and who waits there', async () => {
    // Each cohort with a lead and one waiting member; the longest wait is in the last cohort.
    const files: FileTree = {};
    const cohort = (i: number) => `cohort-${String(i).padStart(4, '0')}`;
    for (let i = 0; i < 400; i++) {
      const day = i === 399 ? '01' : String(2 + (i % 20)).padStart(2, '0');
      files[`cohorts/${cohort(i)}/cohort.yaml`] = `id: ${cohort(i)}\nname: Cohort ${i}\nstart: 2026-09-07\nend: 2026-12-20\nmembers:\n  - person: andrew\n    role: lead\n  - person: bob\n    role: mentee\n    requestedAt: 2026-11-${day}T10:00:00Z\n`;
    }
    const { body, comment } = await attention(exampleRepo(files));
    expect(body.length).toBeLessThan(GITHUB_LIMIT);
    expect(comment!.length).toBeLessThan(GITHUB_LIMIT);
    expect(body.split('\n')[0]).toBe('<!-- mentor:attention -->');
    expect(body).toContain('<!-- mentor:waiting 402 -->');
    const sections = body.split('\n').filter((line) => line.startsWith('## '));
    expect(sections.length).toBeGreaterThan(50);
    expect(body).toContain('## Cohort 399 (cohort-0399)\n');
    // The example's own cohort (two waiting) may be among those left out: it waits least.
    const more = /\n… and (\d+) more cohorts where (\d+) members wait: see the dashboard or run `node \.mentor\/mentor\.mjs status`\.\n/.exec(body)!;
    expect(Number(more[1])).toBe(401 - sections.length);
    expect(Number(more[2])).toBe(402 - rows(body).length);
    expect(body.split('\n').at(-2)).toMatch(/^<!-- mentor:notified [0-9A-Za-z]+ -->$/);
  });
});

describe('the attention issue of a program where hundreds of mentors have room', () => {
  it('mentions each once per member without comparing every mention with every other', async () => {
    // 300 mentors with room and a wanted skill, three members waiting past escalateAfterHours.
    // Each mention was checked against all the member's mentions before it (its handle lowercased
    // each time): 300 mentions took 45,000 comparisons a member, and a queue of 1,000 members with
    // 1,000 mentors with room took 17 s. Lowercasings counted: 368,760 before, about 8,000 now.
    const files: FileTree = {};
    for (let i = 0; i < 300; i++) {
      files[`people/m${i}.yaml`] = `id: m${i}\nname: M${i}\ngithub: m${i}-gh\nskills: [react]\n`;
      files[`cohorts/2026-fall/members/m${i}.yaml`] = `person: m${i}\nrole: mentor\nmentor: andrew\n`;
    }
    for (let i = 0; i < 3; i++) {
      files[`people/e${i}.yaml`] = `id: e${i}\nname: E${i}\n`;
      files[`cohorts/2026-fall/members/e${i}.yaml`] = `person: e${i}\nrole: mentee\nwants: [react]\nrequestedAt: 2026-11-22T15:04:00-08:00\n`;
    }
    const repo = exampleRepo(files);
    const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
    const first = await mentorIn(['status', '--repo', repo, '--format', 'markdown'], { env });
    const lowercased = vi.spyOn(String.prototype, 'toLowerCase');
    const again = await mentorIn(['status', '--repo', repo, '--format', 'markdown'], { env });
    const calls = lowercased.mock.calls.length;
    lowercased.mockRestore();
    expect(again.stdout).toBe(first.stdout);
    const row = again.stdout.split('\n').find((line) => line.includes(' | e0 (mentee) | '))!;
    expect(row.match(/@m\d+-gh \(has room and a wanted skill\)/g)).toHaveLength(300);
    expect(calls).toBeLessThan(50_000);
  });
});

describe('the attention issue of a program where mentors have many different skills', () => {
  it('finds the mentors with a wanted skill through their skills, not by trying each mentor for each member', async () => {
    // 300 mentors with room, each with skills of their own; 60 members waiting, each wanting ten.
    // Each member was tried against every mentor (a set lookup per wanted skill): 180,000 lookups.
    const files: FileTree = {};
    for (let i = 0; i < 300; i++) {
      files[`people/k${i}.yaml`] = `id: k${i}\nname: K${i}\ngithub: k${i}-gh\nskills: [s${i}, t${i}]\n`;
      files[`cohorts/2026-fall/members/k${i}.yaml`] = `person: k${i}\nrole: mentor\nmentor: andrew\n`;
    }
    for (let i = 0; i < 60; i++) {
      files[`people/w${i}.yaml`] = `id: w${i}\nname: W${i}\n`;
      files[`cohorts/2026-fall/members/w${i}.yaml`] = `person: w${i}\nrole: mentee\nwants: [${Array.from({ length: 10 }, (_, j) => `s${(i * 7 + j * 31) % 300}`).join(', ')}]\nrequestedAt: 2026-11-22T15:04:00-08:00\n`;
    }
    const repo = exampleRepo(files);
    const env = { MENTOR_NOW: '2026-11-24T09:00:00-08:00' };
    const first = await mentorIn(['status', '--repo', repo, '--format', 'markdown'], { env });
    const lookups = vi.spyOn(Set.prototype, 'has');
    const again = await mentorIn(['status', '--repo', repo, '--format', 'markdown'], { env });
    const calls = lookups.mock.calls.length;
    lookups.mockRestore();
    expect(again.stdout).toBe(first.stdout);
    // w0 wants s0, s31, ..., s279: the ten mentors who have them, in the order of mentors with room.
    const row = again.stdout.split('\n').find((line) => line.includes(' | w0 (mentee) | '))!;
    expect(row.match(/@k\d+-gh/g)).toEqual(Array.from({ length: 10 }, (_, j) => `@k${j * 31}-gh`).sort());
    expect(calls).toBeLessThan(100_000);
  });
});
