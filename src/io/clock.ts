import { usageError } from '../errors.js';

// "Now" for every command: MENTOR_NOW (an ISO 8601 instant with a zone) when set, so tests, demos
// and reports can be reproduced on any day; the clock otherwise. Read once, by the command, and
// passed down: nothing below commands reads the clock.

const INSTANT_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function currentTime(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.MENTOR_NOW;
  if (fixed === undefined || fixed === '') return Date.now();
  const instant = INSTANT_WITH_ZONE.test(fixed.trim()) ? Date.parse(fixed.trim()) : Number.NaN;
  if (Number.isNaN(instant)) {
    throw usageError(
      `MENTOR_NOW="${fixed.replace(/[^\x20-\x7e]/g, '?').slice(0, 60)}" is not an ISO 8601 instant with a zone.`,
      'Set it like MENTOR_NOW=2026-11-24T09:00:00-08:00, or unset it to use the clock.',
    );
  }
  return instant;
}
