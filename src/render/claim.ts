import { markdownText, mention } from './escape.js';

// The answer to a `/claim <member>` comment: the text names records only, each escaped.

/** The first line of every answer to a claim (the workflow's own answers too). */
export const CLAIM_MARKER = '<!-- mentor:claim -->';

/** The claim workflow reads a comment when it is written, never after an edit (an edit by anyone else must not claim for its author). */
export const CLAIM_AGAIN = 'To claim again, write a new comment: an edited one is not read.';

/**
 * `memberHandle`: the claimed member's GitHub handle (their person file's), mentioned so that the
 * one waiting hears of it, and where to follow it.
 */
export function renderClaimAnswer(answer: { ok: true; member: string; mentor: string; memberHandle?: string } | { ok: false; member: string; reason: string }): string {
  if (!answer.ok) return [CLAIM_MARKER, `${markdownText(`Cannot claim${answer.member.trim() === '' ? '' : ` ${answer.member}`}: ${answer.reason}`)} ${CLAIM_AGAIN}`, ''].join('\n');
  const lines = [CLAIM_MARKER, markdownText(`Claimed: a pull request makes ${answer.mentor} the mentor of ${answer.member}. The first claim merged wins.`)];
  if (answer.memberHandle !== undefined) lines.push('', `${mention(answer.memberHandle)}: ${markdownText(`${answer.mentor} has offered to mentor you. Once a maintainer merges the pull request, ${answer.mentor} is your mentor: follow it, and say hello, on the pull request.`)}`);
  return [...lines, ''].join('\n');
}
