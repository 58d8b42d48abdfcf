// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visibleWidth = (text: string) => [...text.replace(ANSI, '')].length;

/**
 * A plain-text table with columns padded to their widest cell. Cells may carry colour; record
 * text in them must already be sanitised (sanitizeInline) by the caller.
 */
export function formatTable(header: string[], rows: string[][], options: { indent?: number; headerStyle?: (text: string) => string } = {}): string {
  const cleanRows = rows;
  const widths = header.map((title, column) => Math.max(visibleWidth(title), ...cleanRows.map((row) => visibleWidth(row[column] ?? ''))));
  const pad = ' '.repeat(options.indent ?? 0);
  const line = (cells: string[]) =>
    `${pad}${cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[column]! - visibleWidth(cell)))))
      .join('  ')}`.trimEnd();
  const headerLine = line(header);
  return [options.headerStyle ? options.headerStyle(headerLine) : headerLine, ...cleanRows.map(line)].join('\n');
}
