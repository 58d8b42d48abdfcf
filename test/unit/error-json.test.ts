import { describe, expect, it } from 'vitest';
import { MentorError } from '../../src/errors.js';
import { asksForJson, renderErrorJson } from '../../src/render/error-json.js';

// C7: a run asked for JSON that fails before its command answers still prints JSON on stdout.
// main.ts calls these two on its one error path.

describe('the JSON of a failed run', () => {
  it.each([
    [['validate', '--format', 'json'], true],
    [['assign', '2026-fall', '--format=json', '--dry-run'], true],
    [['status', '--format', 'markdown'], false],
    [['validate'], false],
    [['log', '--done', 'x', '--', '--format', 'json'], false],
    [['hours', '--format'], false],
    // The last one given wins, as in commander (red team 4, T10).
    [['tree', 'nope', '--format', 'json', '--format', 'text'], false],
    [['tree', 'nope', '--format=text', '--format', 'json'], true],
  ])('knows whether %j asks for JSON: %s', (argv, wanted) => {
    expect(asksForJson(argv)).toBe(wanted);
  });

  it('is { error: { message, hint, exitCode } } for a MentorError, hint null when it has none', () => {
    expect(JSON.parse(renderErrorJson(new MentorError('There is no folder at /nope.', 2, 'Check the path.'), 2))).toEqual({ error: { message: 'There is no folder at /nope.', hint: 'Check the path.', exitCode: 2 } });
    expect(JSON.parse(renderErrorJson(new MentorError('Bad.', 1), 1))).toEqual({ error: { message: 'Bad.', hint: null, exitCode: 1 } });
  });

  it('is one JSON document ending in a newline, control characters escaped, for anything thrown', () => {
    const text = renderErrorJson('a \u001b[31m string', 2);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\u001b');
    expect(JSON.parse(text).error).toEqual({ message: 'a \u001b[31m string', hint: null, exitCode: 2 });
  });
});
