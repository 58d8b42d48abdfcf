import { isCohortWeek } from '../../domain/cohort-state.js';
import { COHORTS_DIR, PEOPLE_DIR, intendedLogFile, logFile, programFolderOf, weekFileName } from '../../domain/layout.js';
import type { Program } from '../../model/program.js';

// A log its author saved where no log is read: merged, it would never be counted, and a
// maintainer asked to approve it would merge it all the same. Where it goes, so the author moves it.

/**
 * The log file a file added by `author` (a person id at the base) most likely is. In a cohort
 * folder, as its path says; anywhere else (the top of the repository, a logs/ folder of its own,
 * people/), the author's own log of the week its name says, in the cohort of that week they are a
 * member of. Undefined when the path names another person, or no cohort of the author has that week.
 */
export function misplacedLog(base: Program, path: string, author: string | undefined): string | undefined {
  if (path.startsWith(`${COHORTS_DIR}/`)) return intendedLogFile(path, author);
  // The folders of what mentor writes (.github/, schemas/, reports/, ...) hold no log by mistake.
  const folder = programFolderOf(path);
  if (author === undefined || (folder !== undefined && folder !== PEOPLE_DIR)) return undefined;
  const parts = path.split('/');
  const named = weekFileName(parts.at(-1)!);
  if (!named || (named.person !== undefined && named.person !== author)) return undefined;
  if (parts.slice(0, -1).some((folder) => folder !== author && base.people.has(folder))) return undefined;
  return ownLogOf(base, author, named.week);
}

/** The author's log of a week, in the cohort of that week they are a member of (at the base), if any. */
export function ownLogOf(base: Program, author: string, week: string): string | undefined {
  for (const entry of base.cohorts.values()) {
    if (entry.cohort && entry.members.has(author) && isCohortWeek(entry.cohort, week)) return logFile(entry.id, author, week);
  }
  return undefined;
}

/**
 * Whether a rename moves a misplaced log that names `author` (kim-2026-W50.yaml, a folder of
 * theirs) to the log file it is: the fix its verdict asks for. A file that names nobody (a week's
 * file right in logs/ or at the top) may be anyone's, so it is not the author's to move.
 */
export function movesOwnLogHome(base: Program, from: string, to: string, author: string | undefined): boolean {
  if (author === undefined || misplacedLog(base, from, author) !== to) return false;
  return intendedLogFile(from) === to || weekFileName(from.slice(from.lastIndexOf('/') + 1))?.person === author;
}
