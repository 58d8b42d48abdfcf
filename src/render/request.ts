import type { OrganisersProblem, RequestPlan } from '../core/request.js';
import type { RequestRole } from '../core/request-form.js';
import { memberFile, personFile } from '../domain/layout.js';
import { schemaLineFor } from '../model/json-schema.js';
import { markdownText, mention } from './escape.js';
import { Document, isSeq, visit } from 'yaml';
import { sanitizeForTerminal, sanitizeInline } from './terminal.js';
import { shortened } from '../domain/text.js';
import { WAITING_NOTES } from '../domain/text.js';

/** The first line of every answer on a request issue (the workflow's own fallback answer too). */
export const REQUEST_MARKER = '<!-- mentor:request -->';
/** A line of an answer that leaves the request stuck until a maintainer acts (a failed run): the attention issue lists its issue. */
export const STUCK_MARKER = '<!-- mentor:stuck -->';
/**
 * What keeps a stuck request stuck, each with what a maintainer reads of it: a line of its own
 * under STUCK_MARKER (problemLine). The attention issue mentions the maintainers once per problem
 * of an issue, so a request that is stuck again for another reason is told of again, not per answer.
 */
export const STUCK_PROBLEMS = {
  organisers: 'no cohort takes it in',
  github: 'GitHub did not open its pull request',
  settings: 'Actions may not open pull requests',
  broken: 'mentor stopped without an answer',
} as const;
export type StuckProblem = keyof typeof STUCK_PROBLEMS;
export const problemLine = (problem: StuckProblem) => `<!-- mentor:problem ${problem} -->`;
/** What whoever asked reads when the gate did not pass their pull request (`failure`) or could not judge it (`error`): it waits for a maintainer, and whose move it is. */
export const GATE_WAITS = {
  failure: 'The gate did not pass it as it is (the pull request says why), so it waits for a maintainer. If something of yours needs changing, they will say so here.',
  error: 'The gate could not judge it just now, so it waits for a maintainer: you do not need to do anything.',
} as const;
/**
 * What a request issue's author asked for, in the answers they read: a mentee's request for a
 * mentor, or a volunteer's offer to mentor (who waits for a lead to take them on).
 */
export const REQUEST_NOUN: Readonly<Record<RequestRole, string>> = { mentee: 'request', mentor: 'offer to mentor' };
/** The attention workflow's notice on a request issue not taken in, whose row names the maintainers it told; `attention`: that issue, as `#<number>`. */
export const notTakenInNotice = (role: RequestRole, attention: string) =>
  `Thanks. Your ${REQUEST_NOUN[role]} is ${role === 'mentor' ? 'not taken in' : 'not on the queue'} yet, and only the organisers can take it on from here: they have been told, on ${attention}, and will answer here. You do not need to do anything.`;
/** The longest problem quoted in an answer (a request has a dozen fields at most). */
const PROBLEM_LENGTH = 400;

// The files a request writes, and what the requester is told (on a terminal, or on the issue).

