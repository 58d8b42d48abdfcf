import { isRealDate } from '../domain/time.js';
import { usageError } from '../errors.js';

// "Now" for every command: MENTOR_NOW (an ISO 8601 instant with a zone) when set, so tests, demos
// and reports can be reproduced on any day; the clock otherwise. Read once, by the command, and
// passed down: nothing below commands reads the clock.

const INSTANT_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/** The instant the text names, or why it names none: a real date and time of day (Date.parse would roll 2026-02-30 over to March). */
function parseInstant(text: string): number | string {
  const match = INSTANT_WITH_ZONE.exec(text);
  if (!match) return notAnInstant(text);
  const [, date, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] = match as unknown as string[];
  const year = Number(date!.slice(0, 4));
  if (year < 1900) return 'the year must be 1900 to 9999';
  if (!isRealDate(date!)) return `${date} is not a day of the calendar`;
  if (hour === '24') return 'for midnight at the end of a day, write 00:00 of the next day';
  if (second === '60') return 'a leap second (:60) has no instant of its own here; write :59';
  const real = Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60 && Number(offsetHours) < 24 && Number(offsetMinutes) < 60;
  return real ? Date.parse(text) : 'the time of day or the offset is out of range';
}

/** What a text that is not of the instant's shape is missing, when it is almost one. */
function notAnInstant(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'a date without a time of day and a zone';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/i.test(text)) return 'it has no zone (end it with Z or an offset such as -08:00)';
  return 'it is not of the form YYYY-MM-DDThh:mm:ss with Z or an offset';
}

export function currentTime(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.MENTOR_NOW;
  if (fixed === undefined || fixed === '') return Date.now();
  const instant = parseInstant(fixed.trim());
  if (typeof instant === 'string') {
    throw usageError(
      `MENTOR_NOW="${fixed.replace(/[^\x20-\x7e]/g, '?').slice(0, 60)}" is not an ISO 8601 instant with a zone that mentor takes: ${instant}.`,
      'Set it like MENTOR_NOW=2026-11-24T09:00:00-08:00, or unset it to use the clock.',
    );
  }
  return instant;
}
