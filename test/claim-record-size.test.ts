import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { makeTree, minimal, type FileTree } from './helpers/repo.js';

// claim and release edit a member where it lives, as assign does: an edit that would push a record
// past the size every command reads (1 MiB) is refused before anything is written, as assign's is.

const NOW = { env: { MENTOR_NOW: '2026-10-01T12:00:00Z' } };
const HEAD = 'id: c1\nname: One\nstart: 2026-09-07\nmembers:\n  - {person: lee, role: lead}\n  - {person: max, role: mentor, mentor: lee}\n';

/** cohort.yaml with these members, filled with comments to 20 bytes under the limit: it reads, and any edit that adds a line is too much. */
function nearlyFull(members: string): { repo: string; text: string } {
  const head = HEAD + members;
  const room = 1024 * 1024 - 20 - head.length;
  const padding = `${'# notes kept by hand '.padEnd(99, '.')}\n`.repeat(Math.floor(room / 100)) + `#${'.'.repeat((room % 100) - 2)}\n`;
  const text = head + padding;
  expect(Buffer.byteLength(text)).toBe(1024 * 1024 - 20);
  const files: FileTree = { 'mentor.config.yaml': minimal.config, 'cohorts/c1/cohort.yaml': text };
  for (const id of ['lee', 'max', 'ann']) files[`people/${id}.yaml`] = minimal.person(id);
  return { repo: makeTree(files), text };
}

describe('claim and release on a cohort.yaml near the size a record may have', () => {
  it('claim refuses to push it past 1 MiB, writes nothing, and says to keep the members as files', async () => {
    const { repo, text } = nearlyFull('  - {person: ann, role: mentee, requestedAt: 2026-09-30T10:00:00Z}\n');
    expect((await mentorIn(['validate', '--repo', repo], NOW)).code).toBe(0);
    const result = await mentorIn(['claim', 'ann', '--as', 'max', '--repo', repo], NOW);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cohorts/c1/cohort.yaml would be 1.00 MiB after this change, over the 1 MiB a record may have, and could not be read back: nothing was written.');
    expect(result.stderr).toContain('mentor members c1 --to files');
    expect(readFileSync(path.join(repo, 'cohorts/c1/cohort.yaml'), 'utf8')).toBe(text);
    // As files, the same claim is written.
    expect((await mentorIn(['members', 'c1', '--to', 'files', '--repo', repo], NOW)).code).toBe(0);
    expect((await mentorIn(['claim', 'ann', '--as', 'max', '--repo', repo], NOW)).code).toBe(0);
    expect(readFileSync(path.join(repo, 'cohorts/c1/members/ann.yaml'), 'utf8')).toContain('mentor: max');
  });

  it('release refuses to push it past 1 MiB and writes nothing', async () => {
    const { repo, text } = nearlyFull('  - {person: ann, role: mentee, mentor: max, assignedAt: 2026-09-08T10:00:00Z}\n');
    expect((await mentorIn(['validate', '--repo', repo], NOW)).code).toBe(0);
    const result = await mentorIn(['release', 'ann', '--reason', 'moved away', '--repo', repo], NOW);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cohorts/c1/cohort.yaml would be 1.00 MiB after this change, over the 1 MiB a record may have, and could not be read back: nothing was written.');
    expect(result.stderr).toContain('mentor members c1 --to files');
    expect(readFileSync(path.join(repo, 'cohorts/c1/cohort.yaml'), 'utf8')).toBe(text);
  });

  it('release refuses to push a member file past 1 MiB, and says to shorten it', async () => {
    const member = 'person: ann\nrole: mentee\nmentor: max\nassignedAt: 2026-09-08T10:00:00Z\n';
    const room = 1024 * 1024 - 20 - member.length;
    const text = member + `${'# notes kept by hand '.padEnd(99, '.')}\n`.repeat(Math.floor(room / 100)) + `#${'.'.repeat((room % 100) - 2)}\n`;
    const files: FileTree = { 'mentor.config.yaml': minimal.config, 'cohorts/c1/cohort.yaml': HEAD, 'cohorts/c1/members/ann.yaml': text };
    for (const id of ['lee', 'max', 'ann']) files[`people/${id}.yaml`] = minimal.person(id);
    const repo = makeTree(files);
    expect((await mentorIn(['validate', '--repo', repo], NOW)).code).toBe(0);
    const result = await mentorIn(['release', 'ann', '--reason', 'moved away', '--repo', repo], NOW);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cohorts/c1/members/ann.yaml would be 1.00 MiB after this change, over the 1 MiB a record may have, and could not be read back: nothing was written.');
    expect(result.stderr).toContain("Shorten the member's file (its comments, or its history of earlier mentors), then run release again.");
    expect(readFileSync(path.join(repo, 'cohorts/c1/members/ann.yaml'), 'utf8')).toBe(text);
  });
});
