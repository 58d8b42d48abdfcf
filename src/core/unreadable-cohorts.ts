import type { Config } from '../model/schemas.js';
import type { Problem } from '../model/problem.js';
import { maintainerMentions, type Attention, type UnreadableCohort } from './attention.js';

// A cohort whose records cannot be read on the default branch (a merge gone wrong, a YAML error):
// mentor cannot tell who waits there, but the other cohorts' requests still go out. The attention
// issue lists it, stays open while it lasts (it could hold anyone), and tells the maintainers once:
// only they can fix the default branch.

/** How many of a cohort's errors the issue shows; `mentor validate` shows them all. */
const ERRORS_SHOWN = 3;

/** The cohorts that cannot be read, each with its first errors and the maintainers to tell. */
export function unreadableCohorts(config: Config, cohorts: ReadonlyArray<{ id: string; errors: readonly Problem[] }>): UnreadableCohort[] {
  return cohorts.map(({ id, errors }) => ({
    id,
    errors: errors.slice(0, ERRORS_SHOWN).map(({ file, line, column, message }) => ({ file, line, column, message })),
    more: Math.max(0, errors.length - ERRORS_SHOWN),
    mentions: maintainerMentions(config, 'unreadable', `${id}/cohort`),
  }));
}

/** The attention data with the cohorts it cannot read: each counts as someone waiting, so the issue stays open. */
export function withUnreadable(data: Attention, unreadable: readonly UnreadableCohort[]): Attention {
  if (unreadable.length === 0) return data;
  return { ...data, waiting: data.waiting + unreadable.length, mentions: [...unreadable.flatMap((u) => u.mentions), ...data.mentions], unreadable: [...unreadable] };
}
