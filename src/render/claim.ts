import { markdownText } from './escape.js';

// The answer to a `/claim <member>` comment: the text names records only, each escaped.

export function renderClaimAnswer(answer: { ok: true; member: string; mentor: string } | { ok: false; member: string; reason: string }): string {
  const text = answer.ok ? `Claimed: a pull request makes ${answer.mentor} the mentor of ${answer.member}. The first claim merged wins.` : `Cannot claim ${answer.member}: ${answer.reason}`;
  return ['<!-- mentor:claim -->', markdownText(text), ''].join('\n');
}
