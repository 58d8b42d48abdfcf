import { ID_PATTERN } from '../../domain/layout.js';
import type { CohortEntry } from '../../model/program.js';
import { writtenJson } from '../../model/written-json.js';

// The judge sees a cohort as the loader reads it: the entries it can read, one member per person.
// An entry the base branch holds but the loader does not read (an error in it, a member file that
// names someone else or repeats a listed member) or a person listed twice is not seen there, and
// its problem, the base's, is not held against a pull request. A change to such an entry would
// pass unseen and count once a maintainer fixes the slip, so only a maintainer makes it.

const MEMBERS = 'members';

/** Each entry of `members:` in the cohort's own file that the loader did not read, as written (JSON), by index. */
function unreadEntries(entry: CohortEntry | undefined): Array<[number, string, unknown]> {
  const written = (entry?.source?.value as Record<string, unknown> | null | undefined)?.[MEMBERS];
  if (!entry || !Array.isArray(written)) return [];
  const read = new Set(entry.places.filter((place) => place.file === entry.file).map((place) => place.path[1]));
  return written.flatMap((value: unknown, index): Array<[number, string, unknown]> => (read.has(index) ? [] : [[index, writtenJson(value), value]]));
}

/** The entries this file holds of each person it lists more than once, as written (JSON). */
function repeatedPeople(entry: CohortEntry | undefined, file: string): Map<string, string[]> {
  const written = new Map<string, string[]>();
  entry?.cohort?.members.forEach((member, index) => {
    const place = entry.places[index];
    if (place?.file !== file) return;
    let value: unknown = place.source.value;
    for (const segment of place.path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
    written.set(member.person, [...(written.get(member.person) ?? []), writtenJson(value)]);
  });
  return new Map([...written].filter(([, entries]) => entries.length > 1));
}

/**
 * Why this change of a cohort's file touches what the judge cannot see, if it does: an entry the
 * base has but the loader does not read, changed or removed, or either entry of a person listed
 * twice. `existed`: the file is there at the base too.
 */
export function unjudgedChange(before: CohortEntry, after: CohortEntry | undefined, file: string, existed: boolean): string | undefined {
  if (file !== before.file) {
    const readAtBase = before.places.some((place) => place.file === file);
    return existed && !readAtBase ? 'a member file mentor cannot read as the base branch has it (validate says why): only a maintainer may change it' : undefined;
  }
  const left = unreadEntries(after).map(([, written]) => written);
  for (const [index, written, value] of unreadEntries(before)) {
    const at = left.indexOf(written);
    if (at >= 0) {
      left.splice(at, 1);
      continue;
    }
    const person = value !== null && typeof value === 'object' ? (value as { person?: unknown }).person : undefined;
    const named = typeof person === 'string' && ID_PATTERN.test(person) ? ` (${person})` : '';
    return `changes or removes the entry ${MEMBERS}[${index}]${named}, which mentor cannot read as the base branch has it (validate says why): only a maintainer may`;
  }
  const repeatedBefore = repeatedPeople(before, file);
  const repeatedAfter = repeatedPeople(after, file);
  for (const person of new Set([...repeatedBefore.keys(), ...repeatedAfter.keys()])) {
    if ((repeatedBefore.get(person) ?? []).join('\n') === (repeatedAfter.get(person) ?? []).join('\n')) continue;
    return `changes an entry of ${person}, who is listed more than once in cohort ${before.id}: only a maintainer may (and keeps one entry)`;
  }
  return undefined;
}
