import type { Program } from '../model/program.js';

// A move of members between cohort.yaml and member files must change where they are written,
// never what the records mean: the same members with the same fields, and the same problems.

/** What differs in meaning between two loads of the same program; empty when nothing does. */
export function meaningChanges(before: Program, after: Program, cohortId: string): string[] {
  const changes: string[] = [];
  const members = (program: Program) => new Map((program.cohorts.get(cohortId)?.cohort?.members ?? []).map((member) => [member.person, canonicalJson(member)]));
  const was = members(before);
  const is = members(after);
  for (const [person, member] of was) if (is.get(person) !== member) changes.push(is.has(person) ? `${person} would read differently` : `${person} would no longer be a member`);
  for (const person of is.keys()) if (!was.has(person)) changes.push(`${person} would become a member`);
  const problems = (program: Program) => program.problems.map((problem) => `${problem.severity} ${problem.rule}`).sort();
  const [old, now] = [problems(before), problems(after)];
  if (old.join('\n') !== now.join('\n')) changes.push(`the problems would change (${old.length} before, ${now.length} after)`);
  return changes;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1))) : inner,
  );
}
