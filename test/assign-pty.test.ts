import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRepo } from './helpers/repo.js';
import { CTRL_C, DOWN, underTerminal } from './helpers/terminal.js';

describe('mentor assign on an 80-column terminal', () => {
  it('wraps its explanation between words, after a change of mentor too, and writes nothing on Ctrl-C', () => {
    const repo = exampleRepo();
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    const before = readFileSync(cohort, 'utf8');
    const { code, screen } = underTerminal(
      ['assign', '2026-fall', '--explain', '--repo', repo],
      [
        ['Write these placements?', `${DOWN}\r`],
        ['Which member?', `${DOWN}\r`],
        ['Mentor for jon', `${DOWN}\r`],
        ['of your choice', ''],
        ['Write these placements?', CTRL_C],
      ],
      'hal-k',
      undefined,
      { PTY_COLUMNS: '80' },
    );
    expect(code, screen).toBe(130);
    expect(screen).toMatch(/^Optimal: the most members placed, then the highest total score, then the\r?$/m);
    expect(screen).toMatch(/^With 1 placement of your choice, this is the best plan around them, not the\r?$/m);
    for (const line of screen.split(/\r?\n/)) if (/Optimal|Around your|of your choice/.test(line)) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(readFileSync(cohort, 'utf8')).toBe(before);
  });
});
