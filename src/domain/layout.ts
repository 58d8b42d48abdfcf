// Where each record lives in a program repo (DESIGN.md "The program repo"). Every path that
// mentor builds or recognises comes from here.

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const CONFIG_FILE = 'mentor.config.yaml';
export const PEOPLE_DIR = 'people';
export const COHORTS_DIR = 'cohorts';
export const REPORTS_DIR = 'reports';
/** Where `mentor schema` and `mentor init` write the JSON Schemas of the records (the default). */
export const SCHEMAS_DIR = 'schemas';
/** GitHub's folder: workflows, issue forms, CODEOWNERS. */
export const GITHUB_DIR = '.github';
export const CODEOWNERS_FILE = `${GITHUB_DIR}/CODEOWNERS`;
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
export const membersDir = (cohort: string) => `${cohortDir(cohort)}/members`;
export const memberFile = (cohort: string, person: string) => `${membersDir(cohort)}/${person}.yaml`;
export const logsDir = (cohort: string) => `${cohortDir(cohort)}/logs`;
export const personLogsDir = (cohort: string, person: string) => `${logsDir(cohort)}/${person}`;
export const logFile = (cohort: string, person: string, week: string) => `${personLogsDir(cohort, person)}/${week}.yaml`;
export const reportFile = (cohort: string, week: string, extension: 'md' | 'json') => `${REPORTS_DIR}/${cohort}/${week}.${extension}`;

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
