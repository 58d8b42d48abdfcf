import { describe, expect, it } from 'vitest';
import { wantsColor } from '../src/io/output.js';
import { exampleRepo, mentor } from './helpers/repo.js';
import { CTRL_C, underTerminal } from './helpers/terminal.js';

// What the terminal's environment asks for (term8, T4/T5).

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('colour follows NO_COLOR, TERM and FORCE_COLOR as users set them, and only ever on a terminal', () => {
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', tty, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR=1 into a pipe (colour only on a terminal)', pipe, { FORCE_COLOR: '1' }, false],
    ['FORCE_COLOR=1 on a terminal', tty, { FORCE_COLOR: '1' }, true],
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

describe('a terminal that cannot move its cursor (TERM=dumb)', () => {
  const dumb = { TERM: 'dumb', PTY_RAW: '1' };

  it('asks one line at a time, without escape codes, and writes the log', () => {
    const repo = exampleRepo();
    const steps: Array<[string, string]> = [['Number (1-13) [11]: ', '\r'], ['Which week', '2026-W47\r'], ['Hours of code-review (planned 1) (< to go back) [1]: ', 'abc\r'], ['> Write a number, e.g. 1.5.', '2\r']];
    for (const question of ['own-one-on-one', 'practice', 'weekly-review']) steps.push([`Hours of ${question}`, '\r']);
    for (const question of ['Pull request links', 'What did you get done?', 'Anything blocking you?', 'What is next?']) steps.push([question, '\r']);
    steps.push(['  2) No, write nothing', '1\r']);
    const { code, screen } = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], steps, 'hal-k', undefined, dumb);
    expect(code, screen).toBe(0);
    expect(screen).toContain('  11) Hal Kim (hal, mentee)');
    expect(screen).toContain('Wrote cohorts/2026-fall/logs/hal/2026-W47.yaml.');
    // eslint-disable-next-line no-control-regex
    expect(screen).not.toMatch(/\u001b/);
  });

  it('says Ctrl-C and a closed input as on any terminal, writing nothing', () => {
    const repo = exampleRepo();
    const stopped = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], [['Number (1-13)', '\r'], ['Which week', CTRL_C]], 'hal-k', undefined, dumb);
    expect(stopped.code, stopped.screen).toBe(130);
    expect(stopped.screen).toContain('mentor: cancelled, nothing was written.');
    const closed = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], [['Number (1-13)', '\u0004']], 'hal-k', undefined, dumb);
    expect(closed.code, closed.screen).toBe(1);
    expect(closed.screen).toContain('mentor: input closed before the prompt was answered, nothing was written.');
  });
});

describe('what to do next, when mentor asked nothing or was stopped', () => {
  it('says after Ctrl-C how to start over, and after a closed input how to answer', () => {
    const repo = exampleRepo();
    const stopped = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], [['Who is logging?', CTRL_C]]);
    expect(stopped.code, stopped.screen).toBe(130);
    expect(stopped.screen).toContain(`mentor: cancelled, nothing was written.\r\n  Run \`mentor log --repo ${repo} --cohort 2026-fall\` again to start over.`);
    const closed = underTerminal(['log', '--repo', repo, '--cohort', '2026-fall'], [['Who is logging?', '\r'], ['Which week', '\u0004']]);
    expect(closed.code, closed.screen).toBe(1);
    expect(closed.screen).toContain('Run it again and answer each question, or give the answers as flags (see `mentor log --help`).');
  });

  it('says why log did not ask when its output is not a terminal', () => {
    const result = mentor(['log', '--repo', exampleRepo(), '--person', 'hal', '--week', '2026-W47']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No hours given (mentor log asks its questions only when both its input and its output are a terminal; here one is not).');
  });

  it('names the flag of each answer a request left out where it cannot ask', () => {
    const result = mentor(['request', '--repo', exampleRepo(), '--cohort', '2026-fall']);
    expect(result.code).toBe(2);
    for (const line of ['ada-lovelace (--person).', 'A name is needed (--name).', 'A GitHub handle is needed (--github).', 'such as Europe/London (--timezone).']) expect(result.stderr).toContain(line);
  });
});
