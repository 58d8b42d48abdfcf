export type Severity = 'error' | 'warning';

/** One thing wrong with the records: where it is, which rule found it and how to fix it. */
export interface Problem {
  /** Relative to the repo, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Stable id of the rule, e.g. `member-unknown-person`. */
  rule: string;
  severity: Severity;
  message: string;
  /** How to fix it, in one sentence. */
  fix?: string;
  /** On a root cause: its id, which the problems it explains name as their `cause`. */
  id?: string;
  /** On a problem explained by a root cause: that cause's id. */
  cause?: string;
  /** Internal: what the problem is about (e.g. `missing-person:ada`), for finding root causes. */
  subject?: string;
}

export const isError = (problem: Problem) => problem.severity === 'error';

export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** `members[2].role`: a field path as a person reading the YAML would write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
