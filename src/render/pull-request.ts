import type { ChangeSummary } from '../core/pull-request/summary.js';
import type { PullRequestReview } from '../core/pull-request/review.js';
import type { ChangeVerdict } from '../core/pull-request/judge.js';
import type { Problem } from '../model/problem.js';
import { markdownCode, markdownText, mention, terminalLine } from './escape.js';
import type { Style } from '../domain/style.js';
import { plural } from './words.js';
import { RUNNER_COMMAND } from '../domain/layout.js';
import { withinLimit } from './limit.js';
import { shortened, countText } from '../domain/text.js';
import { wrapText } from '../domain/columns.js';

// The pull-request review as a terminal report, as JSON for other tools (DESIGN.md), and as the
// gate's one comment on the pull request (its first line is the marker the workflow finds it by).

export const GATE_MARKER = '<!-- mentor:gate -->';

// The comment must fit in one GitHub comment (render/limit.ts), whatever the pull request holds:
// a longer body is refused, and the last verdict posted would stay on the pull request. Each list
// shows its first entries and says how many more; names and messages are shortened.
const LISTED = 50;
const PROBLEMS_LISTED = 30;
const fileCode = (file: string) => markdownCode(shortened(file, 160));
const shortText = (text: string) => markdownText(shortened(text, 300));

/** Why a listed maintainer's login counts as no maintainer's, and what to do about it. */
const NO_ACCESS = 'GitHub says this login has no access to the repository (a member of the organisation whose membership is private shows so: make it public, or add the login as a collaborator)';
const ignored = (review: PullRequestReview, name: (handle: string) => string) =>
  review.ignoredApprovals.length > 0 ? [`The approval of ${review.ignoredApprovals.map(name).join(', ')} does not count: ${NO_ACCESS}.`] : [];

/** Problems the base branch had already, left out of the review: said, so nobody wonders where validate's went. */
const inheritedLine = (review: PullRequestReview) =>
  review.inherited > 0
    ? [`${plural(review.inherited, 'problem')} in the records around this change ${review.inherited === 1 ? 'was' : 'were'} on the base branch already (the validate check shows ${review.inherited === 1 ? 'it' : 'them'} too): not yours to fix, and not held against this pull request; a maintainer fixes ${review.inherited === 1 ? 'it' : 'them'} there.`]
    : [];

const authorLine = (review: PullRequestReview) =>
  ({ maintainer: 'maintainer', person: `person ${review.author.person}`, newcomer: 'newcomer: no person file has this handle yet', bot: 'a bot' })[review.author.kind] +
  (review.author.listedWithoutAccess ? `; listed as a maintainer, but ${NO_ACCESS}, so it counts as any other author` : '') +
  (review.author.unknownAssociation !== undefined ? `; GitHub's author_association ${review.author.unknownAssociation} is one this mentor does not know, so it counts as NONE: no access to the repository` : '');

export function renderReviewJson(review: PullRequestReview): string {
  // `maintainers` (the base's) lets a workflow mention them without parsing the config itself.
  const { allowed, author, approvals, maintainers, problems } = review;
  const changes = review.changes.map(({ theirs: _t, ...change }) => change);
  return `${JSON.stringify({ allowed, author, approvals, maintainers, changes, problems: problems.map(({ subject: _s, ...problem }) => problem) }, null, 2)}\n`;
}

/** `pr-summary --format json`: the base's maintainers, what changes in the program's terms, and the handles (at the base) of the people named. */
export function renderSummaryJson(review: PullRequestReview, handles: Readonly<Record<string, string>>): string {
  return `${JSON.stringify({ maintainers: review.maintainers, changes: review.summary, handles }, null, 2)}\n`;
}

/** `width`: the terminal's, each line wrapped between words within it. */
export function renderReviewText(review: PullRequestReview, style: Style, width?: number): string {
  const handle = terminalLine(review.author.handle);
  const lines = [...ignored(review, (h) => `@${terminalLine(h)}`), `Pull request by @${handle} (${authorLine(review)}), ${plural(review.changes.length, 'changed file')}:`];
  for (const verdict of review.changes) {
    const what = verdict.from !== undefined ? `${verdict.from} -> ${verdict.file}` : verdict.file;
    lines.push(`  ${verdict.allowed ? style.ok('✔') : style.error('✖')} ${verdict.status.padEnd(8)} ${terminalLine(what)}: ${terminalLine(verdict.reason)}`);
  }
  for (const problem of review.problems) {
    lines.push(`  ${problem.severity === 'error' ? style.error('✖') : style.warning('⚠')} ${terminalLine(`${problem.file}:${problem.line}:${problem.column}`)} ${terminalLine(problem.message)} [${problem.rule}]`);
    if (problem.fix) lines.push(`      ${style.accent('fix:')} ${terminalLine(problem.fix)}`);
  }
  for (const line of inheritedLine(review)) lines.push(`  ${line}`);
  lines.push('', nextStep(review, (text) => terminalLine(text), (handles) => handles.map((h) => `@${h}`).join(', ')));
  const text = lines.join('\n');
  return `${width === undefined ? text : wrapText(text, width)}\n`;
}

