// Words for counts and durations, the same in every command's output.

import { cohortFile, membersDir } from '../domain/layout.js';
import { dayNumber, weekdayOfDayNumber } from '../domain/time.js';
import { countText } from '../domain/text.js';

/** "1 maintainer", "2 maintainers"; irregular plurals passed in. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Past this many members, the tree and the hours end with a line of totals: what a terminal shows last, after screens of rows. */
export const TOTALS_FROM = 50;


/** Files named in a sentence: all of a few, else the first three and how many more (a move of thousands would fill the screen). */
export function filesInWords(files: readonly string[]): string {
  return files.length <= 5 ? files.join(' ') : `${files.slice(0, 3).join(' ')} and ${countText(files.length - 3)} more`;
}

/** How long someone has waited, one format everywhere: "5 h", "3 d 2 h" from two days on. */
export function waitText(hours: number | undefined): string {
  if (hours === undefined) return 'an unknown time';
  if (hours < 48) return `${Math.round(hours)} h`;
  const whole = Math.round(hours);
  return `${Math.floor(whole / 24)} d ${whole % 24} h`;
}

/**
 * A long list of short items (ids) packed onto lines of `width`, instead of one line each; past
 * `limit` items the rest are counted, not printed.
 */
export function packList(items: readonly string[], width = 80, limit = 60): string[] {
  const shown = items.slice(0, limit);
  const rest = items.length - shown.length;
  const lines: string[] = [];
  let current = '';
  for (const [index, item] of shown.entries()) {
    const piece = index < shown.length - 1 || rest > 0 ? `${item},` : item;
    if (current !== '' && current.length + 1 + piece.length > width) {
      lines.push(current);
      current = piece;
    } else current = current === '' ? piece : `${current} ${piece}`;
  }
  if (rest > 0) current = `${current} and ${countText(rest)} more`;
  if (current !== '') lines.push(current);
  return lines;
}

/** What an empty cohort needs next, instead of a page of "none". */
export const emptyCohort = (id: string) => `  No members yet. Add them to ${cohortFile(id)} (or as files in ${membersDir(id)}/), then run \`mentor assign ${id}\`.`;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * An instant written in its zone's local time (formatInstant: 2026-11-24T09:00:00-08:00) for a
 * reader: "Tuesday 24 November 2026, 09:00". The same words whatever the machine's locale.
 */
export function readableLocalTime(instant: string): string {
  const date = instant.slice(0, 10);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[weekdayOfDayNumber(dayNumber(date))]} ${day} ${MONTHS[month - 1]} ${year}, ${instant.slice(11, 16)}`;
}

/**
 * Why a week expects no log of anyone, as status and the report say it: nobody has a mentor, the
 * week is not one of the cohort's, or everyone placed is away (`pausedUntil`).
 */
export function noLogsExpectedWhy(week: { placed: boolean; inCohort: boolean; anyAway: boolean }): string {
  return !week.placed ? 'nobody is placed yet' : !week.inCohort ? 'the week is outside the cohort' : week.anyAway ? 'everyone placed is paused' : 'nobody was placed by the end of the week';
}
