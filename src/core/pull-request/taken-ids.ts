import { personLogsDir } from '../../domain/layout.js';
import type { Program } from '../../model/program.js';
import type { Member } from '../../model/schemas.js';

// An id a newcomer registers may already name someone in the base's records without a person
// file: a member placed before their file, a log folder, a mentor a member asked for or had. The
// newcomer would become that person, and take over their records: a maintainer confirms it.

/**
 * Where the base names this id, said after the id ("whom cohort 2026-fall already has as a
 * member"), or undefined. Cohorts by id; in each, members before logs before what members say.
 */
export function recordsNaming(program: Program, id: string): string | undefined {
  const cohorts = [...program.cohorts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entry of cohorts) {
    if (entry.members.has(id)) return `whom cohort ${entry.id} already has as a member`;
    const logs = program.records.list(personLogsDir(entry.id, id));
    if ('entries' in logs && logs.entries.length > 0) return `whose logs cohort ${entry.id} holds already (${personLogsDir(entry.id, id)}/)`;
    for (const member of entry.members.values()) {
      const named = peopleNamedBy(member);
      if (named.prefers === id) return `whom ${member.person} of cohort ${entry.id} asked for as a mentor (prefers: ${id})`;
      if (named.mentor === id) return `who mentors ${member.person} in cohort ${entry.id}`;
      if (named.history.includes(id)) return `who mentored ${member.person} in cohort ${entry.id} (their history names ${id})`;
    }
  }
  return undefined;
}

/** The people a member names besides themselves: the mentor they have, the one they asked for, those they had. */
export function peopleNamedBy(member: Member): { mentor?: string; prefers?: string; history: string[] } {
  return { ...(member.mentor === undefined ? {} : { mentor: member.mentor }), ...(member.prefers === undefined ? {} : { prefers: member.prefers }), history: (member.history ?? []).map((match) => match.mentor) };
}
