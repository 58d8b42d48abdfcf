import { abbreviatedZone, isValidTimeZone, utcOffsetMinutes } from './time.js';

// What to say of a valid zone that is no place: an abbreviation (BST, EST5EDT) or a fixed offset
// of the Etc/ area (Etc/GMT+5). Each clock is read from this Node's own time zone data, so the
// words hold for the zone as it is read here.

/** "UTC−5", "UTC+5:30", "UTC": an offset in minutes east of UTC, with a true minus sign. */
export function utcText(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${minutes < 0 ? '−' : '+'}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

// Mid-January and mid-July of one year: a zone's two clocks, whichever hemisphere it is in. A
// fixed year, not the clock's: no clock is read here, and zones rarely change their rules.
const WINTER = Date.UTC(2026, 0, 15, 12);
const SUMMER = Date.UTC(2026, 6, 15, 12);
const clocksOf = (zone: string) => [utcOffsetMinutes(zone, WINTER), utcOffsetMinutes(zone, SUMMER)] as const;

/** A zone's clock over a year: "UTC−5 all year, no summer time", or "UTC−5, UTC−4 in summer". */
export function clockWords(zone: string): string {
  const [january, july] = clocksOf(zone);
  if (january === july) return `${utcText(january)} all year, no summer time`;
  return `${utcText(Math.min(january, july))}, ${utcText(Math.max(january, july))} in summer`;
}

// Worked out once per offset: a program may have many people on one Etc/GMT zone.
const firstPlaces = new Map<number, string | undefined>();

/** The first place (area/city, by name) whose clock is this offset all year: what to write instead of Etc/GMT+5. */
function placeAt(minutes: number): string | undefined {
  if (!firstPlaces.has(minutes)) firstPlaces.set(minutes, Intl.supportedValuesOf('timeZone').find((zone) => /^(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//.test(zone) && clocksOf(zone).every((clock) => clock === minutes)));
  return firstPlaces.get(minutes);
}

/** What to say of a zone that is no place (message, and a place to write instead where one keeps that clock), or undefined for a place. */
export function zoneNotAPlace(zone: string): { message: string; place?: string } | undefined {
  const fixed = /^etc\/gmt([+-])(\d{1,2})$/i.exec(zone);
  if (fixed && isValidTimeZone(zone) && Number(fixed[2]) !== 0) {
    const [minutes] = clocksOf(zone);
    const place = placeAt(minutes);
    // The mirror zone is named only where it exists: the Etc/GMT zones run from -14 to +12, so UTC−13 and UTC−14 have none.
    const mirror = `Etc/GMT${fixed[1] === '+' ? '-' : '+'}${Number(fixed[2])}`;
    const other = isValidTimeZone(mirror) ? `${utcText(-minutes)} is ${mirror}` : `no zone keeps ${utcText(-minutes)}`;
    const message = `"${zone}" is ${utcText(minutes)}, not ${utcText(-minutes)}: an Etc/GMT zone's sign is the reverse of the offset it looks like, and it is no place (${utcText(minutes)} all year, no summer time; ${other}).`;
    return place === undefined ? { message } : { message, place };
  }
  const found = abbreviatedZone(zone);
  if (found === undefined) return undefined;
  const reads = found.readsAs === zone ? 'a zone of its own' : found.readsAs;
  return { message: `"${zone}" is an abbreviation, not a place: here it reads as ${reads} (${clockWords(zone)}), which may not be the zone you meant: an abbreviation stands for several zones.`, place: found.place };
}
