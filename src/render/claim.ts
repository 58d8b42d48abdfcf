import { markdownText } from './escape.js';

// The answer to a `/claim <member>` comment: the text names records only, each escaped.

/** The first line of every answer to a claim (the workflow's own answers too). */
export const CLAIM_MARKER = '<!-- mentor:claim -->';

export function renderClaimAnswer(answer: { ok: true; member: string; mentor: string } | { ok: false; member: string; reason: string }): string {
  const text = answer.ok ? `Claimed: a pull request makes ${answer.mentor} the mentor of ${answer.member}. The first claim merged wins.` : `Cannot claim ${answer.member}: ${answer.reason}`;
  return [CLAIM_MARKER, markdownText(text), ''].join('\n');
}
