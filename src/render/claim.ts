import { markdownText } from './escape.js';

// The answer to a `/claim <member>` comment: the text names records only, each escaped.

/** The first line of every answer to a claim (the workflow's own answers too). */
export const CLAIM_MARKER = '<!-- mentor:claim -->';

/** The claim workflow reads a comment when it is written, never after an edit (an edit by anyone else must not claim for its author). */
export const CLAIM_AGAIN = 'To claim again, write a new comment: an edited one is not read.';

export function renderClaimAnswer(answer: { ok: true; member: string; mentor: string } | { ok: false; member: string; reason: string }): string {
  const text = answer.ok ? `Claimed: a pull request makes ${answer.mentor} the mentor of ${answer.member}. The first claim merged wins.` : `Cannot claim ${answer.member}: ${answer.reason}`;
  return [CLAIM_MARKER, answer.ok ? markdownText(text) : `${markdownText(text)} ${CLAIM_AGAIN}`, ''].join('\n');
}
