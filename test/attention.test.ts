import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, expectNoCrash, makeTree, mentor, readText, writeTree } from './helpers/repo.js';

// status --format markdown: the body of the program's one attention issue, and the comment that
// carries each new mention once. At this now cleo has waited 67 h (overdue), jon 15.5 h.

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };

async function attention(repo: string, extra: string[] = []) {
  const out = path.join(makeTree({}), 'comment.md');
  const result = await mentorIn(['status', '--repo', repo, '--format', 'markdown', '--comment-out', out, ...extra], { env: NOW });
  return { ...result, comment: existsSync(out) ? readText(path.dirname(out), 'comment.md') : undefined };
}

/** Mentions that notify: an @ not defused by a zero-width joiner. */
const mentions = (text: string) => [...text.matchAll(/(?<![\w\u200d`])@([A-Za-z0-9-]+)/g)].map((m) => m[1]);

describe('status --format markdown (the attention issue)', () => {
  it('starts with the marker and lists the queue in order with each wait against the promise', async () => {
    const { code, stdout } = await attention(exampleRepo());
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('<!-- mentor:attention -->');
    expect(stdout).toContain('<!-- mentor:waiting 2 -->');
    expect(stdout).toMatch(/\| 1 \| cleo \(mentee\) \| 2 d 19 h \| \*\*overdue\*\* by 19 h \|/);
    expect(stdout).toMatch(/\| 2 \| jon \(mentee\) \| 16 h \| 33 h left \|/);
    expect(stdout).toContain('**Mentors with room:**');
    expect(stdout).toContain('**Inactive mentors:** linus');
  });

  it('mentions the preferred mentor, and the maintainers for an overdue request', async () => {
    const { stdout, comment } = await attention(exampleRepo());
    expect(mentions(stdout).sort()).toEqual(['ada-l', 'andrew-gh']);
    expect(comment).toContain('cleo in 2026-fall, overdue');
    expect(mentions(comment!).sort()).toEqual(['ada-l', 'andrew-gh']);
  });

  it('escalates after notify.escalateAfterHours to every active, unpaused mentor with room and a wanted skill', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), `${readText(repo, 'mentor.config.yaml')}notify:\n  escalateAfterHours: 12\n`);
    for (const id of ['grace', 'linus']) writeFileSync(path.join(repo, `people/${id}.yaml`), readText(repo, `people/${id}.yaml`).replace(/skills: .*\n/, '') + 'skills: [python]\n');
    writeFileSync(path.join(repo, 'people/linus.yaml'), `${readText(repo, 'people/linus.yaml')}pausedUntil: 2026-12-01\n`);
    const { stdout } = await attention(repo);
    const jonRow = stdout.split('\n').find((line) => line.includes('| jon'))!;
    expect(mentions(jonRow)).toEqual(['grace-h']); // wants python; linus has it but is paused; ada has not
    expect(stdout).toContain('**Paused:** linus (until 2026-12-01)');
    expect(mentions(stdout)).not.toContain('linus-s');
  });

  it('posts each mention once: a body that recorded it gives no comment, a new request does', async () => {
    const repo = exampleRepo();
    const first = await attention(repo);
    const previous = path.join(makeTree({ 'body.md': first.stdout }), 'body.md');
    expect((await attention(repo, ['--since', previous])).comment).toBeUndefined();
    writeTree(repo, { 'cohorts/2026-fall/members/zoe.yaml': 'person: zoe\nrole: mentee\nprefers: grace\nrequestedAt: 2026-11-23T09:00:00-08:00\n', 'people/zoe.yaml': 'id: zoe\nname: Zoe\n' });
    const next = await attention(repo, ['--since', previous]);
    expect(mentions(next.comment!)).toEqual(['grace-h']);
  });

  it('tells a maintainer who is also the lead with room that the request turned overdue: one mention as a mentor, one as a maintainer', async () => {
    // max, a mentor, waits for a lead; andrew is the lead with room and the maintainer.
    const repo = exampleRepo({ 'people/max.yaml': 'id: max\nname: Max\ngithub: max-gh\ntimezone: UTC\n', 'cohorts/2026-fall/members/max.yaml': 'person: max\nrole: mentor\nrequestedAt: 2026-11-20T09:00:00-08:00\n' });
    const dir = makeTree({});
    const run = async (now: string, since?: string) => {
      const out = path.join(dir, `comment-${now}.md`);
      const result = await mentorIn(['status', '--repo', repo, '--format', 'markdown', '--comment-out', out, ...(since ? ['--since', since] : [])], { env: { MENTOR_NOW: now } });
      writeFileSync(path.join(dir, 'body.md'), result.stdout);
      return { body: result.stdout, comment: existsSync(out) ? readText(dir, path.basename(out)) : '' };
    };
    const first = await run('2026-11-21T10:00:00-08:00');
    // max wants no skill: andrew is asked for having room, not for a skill max never asked for.
    expect(first.comment).toContain('- max in 2026-fall, waiting 25 h: @andrew-gh (has room)\n');
    const overdue = await run('2026-11-23T10:00:00-08:00', path.join(dir, 'body.md'));
    expect(overdue.comment).toContain('- max in 2026-fall, overdue (waited 3 d 1 h, promise 48 h): @andrew-gh (maintainer)');
    expect(overdue.body.split('\n').find((line) => line.includes('| max'))).toContain('| @andrew-gh (has room; maintainer) |');
    const again = await run('2026-11-23T11:00:00-08:00', path.join(dir, 'body.md'));
    expect(again.comment).toBe('');
  });

  it('mentions the person a member asked for only when they are a mentor of the tier above in the cohort', async () => {
    const repo = exampleRepo();
    const asking = (prefers: string) => ({ 'cohorts/2026-fall/members/zoe.yaml': `person: zoe\nrole: mentee\nprefers: ${prefers}\nrequestedAt: 2026-11-23T09:00:00-08:00\n`, 'people/zoe.yaml': 'id: zoe\nname: Zoe\n' });
    const zoeRow = (stdout: string) => stdout.split('\n').find((line) => line.includes('| zoe'))!;
    writeTree(repo, asking('bob')); // a mentee
    expect(mentions(zoeRow((await attention(repo)).stdout))).toEqual([]);
    writeTree(repo, asking('andrew')); // the lead
    expect(mentions(zoeRow((await attention(repo)).stdout))).toEqual([]);
    writeTree(repo, asking('grace')); // a mentor
    expect(mentions(zoeRow((await attention(repo)).stdout))).toEqual(['grace-h']);
  });

  it('takes an empty --since file, or /dev/null, as no previous body, and refuses a missing path or a folder (exit 2, naming it)', async () => {
    const repo = exampleRepo();
    const empty = path.join(makeTree({ 'previous.md': '' }), 'previous.md');
    const fresh = await attention(repo, ['--since', empty]);
    expect(fresh.code).toBe(0);
    expect(mentions(fresh.comment!).sort()).toEqual(['ada-l', 'andrew-gh']);
    const none = await attention(repo, ['--since', '/dev/null']);
    expect(none.code).toBe(0);
    expect(none.comment).toBe(fresh.comment);
    const missing = path.join(path.dirname(empty), 'previuos.md');
    const cli = mentor(['status', '--repo', repo, '--format', 'markdown', '--since', missing], { env: NOW });
    expectNoCrash(cli);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`Could not read ${missing}: it does not exist (ENOENT).`);
    expect(cli.stderr).toContain("the attention issue's current body");
    expect(cli.stdout).toBe('');
    const folder = await mentorIn(['status', '--repo', repo, '--format', 'markdown', '--since', path.dirname(empty)], { env: NOW });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`${path.dirname(empty)} is not a file`);
  });

  it('says of a request dated in the future (a mistyped year) that its date needs correcting, in the issue and in status', async () => {
    const repo = exampleRepo();
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readText(repo, 'cohorts/2026-fall/cohort.yaml').replace('requestedAt: 2026-11-22T18:30:00-08:00', 'requestedAt: 2027-11-22T18:30:00-08:00'));
    const { code, stdout, comment } = await attention(repo);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\| 2 \| jon \(mentee\) \| 0 h \| \*\*`requestedAt` is in the future\*\*: correct the date \| node, python \| @andrew-gh \(maintainer: correct its requestedAt\) \|/);
    // Only a maintainer can correct it: told once, in the comment that carries new mentions.
    expect(comment).toContain('- jon in 2026-fall, dated in the future (`requestedAt`), so it would never fall due: @andrew-gh (maintainer: correct its requestedAt)');
    const text = (await mentorIn(['status', '2026-fall', '--repo', repo], { env: { ...NOW, NO_COLOR: '1' } })).stdout;
    expect(text).toContain('jon (mentee) asked at 2027-11-22T18:30:00-08:00, which is still to come: correct its requestedAt, or the request never falls due');
    const json = JSON.parse((await mentorIn(['status', '2026-fall', '--repo', repo, '--format', 'json'], { env: NOW })).stdout);
    expect(json.cohorts[0].waiting.find((w: { id: string }) => w.id === 'jon')).toMatchObject({ requestedAtInFuture: true, overdue: false });
    expect(json.cohorts[0].waiting.find((w: { id: string }) => w.id === 'cleo')).not.toHaveProperty('requestedAtInFuture');
  });

  it('--claims: a member with an open claim is shown claimed and its preferred mentor not asked; lines that are no claim of this repository are skipped', async () => {
    const claims = path.join(makeTree({ 'claims.txt': ['claim/2026-fall/cleo@grace-h https://github.com/o/r/pull/12', 'request/issue-7 https://github.com/o/r/pull/13', 'claim/2026-fall/jon@x https://evil/x', ''].join('\n') }), 'claims.txt');
    const { code, stdout, comment } = await attention(exampleRepo(), ['--claims', claims]);
    expect(code).toBe(0);
    const cleoRow = stdout.split('\n').find((line) => line.includes('| cleo'))!;
    expect(cleoRow).toBe('| 1 | cleo (mentee) | 2 d 19 h | **overdue** by 19 h; claimed in #12 by grace-h, to merge | react; prefers ada | @andrew-gh (maintainer) |');
    expect(comment).toContain('claimed in #12 by grace-h, to merge: @andrew-gh (maintainer)');
    expect(mentions(stdout)).toEqual(['andrew-gh']);
    expect(stdout.split('\n').find((line) => line.includes('| jon'))).not.toContain('claimed');
    const missing = await mentorIn(['status', '--repo', exampleRepo(), '--format', 'markdown', '--claims', `${claims}.gone`], { env: NOW });

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the open pull requests were listed to');
  });

  it('--claims: asks no more a mentor whose open claims fill the room they have', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), `${readText(repo, 'mentor.config.yaml')}notify:\n  escalateAfterHours: 12\n`);
    const jonRow = (stdout: string) => stdout.split('\n').find((line) => line.includes('| jon'))!;
    expect(mentions(jonRow((await attention(repo)).stdout))).toEqual(['grace-h', 'linus-s']);
    // grace has room for 1, and has claimed cleo: once merged she has none. linus has room for 3.
    const claims = path.join(makeTree({ 'claims.txt': 'claim/2026-fall/cleo@grace-h https://github.com/o/r/pull/12\nclaim/2026-fall/eve@linus-s https://github.com/o/r/pull/14\n' }), 'claims.txt');
    expect(mentions(jonRow((await attention(repo, ['--claims', claims])).stdout))).toEqual(['linus-s']);
  });

  it('--claims: a claim past its claimer\'s room, or by a login with no room here, does not stop the asks for the member', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), `${readText(repo, 'mentor.config.yaml')}notify:\n  escalateAfterHours: 12\n`);
    const jonRow = (stdout: string) => stdout.split('\n').find((line) => line.includes('| jon'))!;
    // grace has room for 1 and claimed both: cleo (first in line) takes it, and jon is still asked for.
    const twice = path.join(makeTree({ 'claims.txt': 'claim/2026-fall/jon@grace-h https://github.com/o/r/pull/13\nclaim/2026-fall/cleo@grace-h https://github.com/o/r/pull/12\n' }), 'claims.txt');
    const first = jonRow((await attention(repo, ['--claims', twice])).stdout);
    expect(first).toContain('claimed in #13 by grace-h, who has no room for it here (to close)');
    expect(mentions(first)).toEqual(['linus-s']);
    // A branch named like a claim by someone who mentors nobody here (a collaborator's own branch).
    const forged = path.join(makeTree({ 'claims.txt': 'claim/2026-fall/jon@someone https://github.com/o/r/pull/15\n' }), 'claims.txt');
    const forgedRow = jonRow((await attention(repo, ['--claims', forged])).stdout);
    expect(mentions(forgedRow)).toEqual(['grace-h', 'linus-s']);
    expect(forgedRow).toContain('claimed in #15 by someone, who has no room for it here (to close)');
  });

  it('--claims: a claim by a mentor who is away since still waits for its merge', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'people/grace.yaml'), `${readText(repo, 'people/grace.yaml')}pausedUntil: 2026-12-01\n`);
    const claims = path.join(makeTree({ 'claims.txt': 'claim/2026-fall/cleo@grace-h https://github.com/o/r/pull/12\n' }), 'claims.txt');
    const cleoRow = (await attention(repo, ['--claims', claims])).stdout.split('\n').find((line) => line.includes('| cleo'))!;
    expect(cleoRow).toContain('claimed in #12 by grace-h, to merge');
    expect(mentions(cleoRow)).toEqual(['andrew-gh']);
  });

  it('lists at most 50 of a finished cohort\'s never placed by name, in its row and in the step that carries them on', async () => {
    const files: Record<string, string> = { 'cohorts/2027-winter/cohort.yaml': 'id: 2027-winter\nname: Winter\nstart: 2027-01-04\nend: 2027-03-28\nmembers:\n  - person: w00\n    role: mentee\n' };
    for (let i = 0; i < 60; i++) {
      const id = `w${String(i).padStart(2, '0')}`;
      files[`people/${id}.yaml`] = `id: ${id}\nname: W\n`;
      files[`cohorts/2026-fall/members/${id}.yaml`] = `person: ${id}\nrole: mentee\nrequestedAt: 2026-11-25T09:00:00-08:00\n`;
    }
    const result = await mentorIn(['status', '--repo', exampleRepo(files), '--format', 'markdown'], { env: { MENTOR_NOW: '2026-11-30T10:00:00-08:00' } });
    expect(result.code, result.stderr).toBe(0);
    const line = result.stdout.split('\n').find((l) => l.includes(': the cohort ended before they had a mentor.'))!;
    expect(line).toContain('w00 (mentee, waited 4 d 15 h, now in 2027-winter)');
    expect(line).toContain(', … and 12 more: the cohort ended');
    expect(line).toMatch(/carries cleo, jon, w01, .*, w48, … and 11 more into the next cycle\.$/);
  });

  it('says nobody is waiting when the queue is empty', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), readText(repo, 'cohorts/2026-fall/cohort.yaml').replace(/  - person: cleo\n(    .*\n)+?(?=  - person: dan)/, '').replace(/  - person: jon\n(    .*\n)+/, ''));
    const { stdout, comment } = await attention(repo);
    expect(stdout).toContain('<!-- mentor:waiting 0 -->');
    expect(stdout).toContain('Nobody is waiting.');
    expect(comment).toBeUndefined();
  });

  it('lets no text from the records inject Markdown, HTML or mentions', async () => {
    const repo = exampleRepo({ 'cohorts/2026-fall/members/zoe.yaml': "person: zoe\nrole: mentee\nwants: ['@octocat', '<img src=x>', '[x](https://evil)', '| cell']\nrequestedAt: 2026-11-23T09:00:00-08:00\n", 'people/zoe.yaml': 'id: zoe\nname: "@everyone <script>"\n' });
    writeFileSync(path.join(repo, 'cohorts/2026-fall/cohort.yaml'), readText(repo, 'cohorts/2026-fall/cohort.yaml').replace('name: Fall 2026 web cohort', 'name: "Fall @team <b>x</b>"'));
    const { stdout } = await attention(repo);
    expect(mentions(stdout).sort()).toEqual(['ada-l', 'andrew-gh']);
    expect(stdout).not.toMatch(/<img|<b>|<script|\]\(https/);
    const zoeRow = stdout.split('\n').find((line) => line.includes('| zoe'))!;
    expect(zoeRow.split(/(?<!\\)\|/).length).toBe(8);
  });
});
