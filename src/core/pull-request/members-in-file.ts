import type { CohortEntry } from '../../model/program.js';
import type { Member } from '../../model/schemas.js';

// A pull request may touch thousands of member files of one cohort (a claim or an edit each): the
// members are grouped by the file they are written in once per cohort, not searched again for
// every changed file, which made judging 8,000 changed member files quadratic.
const byFile = new WeakMap<CohortEntry, Map<string, Map<string, Member>>>();

/** The members written in one file of a cohort, by person (where a person is there twice, the last). */
export function membersIn(entry: CohortEntry | undefined, file: string): Map<string, Member> {
  const cohort = entry?.cohort;
  if (entry === undefined || cohort === undefined) return new Map();
  let files = byFile.get(entry);
  if (files === undefined) {
    const grouped = new Map<string, Map<string, Member>>();
    cohort.members.forEach((member, index) => {
      const place = entry.places[index]?.file;
      if (place === undefined) return;
      const members = grouped.get(place) ?? grouped.set(place, new Map()).get(place)!;
      members.set(member.person, member);
    });
    byFile.set(entry, (files = grouped));
  }
  return new Map(files.get(file));
}
