import { describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/model/record-source.js';

// A record that is not UTF-8 is pointed at its first bad byte, with line and column counted as
// for every other problem (UTF-16 units of the decoded text, after a byte-order mark), so an editor
// opens at the byte to fix.

const at = (...parts: Array<string | number[]>) => {
  const outcome = decodeRecord(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)))));
  if (!('problem' in outcome)) throw new Error('decoded');
  return outcome.problem;
};

describe('a record that is not UTF-8', () => {
  it.each([
    ['a Latin-1 ö', ['id: ada\n# note\nname: Ada L', [0xf6], 'velace\n'], 3, 12, '0xF6'],
    ['a Latin-1 é followed by an ASCII letter (a lead byte with no continuation)', ['id: jose\nname: Jos', [0xe9], 'e\n'], 2, 10, '0xE9'],
    ['one after a byte-order mark and characters of several bytes (columns count UTF-16 units, as for every problem)', [[0xef, 0xbb, 0xbf], 'id: x\nname: €😀 ', [0xff], '\n'], 2, 11, '0xFF'],
    ['a surrogate written as UTF-8 (CESU-8)', ['id: x\n', [0xed, 0xa0, 0x80], '\n'], 2, 1, '0xED'],
    ['an overlong form of "/"', ['id: ', [0xc0, 0xaf], '\n'], 1, 5, '0xC0'],
    ['a character cut off at the end of the file', ['id: x\nname: ', [0xe2, 0x82]], 2, 7, '0xE2'],
    ['a byte that is not UTF-8 on a CRLF line', ['id: x\r\nname: ', [0x80], '\r\n'], 2, 7, '0x80'],
  ])('points at the first bad byte: %s', (_, parts, line, column, byte) => {
    const problem = at(...(parts as Array<string | number[]>));
    expect(problem).toMatchObject({ rule: 'not-utf8', line, column });
    expect(problem.message).toContain(`byte ${byte}`);
  });

  it('names UTF-16 (Notepad\'s "Unicode", PowerShell 5\'s `>`) by its byte-order mark, rather than as Latin-1', () => {
    for (const [encoding, mark] of [['utf16le', '0xFF 0xFE'], ['utf16be', '0xFE 0xFF']] as const) {
      const text = Buffer.from('\ufeffperson: hal\r\nweek: 2026-W47\r\n', 'utf16le');
      const bytes = encoding === 'utf16le' ? text : Buffer.from(text).swap16();
      expect(at([...bytes])).toEqual({ rule: 'not-utf8', severity: 'error', line: 1, column: 1, message: `The file is saved as UTF-16 (it starts with the bytes ${mark}, UTF-16's byte-order mark), not as UTF-8 text.`, fix: 'Save it as UTF-8 in your editor (in Windows Notepad: Save As, Encoding: UTF-8).' });
    }
  });

  it('decodes valid UTF-8 of every length, without its byte-order mark', () => {
    expect(decodeRecord(Buffer.from('\ufeffname: Ada Lövelace € 😀\n'))).toEqual({ text: 'name: Ada Lövelace € 😀\n' });
  });
});
