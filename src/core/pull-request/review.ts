import type { LogBeforeAfter } from '../../model/changed-logs.js';
import { isError, type Problem } from '../../model/problem.js';
import type { Program } from '../../model/program.js';
import type { Change } from '../../model/scope.js';
import { maintainerApprovals, type Author } from './author.js';
import type { AuthorAssociation } from '../../domain/github.js';
import { judgeChanges, type ChangeVerdict } from './judge.js';
import { summarizeChanges, type ChangeSummary } from './summary.js';

// The one pull-request core: `check-pr`, `pr-summary` and the gate's comment all render this.

export interface PullRequestInput {
  base: Program;
  head: Program;
  changes: readonly Change[];
  author: string;
  /** GitHub's author_association of the author, when known: a listed maintainer without access is not one. */
  authorAssociation?: AuthorAssociation;
  /** The author_association the caller was given, when this mentor does not know it (`authorAssociation` is then NONE). */
  unknownAssociation?: string;
  /** Everyone whose approval is on the head commit; only maintainers' count. */
  approvedBy: readonly string[];
  /** Approvals on the head commit from logins GitHub says have no access: said, never counted. */
  approvedWithoutAccess?: readonly string[];
  /** The problems of the head's records, for the files the change reports on. */
  problems: readonly Problem[];
  /** The problems the base's records had in the same scope: one the base had already is not the pull request's to fix. */
  baseProblems?: readonly Problem[];
  /** Files the base changed too since the pull request branched, which git cannot merge. */
  conflicts?: readonly string[];
  logs: ReadonlyMap<string, LogBeforeAfter>;
  now: number;
}

export interface PullRequestReview {
  allowed: boolean;
  author: Author;
  approvals: string[];
  /** Listed maintainers whose approval did not count: GitHub says their login has no access. */
  ignoredApprovals: string[];
  maintainers: string[];
  changes: ChangeVerdict[];
  summary: ChangeSummary[];
  problems: Problem[];
  /** Problems left out of `problems`: the base branch had each already (a maintainer's to fix there). */
  inherited: number;
}

export function reviewPullRequest(input: PullRequestInput): PullRequestReview {
  const approvals = maintainerApprovals(input.base, input.approvedBy);
  const { author, verdicts } = judgeChanges({ ...input, approvals });
  const own = newProblems(input.problems, input.baseProblems ?? []);
  const problems = [...(input.conflicts ?? []).map(conflict), ...own];
  return {
    allowed: verdicts.every((verdict) => verdict.allowed) && !problems.some(isError),
    author: input.unknownAssociation !== undefined ? { ...author, unknownAssociation: input.unknownAssociation } : author,
    approvals,
    ignoredApprovals: maintainerApprovals(input.base, input.approvedWithoutAccess ?? []),
    maintainers: [...input.base.config.maintainers].sort(),
    changes: verdicts,
    summary: summarizeChanges(input.base, input.head, input.changes, input.logs),
    problems,
    inherited: input.problems.length - own.length,
  };
}

/**
 * The problems a pull request brings: those of the head less those the base had already, each
 * matched once by file, rule and message (a line moves when the file is edited above it). A
 * record already broken on the base (two claims merged past a mentor's room, a maintainer's slip)
 * must not hold up every pull request that touches what reads it, for a fix its author may not make.
 */
function newProblems(head: readonly Problem[], base: readonly Problem[]): Problem[] {
  const key = (problem: Problem) => `${problem.file}\0${problem.rule}\0${withoutLines(problem.message)}`;
  const had = new Map<string, number>();
  for (const problem of base) had.set(key(problem), (had.get(key(problem)) ?? 0) + 1);
  return head.filter((problem) => {
    const left = had.get(key(problem)) ?? 0;
    if (left > 0) had.set(key(problem), left - 1);
    return left === 0;
  });
}

/**
 * A message without the lines it names ("also at cohorts/x/cohort.yaml:61", "on lines 59 and 60"):
 * they move when the pull request edits the file above them, and the problem is the same.
 */
function withoutLines(message: string): string {
  return message.replace(/(\.ya?ml):\d+(?::\d+)?/g, '$1').replace(/\blines? \d+(?: and \d+)?/g, 'line');
}

/** A file that no longer merges: the pull request cannot go in as it is, whoever opened it. */
function conflict(file: string): Problem {
  return {
    file,
    line: 1,
    column: 1,
    rule: 'branch-conflict',
    severity: 'error',
    message: 'The base branch changed this file too since this pull request branched off, and git cannot merge the two.',
    fix: 'Bring the branch up to date: merge the base branch into it (or rebase onto it), keep the right lines, and push.',
  };
}
