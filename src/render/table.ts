import { visibleWidth, wrapWords } from '../domain/columns.js';

/**
 * A plain-text table with columns padded to their widest cell. Cells may carry colour; record
 * text in them must already be sanitised (sanitizeInline) by the caller.
 */
export function formatTable(header: string[], rows: string[][], options: { indent?: number; headerStyle?: (text: string) => string; width?: number } = {}): string {
  const widths = header.map((title, column) => Math.max(visibleWidth(title), ...rows.map((row) => visibleWidth(row[column] ?? ''))));
  const pad = ' '.repeat(options.indent ?? 0);
  // On a narrow terminal the last column (the free text: why, notes) wraps at spaces, under itself.
  const lastStart = (options.indent ?? 0) + widths.slice(0, -1).reduce((sum, width) => sum + width + 2, 0);
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
