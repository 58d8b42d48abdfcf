// Record text reaches the terminal only through here: control characters (ANSI escapes, bells,
// carriage returns that overwrite a line) are shown escaped instead of being obeyed.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Unicode bidi overrides and isolates: invisible, they reverse how the rest of a line reads (wherever it is shown). */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeForTerminal(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Like sanitizeForTerminal, but one line: newlines and tabs are escaped too. */
export function sanitizeInline(text: string): string {
  return sanitizeForTerminal(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}
