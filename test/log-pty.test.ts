import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleRepo } from './helpers/repo.js';
import { CTRL_C, DOWN, underTerminal } from './helpers/terminal.js';

describe('mentor log on a terminal', () => {
  it('asks the questions, defaults to the git user, shows the log and writes it on confirmation', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(
      ['log', '--repo', repo, '--cohort', '2026-fall'],
      [
        ['Who is logging?', '\r'],
        ['Which week', '2026-W47\r'],
        ['Hours of code-review (planned 1)', '\r'],
        ['Hours of own-one-on-one', '\r'],
        ['Hours of practice (planned 3)', '4.5\r'],
        ['Hours of weekly-review', '\r'],
        ['Pull request links', 'https://github.com/hal-k/app/pull/9\r'],
        ['What did you get done?', 'Joins and indexes\r'],
        ['Anything blocking you?', '\r'],
        ['What is next?', 'The API\r'],
        ['Write this log?', '\r'],
      ],
    );
    expect(screen).toContain('Hal Kim (hal, mentee)');
    expect(code, screen).toBe(0);
    const log = parse(readFileSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'), 'utf8'));
    expect(log).toEqual({
      person: 'hal',
      week: '2026-W47',
      hours: { 'code-review': 1, 'own-one-on-one': 1, practice: 4.5, 'weekly-review': 0.5 },
      pullRequests: ['https://github.com/hal-k/app/pull/9'],
      done: 'Joins and indexes',
      next: 'The API',
    });
  });

  it('writes nothing when the answer to the confirmation is no', () => {
    const repo = exampleRepo();
    const steps: Array<[string, string]> = [['Who is logging?', '\r'], ['Which week', '2026-W47\r']];
    for (const question of ['code-review', 'own-one-on-one', 'practice', 'weekly-review']) steps.push([`Hours of ${question}`, '\r']);
    for (const question of ['Pull request links', 'What did you get done?', 'Anything blocking you?', 'What is next?']) steps.push([question, '\r']);
    steps.push(['Write this log?', DOWN + '\r']);
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], steps);
    expect(code, screen).toBe(0);
    expect(screen).toContain('Nothing written.');
    expect(existsSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'))).toBe(false);
  });

  it('exits 130 on Ctrl-C and writes nothing', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], [['Who is logging?', '\u0003']]);
    expect(code, screen).toBe(130);
    expect(screen).toContain('cancelled, nothing was written');
    expect(existsSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'))).toBe(false);
  });

  it('exits 1 when the input closes (Ctrl-D) and writes nothing', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], [['Who is logging?', '\r'], ['Which week', '\u0004']]);
    expect(code, screen).toBe(1);
    expect(screen).toContain('input closed before the prompt was answered, nothing was written');
    expect(existsSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'))).toBe(false);
  });

  it('goes back with < on a typed answer and with the Back choice at the end, keeping the other answers', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(
      ['log', '--repo', repo, '--cohort', '2026-fall'],
      [
        ['Who is logging?', '\r'],
        ['Which week', '2026-W47\r'],
        ['Hours of code-review (planned 1) (< to go back)', '\r'],
        ['Hours of own-one-on-one', '<\r'],
        ['Hours of code-review', '2\r'],
        ['Hours of own-one-on-one', '\r'],
        ['Hours of practice', '4.5\r'],
        ['Hours of weekly-review', '\r'],
        ['Pull request links', '\r'],
        ['What did you get done?', 'Joins\r'],
        ['Anything blocking you?', '<\r'],
        ['What did you get done?', '\r'],
        ['Anything blocking you?', '\r'],
        ['What is next?', '\r'],
        ['← Back to the question before', DOWN + DOWN + '\r'],
        ['What is next?', 'The API\r'],
        ['Write this log?', '\r'],
      ],
    );
    expect(code, screen).toBe(0);
    expect(screen).toContain('Total 8 h of 5.5 h planned (+2.5).');
    const log = parse(readFileSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'), 'utf8'));
    expect(log).toEqual({ person: 'hal', week: '2026-W47', hours: { 'code-review': 2, 'own-one-on-one': 1, practice: 4.5, 'weekly-review': 0.5 }, done: 'Joins', next: 'The API' });
  });

  it('offers last week while it has no log, on a Tuesday too, and says why in the question (journey J6)', () => {
    const repo = exampleRepo();
    const steps: Array<[string, string]> = [['Who is logging?', '\r'], ['Which week (last week, not logged yet)? (< to go back) (2026-W47)', '\r']];
    for (const question of ['code-review', 'own-one-on-one', 'practice', 'weekly-review']) steps.push([`Hours of ${question}`, '\r']);
    for (const question of ['Pull request links', 'What did you get done?', 'Anything blocking you?', 'What is next?']) steps.push([question, '\r']);
    steps.push(['Write this log?', '\r']);
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], steps);
    expect(code, screen).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'), 'utf8')).week).toBe('2026-W47');
  });

  it('refuses a week that has not started as it is typed, naming this week, and takes another (journey J7)', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(
      ['log', '--repo', repo, '--cohort', '2026-fall'],
      [
        ['Who is logging?', '\r'],
        ['Which week', '2026-W47\r'],
        ['2026-W47 has not started yet (this week is 2026-W41).', '\u007f'.repeat(8) + '2026-W40\r'],
        ['Hours of code-review', '\u0003'],
      ],
      'hal-k',
      '2026-10-06T09:00:00-07:00',
    );
    expect(code, screen).toBe(130);
    expect(existsSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'))).toBe(false);
  });

  it('refuses hours the flags refuse too (0x10, 1e1, Infinity, -1, empty) as they are typed, and takes 0.25 (term8, T2)', () => {
    const repo = exampleRepo();
    const erase = '\u007f'.repeat(10);
    const { code, screen } = underTerminal(
      ['log', '--repo', repo, '--cohort', '2026-fall'],
      [
        ['Who is logging?', '\r'],
        ['Which week', '2026-W47\r'],
        ['Hours of code-review', '\u007f0x10\r'],
        ['Write a number, e.g. 1.5.', erase + '1e1\r'],
        ['Write a number, e.g. 1.5.', erase + 'Infinity\r'],
        ['Write a number, e.g. 1.5.', erase + '-1\r'],
        ['Write a number from 0 to 168.', erase + '\r'],
        ['Write a number, e.g. 1.5.', erase + '0.25\r'],
        ['Hours of own-one-on-one', '\u0003'],
      ],
    );
    expect(code, screen).toBe(130);
    expect(screen).toContain('Hours of code-review (planned 1) (< to go back) 0.25');
    expect(screen).not.toMatch(/Hours of code-review.*(0x10|1e1)\s*\n.*Hours of own-one-on-one/);
  });

  it('refuses --commit outside a git repository before asking anything', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['log', '--repo', repo, '--commit'], []);
    expect(code, screen).toBe(2);
    expect(screen).toContain('--commit needs a git repository');
    expect(screen).not.toContain('Who is logging?');
  });
});

