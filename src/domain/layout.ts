// Where each record lives in a program repo (DESIGN.md "The program repo"). Every path that
// mentor builds or recognises comes from here.

import { isIsoWeek } from './weeks.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * A name Windows keeps for a device (con, prn, aux, nul, com0-9, lpt0-9), in any case and with any
 * extension (con.yaml): a file or folder so named cannot be checked out there, so it is no id.
 */
export const isWindowsDeviceName = (name: string) => /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(name.split('.')[0]!.trimEnd());

/** Whether a file or folder name can be an id: the pattern, and no device name of Windows. */
export const isUsableId = (name: string) => ID_PATTERN.test(name) && !isWindowsDeviceName(name);

/** Why a file or folder name is not an id, said after "its name": what to rename it for. */
export const notAnIdWords = (name: string) => (isWindowsDeviceName(name) ? 'its name is one Windows keeps for a device' : 'its name is no id');

/** What is wrong with an id that Windows keeps for a device. */
export const windowsDeviceIdProblem = (id: string) => `a name Windows keeps for a device: a file or folder named ${id} cannot be checked out on Windows`;

/** What to do about it: another id, and the file or folder renamed to match. */
export const windowsDeviceIdFix = (id: string) => `Choose another id, such as ${freeId(id, new Set())}, and rename the person's file or the cohort's folder to match (and the ids that refer to it).`;

/**
 * An id made from a name or a file name, to suggest: accents dropped ("Zoë Ñandú" -> zoe-nandu),
 * anything else that is not a letter or digit a dash, at most 63 characters. `fallback` when
 * nothing is left (a name in another script).
 */
export function suggestId(text: string, fallback: string): string {
  const id = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return id === '' ? fallback : id;
}

/** `id` numbered (`ada-2`, `ada-3`, ...) until it is none of `taken`, cut so the number fits in 63 characters (cutting the number off instead looped forever). */
export function freeId(id: string, taken: { has(id: string): boolean }): string {
  for (let n = 2; ; n++) {
    const numbered = `${id.slice(0, 62 - String(n).length).replace(/-+$/, '')}-${n}`;
    if (!taken.has(numbered)) return numbered;
  }
}
export const CONFIG_FILE = 'mentor.config.yaml';
export const PEOPLE_DIR = 'people';
export const COHORTS_DIR = 'cohorts';
export const REPORTS_DIR = 'reports';
/** Where `mentor schema` and `mentor init` write the JSON Schemas of the records (the default). */
export const SCHEMAS_DIR = 'schemas';
/** GitHub's folder: workflows, issue forms, CODEOWNERS. */
export const GITHUB_DIR = '.github';
export const CODEOWNERS_FILE = `${GITHUB_DIR}/CODEOWNERS`;
/** What git leaves out: init writes mentor's lines there (or says to add them to the user's own). */
export const GITIGNORE_FILE = '.gitignore';
/** The runner a program repo commits (the whole CLI bundled), and the command that runs it. */
export const RUNNER_DIR = '.mentor';
export const RUNNER_ENTRY = `${RUNNER_DIR}/mentor.mjs`;
export const RUNNER_COMMAND = `node ${RUNNER_ENTRY}`;

/** The folders that hold the records or what mentor generates for the repo: no other output goes there. */
export const PROGRAM_FOLDERS: readonly string[] = [PEOPLE_DIR, COHORTS_DIR, REPORTS_DIR, SCHEMAS_DIR, GITHUB_DIR, RUNNER_DIR];

/** The program folder a repo path ('/'-separated) is or lies in, if any. */
export function programFolderOf(path: string): string | undefined {
  return PROGRAM_FOLDERS.find((folder) => path === folder || path.startsWith(`${folder}/`));
}

export const personFile = (person: string) => `${PEOPLE_DIR}/${person}.yaml`;
export const cohortDir = (cohort: string) => `${COHORTS_DIR}/${cohort}`;
export const cohortFile = (cohort: string) => `${cohortDir(cohort)}/cohort.yaml`;
/** The folders a cohort folder holds, beside its cohort.yaml. */
export const MEMBERS_FOLDER = 'members';
export const LOGS_FOLDER = 'logs';
export const membersDir = (cohort: string) => `${cohortDir(cohort)}/${MEMBERS_FOLDER}`;
export const memberFile = (cohort: string, person: string) => `${membersDir(cohort)}/${person}.yaml`;
export const logsDir = (cohort: string) => `${cohortDir(cohort)}/${LOGS_FOLDER}`;
export const personLogsDir = (cohort: string, person: string) => `${logsDir(cohort)}/${person}`;
export const logFile = (cohort: string, person: string, week: string) => `${personLogsDir(cohort, person)}/${week}.yaml`;
export const reportFile = (cohort: string, week: string, extension: 'md' | 'json') => `${REPORTS_DIR}/${cohort}/${week}.${extension}`;
/**
 * The name of a report file in its cohort's folder, its week captured: `2026-W48.md`, `2026-W48.json`.
 * Written as a POSIX extended regular expression too ([0-9], not \d), so CI's shell script reads the same names.
 */
