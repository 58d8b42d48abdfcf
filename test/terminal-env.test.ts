import { describe, expect, it } from 'vitest';
import { wantsColor } from '../src/io/output.js';
import { exampleRepo } from './helpers/repo.js';
import { CTRL_C, underTerminal } from './helpers/terminal.js';

// What the terminal's environment asks for (term8, T4/T5).

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('colour follows NO_COLOR, TERM and FORCE_COLOR as users set them', () => {
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', tty, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR=1 into a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['NO_COLOR with FORCE_COLOR', tty, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, false],
  ])('%s', (_name, stream, env, expected) => {
    expect(wantsColor(stream, env)).toBe(expected);
  });

  it('asks without node\'s warning about NO_COLOR and FORCE_COLOR: NO_COLOR wins in the prompts too', () => {
    const { code, screen } = underTerminal(['log', '--repo', exampleRepo(), '--cohort', '2026-fall'], [['Who is logging?', CTRL_C]], 'hal-k', undefined, { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(code, screen).toBe(130);
    expect(screen).not.toContain('Warning');
    expect(screen).not.toContain('FORCE_COLOR');
  });
});