/** The gate's comment: what the pull request changes, whether it may, and what to do next. */
export function renderReviewMarkdown(review: PullRequestReview): string {
  const out = [GATE_MARKER, `### ${review.allowed ? '✅ mentor gate: ready to merge' : '❌ mentor gate: not yet'}`, ''];
  out.push(`Opened by ${mention(review.author.handle)} (${markdownText(authorLine(review))})${review.approvals.length ? `, approved by ${review.approvals.map(mention).join(', ')}` : ''}.`, '');
  for (const line of ignored(review, mention)) out.push(line, '');
  if (review.summary.length > 0) {
    out.push('#### What changes', '');
    for (const change of review.summary.slice(0, LISTED)) out.push(`- ${describe(change)}`);
    if (review.summary.length > LISTED) out.push(`- … and ${countText(review.summary.length - LISTED)} more changes.`);
    out.push('');
  }
  // What the author puts right themselves (a log in the wrong place, a week not begun) is not a
  // maintainer's: listed apart, or a beginner waits for an approval that would merge the slip.
  const listRefused = (heading: string, verdicts: ChangeVerdict[], more: (count: number) => string) => {
    if (verdicts.length === 0) return;
    out.push(heading, '');
    for (const verdict of verdicts.slice(0, LISTED)) out.push(`- ${fileCode(verdict.file)}: ${shortText(verdict.reason)}`);
    if (verdicts.length > LISTED) out.push(`- … and ${countText(verdicts.length - LISTED)} ${more(verdicts.length - LISTED)}: run \`${RUNNER_COMMAND} check-pr\` to see them all.`);
    out.push('');
  };
  listRefused('#### Yours to fix', review.changes.filter((verdict) => !verdict.allowed && verdict.theirs), (count) => `more ${count === 1 ? 'file' : 'files'} to fix`);
  listRefused('#### Needs a maintainer', review.changes.filter((verdict) => !verdict.allowed && !verdict.theirs), (count) => `more ${count === 1 ? 'file needs' : 'files need'} a maintainer`);
  if (review.problems.length > 0) {
    out.push('#### Problems in the records', '');
    for (const problem of review.problems.slice(0, PROBLEMS_LISTED)) out.push(`- ${problem.severity === 'error' ? '❌' : '⚠️'} ${fileCode(`${problem.file}:${problem.line}:${problem.column}`)} ${shortText(problem.message)}${problem.fix ? ` ${shortText(problem.fix)}` : ''}`);
    if (review.problems.length > PROBLEMS_LISTED) out.push(`- … and ${review.problems.length - PROBLEMS_LISTED} more: run \`${RUNNER_COMMAND} validate\`.`);
    out.push('');
  }
  for (const line of inheritedLine(review)) out.push(markdownText(line), '');
  const next = ['#### Next step', '', nextStep(review, markdownText, (handles) => handles.map(mention).join(', '))];
  const cut = () => ['', `… cut here to fit in one comment: run \`${RUNNER_COMMAND} check-pr\` to see it all.`, ''];
  return `${withinLimit(out, next.join('\n').length, cut).concat(next).join('\n')}\n`;
}

function nextStep(review: PullRequestReview, text: (s: string) => string, handles: (list: string[]) => string): string {
  const errors = review.problems.filter((problem: Problem) => problem.severity === 'error');
  const maintainers = review.maintainers.length > 0 ? handles(review.maintainers) : 'a maintainer (none is configured yet: add `maintainers:` to mentor.config.yaml)';
  // What the author puts right themselves comes first: a maintainer's approval would merge it as it is.
  // A file refused for what validate also says (a log outside its cohort's weeks) is one problem, not two.
  const theirs = review.changes.filter((change) => !change.allowed && change.theirs && !errors.some((problem) => problem.file === change.file)).length;
  const refused = review.changes.some((change) => !change.allowed && !change.theirs);
  if (errors.length + theirs > 0) {
    const fix = text(`Fix the ${plural(errors.length + theirs, 'problem')} above (each says how), commit and push again: this check runs again by itself.`);
    return refused ? `${fix} ${text('Some changes also need a maintainer: ask')} ${maintainers} ${text('to review this pull request, or remove those changes.')}` : fix;
  }
  if (!review.allowed) return `${text('Some changes need a maintainer. Ask')} ${maintainers} ${text('to review this pull request: their approval turns this check green. Or remove those changes and push again.')}`;
  return text('Nothing more to do: a maintainer can merge this pull request.');
}

function describe(change: ChangeSummary): string {
  const code = markdownCode;
  if (change.kind === 'log') {
    const verb = change.status === 'added' ? 'New log' : change.status === 'deleted' ? 'Deleted log' : 'Updated log';
    const hours = change.hours === undefined ? '' : `: ${change.hours} h logged${change.previousHours !== undefined && change.status !== 'added' ? ` (was ${change.previousHours} h)` : ''}${change.plannedHours !== undefined ? ` against ${change.plannedHours} h planned` : ''}`;
    const prs = change.pullRequests > 0 ? `, ${plural(change.pullRequests, 'pull request')} linked` : '';
    return `**${verb}** of ${code(change.person)} for ${code(change.week)} in ${code(change.cohort)}${hours}${prs}.`;
  }
  if (change.kind === 'tree') {
    const parts: string[] = [];
    if (change.joined.length) parts.push(`joined: ${change.joined.map(code).join(', ')}`);
    if (change.placed.length) parts.push(`placed: ${change.placed.map((p) => `${code(p.person)} with ${code(p.mentor)}`).join(', ')}`);
    if (change.moved.length) parts.push(`moved: ${change.moved.map((m) => `${code(m.person)} from ${code(m.from)} to ${code(m.to)}`).join(', ')}`);
    if (change.released.length) parts.push(`released: ${change.released.map((r) => `${code(r.person)} from ${code(r.mentor)}`).join(', ')}`);
    if (change.left.length) parts.push(`left: ${change.left.map(code).join(', ')}`);
    return `**Cohort ${code(change.cohort)}** (${fileCode(change.file)}): ${parts.join('; ') || 'no change to the tree'}.`;
  }
  const label = { person: 'Person file', config: 'Program settings', report: 'Report', other: 'File' }[change.kind];
  return `**${label} ${change.status}**: ${fileCode(change.file)}.`;
}
