import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES } from '../src/model/record-source.js';
import { NEW_LIST_MAX_BYTES, renderNextCohortFiles, type NewCohort } from '../src/render/cycles.js';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { makeTree, minimal, type FileTree } from './helpers/repo.js';

// `mentor next` from a cohort of twenty thousand members (kept as member files, as a big program
// keeps them) wrote one cohort.yaml of 2.5 MB: over the size a record may have, so the new cohort
// could not be read at all. Its members now go where the old cohort kept them, and a list that
// would grow past what a record may hold is written as member files.

const NOW = { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } };

function cohortOf(members: number): NewCohort {
  return {
    id: 'next',
    name: 'Next',
    start: '2027-01-04',
    cadence: 'weekly',
    members: Array.from({ length: members }, (_, i) => ({ person: `mentee-with-a-long-name-${String(i).padStart(5, '0')}`, role: 'mentee' as const, wants: ['javascript', 'react'] })),
  };
}

describe('mentor next on a big cohort', () => {
  it('keeps a small list in cohort.yaml, and writes a list past the limit as one file per member', () => {
    expect(renderNextCohortFiles(cohortOf(100), 'c1', false).map((write) => write.file)).toEqual(['cohorts/next/cohort.yaml']);
    const big = cohortOf(12_000);
    const writes = renderNextCohortFiles(big, 'c1', false);
    expect(writes).toHaveLength(12_001);
    expect(writes[0]!.file).toBe('cohorts/next/cohort.yaml');
    expect(writes[0]!.content).not.toMatch(/^\s+- person:/m);
    expect(writes[1]).toEqual({ file: 'cohorts/next/members/mentee-with-a-long-name-00000.yaml', content: expect.stringMatching(/^# yaml-language-server: .*\nperson: mentee-with-a-long-name-00000\nrole: mentee\nwants:/) });
    for (const write of writes) expect(Buffer.byteLength(write.content)).toBeLessThan(NEW_LIST_MAX_BYTES);
    expect(NEW_LIST_MAX_BYTES).toBeLessThan(MAX_RECORD_BYTES);
  });

  it('writes the new cohort as member files when the cohort it comes from keeps its members so, and it validates', async () => {
    const files: FileTree = {
      'mentor.config.yaml': minimal.config,
      'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-01-05\nend: 2026-02-01\n',
      'cohorts/c1/members/lee.yaml': 'person: lee\nrole: lead\n',
      'cohorts/c1/members/max.yaml': 'person: max\nrole: mentor\nmentor: lee\n',
      'cohorts/c1/members/ann.yaml': 'person: ann\nrole: mentee\nmentor: max\nwants: [css]\n',
    };
    for (const id of ['lee', 'max', 'ann']) files[`people/${id}.yaml`] = minimal.person(id);
    const repo = makeTree(files);
    const { code, json } = await mentorInJson(['next', 'c1', 'c2', '--repo', repo, '--start', '2026-03-02', '--yes', '--format', 'json'], NOW);
    expect(code).toBe(0);
    expect((json as { files: string[] }).files).toEqual(['cohorts/c2/cohort.yaml', 'cohorts/c2/members/lee.yaml', 'cohorts/c2/members/max.yaml', 'cohorts/c2/members/ann.yaml']);
    expect(readdirSync(path.join(repo, 'cohorts/c2/members')).sort()).toEqual(['ann.yaml', 'lee.yaml', 'max.yaml']);
    expect(readFileSync(path.join(repo, 'cohorts/c2/cohort.yaml'), 'utf8')).not.toContain('- person:');
    expect((await mentorIn(['validate', '--repo', repo], NOW)).code).toBe(0);
    const hours = (await mentorInJson(['hours', 'c2', '--repo', repo, '--format', 'json'], NOW)).json as { people: { id: string; role: string }[] };
    expect(hours.people.map((row) => `${row.id} ${row.role}`).sort()).toEqual(['ann mentee', 'lee lead', 'max mentor']);
  });
});
