import { commentsOf } from '../../model/comments.js';
import type { CohortEntry } from '../../model/program.js';

// A cohort file can change in ways the loader does not see: comments, fields mentor does not read,
// where a member is written. Readers of the file see them all, so only a maintainer makes them;
// what the file means is judged in judge.ts.

/** The member as written (fields mentor does not read included), where this file holds it. */
function writtenMember(entry: CohortEntry | undefined, person: string, file: string): Record<string, unknown> | undefined {
  const index = entry?.cohort?.members.findIndex((member) => member.person === person) ?? -1;
  const place = index < 0 ? undefined : entry!.places[index];
  if (!place || place.file !== file) return undefined;
  let value: unknown = place.source.value;
  for (const segment of place.path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Why this change of a cohort's file needs a maintainer beyond what it means, if it does: a
 * member moved between cohort.yaml and a member file, a field mentor does not read added or
 * changed (text every later reader sees), a comment added, changed or removed.
 */
export function textOnlyChange(before: CohortEntry, after: CohortEntry | undefined, file: string, status: string): string | undefined {
  for (const [person] of after?.members ?? []) {
    const was = before.members.get(person);
    if (!was) {
      // Someone joining writes what mentor reads, nothing more.
      const written = writtenMember(after, person, file);
      const extra = Object.keys(written ?? {}).find((key) => !(key in after!.members.get(person)!));
      if (extra !== undefined) return `adds \`${extra}\` to the entry of ${person}, a field mentor does not read: only a maintainer may`;
      continue;
    }
    const wasHere = writtenMember(before, person, file) !== undefined;
    const isHere = writtenMember(after, person, file) !== undefined;
    if (wasHere !== isHere) return `moves ${person} between cohort.yaml and a member file: only a maintainer may rearrange how a cohort is written (mentor members)`;
    if (!isHere) continue;
    const rawBefore = writtenMember(before, person, file)!;
    const rawAfter = writtenMember(after, person, file)!;
    const parsedAfter = after!.members.get(person) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(rawBefore), ...Object.keys(rawAfter)])) {
      if (!same(rawBefore[key], rawAfter[key]) && same((was as Record<string, unknown>)[key], parsedAfter[key])) {
        return `changes \`${key}\` in the entry of ${person}, a field mentor does not read: only a maintainer may`;
      }
    }
  }
  const own = (entry: CohortEntry | undefined) => {
    const { members: _members, ...rest } = (entry?.source?.value ?? {}) as Record<string, unknown>;
    return rest;
  };
  if (file === before.file && !same(own(before), own(after))) return "changes fields of the cohort mentor does not read: only a maintainer may";
  if (status === 'modified') {
    const textBefore = before.places.find((place) => place.file === file)?.source.text ?? (file === before.file ? before.source?.text : undefined);
    const textAfter = after?.places.find((place) => place.file === file)?.source.text ?? (file === after?.file ? after.source?.text : undefined);
    if (textBefore !== undefined && textAfter !== undefined && !same(commentsOf(textBefore), commentsOf(textAfter))) return 'changes the comments of the file: only a maintainer may';
  }
  return undefined;
}
