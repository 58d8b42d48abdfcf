import { isRealDate } from '../domain/time.js';
import { usageError } from '../errors.js';

// "Now" for every command: MENTOR_NOW (an ISO 8601 instant with a zone) when set, so tests, demos
// and reports can be reproduced on any day; the clock otherwise. Read once, by the command, and
// passed down: nothing below commands reads the clock.

const INSTANT_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/** The instant the text names, or NaN: a real date and time of day (Date.parse would roll 2026-02-30 over to March). */
function parseInstant(text: string): number {
  const match = INSTANT_WITH_ZONE.exec(text);
  if (!match) return Number.NaN;
  const [, date, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] = match as unknown as string[];
  const real = isRealDate(date!) && Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60 && Number(offsetHours) < 24 && Number(offsetMinutes) < 60;
  return real ? Date.parse(text) : Number.NaN;
}

export function currentTime(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.MENTOR_NOW;
  if (fixed === undefined || fixed === '') return Date.now();
  const instant = parseInstant(fixed.trim());
  if (Number.isNaN(instant)) {
    throw usageError(
      `MENTOR_NOW="${fixed.replace(/[^\x20-\x7e]/g, '?').slice(0, 60)}" is not an ISO 8601 instant with a zone.`,
      'Set it like MENTOR_NOW=2026-11-24T09:00:00-08:00, or unset it to use the clock.',
    );
  }
  return instant;
}
