import { Lexer } from 'yaml';

// Small text helpers for moving YAML lines between files: lines, indentation, comments.

/** The line a member file starts with for editors (a file directive, not a member's comment). */
export const SCHEMA_LINE = /^\s*#\s*yaml-language-server:\s*\$schema=/;

/** The line cohort.yaml keeps where its `members:` list was, once the members are files. */
export const MARKER = /^[ \t]*# Members: one file each in members\/.*$/m;

export const markerLine = (cohortId: string, indent: string) =>
  `${indent}# Members: one file each in members/ (\`mentor members ${cohortId} --to list\` moves them back here).`;

/** Where the line holding `offset` starts. */
export const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Where the line holding `offset` ends, after its newline. */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export const indentOf = (line: string) => line.length - line.trimStart().length;

export const isComment = (line: string) => line.trimStart().startsWith('#');

/** Lines moved `column` to the left (a line indented less, a comment, goes to the margin). */
export const dedent = (lines: readonly string[], column: number) => lines.map((line) => line.slice(Math.min(column, indentOf(line))));

/** Every comment in a YAML text, as written (a `#` inside a quoted or block scalar is not one). */
export function commentsOf(text: string): string[] {
  const comments: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) comments.push(token.trimEnd());
  return comments;
}
