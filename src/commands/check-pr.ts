import { ExitCode, MentorError } from '../errors.js';
import { currentTime } from '../io/clock.js';
import { GitCommitSource, SharedReads } from '../io/git-source.js';
import { print, printError, styleFor, ttyWidth } from '../io/output.js';
import { findRepoRoot } from '../io/repo.js';
import { WorktreeSource } from '../io/worktree-source.js';
import { BOT_HANDLE, isHandle } from '../core/pull-request/author.js';
import { reviewPullRequest, type PullRequestReview } from '../core/pull-request/review.js';
import { handlesNamed } from '../core/pull-request/summary.js';
import { changedLogs } from '../model/changed-logs.js';
import { loadProgram } from '../model/load.js';
import { handleNeedles, type Program } from '../model/program.js';
import { isOutsideProgram, PEOPLE_DIR } from '../domain/layout.js';
import { validateScope } from '../model/validate.js';
import { renderReviewJson, renderReviewMarkdown, renderReviewText, renderSummaryJson } from '../render/pull-request.js';
import { terminalLine } from '../render/escape.js';
import { ASSOCIATION_SHAPE, judgedAssociation } from '../domain/github.js';
import { personOfGitUser } from './context.js';

export interface CheckPrOptions {
  repo?: string;
  base: string;
  head?: string;
  author?: string;
  /** GitHub's author_association, as the workflow was given it: one this mentor does not know is judged as NONE. */
  authorAssociation?: string;
  approvedBy?: string[];
  approvedWithoutAccess?: string[];
  format: 'text' | 'json' | 'markdown';
}

/** Reads base and head from git objects (nothing of the pull request is checked out or run) and judges it; `base`: the records at the base, read as the review needed them. */
export async function reviewFromGit(options: CheckPrOptions & { author: string }): Promise<{ review: PullRequestReview; base: Program }> {
  const author = handleOf(options.author, '--author');
  const approvedBy = (options.approvedBy ?? []).map((login) => handleOf(login, '--approved-by'));
  const approvedWithoutAccess = (options.approvedWithoutAccess ?? []).map((login) => handleOf(login, '--approved-without-access'));
  const association = options.authorAssociation === undefined ? undefined : judgedAssociation(associationOf(options.authorAssociation));
  const root = findRepoRoot(options.repo);
  const { pullRequestCommits, pullRequestRange } = await import('../io/git-changes.js');
  const refs = { base: options.base, head: options.head ?? 'HEAD' };
  const commits = await pullRequestCommits(root, refs);
  // git merges base and head, and looks for the author's handle among the people at the base,
  // while the base is listed and read here.
  const merging = pullRequestRange(root, refs, commits);
  merging.catch(() => {}); // Awaited below; a failure is said there, after the base's own.
  const shared = new SharedReads();
  const baseRecords = new GitCommitSource(root, commits.base, shared);
  const holding = BOT_HANDLE.test(author) ? undefined : baseRecords.holdingAhead(PEOPLE_DIR, handleNeedles(author));
  // The base is read for who the author is and what each change meant: its config, and only the
  // people and cohorts a question needs (the author is found without parsing everyone), no logs.
  const base = loadProgram(baseRecords, { logsOf: new Set(), lazyPeople: true, lazyCohorts: true });
  const [range] = await Promise.all([merging, holding]);
  // What is judged is the base as merging would leave it, not the head on its own.
  const headRecords = new GitCommitSource(root, range.after, shared, range.afterLabel);
  // Files outside the program folder are judged (a maintainer's), not validated.
  const scope = range.changes.filter((change) => !isOutsideProgram(change.path));
  const validation = validateScope(headRecords, scope);
  if (!base.configValid) throw new MentorError(`mentor.config.yaml at the base (${range.base.slice(0, 7)}) cannot be read, so nobody can be judged.`, ExitCode.usage, 'A maintainer must fix the config on the base branch first.');
  // The base is validated in the same scope only when the head has a problem: which of them it had already.
  const baseProblems = validation.problems.length > 0 ? validateScope(baseRecords, scope).problems : [];
  const review = reviewPullRequest({ base, head: validation.program, changes: range.changes, conflicts: range.conflicts, author, ...(association !== undefined ? { authorAssociation: association.association } : {}), ...(association?.unknown !== undefined ? { unknownAssociation: association.unknown } : {}), approvedBy, approvedWithoutAccess, problems: validation.problems, baseProblems, logs: changedLogs(base, validation.program, range.changes), now: currentTime() });
  return { review, base };
}

export async function checkPrCommand(options: CheckPrOptions): Promise<number> {
  if (options.author === undefined) throw new MentorError('check-pr needs --author <github handle>: the login of who opened the pull request.', ExitCode.usage);
  const { review } = await reviewFromGit({ ...options, author: options.author });
  if (options.format === 'json') print(renderReviewJson(review));
  else if (options.format === 'markdown') print(renderReviewMarkdown(review));
  else print(renderReviewText(review, styleFor(process.stdout), ttyWidth()));
  return review.allowed ? ExitCode.ok : ExitCode.invalid;
}

/**
 * `pr-summary`: what the pull request changes, always exit 0 (the gate's comment, or with JSON the
 * changes in the program's terms and the handles of the people they name, as the base has them:
 * the workflows that tell a member who their mentor is read them, never the pull request's text).
 */
export async function prSummaryCommand(options: Omit<CheckPrOptions, 'format'> & { format: 'markdown' | 'json' }): Promise<number> {
  // The comment is a preview for whoever runs it: without --author, the person of the git user. The
  // JSON (the workflows') judges nobody's rights, so keeps the placeholder login.
  const author = options.author ?? (options.format === 'json' ? PLACEHOLDER_LOGIN : await gitUsersHandle(options.repo));
  const { review, base } = await reviewFromGit({ ...options, author, format: options.format });
  print(options.format === 'json' ? renderSummaryJson(review, handlesNamed(base, review.summary)) : renderReviewMarkdown(review));
  return ExitCode.ok;
}

/** The author judged when none is named and the git user is no person here: GitHub's name for a deleted account. */
const PLACEHOLDER_LOGIN = 'ghost';

/** The GitHub handle the person file of the git user gives (as `mentor log` finds them), said on stderr. */
async function gitUsersHandle(repo: string | undefined): Promise<string> {
  const program = loadProgram(new WorktreeSource(findRepoRoot(repo)));
  const person = await personOfGitUser(program);
  const handle = person === undefined ? undefined : program.people.get(person)?.person?.github;
  if (person === undefined || handle === undefined) {
    printError(`mentor: judged for a newcomer (@${PLACEHOLDER_LOGIN}): your git user is no person of this program with a GitHub handle; pass --author <your GitHub login>.`);
    return PLACEHOLDER_LOGIN;
  }
  printError(`mentor: judged for @${handle} (${person}, your git user); --author names another.`);
  return handle;
}

/** GitHub's author_association: any value shaped like one (GitHub adds values); one that is not is a caller's mistake. */
function associationOf(text: string): string {
  if (!ASSOCIATION_SHAPE.test(text)) throw new MentorError(`--author-association "${terminalLine(text)}" is not a GitHub author_association.`, ExitCode.usage, 'Pass it as GitHub sends it, e.g. NONE, CONTRIBUTOR or COLLABORATOR.');
  return text;
}

function handleOf(text: string, flag: string): string {
  const handle = text.replace(/^@/, '');
  if (!isHandle(handle)) throw new MentorError(`${flag} "${terminalLine(text)}" is not a GitHub login.`, ExitCode.usage, 'Pass the login as GitHub shows it, e.g. ada-l or dependabot[bot].');
  return handle;
}
