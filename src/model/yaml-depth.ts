// How deep a YAML text nests, measured in one pass over its characters before any parser sees it.
// A parser builds a node per level (and may recurse per level): a megabyte of `[[[[...` costs
// seconds and hundreds of megabytes there, while a record is a few levels deep. So a text that
// nests past MAX_DEPTH is refused here, in time linear in its length and with no memory to speak of.
//
// The count is of block levels (indentation, `- ` and `? ` entries) plus open flow collections
// (`[`, `{`), skipping quoted text, comments and block scalars. It may count a level too many
// in odd corners of YAML, never one too few past the start of a flow collection; records are
// nowhere near the limit.

/** Records nest a handful of levels (the config: roles > lead > activities > one-on-ones > hours). */
export const MAX_DEPTH = 64;

/** The offset where the text first nests deeper than `max` levels, or -1. */
export function excessiveNesting(text: string, max = MAX_DEPTH): number {
  const scan = new DepthScan(text, max);
  return scan.run();
}

const QUOTE_CLOSED = -2;

class DepthScan {
  private at = 0;
  private flow = 0;
  /** Columns of the open block levels. */
  private readonly blocks: number[] = [];
  private quote: '"' | "'" | undefined;
  /** The indentation of the line that opened a block scalar (`|`, `>`), while inside one. */
  private blockScalarParent: number | undefined;

  constructor(
    private readonly text: string,
    private readonly max: number,
  ) {}

  run(): number {
    const { text } = this;
    while (this.at < text.length) {
      const found = this.line();
      if (found !== -1) return found;
    }
    return -1;
  }

  /** Scans one line from its start; returns an offset past the limit, or -1. */
  private line(): number {
    const { text } = this;
    const lineStart = this.at;
    let column = 0;
    while (text[this.at] === ' ') (this.at++, column++);
    const blank = this.at >= text.length || text[this.at] === '\n' || text[this.at] === '\r' || text[this.at] === '#';
    if (this.blockScalarParent !== undefined) {
      if (blank || column > this.blockScalarParent) return (this.skipLine(), -1);
      this.blockScalarParent = undefined;
    }
    if (this.quote === undefined && this.flow === 0) {
      if (blank) return (this.skipLine(), -1);
      while (this.blocks.length > 0 && this.blocks.at(-1)! > column) this.blocks.pop();
      if (this.blocks.length === 0 || this.blocks.at(-1)! < column) this.blocks.push(column);
      // `- - - x` and `? x` open a level each on one line.
      while ((text[this.at] === '-' || text[this.at] === '?') && (text[this.at + 1] === ' ' || text[this.at + 1] === '\n' || this.at + 1 === text.length)) {
        const indicator = this.at;
        this.at += 1;
        while (text[this.at] === ' ') this.at++;
        this.blocks.push(this.at - lineStart);
        if (this.blocks.length > this.max) return indicator;
      }
      if (this.blocks.length > this.max) return this.at;
      return this.blockContent(true);
    }
    const found = this.rest();
    // The end of a quoted text that spans lines: nothing more to count on this line.
    return found === QUOTE_CLOSED ? (this.skipLine(), -1) : found;
  }

  /** A block line's content from a value's start: a flow collection, a quote, a block scalar or plain text. */
  private blockContent(mayBeKey: boolean): number {
    const { text } = this;
    while (text[this.at] === '&' || text[this.at] === '!') {
      while (this.at < text.length && !/[ \n]/.test(text[this.at]!)) this.at++;
      while (text[this.at] === ' ') this.at++;
    }
    const first = text[this.at];
    if (first === '[' || first === '{') {
      this.flow = 1;
      this.at++;
      return this.blocks.length + this.flow > this.max ? this.at - 1 : this.rest();
    }
    if (first === '|' || first === '>') {
      this.blockScalarParent = this.blocks.at(-1) ?? 0;
      return (this.skipLine(), -1);
    }
    if (first === '"' || first === "'") {
      this.quote = first;
      this.at++;
      const found = this.rest();
      if (found !== QUOTE_CLOSED) return found;
      // `"key": value`: the value's start is after the colon.
      return mayBeKey ? this.afterKey() : (this.skipLine(), -1);
    }
    while (this.at < text.length && text[this.at] !== '\n') {
      const ch = text[this.at]!;
      if (ch === '#' && text[this.at - 1] === ' ') return (this.skipLine(), -1);
      if (ch === ':' && mayBeKey && (text[this.at + 1] === ' ' || text[this.at + 1] === '\n' || this.at + 1 === text.length)) return this.afterKey();
      this.at++;
    }
    return (this.skipLine(), -1);
  }

  /** After a key on a block line: the value on the same line, if any. */
  private afterKey(): number {
    const { text } = this;
    while (text[this.at] === ' ') this.at++;
    if (text[this.at] !== ':') return (this.skipLine(), -1);
    this.at++;
    while (text[this.at] === ' ') this.at++;
    return this.at >= text.length || text[this.at] === '\n' || text[this.at] === '#' ? (this.skipLine(), -1) : this.blockContent(false);
  }

  /**
   * The rest of a line inside quotes or a flow collection (both may span lines): counts the flow
   * levels it opens and closes. Stops after the line's end, or where a quote closes outside flow
   * (QUOTE_CLOSED, with the position right after the quote).
   */
  private rest(): number {
    const { text } = this;
    while (this.at < text.length) {
      const ch = text[this.at]!;
      if (ch === '\n') return (this.at++, -1);
      if (this.quote === '"') {
        if (ch === '\\') this.at++;
        else if (ch === '"') this.quote = undefined;
        this.at++;
        if (this.quote === undefined && this.flow === 0) return QUOTE_CLOSED;
        continue;
      }
      if (this.quote === "'") {
        if (ch === "'" && text[this.at + 1] === "'") this.at++;
        else if (ch === "'") this.quote = undefined;
        this.at++;
        if (this.quote === undefined && this.flow === 0) return QUOTE_CLOSED;
        continue;
      }
      if (this.flow === 0) return (this.skipLine(), -1);
      if (ch === '[' || ch === '{') {
        this.flow++;
        if (this.blocks.length + this.flow > this.max) return this.at;
      } else if (ch === ']' || ch === '}') {
        this.flow = Math.max(0, this.flow - 1);
      } else if ((ch === '"' || ch === "'") && /[[{,:\s]/.test(text[this.at - 1] ?? ' ')) {
        this.quote = ch;
      } else if (ch === '#' && /\s/.test(text[this.at - 1] ?? ' ')) {
        this.skipLine();
        return -1;
      }
      this.at++;
    }
    return -1;
  }

  private skipLine(): void {
    const end = this.text.indexOf('\n', this.at);
    this.at = end === -1 ? this.text.length : end + 1;
  }
}
