import { visibleWidth } from '../../src/domain/columns.js';

/**
 * What a terminal `width` columns wide shows after the program wrote `raw` (run_pty.py's output
 * with PTY_RAW set): the lines of the screen and its scrollback, as the user reads them. It moves
 * the cursor as inquirer and mentor do (CR, LF, CSI A/B/C/D/G/H/K/J) and wraps a line that reaches
 * the last column the way xterm does, so a word the program let run past the edge shows split;
 * `overflowing` lists the rows it went on from.
 */
export function screenOf(raw: string, width: number): { lines: string[]; overflowing: string[] } {
  const rows: string[][] = [[]];
  /** Rows the terminal went on from, having reached its edge: the program wrote past the width. */
  const overflowed = new Set<string[]>();
  let row = 0;
  let column = 0;
  let pendingWrap = false;
  const line = () => (rows[row] ??= []);
  const down = () => {
    row += 1;
    while (rows.length <= row) rows.push([]);
  };
  // eslint-disable-next-line no-control-regex
  const token = /\u001b\[([?0-9;]*)([A-Za-z])|\u001b[()][A-Z0-9]|\u001b.|\r|\n|[^\u001b\r\n]/gsu;
  for (const [text, params, command] of raw.matchAll(token)) {
    if (command !== undefined) {
      const n = Number.parseInt(params ?? '', 10);
      const count = Number.isNaN(n) ? 1 : n;
      pendingWrap = false;
      if (command === 'A') row = Math.max(0, row - count);
      else if (command === 'B') for (let i = 0; i < count; i++) down();
      else if (command === 'C') column = Math.min(width - 1, column + count);
      else if (command === 'D') column = Math.max(0, column - count);
      else if (command === 'G') column = Math.min(width - 1, count - 1);
      else if (command === 'K') {
        const cells = line();
        if (params === '2') cells.length = 0;
        else if (params === '1') for (let i = 0; i <= column && i < cells.length; i++) cells[i] = ' ';
        else cells.length = Math.min(cells.length, column);
      } else if (command === 'J' && (params === '' || params === '0')) {
        line().length = Math.min(line().length, column);
        rows.length = row + 1;
      }
      continue;
    }
    if (text === '\r') {
      column = 0;
      pendingWrap = false;
    } else if (text === '\n') {
      down();
      pendingWrap = false;
    } else if (!text.startsWith('\u001b')) {
      const cellWidth = Math.max(1, visibleWidth(text));
      if (pendingWrap || column + cellWidth > width) {
        overflowed.add(line());
        down();
        column = 0;
        pendingWrap = false;
      }
      const cells = line();
      while (cells.length < column) cells.push(' ');
      cells[column] = text;
      for (let i = 1; i < cellWidth; i++) cells[column + i] = '';
      column += cellWidth;
      if (column >= width) {
        column = width - 1;
        pendingWrap = true;
      }
    }
  }
  const lines = rows.map((cells) => cells.join('').trimEnd());
  while (lines.at(-1) === '') lines.pop();
  return { lines, overflowing: rows.filter((cells) => overflowed.has(cells)).map((cells) => cells.join('')) };
}
