import { isError, type Problem } from '../model/problem.js';
import type { Style } from '../domain/style.js';
import { workflowMessage, workflowProperty } from './escape.js';
import { sanitizeInline } from './terminal.js';
import { plural } from './words.js';
import { wrapText } from '../domain/columns.js';

export interface ValidationResult {
  valid: boolean;
  files: number;
  problems: Problem[];
}

/** DESIGN.md's JSON: { valid, files, problems: [{ file, line, column, rule, severity, message }] }. */
export function renderProblemsJson(result: ValidationResult): string {
  return `${JSON.stringify({ valid: result.valid, files: result.files, problems: result.problems.map(problemJson) }, null, 2)}\n`;
}

/** One problem as every JSON output gives it (validate's keys, then fix, id and cause when set). */
export function problemJson({ file, line, column, rule, severity, message, fix, id, cause }: Problem) {
  return { file, line, column, rule, severity, message, ...(fix ? { fix } : {}), ...(id ? { id } : {}), ...(cause ? { cause } : {}) };
}

/** GitHub Actions workflow commands, so problems show on the exact line of a pull request. */
export function renderProblemsGithub(result: ValidationResult): string {
  return result.problems
    .map((problem) => {
      const message = problem.fix ? `${problem.message} ${problem.fix}` : problem.message;
      const properties = `file=${workflowProperty(problem.file)},line=${problem.line},col=${problem.column}`;
      return `::${problem.severity} ${properties}::${workflowMessage(`${problem.file}: ${message}`)}\n`;
    })
    .join('');
}


/**
 * Problems grouped by file, each with the source line and a caret under the column, and how
 * to fix it. `sourceLine` gives the text of a line of a file when it is at hand.
 */
export function renderProblemsText(result: ValidationResult, style: Style, sourceLine: (file: string, line: number) => string | undefined, width?: number): string {
  const out: string[] = [];
  // On a terminal, what is said breaks between words within its width, under its own text; a
  // line quoted from a file does not (the caret points into it).
  const said = (line: string) => out.push(...(width === undefined ? [line] : wrapText(line, width).split('\n')));
  // Root causes first, once each, with the problems they explain listed under them.
  const roots = result.problems.filter((problem) => problem.id !== undefined);
  for (const root of roots) {
    const explained = result.problems.filter((problem) => problem.cause === root.id);
    said(`${style.error('root cause')}  ${style.bold(sanitizeInline(root.file))}  ${sanitizeInline(root.message)}  ${style.dim(`[${root.rule}]`)}`);
    if (root.fix) said(`         ${style.accent('fix:')} ${sanitizeInline(root.fix)}`);
    for (const problem of explained) said(`    ${style.dim('↳')} ${sanitizeInline(problem.file)}:${problem.line}:${problem.column}  ${sanitizeInline(problem.message)}`);
    out.push('');
  }
  let currentFile: string | undefined;
  for (const problem of result.problems.filter((p) => p.id === undefined && p.cause === undefined)) {
    if (problem.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      currentFile = problem.file;
      out.push(style.bold(sanitizeInline(problem.file)));
    }
    const label = isError(problem) ? style.error('error') : style.warning('warning');
    said(`  ${style.dim(`${problem.line}:${problem.column}`)}  ${label}  ${sanitizeInline(problem.message)}  ${style.dim(`[${problem.rule}]`)}`);
    const line = sourceLine(problem.file, problem.line);
    if (line !== undefined && line.length > 0) {
      const gutter = String(problem.line).padStart(5);
      const shown = sanitizeInline(line.length > 200 ? `${line.slice(0, 200)}…` : line);
      out.push(style.dim(`  ${gutter} | `) + shown);
      const caretAt = sanitizeInline(line.slice(0, problem.column - 1)).length;
      out.push(style.dim(`  ${' '.repeat(gutter.length)} | `) + ' '.repeat(Math.min(caretAt, 201)) + (isError(problem) ? style.error('^') : style.warning('^')));
    }
    if (problem.fix) said(`         ${style.accent('fix:')} ${sanitizeInline(problem.fix)}`);
  }
  while (out.at(-1) === '') out.pop();
  if (out.length > 0) out.push('');
  said(summary(result, style));
  return `${out.join('\n')}\n`;
}

function summary(result: ValidationResult, style: Style): string {
  const errors = result.problems.filter(isError).length;
  const warnings = result.problems.length - errors;
  const files = new Set(result.problems.map((problem) => problem.file)).size;
  const checked = `${plural(result.files, 'file')} checked`;
  if (result.problems.length === 0) return style.ok(`✔ ${checked}, no problems.`);
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
  return errors > 0 ? style.error(`✖ ${counts} (${checked}).`) : style.warning(`⚠ ${counts} (${checked}); the records are valid.`);
}

