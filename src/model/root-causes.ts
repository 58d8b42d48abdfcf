import { compareProblems, type Problem } from './problem.js';
import { personFile } from '../domain/layout.js';
import { yamlText } from './yaml-value.js';

// Root causes first: when one missing thing breaks several records (a person file that does not
// exist, named from three places; a mentor several members name who is not in the cohort),
// validate shows that root once, with how many problems it explains and how to fix it, and links
// the dependent problems to it by id.

export function withRootCauses(problems: readonly Problem[]): Problem[] {
  const bySubject = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.subject === undefined) continue;
    const list = bySubject.get(problem.subject) ?? [];
    list.push(problem);
    bySubject.set(problem.subject, list);
  }
  const roots: Problem[] = [];
  const causeOf = new Map<Problem, string>();
  for (const [subject, dependents] of bySubject) {
    if (dependents.length < 2) continue;
    const [kind, id, member] = subject.split(':') as [string, string, string | undefined];
    if (kind === 'not-member' && member !== undefined) {
      // id is the cohort, member the mentor several members name but the cohort does not list.
      const first = dependents[0]!;
      roots.push({
        file: first.file,
        line: first.line,
        column: first.column,
        rule: 'mentor-not-member',
        severity: 'error',
        message: `${member} is the mentor of ${dependents.length} members of cohort ${id}, but is not a member of it.`,
        fix: `${/Did you mean "[^"]+"\?/.exec(first.fix ?? '')?.[0] ?? ''} Add ${member} to the members of ${id} (as the tier above them), or fix the ${dependents.length} \`mentor:\` lines.`.trim(),
        id: subject,
      });
      for (const dependent of dependents) causeOf.set(dependent, subject);
      continue;
    }
    if (kind !== 'missing-person') continue;
    const files = new Set(dependents.map((p) => p.file)).size;
    roots.push({
      file: personFile(id),
      line: 1,
      column: 1,
      rule: 'missing-person',
      severity: 'error',
      message: `There is no ${personFile(id)}: ${dependents.length} problems in ${files} ${files === 1 ? 'file' : 'files'} come from it.`,
      fix: `Create ${personFile(id)} with \`id: ${yamlText(id)}\` and a \`name:\` (or, if "${id}" is a typo, fix it in those ${dependents.length} places).`,
      id: subject,
    });
    for (const dependent of dependents) causeOf.set(dependent, subject);
  }
  // Link each explained problem to its root, and drop the internal subjects.
  const out = problems.map((problem): Problem => {
    const { subject: _subject, ...rest } = problem;
    const cause = causeOf.get(problem);
    return cause === undefined ? rest : { ...rest, cause };
  });
  return [...out, ...roots].sort(compareProblems);
}
