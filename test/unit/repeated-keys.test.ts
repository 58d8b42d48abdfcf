import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { repeatedKeys } from '../../src/model/repeated-keys.js';
import { YamlSource } from '../../src/model/source.js';

// Keys written twice are found by our own pass (the yaml library's uniqueKeys is quadratic). It must
// find every key the library finds, and no other, on any text: valid or not, block or flow, keys
// quoted, tagged, anchored, aliased, empty, complex, nested in lists of mappings, CRLF.

const KEYS = ['a', 'a', 'b', '"a"', "'a'", '1', '"1"', '1.0', '0x1', '-0', '0', '~', 'null', '', '? a', '? [a]', '? {a: 1}', '&k a', '*k', '!!str a', '!!str 1', '<<', 'true', '"true"', 'a ', '[a]', '{a: 1}', 'name'];
const VALUES = ['1', '', '[1, 2]', '{a: 1, a: 2}', '\n  a: 1\n  a: 2', '\n  - a: 1\n    a: 2', '&k v', '*k', '"x"', '{', ']', '[a, b', '"open', '\n\ta: 1', ' # c', '|\n  text\n'];
const OPTIONS = { prettyErrors: false, strict: true, version: '1.2' } as const;

/** A small deterministic generator: the same texts on every run. */
function texts(count: number): string[] {
  let seed = 12345;
  const pick = <T>(list: readonly T[]) => list[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % list.length]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const flow = pick([false, false, false, false, true]);
    const pairs = Array.from({ length: pick([1, 2, 3, 4, 5, 6]) }, () => {
      const key = pick(KEYS);
      const value = pick(VALUES);
      return key.startsWith('?') && !flow ? `${key}\n: ${value}` : `${key}: ${value}`;
    });
    let text = flow ? `{${pairs.join(', ').replace(/\n/g, ' ')}}` : `${pairs.join('\n')}\n`;
    if (pick([false, false, true])) text = `top:\n${text.split('\n').map((line) => `  ${line}`).join('\n')}`;
    if (pick([false, false, false, true])) text = `- ${text.split('\n').join('\n  ')}`;
    if (pick([false, false, false, true])) text = text.replace(/\n/g, '\r\n');
    out.push(text);
  }
  return out;
}

/**
 * Where a report points, past blanks: the library points a repeated key that follows an empty value
 * at the end of the line before (the blanks after `a: `), and an empty key at its ':'.
 */
const atKey = (text: string, offset: number) => {
  let at = offset;
  while (at < text.length && /[ \t\r\n]/.test(text[at]!)) at++;
  return at;
};

describe('keys written twice, found in one pass', () => {
  it('are the keys the yaml library finds with uniqueKeys, on 2,000 generated texts', () => {
    const differ: string[] = [];
    for (const text of texts(2000)) {
      const library = parseDocument(text, { ...OPTIONS, uniqueKeys: true }).errors.filter((error) => error.code === 'DUPLICATE_KEY').map((error) => atKey(text, error.pos[0])).sort((a, b) => a - b);
      const ours = repeatedKeys(parseDocument(text, { ...OPTIONS, uniqueKeys: false })).map((key) => atKey(text, key.offset));
      if (JSON.stringify(library) !== JSON.stringify(ours)) differ.push(`${JSON.stringify(text)}: library ${JSON.stringify(library)}, ours ${JSON.stringify(ours)}`);
    }
    expect(differ).toEqual([]);
  });

  it('points at the repeated key itself after an empty value, where the library pointed at the line before', () => {
    const source = new YamlSource('people/ann.yaml', 'id: ann\nname: \nname: Ann\n');
    expect(source.problems.map(({ line, column, rule, message }) => ({ line, column, rule, message }))).toEqual([{ line: 3, column: 1, rule: 'yaml-duplicate-key', message: '"name" appears twice, on lines 2 and 3.' }]);
  });

  it('counts .nan written twice as a key written twice (YAML compares keys by tag and value), which the library let pass', () => {
    const text = '.nan: 1\n.NaN: 2\n';
    expect(parseDocument(text, { ...OPTIONS, uniqueKeys: true }).errors).toEqual([]);
    expect(repeatedKeys(parseDocument(text, { ...OPTIONS, uniqueKeys: false })).map((key) => key.offset)).toEqual([8]);
  });
});
