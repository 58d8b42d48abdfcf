import type { LogDraft } from '../core/log-draft.js';
import { shellWords } from '../domain/text.js';

/**
 * The `mentor log` command that writes this draft with flags: what a user who answered the
 * questions can run when their answers could not be written (the log changed meanwhile).
 */
export function logCommandLine(cohort: string, draft: LogDraft): string {
  const words = ['mentor', 'log', '--cohort', cohort, '--person', draft.person, '--week', draft.week, '--hours', ...Object.entries(draft.hours).map(([activity, hours]) => `${activity}=${hours}`)];
  for (const link of draft.pullRequests) words.push('--pr', link);
  for (const key of ['done', 'blockers', 'next'] as const) if (draft[key] !== undefined) words.push(`--${key}`, draft[key]);
  words.push('--force');
  return shellWords(words);
}
