import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../src/main.js';

// An internal error (a bug) is said with what failed; that may carry record text (a name, a path),
// so it is shown as every message is: no terminal escape, no line a workflow log reads as a command.

describe('an internal error', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.MENTOR_DEBUG;
  });

  const said = (error: unknown) => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const code = reportError(error, ['validate']);
    return { code, text: written.join('') };
  };

  it('shows what failed without a terminal escape or a workflow command, with and without MENTOR_DEBUG', () => {
    for (const debug of [false, true]) {
      if (debug) process.env.MENTOR_DEBUG = '1';
      const { code, text } = said(new Error('cannot read bob\n::warning file=x::forged\n\u001b]8;;https://evil\u0007link\u001b[31m'));
      expect(code).toBe(2);
      expect(text).toContain('internal error, this is a bug in mentor');
      expect(text).toContain('cannot read bob');
      expect(text).not.toMatch(/\u001b|\u0007/);
      for (const line of text.split('\n')) expect(line.trimStart().startsWith('::'), line).toBe(false);
    }
  });
});
