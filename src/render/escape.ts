import { BIDI_CONTROLS, sanitizeInline } from './terminal.js';

// Every text that comes from a program repo, an issue or a pull request is hostile. These are the
// only ways it leaves mentor: each escaper fits one destination, and a renderer picks the one for
// where its string goes.

export { sanitizeForTerminal, sanitizeInline as terminalLine } from './terminal.js';

/**
 * GitHub @mentions and team mentions notify people; text from a record must never do that. A
 * zero-width joiner after the @ keeps the text readable and the mention dead.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, '@\u200d');
}

/**
 * Text for a Markdown paragraph, list item or table cell: no HTML, no Markdown syntax, no mention.
 * `inLink`: the text of a link, where GitHub makes no further link of a URL.
 */
export function markdownText(text: string, options: { inLink?: boolean } = {}): string {
  const escaped = defuseMentions(
    text
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(BIDI_CONTROLS, sanitizeInline)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_{}[\]()#!|~$])/g, '\\$1')
      .trim(),
  );
  // No bare link either: GitHub would turn https://... or www.... into one.
  return options.inLink ? escaped : escaped.replace(/:\/\//g, '\\://').replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\\.`);
}

/**
 * A Markdown code span holding any text: the fence is one backtick longer than the longest run
 * inside, so the text cannot close it. Inside code, mentions, links and HTML never render.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => sanitizeInline(ch));
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat || ' '}${pad}${fence}`;
}

/** A GitHub handle the program itself names (a maintainer, a mentor): a real mention. */
export function mention(handle: string): string {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(handle) ? `@${handle}` : markdownCode(handle);
}

/** Text for HTML element content or a double-quoted attribute. */
export function htmlText(text: string): string {
  return text
    .replace(BIDI_CONTROLS, sanitizeInline)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The message of a GitHub workflow command (`::error file=..::MESSAGE`): its line breaks are
 * encoded, so no text can end the command or start another on a new line.
 */
export function workflowMessage(text: string): string {
  return sanitizeControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property of a workflow command (`file=`, `title=`): also `:` and `,` are encoded. */
export function workflowProperty(text: string): string {
  return workflowMessage(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A line of plain output that a workflow log shows: it can never be read as a workflow command.
 * GitHub reads `::name::` at the start of any line (after whitespace), so such a line is indented
 * behind a visible marker.
 */
export function workflowLogLine(text: string): string {
  return text
    .split('\n')
    .map((line) => (/^\s*::/.test(line) || /^\s*##\[/.test(line) ? `| ${line}` : line))
    .join('\n');
}

function sanitizeControls(text: string): string {
  // Keep \r and \n for the encoder above; every other control character is shown escaped.
  return text.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (ch) => sanitizeInline(ch));
}
