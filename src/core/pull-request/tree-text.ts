import { writtenForm } from '../../model/comments.js';
import { WAITING_NOTES } from '../../domain/text.js';
import type { PathSegment } from '../../model/source.js';
import type { CohortEntry } from '../../model/program.js';
import { writtenJson } from '../../model/written-json.js';

// A cohort file can change in ways the loader does not see: comments, fields mentor does not read,
// where a member is written, anchors and tags (which can carry any word), how an entry is written
// and in what order. Readers of the file see them all, so only a maintainer makes them; what the
// file means is judged in judge.ts.

/** Where each member of this file is written in it (the path of its entry), in the file's order. */
function entryPaths(entry: CohortEntry | undefined, file: string): Map<string, readonly PathSegment[]> {
  const paths = new Map<string, readonly PathSegment[]>();
  entry?.cohort?.members.forEach((member, index) => {
    const place = entry.places[index];
    if (place?.file === file && !paths.has(member.person)) paths.set(member.person, place.path);
  });
  return paths;
}

/** The members this file holds, as written (fields mentor does not read included), by person. */
function writtenMembers(entry: CohortEntry | undefined, file: string): Map<string, Record<string, unknown>> {
  const written = new Map<string, Record<string, unknown>>();
  entry?.cohort?.members.forEach((member, index) => {
    const place = entry.places[index];
    if (place?.file !== file || written.has(member.person)) return;
    let value: unknown = place.source.value;
    for (const segment of place.path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
    if (value !== null && typeof value === 'object') written.set(member.person, value as Record<string, unknown>);
  });
  return written;
}

const same = (a: unknown, b: unknown) => writtenJson(a) === writtenJson(b);

/**
 * Why this change of a cohort's file needs a maintainer beyond what it means, if it does: a
 * member moved between cohort.yaml and a member file, a field mentor does not read added or
 * changed (text every later reader sees), a comment added, changed or removed.
 */
export function textOnlyChange(before: CohortEntry, after: CohortEntry | undefined, file: string, status: string): string | undefined {
  const writtenBefore = writtenMembers(before, file);
  const writtenAfter = writtenMembers(after, file);
  for (const [person, parsedAfter] of after?.members ?? []) {
    const was = before.members.get(person);
    const rawAfter = writtenAfter.get(person);
    if (!was) {
      // Someone joining writes what mentor reads, nothing more.
      const extra = Object.keys(rawAfter ?? {}).find((key) => !(key in parsedAfter));
      if (extra !== undefined) return `adds \`${extra}\` to the entry of ${person}, a field mentor does not read: only a maintainer may`;
      continue;
    }
    const rawBefore = writtenBefore.get(person);
    if ((rawBefore === undefined) !== (rawAfter === undefined)) return `moves ${person} between cohort.yaml and a member file: only a maintainer may rearrange how a cohort is written (mentor members)`;
    if (!rawBefore || !rawAfter) continue;
    for (const key of new Set([...Object.keys(rawBefore), ...Object.keys(rawAfter)])) {
      if (!same(rawBefore[key], rawAfter[key]) && same((was as Record<string, unknown>)[key], (parsedAfter as Record<string, unknown>)[key])) {
        return `changes \`${key}\` in the entry of ${person}, a field mentor does not read: only a maintainer may`;
      }
    }
  }
  const own = (entry: CohortEntry | undefined) => {
    const { members: _members, ...rest } = (entry?.source?.value ?? {}) as Record<string, unknown>;
    return rest;
  };
  if (file === before.file && !same(own(before), own(after))) return "changes fields of the cohort mentor does not read: only a maintainer may";
  const textOf = (entry: CohortEntry | undefined) => entry?.places.find((place) => place.file === file)?.source.text ?? (file === entry?.file ? entry.source?.text : undefined);
  const textAfter = textOf(after);
  const formAfter = textAfter === undefined ? undefined : writtenForm(textAfter);
  const textBefore = status === 'modified' ? textOf(before) : undefined;
  const formBefore = textBefore === undefined ? undefined : writtenForm(textBefore);
  if (formAfter && !same(formBefore?.marks ?? [], formAfter.marks)) {
    return 'adds or changes YAML anchors, aliases or tags (`&name`, `*name`, `!tag`), which can carry text mentor does not read: only a maintainer may; write the values plainly';
  }
  if (!formBefore || !formAfter) return undefined;
  // An editor that saves with other line endings changes every line, comments too: said as what it is.
  const endings = lineEndingsChange(textBefore!, textAfter!);
  if (endings) return endings;
  // The note `request` writes above a waiting member is mentor's, and `claim` removes it.
  const readers = (comments: string[]) => comments.map((comment) => comment.split('\n').filter((line) => !(Object.values(WAITING_NOTES) as string[]).includes(`#${line}`)).join('\n')).filter((comment) => comment !== '');
  if (!same(readers(formBefore.comments), readers(formAfter.comments))) return 'changes the comments of the file: only a maintainer may';
  // The members that mean the same must read the same, in the same order.
  const pathsBefore = entryPaths(before, file);
  const pathsAfter = entryPaths(after, file);
  const kept = (paths: Map<string, readonly PathSegment[]>, other: Map<string, readonly PathSegment[]>) => [...paths.keys()].filter((person) => other.has(person));
  if (!same(kept(pathsBefore, pathsAfter), kept(pathsAfter, pathsBefore))) return 'reorders the members of the file: only a maintainer may';
  for (const [person, pathAfter] of pathsAfter) {
    const pathBefore = pathsBefore.get(person);
    if (pathBefore === undefined || !same(before.members.get(person), after?.members.get(person))) continue;
    if (formBefore.textAt(pathBefore) !== formAfter.textAt(pathAfter)) return `rewrites the entry of ${person} without changing what it says: only a maintainer may`;
  }
  return undefined;
}

/** Line endings that one text has and the other has not: CRLF (Windows) where the file had LF, or the other way. */
function lineEndingsChange(before: string, after: string): string | undefined {
  const crlf = (text: string) => /\r\n/.test(text);
  const lf = (text: string) => /(?:^|[^\r])\n/.test(text);
  const to = crlf(after) && !crlf(before) ? 'CRLF (Windows)' : lf(after) && !lf(before) && crlf(before) ? 'LF' : undefined;
  if (to === undefined) return undefined;
  const was = to === 'LF' ? 'CRLF' : 'LF';
  return `changes the line endings of the file to ${to}: save it with the ${was} line endings it had (${to === 'LF' ? "your editor's line-ending setting" : "your editor's line-ending setting, or with git on Windows `git config core.autocrlf input`"}), and change only your entry; only a maintainer may rewrite every line of a file`;
}