export const REPORT_NAME = /^([0-9]{4}-W[0-9]{2})\.(md|json)$/;

/** What a repo path is, by the layout alone (names are not checked against ID_PATTERN here). */
export type PathKind =
  | { kind: 'config' }
  | { kind: 'person'; person: string }
  | { kind: 'cohort'; cohort: string }
  | { kind: 'member'; cohort: string; person: string }
  | { kind: 'log'; cohort: string; person: string; week: string }
  | { kind: 'report'; cohort: string }
  | { kind: 'other' };

const PERSON_PATH = /^people\/([^/]+)\.yaml$/;
const COHORT_PATH = /^cohorts\/([^/]+)\/cohort\.yaml$/;
const MEMBER_PATH = /^cohorts\/([^/]+)\/members\/([^/]+)\.yaml$/;
const LOG_PATH = /^cohorts\/([^/]+)\/logs\/([^/]+)\/([^/]+)\.yaml$/;
const REPORT_PATH = /^reports\/([^/]+)\//;

/** A change outside the program folder (a program kept in a subfolder of its repository), as check-pr names it. */
export const OUTSIDE_PROGRAM = '../';
export const isOutsideProgram = (path: string) => path.startsWith(OUTSIDE_PROGRAM);

export function classifyPath(path: string): PathKind {
  if (path === CONFIG_FILE) return { kind: 'config' };
  let match = PERSON_PATH.exec(path);
  if (match) return { kind: 'person', person: match[1]! };
  if ((match = COHORT_PATH.exec(path))) return { kind: 'cohort', cohort: match[1]! };
  if ((match = MEMBER_PATH.exec(path))) return { kind: 'member', cohort: match[1]!, person: match[2]! };
  if ((match = LOG_PATH.exec(path))) return { kind: 'log', cohort: match[1]!, person: match[2]!, week: match[3]! };
  if ((match = REPORT_PATH.exec(path))) return { kind: 'report', cohort: match[1]! };
  return { kind: 'other' };
}

/** A path in or under a cohort's logs/ folder: its cohort, and the names below logs/ (none for the folder itself). */
export function underLogs(path: string): { cohort: string; below: string[] } | undefined {
  const match = /^cohorts\/([^/]+)\/logs(?:\/(.+))?$/.exec(path);
  return match ? { cohort: match[1]!, below: match[2] === undefined ? [] : match[2].split('/') } : undefined;
}

/** The cohort and person whose log folder holds a file, whatever its name (a .yml, a stray file). */
export function logFolderOf(path: string): { cohort: string; person: string } | undefined {
  const under = underLogs(path);
  return under?.below.length === 2 ? { cohort: under.cohort, person: under.below[0]! } : undefined;
}

/** The cohort a path under cohorts/ belongs to, whatever it is. */
export function cohortOfPath(path: string): string | undefined {
  return /^cohorts\/([^/]+)\//.exec(path)?.[1];
}

/** The week (and person) a log's file name says, wherever it lies: `2026-W50.yaml`, `kim-2026-W50.yml`. */
export function weekFileName(name: string): { week: string; person?: string } | undefined {
  const named = /^(?:(.+)-)?(\d{4}-W\d{2})\.ya?ml$/.exec(name);
  if (!named || !isIsoWeek(named[2]!)) return undefined;
  return named[1] === undefined ? { week: named[2]! } : { week: named[2]!, person: named[1] };
}

/**
 * The log a file saved in the wrong place most likely is, by its path: `cohorts/c/kim-2026-W50.yaml`,
 * `cohorts/c/log/kim/2026-W49.yaml`, `cohorts/c/kim/2026-W49.yaml`, a `.yml`, `logs/kim-2026-W50.yaml`.
 * `author`: whose log a week's file saved right in a logs/ folder is (the gate knows who wrote it).
 * Undefined when the path says no person and week, or already is that log.
 */
export function intendedLogFile(path: string, author?: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== COHORTS_DIR || parts.length < 3 || parts.length > 5) return undefined;
  const cohort = parts[1]!;
  const rest = parts.slice(2);
  const named = weekFileName(rest.at(-1)!);
  if (!named) return undefined;
  const { person, week } = named;
  // The person is in the name (kim-2026-W50.yaml), in cohorts/<c>/ or right in its logs/ folder...
  const inName = person !== undefined && (rest.length === 1 || (rest.length === 2 && rest[0] === LOGS_FOLDER)) ? person : undefined;
  // ...or the folder holding the week's file: cohorts/<c>/<person>/ or cohorts/<c>/<any>/<person>/.
  // A week's file right in logs/ names nobody (logs/ is no person's folder): it is the author's, when the caller knows one.
  const folder = person === undefined && (rest.length === 2 || rest.length === 3) ? rest.at(-2) : undefined;
  const inFolder = folder === LOGS_FOLDER ? (rest.length === 2 ? author : undefined) : folder;
  const who = inName ?? inFolder;
  if (who === undefined || !ID_PATTERN.test(who) || (rest.length === 2 && rest[0] === MEMBERS_FOLDER)) return undefined;
  const intended = logFile(cohort, who, week);
  return intended === path ? undefined : intended;
}