/** A new record file, lists of tags in flow style (`skills: [go, sql]`) as the program's records write them. */
function newRecord(comments: string[], value: unknown): string {
  const doc = new Document(value);
  visit(doc, { Seq: (_, node) => void (isSeq(node) && (node.flow = true)) });
  return `${comments.join('\n')}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

/** The person file (a newcomer's) and the waiting member a request writes; the member carries the note of WAITING_NOTES for its role, dropped when it is placed (render/cohort-yaml.ts). */
export function requestFiles(plan: RequestPlan): Array<{ file: string; content: string }> {
  const id = String(plan.member.record.person);
  const person = personFile(id);
  const member = memberFile(plan.member.cohort, id);
  return [
    ...(plan.person === undefined ? [] : [{ file: person, content: newRecord([schemaLineFor('person', person)], plan.person) }]),
    { file: member, content: newRecord([schemaLineFor('member', member), WAITING_NOTES[plan.member.record.role === 'mentor' ? 'mentor' : 'mentee']], plan.member.record) },
  ];
}

/** The files a request will write, shown before it asks to write them (every value escaped for the terminal). */
export function renderRequestPreview(files: ReadonlyArray<{ file: string; content: string }>): string {
  return files.map(({ file, content }) => `\n${file}\n${sanitizeForTerminal(content.replace(/^# yaml-language-server:.*\n/, '')).trimEnd()}`).join('\n');
}

export function renderRequestRefusalText(problems: readonly string[], organisers: OrganisersProblem | undefined, role: RequestRole): string {
  const all = organisers ? [organisers.message, ...problems] : problems;
  return [`mentor: nothing written: the ${REQUEST_NOUN[role]} cannot be taken as it is:`, ...all.map((p) => `  - ${sanitizeInline(p)}`)].join('\n');
}

/**
 * The answer on the request issue, each line escaped (the values came from the issue). What the
 * requester can fix is listed with "Edit the issue"; what only the organisers can fix is said in
 * the requester's words, with the maintainers mentioned (a new comment notifies them) and no edit asked.
 */
export function renderRequestRefusalMarkdown(problems: readonly string[], organisers: OrganisersProblem | undefined, maintainers: readonly string[], role: RequestRole = 'mentee'): string {
  const thanks = role === 'mentor' ? 'Thanks for offering to mentor.' : 'Thanks for asking.';
  // Only a maintainer can take it on: marked stuck, so the attention issue keeps it until they do.
  const out = organisers ? [REQUEST_MARKER, STUCK_MARKER, problemLine('organisers')] : [REQUEST_MARKER];
  if (organisers) {
    const told = maintainers.length > 0
      ? `The organisers (${[...new Map(maintainers.map((h) => [h.toLowerCase(), h])).values()].map(mention).join(', ')}) have been told; you do not need to do anything about it: this issue stays open, and they will answer here when a cohort takes requests.`
      : `Only the organisers can fix this, not you: this issue stays open until they do. (The program names no maintainer to tell yet, so you may want to let them know.)`;
    out.push(`${thanks} ${markdownText(organisers.requester)} ${told}`, '');
    // Said to the organisers, whom the mention brings here: what to change, and how this request is then taken.
    out.push(`For the organisers: ${markdownText(organisers.fix)} Then re-run the workflow run that answered here (Actions tab), and it takes this request.`, '');
  }
  if (problems.length > 0) {
    // Each problem quotes what the form said, shortened: a form value can be a page long, and an
    // answer longer than GitHub takes (render/limit.ts) would reach nobody.
    out.push(organisers ? `Something in your ${REQUEST_NOUN[role]} needs fixing too:` : `${thanks} Your ${REQUEST_NOUN[role]} cannot be taken yet:`, '', ...problems.map((p) => `- ${markdownText(shortened(p, PROBLEM_LENGTH))}`), '');
    out.push('Edit the issue to fix it (the form is read again on every edit).', '');
  }
  return out.join('\n');
}

export function renderRequestDoneText(plan: RequestPlan, files: readonly string[]): string {
  const what = plan.member.record.role === 'mentor' ? `an offer to mentor in cohort ${plan.member.cohort}, waiting for a lead` : `a request for a mentor in cohort ${plan.member.cohort}`;
  // A returning person's file stays as it is: say so, and how their details change.
  const kept = plan.registered === undefined ? '' : ` You are registered already: ${plan.registered} stays as it is (change it in a pull request of its own if your details changed).`;
  return `Wrote ${what}: ${files.join(', ')}.${kept}`;
}

export function renderRequestDoneMarkdown(plan: RequestPlan, madeId?: string): string {
  const text = plan.member.record.role === 'mentor'
    ? `Thanks for offering to mentor: a pull request adds you to cohort ${plan.member.cohort} as a mentor waiting for a lead. Once it is merged, the leads see you on the attention issue and one of them takes you on.`
    : `Thanks, your request is in: a pull request adds you to cohort ${plan.member.cohort} as waiting for a mentor. Once it is merged, mentors see you on the attention issue and one of them claims you.`;
  // The form left the id to mentor: say which it is, since the person's commands and files use it.
  const registered = plan.registered === undefined ? [] : ['', markdownText(`You are registered already, as ${String(plan.member.record.person)}: the pull request adds only your member file, and ${plan.registered} stays as it is (if your name or time zone changed, change it there in a pull request of its own).`)];
  const id = madeId === undefined ? registered : ['', markdownText(`Your id is ${madeId}, made for you: your file is ${personFile(madeId)}, and it is the id you give mentor (mentor log --person ${madeId}).`)];
  return [REQUEST_MARKER, markdownText(text), ...id, ''].join('\n');
}
