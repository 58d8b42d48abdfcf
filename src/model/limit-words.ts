import type * as z from 'zod';
import { countText } from '../domain/text.js';

// Limits said in mentor's words: zod's own ("Too big: expected string to have <=200 characters",
// "Too small: expected number to be >0") are the schema library's, not the reader's.

type Issue = z.core.$ZodIssue;

/** A text or list past its limit: how long it is and how long it may be; undefined for any other issue. */
export function lengthLimit(issue: Issue, field: string): { message: string; fix: string } | undefined {
  const input = (issue as { input?: unknown }).input;
  if (issue.code !== 'too_big' || (issue.origin !== 'string' && issue.origin !== 'array') || (typeof input !== 'string' && !Array.isArray(input))) return undefined;
  const unit = issue.origin === 'string' ? 'characters' : 'items';
  const most = countText(Number(issue.maximum));
  return { message: `"${field}" is ${countText(input.length)} ${unit} long; at most ${most} fit.`, fix: `Shorten it to ${most} ${unit} or fewer.` };
}

/** A number past a limit that zod states in its own words, said in ours; undefined for any other issue (a schema's own message is kept). */
export function numberLimit(issue: Issue): string | undefined {
  if ((issue.code !== 'too_big' && issue.code !== 'too_small') || issue.origin !== 'number' || !/^Too (big|small):/.test(issue.message)) return undefined;
  const limit = countText(Number(issue.code === 'too_big' ? issue.maximum : issue.minimum));
  if (issue.code === 'too_big') return issue.inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
  return issue.inclusive ? `must be ${limit} or more` : `must be more than ${limit}`;
}
