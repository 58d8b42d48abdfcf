import { markdownText } from './escape.js';
// Escaping record text for GitHub Markdown and Mermaid: a name can never break a table, inject
// HTML, start a link or an image, or break out of a Mermaid node.

/** Text for a Markdown paragraph or table cell: HTML, Markdown syntax and mentions are neutralised. */
export const mdText = (text: string): string => markdownText(text);

/** A link only for http(s) URLs; its text and target are escaped. */
export function mdLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) return mdText(url);
  const target = url.replace(/[\s<>()[\]`|]/g, (ch) => encodeURIComponent(ch));
  return `[${markdownText(url, { inLink: true })}](${target})`;
}

export function mdTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * A Mermaid label: inside double quotes, with every character that is not plainly safe written
 * as an entity code (#35; for #, #quot; for "), which Mermaid decodes for display. Letters,
 * marks and digits of every script stay as they are, so José and 李雷 read well in a diff.
 */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')) {
    out += /^[\p{L}\p{M}\p{N} ,._\-·=()]$/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}
