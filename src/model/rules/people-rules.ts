import type { Problem } from '../problem.js';
import type { PersonEntry, Program } from '../program.js';
import { isUsableId, notAnIdWords, personFile } from '../../domain/layout.js';
import { zoneNotAPlace } from '../../domain/zone-words.js';
import { yamlText } from '../yaml-value.js';

// Rules across people files. Each rule is one small function with a stable id.

interface CheckedPerson {
  id: string;
  /** Every field, or those valid on their own when the file has errors. */
  person: NonNullable<PersonEntry['fields']>;
  source: NonNullable<PersonEntry['source']>;
}

type PersonRule = (entry: CheckedPerson, program: Program, seen: SeenGithub) => Problem | undefined;
type SeenGithub = Map<string, string>;

/** `id-matches-file`: a person's id is the file name. */
const idMatchesFile: PersonRule = ({ id, person, source }) => {
  if (person.id === undefined || person.id === id) return undefined;
  return source.problemAt(['id'], 'value', 'id-matches-file', 'error', `The id "${person.id}" differs from the file name ${personFile(id)}.`, isUsableId(id) ? `Set \`id: ${yamlText(id)}\`, or rename the file to ${personFile(person.id)}.` : `Rename the file to ${personFile(person.id)}: ${notAnIdWords(id)}.`);
};

/** `github-duplicate`: a GitHub handle belongs to one person (check-pr and CODEOWNERS rely on it). */
const githubUnique: PersonRule = ({ id, person, source }, _program, seen) => {
  if (person.github === undefined) return undefined;
  const key = person.github.toLowerCase();
  const owner = seen.get(key);
  if (owner === undefined) {
    seen.set(key, id);
    return undefined;
  }
  return source.problemAt(['github'], 'value', 'github-duplicate', 'error', `The GitHub handle "${person.github}" is already used by ${personFile(owner)}.`, 'Each person has their own handle: fix the handle in one of the two files.');
};

/** `timezone-abbreviation`: a zone written as an abbreviation (BST, EST) is read as some zone, not always the one meant; Etc/GMT+5 is UTC−5. */
const zonePlace: PersonRule = ({ person, source }) => {
  const words = person.timezone === undefined ? undefined : zoneNotAPlace(person.timezone);
  return words && source.problemAt(['timezone'], 'value', 'timezone-abbreviation', 'warning', words.message, `Write the place you live${words.place === undefined ? '' : `, such as \`timezone: ${words.place}\``}.`);
};

export const PEOPLE_RULES: readonly PersonRule[] = [idMatchesFile, githubUnique, zonePlace];

export function checkPeopleRules(program: Program, problems: Problem[]): void {
  const seen: SeenGithub = new Map();
  // Valid files first: a handle written twice is said on the file that has errors, not on the
  // file that is right (it owns the handle for check-pr and CODEOWNERS).
  const entries = [...program.people.values()];
  for (const entry of [...entries.filter((e) => e.person !== undefined), ...entries.filter((e) => e.person === undefined)]) {
    const { fields: person, source } = entry;
    if (!person || !source) continue;
    for (const rule of PEOPLE_RULES) {
      const problem = rule({ id: entry.id, person, source }, program, seen);
      if (problem) problems.push(problem);
    }
  }
}
