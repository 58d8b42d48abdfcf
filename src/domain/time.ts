// Calendar helpers on plain strings (YYYY-MM-DD dates, IANA zones). No clock is read here:
// "now" is always an argument.

const DAY_MS = 86_400_000;
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      // A zone name is an identifier, not a path or an offset string.
      valid = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) && zone.length <= 64;
      if (valid) new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * The place a zone abbreviation usually means, where people write one for where they live. Node
 * reads some abbreviations as zones, not always the one meant: BST is Asia/Dhaka, EST and MST never
 * keep summer time, IST is India's.
 */
const PLACE_OF_ABBREVIATION: Record<string, string> = {
  BST: 'Europe/London', IST: 'Asia/Kolkata', EST: 'America/New_York', CST: 'America/Chicago', MST: 'America/Denver',
  PST: 'America/Los_Angeles', HST: 'Pacific/Honolulu', CET: 'Europe/Paris', MET: 'Europe/Paris', EET: 'Europe/Athens',
  WET: 'Europe/Lisbon', JST: 'Asia/Tokyo', EST5EDT: 'America/New_York', CST6CDT: 'America/Chicago', MST7MDT: 'America/Denver', PST8PDT: 'America/Los_Angeles',
};

/**
 * A valid zone written as an abbreviation (BST, EST, CET, PST8PDT), not a place: what this Node reads
 * it as, and the place it usually means. UTC and GMT are what they say.
 */
export function abbreviatedZone(zone: string): { readsAs: string; place: string } | undefined {
  // Zones are read whatever their case (bst, Est): those in other letters are the known abbreviations only, as Cuba or Japan is a place.
  const known = PLACE_OF_ABBREVIATION[zone.toUpperCase()];
  const shape = zone === zone.toUpperCase() ? /^[A-Z]{2,5}(?:\d[A-Z]{3})?$/.test(zone) && !/^(?:UTC|GMT|UCT|UT)$/.test(zone) : known !== undefined;
  if (!shape || !isValidTimeZone(zone)) return undefined;
  const readsAs = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return { readsAs, place: known ?? readsAs };
}

/** A zone spelt as the time zone database does (america/los_angeles -> America/Los_Angeles); anything else as it is. */
export function canonicalTimeZone(zone: string): string {
  if (!isValidTimeZone(zone)) return zone;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  // Only the spelling changes: an alias (Asia/Calcutta) stays the zone its writer chose.
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}

/** The last date a record may hold (isRealDate): dates are four-digit years. */
export const LAST_DATE = '9999-12-31';

export function isRealDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  return year >= 1900 && year <= 9999 && back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
}

/** Days since the epoch of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  // A program has few distinct dates and asks for each again and again (every pair of cohorts, every
  // week of every member): each is worked out once.
  let days = dayNumbers.get(date);
  if (days === undefined) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    days = Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
    if (dayNumbers.size >= 10_000) dayNumbers.clear();
    dayNumbers.set(date, days);
  }
  return days;
}

const dayNumbers = new Map<string, number>();

/** The day of the week of a day number, 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

export function dateOfDayNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

function wallClock(zone: string, instantMs: number) {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The calendar date of an instant as seen in a zone. */
export function localDate(zone: string, instantMs: number): string {
  const { year, month, day } = wallClock(zone, instantMs);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Minutes east of UTC of a zone at an instant (e.g. -420 for America/Los_Angeles in summer). */
export function utcOffsetMinutes(zone: string, instantMs: number): number {
  const { year, month, day, hour, minute, second } = wallClock(zone, instantMs);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** An instant written in a zone's local time with its offset, e.g. 2026-11-23T09:00:00-08:00. */
export function formatInstant(zone: string, instantMs: number): string {
  const { year, month, day, hour, minute, second } = wallClock(zone, instantMs);
  const offset = utcOffsetMinutes(zone, instantMs);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zonePart = offset === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zonePart}`;
}

/** Midday UTC of a date: a stable instant for "the offset of a zone on that day". */
export function middayOf(date: string): number {
  return dayNumber(date) * DAY_MS + DAY_MS / 2;
}

export const HOUR_MS = 3_600_000;

// A program asks when the same days begin again and again (the end of every week, for every
// cohort and page): each is worked out once, as dayNumber's days are.
const dayStarts = new Map<string, number>();

/** The instant a calendar day starts in a zone (midnight local time). */
export function startOfDay(zone: string, date: string): number {
  const key = `${zone} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) dayStarts.set(key, (start = firstInstantOf(zone, date)));
  return start;
}

function firstInstantOf(zone: string, date: string): number {
  const utcMidnight = dayNumber(date) * DAY_MS;
  const guess = utcMidnight - utcOffsetMinutes(zone, utcMidnight) * 60_000;
  // Correct once for a zone whose offset differs at the guessed instant (near a DST change).
  const corrected = utcMidnight - utcOffsetMinutes(zone, guess) * 60_000;
  // Where the clocks skip midnight (Havana, Santiago spring forward at 00:00), that instant is
  // still the day before: the day begins when the clocks jump, at midnight of the old offset.
  return localDate(zone, corrected) === date ? corrected : utcMidnight - utcOffsetMinutes(zone, corrected) * 60_000;
}
