import { visibleWidth, wrapWords } from '../domain/columns.js';

interface TableOptions {
  indent?: number;
  headerStyle?: (text: string) => string;
  /** The terminal's: the last column (the free text: why, notes) wraps at spaces, under itself. */
  width?: number;
}

const columnWidths = (header: string[], rows: string[][]) => header.map((title, column) => Math.max(visibleWidth(title), ...rows.map((row) => visibleWidth(row[column] ?? ''))));

/** Where the last column starts: after every other column and two spaces each. */
const lastColumnStart = (widths: number[], indent: number) => indent + widths.slice(0, -1).reduce((sum, width) => sum + width + 2, 0);

/** Whether the table fits `width` with its last column wrapped into at least 20 columns (or all of it, when narrower). */
export function tableFits(header: string[], rows: string[][], width: number | undefined, indent = 0): boolean {
  if (width === undefined) return true;
  const widths = columnWidths(header, rows);
  return lastColumnStart(widths, indent) + Math.min(widths.at(-1)!, 20) < width;
}

/**
 * A plain-text table with columns padded to their widest cell. Cells may carry colour; record
 * text in them must already be sanitised (sanitizeInline) by the caller. A terminal too narrow for
 * it gets one block per row instead (formatBlocks), never rows the terminal breaks mid-word.
 */
export function formatTable(header: string[], rows: string[][], options: TableOptions = {}): string {
  if (!tableFits(header, rows, options.width, options.indent)) return formatBlocks(header, rows, options);
  const widths = columnWidths(header, rows);
  const pad = ' '.repeat(options.indent ?? 0);
  const lastStart = lastColumnStart(widths, options.indent ?? 0);
  const room = options.width === undefined ? Number.POSITIVE_INFINITY : Math.max(20, options.width - lastStart - 1);
  const cleanRows = rows.flatMap((row) => {
    const last = row[header.length - 1] ?? '';
    if (visibleWidth(last) <= room) return [row];
    return wrapWords(last, room).map((part, index) => (index === 0 ? [...row.slice(0, header.length - 1), part] : [...header.slice(0, -1).map(() => ''), part]));
  });
  const line = (cells: string[]) =>
    `${pad}${cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[column]! - visibleWidth(cell)))))
      .join('  ')}`.trimEnd();
  const headerLine = line(header);
  return [options.headerStyle ? options.headerStyle(headerLine) : headerLine, ...cleanRows.map(line)].join('\n');
}

/**
 * Each row as a block, for a terminal narrower than the table: its first cell, then each other
 * column's title and value under it, a long value wrapped between words under itself. Empty
 * values are left out; blocks are apart by a blank line.
 */
function formatBlocks(header: string[], rows: string[][], options: TableOptions): string {
  const pad = ' '.repeat(options.indent ?? 0);
  const titles = header.slice(1);
  const titleWidth = Math.max(...titles.map(visibleWidth));
  const room = Math.max(12, (options.width ?? Number.POSITIVE_INFINITY) - pad.length - titleWidth - 4);
  const styled = options.headerStyle ?? ((text: string) => text);
  return rows
    .map((row) => {
      const lines = [`${pad}${row[0] ?? ''}`];
      titles.forEach((title, index) => {
        const value = row[index + 1] ?? '';
        if (value === '') return;
        wrapWords(value, room).forEach((part, at) => lines.push(`${pad}  ${at === 0 && title !== '' ? styled(title.padEnd(titleWidth)) : ' '.repeat(titleWidth)}  ${part}`));
      });
      return lines.join('\n');
    })
    .join('\n\n');
}

/**
 * Commands, each with what it is for beside it, kept to `width` (the terminal's): the reasons wrap
 * between words under themselves, or, when the terminal is too narrow for two columns, under
 * their command. Without a width (a pipe), each step stays on one line.
 */
export function formatSteps(steps: ReadonlyArray<readonly [command: string, why: string]>, width?: number): string {
  const commandWidth = Math.max(...steps.map(([command]) => visibleWidth(command)));
  const room = width === undefined ? Number.POSITIVE_INFINITY : width - commandWidth - 5;
  return steps
    .flatMap(([command, why]) => {
      if (room >= 24) return wrapWords(why, room).map((part, index) => `  ${(index === 0 ? command : '').padEnd(commandWidth)}  ${part}`.trimEnd());
      const under = wrapWords(why, Math.max(20, width! - 7)).map((part) => `      ${part}`);
      return command === '' ? under : [`  ${command}`, ...under];
    })
    .join('\n');
}
