import { formatInstant } from '../../domain/time.js';

// A time an author writes for themselves in a pull request (when they asked, claimed or released):
// judged against now, never against commit dates.

/** How far back a request or a claim may be dated: long enough for a pull request to wait for its gate, too short to jump a queue. */
const BACKDATE_DAYS = 7;
const FUTURE_MINUTES = 10;

/**
 * A time the author writes for themselves (when they asked, claimed or released) that is not about
 * now: it orders the queue and the overdue list, so it is dated when the change is made.
 */
export function staleTime(context: { now: number }, field: 'requestedAt' | 'assignedAt' | 'releasedAt', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  const now = formatInstant('UTC', context.now);
  if (at > context.now + FUTURE_MINUTES * 60_000) return `${field} in the future (${value}): set it to the time you make the change, e.g. ${now}`;
  if (at < context.now - BACKDATE_DAYS * 86_400_000) return `${field} more than ${BACKDATE_DAYS} days ago (${value}): set it to the time you make the change, e.g. ${now}`;
  return undefined;
}
