import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { membersToFiles, membersToList, type MemberText } from '../../src/render/member-files.js';
import { EXAMPLE } from '../helpers/repo.js';

const exampleCohort = readFileSync(path.join(EXAMPLE, 'cohorts/2026-fall/cohort.yaml'), 'utf8');

function toFiles(cohortId: string, text: string) {
  const result = membersToFiles(cohortId, text);
  if ('refused' in result) throw new Error(result.refused);
  return result;
}

function toList(cohortId: string, text: string, files: MemberText[]) {
  const result = membersToList(cohortId, text, files);
  if ('refused' in result) throw new Error(result.refused);
  return result.cohortText;
}

describe('moving members between the list and member files', () => {
  it('gives each member of the example a file holding its lines and the comments above it', () => {
    const { cohortText, memberFiles } = toFiles('2026-fall', exampleCohort);
    expect(memberFiles.map((f) => f.person)).toEqual(['andrew', 'ada', 'grace', 'linus', 'bob', 'cleo', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon']);
    expect(memberFiles[0]!.text).toBe(
      '# yaml-language-server: $schema=../../../schemas/member.schema.json\n# The lead mentor: mentors the mentors and reviews their pull requests.\nperson: andrew\nrole: lead\n',
    );
    expect(memberFiles.find((f) => f.person === 'cleo')!.text).toBe(
      '# yaml-language-server: $schema=../../../schemas/member.schema.json\nperson: cleo\nrole: mentee\nwants: [react] # skills she wants to learn\nprefers: ada # a mentor she asked for\nrequestedAt: 2026-11-20T15:04:00-08:00\n',
    );
    expect(cohortText).not.toContain('members:');
    expect(cohortText).toContain('cadence: weekly # or biweekly: one-on-ones every other week\n# Members: one file each in members/');
  });

  it('round-trips the example byte for byte: to files and back to the list', () => {
    const { cohortText, memberFiles } = toFiles('2026-fall', exampleCohort);
    expect(toList('2026-fall', cohortText, memberFiles)).toBe(exampleCohort);
  });

  it('writes flow-style entries as block mappings and keeps their comments, and a comment indented as an entry stays with it', () => {
    const cohort = [
      'id: c1',
      'members: # the tree',
      '  - { person: lee, role: lead } # leads the cohort',
      '  # max joined late',
      '  - {person: max, role: mentor, mentor: lee,',
      '     wants: [go, "c++"]} # two lines',
      '  - person: ann',
      '    role: mentee',
      '    mentor: max',
      '    # ann moves up next cycle',
      '  # the end of the list',
      'cadence: weekly',
      '',
    ].join('\n');
    const { cohortText, memberFiles } = toFiles('c1', cohort);
    const text = (person: string) => memberFiles.find((f) => f.person === person)!.text.split('\n').slice(1).join('\n');
    expect(text('lee')).toBe('# leads the cohort\nperson: lee\nrole: lead\n');
    expect(text('max')).toBe('# max joined late\n# two lines\nperson: max\nrole: mentor\nmentor: lee\nwants: [go, "c++"]\n');
    expect(text('ann')).toBe('person: ann\nrole: mentee\nmentor: max\n# ann moves up next cycle\n');
    expect(cohortText).toBe('id: c1\n# Members: one file each in members/ (`mentor members c1 --to list` moves them back here).\n# the tree\n  # the end of the list\ncadence: weekly\n');
    const back = toList('c1', cohortText, memberFiles);
    expect(back).toContain('members:\n  # leads the cohort\n  - person: lee\n    role: lead\n\n  # max joined late\n  # two lines\n  - person: max\n');
    expect(back).toContain('  - person: ann\n    role: mentee\n    mentor: max\n    # ann moves up next cycle\n');
  });

  it('appends member files after the entries already listed, by tier then id', () => {
    const cohort = 'id: c1\nmembers:\n    - person: lee\n      role: lead\n      # lee is the lead\n# after the list\n';
    const files: MemberText[] = [
      { file: 'cohorts/c1/members/zed.yaml', person: 'zed', role: 'mentee', text: 'person: zed\nrole: mentee\n' },
      { file: 'cohorts/c1/members/max.yaml', person: 'max', role: 'mentor', text: '# yaml-language-server: $schema=../../../schemas/member.schema.json\n# new mentor\nperson: max\nrole: mentor\nmentor: lee\n' },
    ];
    expect(toList('c1', cohort, files)).toBe('id: c1\nmembers:\n    - person: lee\n      role: lead\n      # lee is the lead\n\n    # new mentor\n    - person: max\n      role: mentor\n      mentor: lee\n    - person: zed\n      role: mentee\n# after the list\n');
  });

  it('writes a members list at the end of a cohort that has none, and replaces `members: []`', () => {
    const file: MemberText = { file: 'cohorts/c1/members/lee.yaml', person: 'lee', role: 'lead', text: 'person: lee\r\nrole: lead\r\n' };
    expect(toList('c1', 'id: c1\nname: One', [file])).toBe('id: c1\nname: One\nmembers:\n  - person: lee\n    role: lead\n');
    expect(toList('c1', 'id: c1\nmembers: [] # none yet\nname: One\n', [file])).toBe('id: c1\nmembers: # none yet\n  - person: lee\n    role: lead\nname: One\n');
  });

  it('refuses a list written as one flow sequence, and a member file holding two documents', () => {
    expect(membersToFiles('c1', 'id: c1\nmembers: [{person: lee, role: lead}]\n')).toEqual({ refused: expect.stringContaining('flow list') });
    const two: MemberText = { file: 'cohorts/c1/members/lee.yaml', person: 'lee', role: 'lead', text: 'person: lee\nrole: lead\n---\nperson: max\n' };
    expect(membersToList('c1', 'id: c1\n', [two])).toEqual({ refused: expect.stringContaining('more than one mapping') });
  });
});
