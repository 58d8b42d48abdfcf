import { describe, expect, it } from 'vitest';
import { exampleTree, validateTree } from './helpers/memory-source.js';
import { exampleGitRepo, git, mentor } from './helpers/repo.js';

// Rules whose checks live in domain/ and are reported by the cohort and log rules.

type Problem = { file: string; line: number; rule: string; message: string; fix?: string };
// In-process, on records in memory: the same loader and rules as the CLI.
const problemsOf = (tree: ReturnType<typeof exampleTree>): Problem[] => validateTree(tree).problems;

describe('rules of a cohort tree', () => {
  it('points at every entry of a member listed twice, each naming the others', () => {
    const repo = exampleTree({ 'cohorts/2026-fall/members/hal.yaml': 'person: hal\nrole: mentee\nmentor: grace\n' });
    const problems = problemsOf(repo).filter((p) => p.rule === 'member-duplicate');
    expect(problems.map((p) => p.file).sort()).toEqual(['cohorts/2026-fall/cohort.yaml', 'cohorts/2026-fall/members/hal.yaml']);
    const cohort = 'cohorts/2026-fall/cohort.yaml';
    const twice = problemsOf(exampleTree({ [cohort]: `${exampleTree()[cohort]}  - person: hal\n    role: mentee\n` })).filter((p) => p.rule === 'member-duplicate');
    expect(twice).toHaveLength(2);
    expect(twice[0]!.message).toMatch(/listed 2 times in this cohort \(also at cohorts\/2026-fall\/cohort\.yaml:\d+\)/);
    expect(twice[0]!.line).not.toBe(twice[1]!.line);
  });

  it('names self-mentoring as such, once', () => {
    const file = 'cohorts/c2/cohort.yaml';
    const problems = problemsOf(exampleTree({ [file]: 'id: c2\nname: Two\nstart: 2027-01-04\nmembers:\n  - {person: andrew, role: lead}\n  - {person: ada, role: mentor, mentor: ada}\n' })).filter((p) => p.file === file);
    expect(problems.map((p) => [p.rule, p.message])).toEqual([['member-own-mentor', 'ada is named as their own mentor.']]);
  });

  it('adds planned hours across cohorts whose dates overlap, against maxHoursPerWeek', () => {
    const repo = exampleTree({
      'people/linus.yaml': 'id: linus\nname: Linus\ngithub: linus-s\nmaxHoursPerWeek: 8\n',
      'cohorts/c2/cohort.yaml': 'id: c2\nname: Two\nstart: 2026-11-02\nend: 2027-01-31\nmembers:\n  - {person: andrew, role: lead}\n  - {person: linus, role: mentor, mentor: andrew}\n',
    });
    const over = problemsOf(repo).filter((p) => p.rule === 'capacity-max-hours' && p.message.includes('linus'));
    expect(over.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringContaining('linus is planned for 9 hours a week across overlapping cohorts (4 here, 5 in 2026-fall)') ]));
  });

  it('says a cohort ending before it starts once, without a warning for every log', () => {
    const file = 'cohorts/2026-fall/cohort.yaml';
    const text = exampleTree()[file]!.replace('end: 2026-11-29', 'end: 2026-08-01');
    const problems = problemsOf(exampleTree({ [file]: text }));
    expect(problems.filter((p) => p.rule === 'log-week-outside-cohort')).toEqual([]);
    expect(problems.filter((p) => p.rule === 'cohort-dates')).toHaveLength(1);
  });
});

describe('messages for slips in YAML and refs', () => {
  it('says a tab in the indentation once, with the fix', () => {
    const problems = problemsOf(exampleTree({ 'people/ada.yaml': 'id: ada\n\tname: Ada\n\tgithub: ada-l\n\ttimezone: UTC\n' })).filter((p) => p.file === 'people/ada.yaml');
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['yaml-tab-indent', 2]]);
    expect(problems[0]!.fix).toContain('spaces');
  });

  it('calls .nan not-a-number, not too large', () => {
    const problems = problemsOf(exampleTree({ 'people/ada.yaml': 'id: ada\nname: Ada\nmaxHoursPerWeek: .nan\n' })).filter((p) => p.file === 'people/ada.yaml');
    expect(problems.map((p) => p.message).join(' ')).toContain('not a number');
    expect(problems.map((p) => p.message).join(' ')).not.toContain('too large');
  });

  it('answers a range given as a ref in its own words', () => {
    const repo = exampleGitRepo();
    git(repo, ['branch', 'pr']);
    const result = mentor(['validate', '--repo', repo, '--changed', 'main..pr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a range of commits');
    const gate = mentor(['check-pr', '--repo', repo, '--base', 'main...pr', '--author', 'hal-k']);
    expect(gate.code).toBe(2);
    expect(gate.stderr).toContain('is a range of commits');
  });
});
