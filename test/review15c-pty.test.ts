import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, minimal } from './helpers/repo.js';
import { CTRL_C, DOWN, underTerminal } from './helpers/terminal.js';

describe("assign's review at a terminal, with a waiting member away (pausedUntil)", () => {
  // assign leaves ann waiting until she is back (01d7d83), yet 'Change one member's mentor' offered
  // ann's mentors: choosing one changed nothing in the plan, yet offered to undo that change.
  it('says she cannot be placed before she is back, instead of taking a mentor and changing nothing', () => {
    const repo = makeTree({
      'mentor.config.yaml': minimal.config,
      'people/lee.yaml': minimal.person('lee'),
      'people/max.yaml': minimal.person('max', 'skills: [react]\n'),
      'people/ann.yaml': minimal.person('ann', 'pausedUntil: 2026-12-07\n'),
      'people/bob.yaml': minimal.person('bob'),
      'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-09-07\nend: 2026-12-20\nmembers:\n  - {person: lee, role: lead}\n  - {person: max, role: mentor, mentor: lee}\n',
      'cohorts/c1/members/ann.yaml': 'person: ann\nrole: mentee\nwants: [react]\nrequestedAt: 2026-11-20T10:00:00Z\n',
      'cohorts/c1/members/bob.yaml': 'person: bob\nrole: mentee\nrequestedAt: 2026-11-20T10:00:00Z\n',
    });
    const before = readFileSync(path.join(repo, 'cohorts/c1/members/ann.yaml'), 'utf8');
    const { code, screen } = underTerminal(
      ['assign', 'c1', '--repo', repo],
      [
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}\r`], // past bob -> max: ann
        ['Which member?', CTRL_C],
      ],
    );
    expect(code, screen).toBe(130);
    expect(screen).toContain('ann (mentee): away until 2026-12-07');
    expect(screen).toContain('bob -> max');
    expect(screen).not.toContain('Mentor for ann');
    expect(screen).toContain('ann cannot be placed: away until 2026-12-07 (pausedUntil in people/ann.yaml): placed once back, by the first assign from that day. Choose another member, or go back to the plan.');
    expect(readFileSync(path.join(repo, 'cohorts/c1/members/ann.yaml'), 'utf8')).toBe(before);
  });
});

describe('a returning person asks for a mentor at a terminal', () => {
  // The id is asked before the handle. ann, last cycle's mentee, typing her own id was told only
  // 'The id "ann" is taken (people/ann.yaml exists): choose another, such as ann-2.', as if someone
  // else had it; the request is hers whatever id she then gives (ae6e3a2), and nothing said so.
  it('is told at the id question that her handle makes the request hers, and gets only her member file', () => {
    const repo = makeTree({
      'mentor.config.yaml': minimal.config,
      'people/lee.yaml': minimal.person('lee'),
      'people/max.yaml': minimal.person('max'),
      'people/ann.yaml': 'id: ann\nname: Ann\ngithub: Ann-GH\ntimezone: UTC\n',
      'cohorts/c1/cohort.yaml': 'id: c1\nname: One\nstart: 2026-11-02\nend: 2027-01-31\nmembers:\n  - {person: lee, role: lead}\n  - {person: max, role: mentor, mentor: lee}\n',
    });
    const before = readFileSync(path.join(repo, 'people/ann.yaml'), 'utf8');
    const { code, screen } = underTerminal(
      ['request', '--repo', repo, '--cohort', 'c1'],
      [
        ['What would you like to do?', '\r'],
        ['Your name', 'Ann\r'],
        ['Your id', 'ann\r'],
        ['makes it yours.', `\u0015ann-2\r`],
        ['Your time zone', 'UTC\r'],
        ['What you want to learn', '\r'],
        ['What you know already', '\r'],
        ['A mentor you would like', '\r'],
        ['Languages you speak', '\r'],
        ['Your GitHub handle', 'ANN-gh\r'],
        ['Write this request?', '\r'],
      ],
    );
    expect(code, screen).toBe(0);
    expect(screen).toMatch(/The id "ann" is taken \(people\/ann\.yaml exists\): choose another, such as ann-2\.\r?\n\s*If that file is yours, give any id: your GitHub handle makes it yours\./);
    expect(existsSync(path.join(repo, 'cohorts/c1/members/ann.yaml'))).toBe(true);
    expect(existsSync(path.join(repo, 'people/ann-2.yaml'))).toBe(false);
    expect(readFileSync(path.join(repo, 'people/ann.yaml'), 'utf8')).toBe(before);
  });
});
