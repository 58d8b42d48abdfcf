// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visibleWidth = (text: string) => [...text.replace(ANSI, '')].length;

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

/** Breaks text at spaces into lines of at most `width` visible characters (a longer word stays whole). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && visibleWidth(current) + 1 + visibleWidth(word) > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}
