import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorInJson } from './helpers/in-process.js';
import { exampleGitRepo, git } from './helpers/repo.js';

// The judge sees a cohort as the loader reads it: one member per person, and only the entries it
// can read. A base branch may hold an entry it cannot read (a maintainer's slip: an entry with an
// error, a person listed twice), and the gate does not hold that problem against a pull request.
// Such an entry must not be rewritten through that gap: once a maintainer fixes the slip, whatever
// the pull request wrote there would count. Real git, nothing mocked.

const NOW = { MENTOR_NOW: '2026-11-24T12:00:00-08:00' };
const COHORT = 'cohorts/2026-fall/cohort.yaml';
const JON_WAITING = '  - person: jon\n    role: mentee\n    wants: [node, python]\n    requestedAt: 2026-11-22T18:30:00-08:00\n';

const edit = (repo: string, file: string, change: (text: string) => string) => {
  const target = path.join(repo, file);
  writeFileSync(target, change(readFileSync(target, 'utf8')));
};

/** The example on main with `slip` committed by a maintainer, and a branch `pr` with `change` on top. */
function pullRequestOn(slip: (repo: string) => void, change: (repo: string) => void): string {
  const repo = exampleGitRepo();
  slip(repo);
  git(repo, ['commit', '-qam', 'a maintainer slips']);
  git(repo, ['switch', '-q', '-c', 'pr']);
  change(repo);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-qm', 'pr']);
  return repo;
}

type Review = { allowed: boolean; changes: Array<{ file: string; allowed: boolean; reason: string }>; problems: Array<{ file: string; rule: string; message: string }> };
const checkPr = async (repo: string, author: string) =>
  (await mentorInJson<Review>(['check-pr', '--repo', repo, '--base', 'main', '--author', author, '--format', 'json'], { env: NOW })).json;

const claimCleo = (repo: string) => edit(repo, COHORT, (t) => t.replace('  - person: cleo\n    role: mentee\n', '  - person: cleo\n    role: mentee\n    mentor: linus\n    assignedAt: 2026-11-24T11:00:00-08:00\n'));
const jonUnreadable = (repo: string) => edit(repo, COHORT, (t) => t.replace('requestedAt: 2026-11-22T18:30:00-08:00', 'requestedAt: yesterday'));
const jonTwice = (repo: string) => edit(repo, COHORT, (t) => `${t}${JON_WAITING}`);
// Same number of lines, so the base's problem reads the same at the head (its message names lines).
const jonMadeMentor = (repo: string) => edit(repo, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n    wants: [node, python]\n', '  - person: jon\n    role: mentor\n    mentor: andrew\n'));

describe('mentor check-pr: an entry the base has but mentor cannot read', () => {
  it('needs a maintainer to rewrite a member entry in cohort.yaml that has errors on the base branch, or to remove it', async () => {
    const rewritten = await checkPr(pullRequestOn(jonUnreadable, jonMadeMentor), 'hal-k');
    expect(rewritten.allowed).toBe(false);
    expect(rewritten.changes[0]!.reason).toMatch(/only a maintainer may/);
    const removed = await checkPr(pullRequestOn(jonUnreadable, (r) => edit(r, COHORT, (t) => t.replace(/  - person: jon\n[^]*?requestedAt: yesterday\n/, ''))), 'hal-k');
    expect(removed.allowed).toBe(false);
    expect((await checkPr(pullRequestOn(jonUnreadable, jonMadeMentor), 'andrew-gh')).allowed).toBe(true);
  });

  it('needs a maintainer to rewrite a member file that has errors on the base branch', async () => {
    const JON_FILE = 'cohorts/2026-fall/members/jon.yaml';
    const jonFileUnreadable = (repo: string) => {
      edit(repo, COHORT, (t) => t.replace(JON_WAITING, ''));
      mkdirSync(path.join(repo, 'cohorts/2026-fall/members'));
      writeFileSync(path.join(repo, JON_FILE), 'person: jon\nrole: mentee\nrequestedAt: yesterday\n');
      git(repo, ['add', '-A']);
    };
    const repo = pullRequestOn(jonFileUnreadable, (r) => writeFileSync(path.join(r, JON_FILE), 'person: jon\nrole: mentor\nmentor: andrew\nrequestedAt: yesterday\n'));
    const review = await checkPr(repo, 'hal-k');
    expect(review.allowed).toBe(false);
    expect(review.changes[0]!.reason).toMatch(/only a maintainer may/);
  });

  it('needs a maintainer to change either entry of a person listed twice, whichever the loader reads', async () => {
    const review = await checkPr(pullRequestOn(jonTwice, jonMadeMentor), 'hal-k');
    expect(review.allowed).toBe(false);
    expect(review.changes[0]!.reason).toMatch(/jon.*more than once.*only a maintainer may/);
  });

  it('still judges the other members of that cohort as ever: a claim of another waiting member passes, though the lines the base\'s problem names have moved', async () => {
    for (const slip of [jonUnreadable, jonTwice]) {
      const review = await checkPr(pullRequestOn(slip, claimCleo), 'linus-s');
      expect(review.changes).toEqual([expect.objectContaining({ allowed: true, reason: 'you claiming cleo, who was waiting' })]);
      expect(review.problems).toEqual([]);
      expect(review.allowed).toBe(true);
    }
  });

  it('says a cohort the base cannot read is unreadable, not missing, and does not hold its problem against a claim that moves its lines', async () => {
    const keyTwice = (repo: string) => edit(repo, COHORT, (t) => t.replace('  - person: jon\n    role: mentee\n', '  - person: jon\n    role: mentee\n    role: mentee\n'));
    const review = await checkPr(pullRequestOn(keyTwice, claimCleo), 'linus-s');
    expect(review.changes).toEqual([expect.objectContaining({ allowed: false, reason: 'cohort 2026-fall cannot be read on the base branch (validate says why): only a maintainer may change it until that is fixed' })]);
    expect(review.problems).toEqual([]);
  });
});
