import { describe, expect, it } from 'vitest';
import { exampleRepo } from './helpers/repo.js';
import { screenOf } from './helpers/screen.js';
import { underTerminal, type Step } from './helpers/terminal.js';

// The questions of `mentor log` on a narrow terminal, as the screen shows them (inquirer breaks
// whatever is wider than the terminal at the last column, mid-word: mentor fits them first).

const NOW = '2026-11-24T09:00:00-08:00';

/** The screen at `columns`, and its text with each line break and the indent after it read as one space. */
function seen(raw: string, columns: number) {
  const { lines, overflowing } = screenOf(raw, columns);
  return { lines, overflowing, text: lines.join('\n').replace(/\n {2}/g, ' ') };
}

describe('mentor log\'s questions on a 40-column terminal', () => {
  it('break between words, the hint to go back whole, a long answer on lines of its own', () => {
    const repo = exampleRepo();
    const steps: Step[] = [
      ['Who is logging?', '\r'],
      ['Which week', '2026-W47\r'],
      ['Hours of code-review', 'abc\r'],
      ['Write a number', '\u0015' + '2\r'],
      ['Hours of own-one-on-one', '\r'],
      ['Hours of practice', '\r'],
      ['Hours of weekly-review', '\r'],
      ['Pull request links', 'https://github.com/hal-k/app/pull/9\r'],
      ['What did you get done?', 'Finished the joins and indexes chapter and the exercises at its end\r'],
      ['Anything blocking you?', '\r'],
      ['What is next?', 'The API\r'],
      ['Write this log?', '\r'],
    ];
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], steps, 'hal-k', NOW, { PTY_COLUMNS: '40', PTY_RAW: '1' });
    const { lines, overflowing, text } = seen(screen, 40);
    expect(code, lines.join('\n')).toBe(0);
    expect(text).toContain('✔ Which week (last week, not logged yet)? (< to go back) 2026-W47');
    expect(text).toContain('✔ Hours of code-review (planned 1) (< to go back) 2');
    expect(text).toContain('✔ What did you get done? (< to go back) Finished the joins and indexes chapter and the exercises at its end');
    expect(lines).toContain('  (< to go back) 3');
    expect(lines).toContain('✔ Hours of own-one-on-one');
    expect(lines).toContain('  (planned 1) (< to go back) 1');
    // Nothing of the questions runs past the edge (the file shown after them is the file's lines).
    const questions = lines.slice(0, lines.indexOf('cohorts/2026-fall/logs/hal/2026-W47.yaml'));
    expect(questions.length).toBeGreaterThan(10);
    expect(overflowing.filter((row) => questions.includes(row)), lines.join('\n')).toEqual([]);
  });

  it('break between words on a terminal that cannot move its cursor (TERM=dumb), one line per question', () => {
    const repo = exampleRepo();
    const steps: Step[] = [
      ['Number (1-13)', '\r'],
      ['Which week', '2026-W47\r'],
      ['Hours of code-review', '\u0003'],
    ];
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], steps, 'hal-k', NOW, { PTY_COLUMNS: '40', PTY_RAW: '1', TERM: 'dumb' });
    const { lines, overflowing, text } = seen(screen, 40);
    expect(code, lines.join('\n')).toBe(130);
    expect(text).toContain('? Which week (last week, not logged yet)? (< to go back) [2026-W47]: 2026-W47');
    expect(text).toContain('? Hours of code-review (planned 1) (< to go back) [1]:');
    expect(overflowing.filter((row) => row.includes('?') || row.includes('go back')), lines.join('\n')).toEqual([]);
  });
});
