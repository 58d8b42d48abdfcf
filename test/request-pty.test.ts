import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRepo } from './helpers/repo.js';
import { CTRL_C, underTerminal } from './helpers/terminal.js';

const CLEAR_LINE = '\u0015';

describe('mentor request on a terminal', () => {
  it('says an id is taken, and a handle registered, at their questions, not after the last one', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(
      ['request', '--repo', repo],
      [
        ['What would you like to do?', '\r'],
        ['Your name', 'Hal Two\r'],
        ['Your id', 'hal\r'],
        ['The id "hal" is taken (people/hal.yaml exists): choose another, such as hal-2.', `${CLEAR_LINE}hal-2\r`],
        ['Your time zone', 'UTC\r'],
        ['What you want to learn', '\r'],
        ['What you know already', '\r'],
        ['A mentor you would like', '\r'],
        ['Languages you speak', '\r'],
        ['Your GitHub handle', 'hal-k\r'],
        ['The GitHub handle hal-k is hal\'s (people/hal.yaml), who is a member', CTRL_C],
      ],
    );
    expect(code, screen).toBe(130);
    expect(screen).toContain('Your id hal-2');
    expect(existsSync(path.join(repo, 'people/hal-2.yaml'))).toBe(false);
  });

  it('asks the time zone on one line of an 80-column terminal, its example whole', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['request', '--repo', repo], [['What would you like to do?', '\r'], ['Your name', 'Zoe\r'], ['Your id', 'zoe\r'], ['Your time zone', CTRL_C]], 'hal-k', undefined, { PTY_COLUMNS: '80' });
    expect(code, screen).toBe(130);
    const asked = screen.split(/\r?\n/).filter((line) => line.includes('Your time zone'));
    expect(asked.length).toBeGreaterThan(0);
    // inquirer breaks a longer question at the edge, inside a word ('Am' / 'erica/New_York').
    for (const line of asked) expect(line, screen).toMatch(/Your time zone \(.*America\/New_York\)/);
  });

  it('asks the name first and offers an id made from it, which Enter takes', () => {
    const repo = exampleRepo();
    const { code, screen } = underTerminal(['request', '--repo', repo], [['What would you like to do?', '\r'], ['Your name', 'Zoë Ñandú\r'], ['Your id (zoe-nandu)', '\r'], ['Your time zone', CTRL_C]], 'hal-k');
    expect(code, screen).toBe(130);
    expect(screen).toContain('Your id zoe-nandu');
    expect(screen.indexOf('Your name')).toBeLessThan(screen.indexOf('Your id'));
  });
});
