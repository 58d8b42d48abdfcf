import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from './helpers/repo.js';
import { underTerminal } from './helpers/terminal.js';

describe('mentor init on a terminal', () => {
  it('keeps its next steps inside an 80-column terminal, each reason wrapped between words beside its command', () => {
    const dir = path.join(makeTree({}), 'program');
    const { code, screen } = underTerminal(['init', dir], [], 'hal-k', undefined, { PTY_COLUMNS: '80' });
    expect(code, screen).toBe(0);
    const steps = screen.slice(screen.indexOf('Next steps'));
    for (const line of steps.split(/\r?\n/)) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(steps).toMatch(/^ {2}edit people\/alex\.yaml +the placeholder lead, alex: make it you\r?$/m);
    expect(steps).toMatch(/^ +cohorts\/\d{4}-first\/members\/alex\.yaml \(and\r?$/m);
    expect(steps).toMatch(/^ {2}git push -u origin main +then require the mentor\/gate status on\r?$/m);
  });

  it('puts each reason under its command when the terminal is too narrow for both', () => {
    const dir = path.join(makeTree({}), 'program');
    const { code, screen } = underTerminal(['init', dir], [], 'hal-k', undefined, { PTY_COLUMNS: '40' });
    expect(code, screen).toBe(0);
    const steps = screen.slice(screen.indexOf('Next steps'));
    expect(steps).toMatch(/^ {2}node \.mentor\/mentor\.mjs forms\r?\n {6}write the issue forms from it\r?$/m);
    for (const line of steps.split(/\r?\n/).slice(1)) if (!line.includes('/members/')) expect(line.length, line).toBeLessThanOrEqual(40);
  });
});
