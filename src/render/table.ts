// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Characters a terminal draws two columns wide: East Asian wide and full-width forms, and emoji. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f1e6}-\u{1f1ff}\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]|\p{Extended_Pictographic}/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The columns one character as the reader sees it (a grapheme: a letter with its marks, an emoji sequence) takes. */
const columnsOf = (grapheme: string) => (WIDE.test(grapheme) ? 2 : /^[\p{M}\u200b-\u200f\ufe00-\ufe0f]+$/u.test(grapheme) ? 0 : 1);

/** The columns a text takes on a terminal, colour codes left out. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text.replace(ANSI, ''))) width += columnsOf(segment);
  return width;
}

/** Text cut to at most `columns` columns with an ellipsis, never inside a character; all of it when it fits. */
export function fitColumns(text: string, columns: number): string {
  if (visibleWidth(text) <= columns) return text;
  if (columns < 2) return '';
  let out = '';
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    const next = columnsOf(segment);
    if (width + next > columns - 1) break;
    out += segment;
    width += next;
  }
  return `${out}…`;
}

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
