// Who may change which record: each person owns their person file and their logs; maintainers
// (config `maintainers`) own everything. Used by `mentor check-pr`.

export interface FileChange {
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  path: string;
  from?: string;
}

export interface Verdict {
  path: string;
  status: FileChange['status'];
  from?: string;
  allowed: boolean;
  reason: string;
}

export interface Owners {
  /** Lower-cased GitHub handles of the maintainers. */
  maintainers: Set<string>;
  /** Lower-cased GitHub handle -> person id. */
  personByGithub: Map<string, string>;
}

const LOG_PATH = /^cohorts\/[^/]+\/logs\/([^/]+)\/[^/]+\.yaml$/;
const PERSON_PATH = /^people\/([^/]+)\.yaml$/;

/** The person a path belongs to, if it is someone's own record. */
export function ownerOfPath(path: string): string | undefined {
  return LOG_PATH.exec(path)?.[1] ?? PERSON_PATH.exec(path)?.[1];
}

const weekOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');

function describe(path: string): string {
  if (path === 'mentor.config.yaml') return 'the program config';
  if (/^cohorts\/[^/]+\/cohort\.yaml$/.test(path)) return 'a cohort (its members and tree)';
  if (path.startsWith('reports/')) return 'a report (written by `mentor report`)';
  const owner = ownerOfPath(path);
  if (owner && LOG_PATH.test(path)) return `a log of ${owner}`;
  if (owner) return `the person file of ${owner}`;
  return 'a file outside your own records';
}

/**
 * `lockedBefore`: with `lockLogsAfterWeeks`, logs of weeks before this ISO week are locked:
 * editing, deleting or renaming them needs a maintainer.
 */
export function judgeChanges(changes: readonly FileChange[], author: string, owners: Owners, lockedBefore?: string): { author: { handle: string; person?: string; maintainer: boolean }; verdicts: Verdict[] } {
  const handle = author.toLowerCase();
  const maintainer = owners.maintainers.has(handle);
  const person = owners.personByGithub.get(handle);
  const verdicts = changes.map((change): Verdict => {
    const base = { path: change.path, status: change.status, ...(change.from ? { from: change.from } : {}) };
    if (maintainer) return { ...base, allowed: true, reason: 'a maintainer may change any record' };
    const paths = change.status === 'renamed' ? [change.from!, change.path] : [change.path];
    const foreign = paths.find((path) => person === undefined || ownerOfPath(path) !== person);
    if (foreign !== undefined) {
      return { ...base, allowed: false, reason: `${describe(foreign)}: only ${ownerOfPath(foreign) && LOG_PATH.test(foreign) ? `${ownerOfPath(foreign)} or ` : ''}a maintainer may change it` };
    }
    if (change.status === 'deleted') return { ...base, allowed: false, reason: 'your own record, but deleting it needs a maintainer' };
    const lockedLog = change.status === 'added' ? undefined : paths.find((path) => LOG_PATH.test(path) && lockedBefore !== undefined && weekOf(path) < lockedBefore);
    if (lockedLog !== undefined) {
      return { ...base, allowed: false, reason: `the log of ${weekOf(lockedLog)} is locked (weeks before ${lockedBefore} are closed: lockLogsAfterWeeks); a maintainer must make or approve this change` };
    }
    return { ...base, allowed: true, reason: `your own ${LOG_PATH.test(change.path) ? 'log' : 'person file'}` };
  });
  return { author: { handle: author, ...(person ? { person } : {}), maintainer }, verdicts };
}
