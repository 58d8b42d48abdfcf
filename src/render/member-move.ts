import { membersDir } from '../domain/layout.js';
import type { CohortEntry } from '../model/program.js';
import type { Cohort } from '../model/schemas.js';
import { membersToFiles, membersToList } from './member-files.js';
import { plural } from './words.js';

// `mentor members <cohort> --to files|list`: which files change, and how, for a valid cohort.

export type MembersForm = 'files' | 'list';

export interface MemberMove {
  /**
   * New text of each file written (repo-relative), in the order to rename them into place: the
   * new homes of the members first, the file that gives them up last, so that a writer stopped
   * between two renames leaves every member somewhere (twice at worst, which validate names).
   */
  writes: Map<string, string>;
  /** Files removed (member files moved into the list). */
  deletes: string[];
  /** The people moved. */
  moved: string[];
}

export function planMemberMove(entry: CohortEntry & { cohort: Cohort }, to: MembersForm): MemberMove | { refused: string } {
  const cohortText = entry.source!.text;
  const inFiles = entry.places.flatMap((place, index) => (place.path.length === 0 ? [{ place, member: entry.cohort.members[index]! }] : []));
  if (to === 'files') {
    const result = membersToFiles(entry.id, cohortText);
    if ('refused' in result) return result;
    const taken = result.memberFiles.find((file) => inFiles.some(({ place }) => place.file === file.file));
    if (taken) return { refused: `${taken.file} exists already.` };
    if (result.memberFiles.length === 0) return { writes: new Map(), deletes: [], moved: [] };
    return { writes: new Map([...result.memberFiles.map((file) => [file.file, file.text] as const), [entry.file, result.cohortText]]), deletes: [], moved: result.memberFiles.map((file) => file.person) };
  }
  if (inFiles.length === 0) return { writes: new Map(), deletes: [], moved: [] };
  const files = inFiles.map(({ place, member }) => ({ file: place.file, person: member.person, role: member.role, text: place.source.text }));
  const result = membersToList(entry.id, cohortText, files);
  if ('refused' in result) return result;
  return { writes: new Map([[entry.file, result.cohortText]]), deletes: files.map((file) => file.file), moved: files.map((file) => file.person) };
}

/** What the move did (or, with `planned`, would do), in a sentence or two. */
export function renderMemberMove(cohortId: string, to: MembersForm, move: MemberMove, planned: boolean): string {
  const folder = `${membersDir(cohortId)}/`;
  const count = plural(move.moved.length, 'member');
  if (move.moved.length === 0) return to === 'files' ? `The members of ${cohortId} are already files in ${folder} (cohort.yaml lists none).` : `The members of ${cohortId} are already in the list of cohort.yaml (${folder} holds none).`;
  const verb = planned ? 'Would move' : 'Moved';
  const what = to === 'files' ? `${verb} ${count} of ${cohortId} from the list in cohort.yaml to one file each in ${folder}` : `${verb} ${count} of ${cohortId} from ${folder} into the list in cohort.yaml`;
  const names = move.moved.length > 12 ? `${move.moved.slice(0, 10).join(', ')} and ${move.moved.length - 10} more` : move.moved.join(', ');
  return `${what}: ${names}.`;
}
