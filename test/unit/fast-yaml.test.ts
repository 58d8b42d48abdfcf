import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastParse } from '../../src/model/fast-yaml.js';
import { EXAMPLE } from '../helpers/repo.js';

/** What the full parser makes of a text, or undefined when it reports an error. */
function reference(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, version: '1.2' });
  if (doc.errors.length > 0) return undefined;
  try {
    return { value: doc.toJS({ maxAliasCount: 50 }) };
  } catch {
    return undefined;
  }
}

function agrees(text: string): void {
  const fast = fastParse(text);
  if (fast === undefined) return; // the fast path declined: always allowed
  const full = reference(text);
  expect(full, `the full parser rejects what the fast path read:\n${text}`).toBeDefined();
  expect(fast.value, text).toEqual(full!.value);
  expect(Object.is(fast.value, full!.value) || JSON.stringify(fast.value) === JSON.stringify(full!.value)).toBe(true);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : file.endsWith('.yaml') ? [file] : [];
  });
}

describe('the fast YAML path', () => {
  it('reads every record of the example exactly as the yaml library does', () => {
    let read = 0;
    for (const file of files(EXAMPLE)) {
      const text = readFileSync(file, 'utf8');
      agrees(text);
      if (fastParse(text) !== undefined) read++;
    }
    expect(read).toBeGreaterThan(40); // it really is the fast path for plain records
  });

  it('declines or agrees on every file of the bad-input corpus', () => {
    for (const file of files(path.join(import.meta.dirname, '../corpus'))) agrees(readFileSync(file, 'latin1'));
  });

  it.each([
    'a: 1\nb: -0\nc: 1.50\nd: 007\ne: +1\nf: 1e3\ng: .5\nh: 0x1F\ni: .inf\nj: ~\nk: True\nl: yes\nm: 2026-09-07\nn: 2026-W47',
    'members:\n- person: a\n  role: lead\n-   person: b\n    role: mentor\n',
    'x: "a # b"\ny: \'it\'\'s\'\nz: a#b\nw: value # comment\nv: [a, b, c]\nu: []\n',
    'k:\n  - a\n  - b\nq:\n',
    'a: b: c\n',
    'a:b\n',
    'key: "unterminated\n',
    'a:\n  b: 1\n c: 2\n',
    'a: 1\na: 2\n',
    'null: 1\n',
    'a: [b, [c]]\n',
    '- a\n- b\n',
    'a: |\n  text\n',
    'a: &x 1\nb: *x\n',
    'done:\n  continued line\n',
    'a: 1\r\nb: 2\r\n',
    '# only a comment\n',
    '',
  ])('agrees with the yaml library on %j', (text) => agrees(text));

  it('agrees with the yaml library on thousands of generated record-like texts (fixed seed)', () => {
    const key = fc.constantFrom('id', 'name', 'hours', 'practice', 'one-on-ones', 'a_b', 'null', 'True', '__proto__', 'x-y');
    const scalar = fc.oneof(
      fc.constantFrom('1', '0.5', '-2', '007', '1e3', '.5', '~', 'null', 'true', 'False', 'yes', '2026-W47', '2026-09-07', 'a: b', 'a #b', 'a#b', '"q"', "'it''s'", '"a\\"b"', '[a, b]', '[]', '{a: 1}', '&x 1', '*x', '!tag x', '|', '>', '- x', ':', 'http://x/y', '', ' ', '#'),
      fc.string({ maxLength: 12 }),
    );
    const line = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean(), key, scalar).map(([indent, dash, k, v]) => `${' '.repeat(indent)}${dash ? '- ' : ''}${k}:${v === '' ? '' : ` ${v}`}`);
    const text = fc.array(fc.oneof(line, fc.constantFrom('', '# c', '  - item', '-', '---')), { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(fc.property(text, (t) => agrees(t)), { seed: 20261123, numRuns: 5000 });
  });

  it('agrees on scalars made of every character that matters to YAML (fixed seed)', () => {
    const alphabet = fc.constantFrom(...'abcXYZ019 .,:#-_\'"[]{}?&*!|>%@`~+eE/\\\t'.split(''));
    const raw = fc.array(alphabet, { maxLength: 14 }).map((chars) => chars.join(''));
    const record = fc.array(fc.tuple(fc.constantFrom('person', 'week', 'done', 'next', 'name'), raw), { minLength: 1, maxLength: 5 }).map((pairs) => pairs.map(([key, value]) => `${key}: ${value}`).join('\n'));
    const nested = fc.tuple(raw, raw, raw).map(([a, b, c]) => `hours:\n  practice: ${a}\npullRequests:\n  - ${b}\nskills: [${c}]\n`);
    fc.assert(fc.property(fc.oneof(record, nested), (text) => agrees(text)), { seed: 1123, numRuns: 20000 });
  });
});
