// Text as a terminal lays it out: the columns it takes, and lines broken between words. Every
// layer that prints to a terminal needs it (render/ for tables, io/ for messages on stderr).

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Characters a terminal draws two columns wide: East Asian wide and full-width forms, and emoji. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f1e6}-\u{1f1ff}\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;
/** Plain ASCII letters, digits, punctuation and spaces: one column each, no need to split characters. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * The characters of a text as the reader sees them. The segmenter is made on first use: making one
 * loads ICU's break rules (about 9 ms), which a command that prints only plain text never needs.
 */
let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string) => (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text);

/** The columns one character as the reader sees it (a grapheme: a letter with its marks, an emoji sequence) takes. */
const columnsOf = (grapheme: string) => (WIDE.test(grapheme) ? 2 : /^[\p{M}\u200b-\u200f\ufe00-\ufe0f]+$/u.test(grapheme) ? 0 : 1);

/** The columns a text takes on a terminal, colour codes left out. */
export function visibleWidth(text: string): number {
  const shown = text.replace(ANSI, '');
  if (PLAIN.test(shown)) return shown.length;
  let width = 0;
  for (const { segment } of graphemes(shown)) width += columnsOf(segment);
  return width;
}

/** Text cut to at most `columns` columns with an ellipsis, never inside a character; all of it when it fits. */
export function fitColumns(text: string, columns: number): string {
  if (visibleWidth(text) <= columns) return text;
  if (columns < 2) return '';
  if (PLAIN.test(text)) return `${text.slice(0, columns - 1)}…`;
  let out = '';
  let width = 0;
  for (const { segment } of graphemes(text)) {
    const next = columnsOf(segment);
    if (width + next > columns - 1) break;
    out += segment;
    width += next;
  }
  return `${out}…`;
}

/**
 * The words of a text, split at spaces, except inside `backticks`: a command quoted for people to
 * copy stays on one line (a terminal joins its own wraps on copy, never a line break of ours).
 */
function wordsOf(text: string): string[] {
  if ((text.match(/`/g)?.length ?? 0) % 2 !== 0) return text.split(' ');
  const words: string[] = [];
  let word = '';
  let quoted = false;
  for (const char of text) {
    if (char === '`') quoted = !quoted;
    if (char === ' ' && !quoted) {
      words.push(word);
      word = '';
    } else word += char;
  }
  words.push(word);
  return words;
}

/**
 * Breaks text at spaces into lines of at most `width` visible characters, the lines after the
 * first at most `restWidth` (a longer word, or command in backticks, stays whole).
 */
export function wrapWords(text: string, width: number, restWidth = width): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of wordsOf(text)) {
    const room = lines.length === 0 ? width : restWidth;
    // A word no line could hold goes on where it is: the terminal breaks it there or on a line of its own alike.
    if (current !== '' && visibleWidth(current) + 1 + visibleWidth(word) > room && visibleWidth(word) <= restWidth) {
      lines.push(current.trimEnd());
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}

/**
 * A line too wide for the terminal, broken between words; the rest goes under its text, `hang`
 * columns further in than the line's own indent (a list item's continuation). `labelled`: the line
 * starts with a label (`fix: `) that stays with the word after it. A line that fits is kept as it is.
 */
export function wrapLine(line: string, width: number, hang = 2, labelled = false): string[] {
  if (visibleWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)![0].length;
  // A stand-in for the label's space, one column wide like it, that no break is made at.
  const text = labelled ? line.slice(indent).replace(' ', GLUE) : line.slice(indent);
  const [first, ...rest] = wrapWords(text, Math.max(20, width - indent), Math.max(20, width - indent - hang)).map((part) => part.replace(GLUE, ' '));
  return [`${' '.repeat(indent)}${first}`, ...rest.map((part) => `${' '.repeat(indent + hang)}${part}`)];
}

const GLUE = '\u0000';

/** What a line may start with after its indent, its text going on under the text after it. */
const LABEL = /^(?:mentor: |fix: |[✖✔!•↳⚠] )/u;

/**
 * A line that is a command to copy (`  git push -u origin ...`): a terminal joins its own wraps of
 * it on copy, never ours. A sentence about mentor or git (`mentor could not tell ...`, `git refuses
 * to ...`) is prose, wrapped as any other.
 */
const COMMAND = /^ *(?:git|mentor|node|npm|npx|cd) (?!(?:could|cannot|can|never|will|would|does|did|is|was|has|had|needs|refuses|stopped|knows|found|only|may|must|reads|writes|keeps|takes|asks|sees)\b)/;

/**
 * mentor's text (a message, a list of what it found) for a terminal `width` wide, each line broken
 * between words: after a label (`mentor: `, `fix: `, a mark such as `✖ `) it goes on under the
 * label's text, any other line two columns further in than itself. A command line stays whole.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (COMMAND.test(line)) return [line];
      const label = LABEL.exec(line.replace(ANSI, '').trimStart())?.[0];
      return wrapLine(line, width, label === undefined ? 2 : visibleWidth(label), label !== undefined);
    })
    .join('\n');
}

/**
 * A question for a prompt on a terminal `width` wide, broken between words: inquirer puts `? `
 * before it, and `after` columns after it on its last line (the default shown, the cursor); the
 * lines after the first go under its text. A short aside in parentheses (`(planned 0.5)`,
 * `(< to go back)`) stays whole on a line. Without a width, as it is.
 */
export function fitQuestion(message: string, width: number | undefined, after = 0): string {
  if (width === undefined || width <= 0) return message;
  const glued = message.replace(/\([^()]{1,12}\)/g, (aside) => aside.replaceAll(' ', '\u00a0'));
  return wrapWords(glued, Math.max(20, width - 2 - after))
    .join('\n  ')
    .replaceAll('\u00a0', ' ');
}
