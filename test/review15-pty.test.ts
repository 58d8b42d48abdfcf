import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTree, minimal, readText } from './helpers/repo.js';
import { CTRL_C, DOWN, underTerminal } from './helpers/terminal.js';

// The review of `mentor assign` at a terminal, on a place the plan gave to someone else: one lead
// with room for one mentor, two mentors waiting who score the same with her (m1 wins on id). Until
// session 15's red team, "m2 (not placed)" was offered and then refused with "No lead has room for
// m2." though l1 has a place, and nothing said what to do: the only place was m1's in the plan.

const program = () =>
  makeTree({
    'mentor.config.yaml': `${minimal.config}roles:\n  lead:\n    maxMentees: 1\n`,
    'people/l1.yaml': minimal.person('l1'),
    'people/l2.yaml': minimal.person('l2', 'active: false\n'),
    'people/m1.yaml': minimal.person('m1'),
    'people/m2.yaml': minimal.person('m2'),
    'cohorts/c/cohort.yaml': 'id: c\nname: C\nstart: 2026-11-02\nmembers:\n  - person: l1\n    role: lead\n  - person: l2\n    role: lead\n  - person: m1\n    role: mentor\n  - person: m2\n    role: mentor\n',
  });

describe('changing a mentor at the terminal, onto a place the plan gave to another', () => {
  it("offers l1 for m2 (m1 then waits, said truly), and writes m2's placement", () => {
    const repo = program();
    const { code, screen } = underTerminal(
      ['assign', 'c', '--explain', '--repo', repo],
      [
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}\r`],
        ['Mentor for m2', '\r'],
        ['of your choice', ''],
        ['Write these placements?', '\r'],
        ['Placed 1', ''],
      ],
    );
    expect(code, screen).toBe(0);
    expect(screen).not.toContain('No lead has room');
    expect(screen).toMatch(/l1 +score 1, its one place is m1's in the plan: m1 then moves or waits/);
    expect(screen).toContain("m1 (mentor): the one place with l1 went to your choice, m2; l2 is inactive (active: false)");
    const members = parse(readText(repo, 'cohorts/c/cohort.yaml')).members;
    expect(members.find((m: { person: string }) => m.person === 'm2').mentor).toBe('l1');
    expect(members.find((m: { person: string }) => m.person === 'm1').mentor).toBeUndefined();
  });

  it('says why a member cannot be placed at all, and what to do, instead of a bare "No lead has room"', () => {
    const repo = makeTree({
      'mentor.config.yaml': minimal.config,
      'people/l2.yaml': minimal.person('l2', 'active: false\n'),
      'people/m1.yaml': minimal.person('m1'),
      'people/e1.yaml': minimal.person('e1'),
      'cohorts/c/cohort.yaml': 'id: c\nname: C\nstart: 2026-11-02\nmembers:\n  - person: l2\n    role: lead\n  - person: m1\n    role: mentor\n  - person: e1\n    role: mentee\n',
    });
    const { code, screen } = underTerminal(
      ['assign', 'c', '--repo', repo],
      [
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}\r`],
        ['Which member?', CTRL_C],
      ],
    );
    expect(code, screen).toBe(130);
    expect(screen).toContain('m1 cannot be placed: no lead can take one more: l2 is inactive (active: false). Choose another member, or go back to the plan.');
  });

  it('says a member held back by a typo in its entry cannot be placed, instead of taking a mentor and changing nothing', () => {
    const repo = makeTree({
      'mentor.config.yaml': minimal.config,
      'people/m1.yaml': minimal.person('m1'),
      'people/e1.yaml': minimal.person('e1'),
      'people/e2.yaml': minimal.person('e2'),
      'cohorts/c/cohort.yaml': 'id: c\nname: C\nstart: 2026-11-02\nmembers:\n  - person: m1\n    role: mentor\n  - person: e1\n    role: mentee\n  - person: e2\n    role: mentee\n    prefer: m1\n',
    });
    const { code, screen } = underTerminal(
      ['assign', 'c', '--repo', repo],
      [
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}${DOWN}\r`], // past e1 -> m1 and m1 (no lead): e2
        ['Which member?', CTRL_C],
      ],
    );
    expect(code, screen).toBe(130);
    expect(screen).not.toContain('Mentor for e2');
    expect(screen).toContain('e2 cannot be placed: its entry has an unknown field "prefer" (did you mean "prefers"?) at cohorts/c/cohort.yaml:11; fix it, then assign. Choose another member, or go back to the plan.');
  });
});
