import { stripComment } from './fast-yaml.js';

// Four slips of hand-editing that the `yaml` library names in its own words ("plain value cannot
// start with reserved character @", "unexpected block-seq-ind on same line with key", "unexpected
// scalar at node end", "implicit map keys need to be followed by map values"): said here as the
// slip they are, with the line as it should be.

export interface ParserSlip {
  offset: number;
  rule: 'yaml-syntax';
  message: string;
  fix: string;
}

interface ParserError {
  code: string;
  pos: [number, number];
}

/** Longest line shown whole in a fix. */
const SHOWN = 100;

/** Fields that hold an id or a GitHub handle, where a leading @ is a slip for the name itself. */
const ID_FIELDS = new Set(['github', 'person', 'mentor', 'prefers', 'maintainers']);

const KEY_VALUE = /^((?:- +)?)([A-Za-z_][\w-]*): +(.*)$/;

/** The slip behind one of the parser's errors, or undefined when it is none of these. */
export function parserSlip(text: string, error: ParserError): ParserSlip | undefined {
  const start = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
  const end = text.indexOf('\n', start);
  const raw = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
  const indent = raw.length - raw.trimStart().length;
  const content = stripComment(raw.slice(indent)) ?? raw.slice(indent).trimEnd();
  const at = (offset: number, message: string, fix: string): ParserSlip => ({ offset, rule: 'yaml-syntax', message, fix });
  const shown = (line: string, otherwise: string) => (line.length > SHOWN ? otherwise : line.includes('`') ? line : `\`${line}\``);
  const match = KEY_VALUE.exec(content);
  if (error.code === 'BAD_SCALAR_START') {
    const char = text[error.pos[0]]!;
    const word = /^[^\s,\]}]+/.exec(text.slice(error.pos[0]))![0];
    // An id or a handle written with its @ (`github: @ada-l`, `maintainers: [@ada-l]`): the @ goes.
    const key = match?.[2] ?? '';
    const withoutAt = `${raw.slice(indent, error.pos[0] - start)}${raw.slice(error.pos[0] - start + 1, indent + content.length)}`;
    const fix = char === '@' && ID_FIELDS.has(key) ? `Write the ${key === 'github' || key === 'maintainers' ? 'handle' : 'id'} without the @: ${shown(withoutAt, 'delete the @')}.` : `Put it in quotes: ${shown(`"${word.replace(/"/g, '\\"')}"`, 'in "double quotes"')}.`;
    return at(error.pos[0], `A value cannot start with ${char} unless it is in quotes: YAML keeps ${char} for itself.`, fix);
  }
  if (match && /^- /.test(match[3]!)) {
    // `skills: - js`: both of the parser's errors on this line are this one slip, said once.
    const [, dash, key, value] = match as unknown as [string, string, string, string];
    const items = value.split(/ +- +/).map((item) => item.replace(/^- +/, ''));
    return at(start + indent + dash.length + key.length + 2, `A list starts on the line after its key: after \`${key}:\` on the same line, YAML cannot read "- ".`, `Write it as ${shown(`${dash}${key}: [${items.join(', ')}]`, `\`${key}: [...]\``)}, or put each item on a line of its own below \`${key}:\`, starting with "- ".`);
  }
  if (error.code === 'UNEXPECTED_TOKEN' && match && /^'[^']*'[^\s]/.test(match[3]!)) {
    // `name: 'it's'`: the apostrophe closed the quotes.
    const [, dash, key, value] = match as unknown as [string, string, string, string];
    const inner = value.slice(1, value.endsWith("'") ? -1 : undefined);
    const fixed = /["\\]/.test(inner) ? `${dash}${key}: '${inner.replace(/'/g, "''")}'` : `${dash}${key}: "${inner}"`;
    return at(start + indent + content.length - value.length, 'An apostrophe inside text in single quotes ends the text there; the rest of the line is left over.', `Put the text in double quotes, or write each apostrophe twice (''): ${shown(fixed, `\`${key}: "..."\``)}.`);
  }
  if (error.code === 'BAD_DQ_ESCAPE') {
    const escape = text.slice(error.pos[0], error.pos[0] + 2);
    return at(error.pos[0], `In text in double quotes, a backslash starts an escape such as \\n, and ${escape} is none.`, 'Put the text in single quotes instead (a backslash is plain there), or write each backslash twice (\\\\).');
  }
  const bare = /^([A-Za-z_][\w-]*) +([^:#]+)$/.exec(content);
  if ((error.code === 'MISSING_CHAR' || error.code === 'MULTILINE_IMPLICIT_KEY') && bare && error.pos[0] === start + indent) {
    // `github ada-l`: no colon, so YAML reads a word where a field belongs.
    const fixed = `${' '.repeat(indent)}${bare[1]}: ${bare[2]}`;
    return at(error.pos[0], `This line has no colon: YAML cannot read "${bare[1]}" as a field.`, `Put a colon after the field's name: ${shown(fixed.trim(), `\`${bare[1]}: ...\``)}.`);
  }
  return undefined;
}