describe('mentor log on a Node.js older than mentor supports', () => {
  it('says which Node.js it is and what to install, not that mentor has a bug, and writes nothing', () => {
    const repo = exampleRepo();
    const older = `--require ${path.join(import.meta.dirname, 'helpers/old-node.cjs')}`;
    const { code, screen } = underTerminal(['log', '--repo', repo], [], 'hal-k', undefined, { NODE_OPTIONS: older });
    expect(code).toBe(2);
    // The terminal wraps long lines where they reach its edge.
    const text = screen.replace(/\r?\n/g, '');
    expect(text).toContain('mentor: this is Node.js 20.0.0, older than mentor needs (20.19.0 or newer), and it failed:');
    expect(text).toContain('Install a current Node.js');
    expect(text).not.toContain('internal error');
    expect(existsSync(path.join(repo, 'cohorts/2026-fall/logs/hal/2026-W47.yaml'))).toBe(false);
  });
});

describe('mentor next on an 80-column terminal', () => {
  it('keeps its proposal table inside the terminal, and writes nothing on Ctrl-C', () => {
    const repo = exampleRepo();
    const args = ['next', '2026-fall', '2027-spring', '--start', '2027-01-11', '--early', '--repo', repo];
    const { code, screen } = underTerminal(args, [['Write cohorts/2027-spring/cohort.yaml?', CTRL_C]], 'hal-k', undefined, { PTY_COLUMNS: '80' });
    expect(code, screen).toBe(130);
    const table = screen.slice(screen.indexOf('From 2026-fall'), screen.indexOf('2027-spring would open'));
    expect(table).toContain('logged 3 of 11 weeks, under 75%');
    for (const line of table.split(/\r?\n/)) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(existsSync(path.join(repo, 'cohorts/2027-spring/cohort.yaml'))).toBe(false);
  });

  it('offers no "go back" when no promotion was asked: there is no answer to change', () => {
    // Before: "Go back and change an answer" showed the same summary and question again, for ever.
    const repo = exampleRepo();
    const args = ['next', '2026-fall', '2027-spring', '--start', '2027-01-11', '--early', '--repo', repo];
    const { code, screen } = underTerminal(args, [['Write cohorts/2027-spring/cohort.yaml?', CTRL_C]], 'hal-k', undefined, { PTY_COLUMNS: '80' });
    expect(code, screen).toBe(130);
    expect(screen).toContain('0 proposed to move up a tier');
    expect(screen).toContain('Cancel (write nothing)');
    expect(screen).not.toContain('Go back and change an answer');
  });
});

describe('mentor next on a 40-column terminal', () => {
  it('wraps the list of who the new cohort opens with between ids, never inside one', () => {
    const repo = exampleRepo();
    const args = ['next', '2026-fall', '2027-spring', '--start', '2027-01-11', '--early', '--repo', repo];
    const { code, screen } = underTerminal(args, [['Write cohorts/2027-spring/cohort.yaml?', CTRL_C]], 'hal-k', undefined, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(130);
    const summary = screen.slice(screen.indexOf('2027-spring would open'), screen.indexOf('? Write'));
    expect(summary).toMatch(/^ {2}9 mentees: bob, cleo, dan, eve, fay,\r?\n {4}gus, hal, ivy, jon\r?$/m);
    for (const line of summary.split(/\r?\n/)) expect(line.length, line).toBeLessThanOrEqual(40);
  });
});
