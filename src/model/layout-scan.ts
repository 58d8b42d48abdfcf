import { CONFIG_FILE, COHORTS_DIR, LOGS_FOLDER, MEMBERS_FOLDER, PEOPLE_DIR, cohortDir, cohortFile, intendedLogFile, logFile, logsDir, memberFile, membersDir, personLogsDir, weekFileName } from '../domain/layout.js';
import { closest } from './suggest.js';
import { linkProblem, type DirEntry, type RecordSource, type SourceProblem } from './record-source.js';
import type { RecordKind } from './schemas.js';

// Which files of a source are records, by the layout of DESIGN.md, and which files in the layout
// are mistakes (a .yml, a stray file, a symlink out of the repo). Pure over the record source.

/** A file found where the layout expects records. */
export interface RecordFile {
  /** Relative to the repo root, forward slashes. */
  file: string;
  kind: RecordKind;
  /** The id the layout gives it: person id, cohort id, member's person id, or for a log the week. */
  nameId: string;
  cohort?: string;
  person?: string;
  /** The listing saw a regular file (not a symlink or anything else). */
  regular?: boolean;
}

export interface LayoutProblem extends SourceProblem {
  file: string;
}

export interface Layout {
  config: RecordFile;
  people: RecordFile[];
  cohorts: RecordFile[];
  /** Member files by cohort id. */
  members: Map<string, RecordFile[]>;
  /** Logs by cohort id (empty for cohorts whose logs were not listed). */
  logs: Map<string, RecordFile[]>;
  problems: LayoutProblem[];
}

/** Names the layout passes over without a word: dotfiles (editors, git, mentor's temp files) and notes. */
export const IGNORED_NAME = /^(\..*|README(\.md)?|.*\.md)$/i;

export interface ListOptions {
  /** List the logs of these cohorts only (a run that checks a few changed files). */
  logsOf?: ReadonlySet<string>;
}

export function listRecords(source: RecordSource, options: ListOptions = {}): Layout {
  const problems: LayoutProblem[] = [];
  const layout: Layout = { config: { file: CONFIG_FILE, kind: 'config', nameId: 'config' }, people: [], cohorts: [], members: new Map(), logs: new Map(), problems };
  const entries = (dir: string) => entriesOf(source, dir, problems);

  for (const entry of entries(PEOPLE_DIR)) {
    const file = `${PEOPLE_DIR}/${entry.name}`;
    const name = recordName(entry, file, problems, 'People files');
    if (name !== undefined) layout.people.push({ file, kind: 'person', nameId: name, regular: entry.regular === true });
  }

  // Ids of the people, for a stray folder named after one: made once, and only when one turns up.
  let people: Set<string> | undefined;
  // Folders without cohort.yaml, told once every cohort is known (one may be another's name misspelt).
  const withoutCohortFile: LayoutProblem[] = [];
  for (const folder of entries(COHORTS_DIR)) {
    const cohort = folder.name;
    const dir = cohortDir(cohort);
    if (!isFolder(folder, dir, problems)) {
      if (!IGNORED_NAME.test(folder.name) && !isLink(folder)) problems.push({ file: dir, rule: 'unexpected-file', severity: 'warning', message: 'Only folders belong in cohorts/; this file is not read.', fix: 'Move it into a cohort folder, or delete it.' });
      continue;
    }
    const inside = entries(dir);
    const hasCohortFile = inside.some((e) => e.name === 'cohort.yaml');
    if (hasCohortFile) {
      layout.cohorts.push({ file: cohortFile(cohort), kind: 'cohort', nameId: cohort, cohort, regular: inside.find((e) => e.name === 'cohort.yaml')!.regular === true });
    } else {
      const problem: LayoutProblem = { file: cohortFile(cohort), rule: 'cohort-missing-file', severity: 'error', message: `The cohort folder ${dir}/ has no cohort.yaml.`, fix: `Create ${cohortFile(cohort)} with id, name and start (and members), or remove the folder.` };
      problems.push(problem);
      withoutCohortFile.push(problem);
    }

    const members: RecordFile[] = [];
    layout.members.set(cohort, members);
    const membersFolder = inside.find((e) => e.name === 'members');
    if (membersFolder && isFolder(membersFolder, membersDir(cohort), problems)) {
      for (const entry of entries(membersDir(cohort))) {
        const file = `${membersDir(cohort)}/${entry.name}`;
        const name = recordName(entry, file, problems, 'Member files');
        if (name === undefined) continue;
        if (!hasCohortFile) {
          problems.push({ file, rule: 'member-without-cohort', severity: 'error', message: `This member file is in ${dir}/, which has no cohort.yaml, so it belongs to no cohort.`, fix: `Create ${cohortFile(cohort)}, or move the file to the members/ folder of an existing cohort.` });
          continue;
        }
        members.push({ file, kind: 'member', nameId: name, cohort, person: name, regular: entry.regular === true });
      }
    }

    layout.logs.set(cohort, options.logsOf && !options.logsOf.has(cohort) ? [] : logsIn(source, cohort, inside, problems));
    for (const entry of inside) {
      if (!COHORT_ENTRIES.has(entry.name) && !IGNORED_NAME.test(entry.name)) problems.push(strayInCohort(entry, cohort, inside, (people ??= new Set(layout.people.map((file) => file.nameId)))));
    }
  }
  // A log written to cohorts/2026-Fall/ is meant for 2026-fall: creating a cohort is not the fix.
  for (const problem of withoutCohortFile) {
    const meant = closest(problem.file.split('/')[1]!, layout.cohorts.map((file) => file.nameId));
    if (meant !== undefined) problem.fix = `Did you mean ${cohortDir(meant)}/? Move what this folder holds there. Otherwise ${problem.fix!.charAt(0).toLowerCase()}${problem.fix!.slice(1)}`;
  }
  return layout;
}

const COHORT_ENTRIES = new Set(['cohort.yaml', MEMBERS_FOLDER, LOGS_FOLDER]);

/**
 * Anything else in a cohort folder is never read: a log saved beside cohort.yaml, a `log/` folder.
 * Said as a warning, with where it belongs, or the log would count as missing and nobody know why.
 */
function strayInCohort(entry: DirEntry, cohort: string, inside: readonly DirEntry[], people: ReadonlySet<string>): LayoutProblem {
  const file = `${cohortDir(cohort)}/${entry.name}`;
  const holds = `a cohort folder holds cohort.yaml, ${MEMBERS_FOLDER}/ and ${LOGS_FOLDER}/ only`;
  const warn = (message: string, fix: string): LayoutProblem => ({ file, rule: 'unexpected-file', severity: 'warning', message, fix });
  const has = (name: string) => inside.some((e) => e.name === name && e.kind === 'dir');
  const elsewhere = `Move a log to ${logFile(cohort, '<person>', '<week>')} and a member to ${memberFile(cohort, '<person>')}`;
  if (entry.kind === 'dir') {
    const meant = closest(entry.name, [LOGS_FOLDER, MEMBERS_FOLDER]);
    if (meant === LOGS_FOLDER) return warn(`This folder is not read (${holds}), so the logs in it are not counted.`, has(LOGS_FOLDER) ? `Move the person folders it holds into ${logsDir(cohort)}/.` : `Rename it to ${logsDir(cohort)}.`);
    if (meant === MEMBERS_FOLDER) return warn(`This folder is not read (${holds}), so the members in it are not read either.`, has(MEMBERS_FOLDER) ? `Move its files into ${membersDir(cohort)}/.` : `Rename it to ${membersDir(cohort)}.`);
    if (people.has(entry.name)) return warn(`This folder is not read (${holds}), so ${entry.name}'s logs in it are not counted.`, `Move it into ${logsDir(cohort)}/, so that it is ${personLogsDir(cohort, entry.name)}/.`);
    return warn(`This folder is not read: ${holds}.`, `${elsewhere}, or delete the folder.`);
  }
  const log = intendedLogFile(file);
  if (log !== undefined) return warn(`This file is not read (${holds}), so the log in it is not counted.`, `Move it to ${log}.`);
  return warn(`This file is not read: ${holds}.`, `${elsewhere}, or delete the file.`);
}

/** A folder's entries; none, with the problem said, when it cannot be listed. */
function entriesOf(source: RecordSource, dir: string, problems: LayoutProblem[]): DirEntry[] {
  const listing = source.list(dir);
  if ('problem' in listing) {
    problems.push({ file: dir, ...listing.problem });
    return [];
  }
  return listing.entries;
}

/** Lists the logs of a cohort left unlisted by `logsOf` (a run that learns later which it needs). */
export function listCohortLogs(source: RecordSource, layout: Layout, cohort: string): void {
  if (!layout.logs.has(cohort)) return; // Not a cohort folder.
  const listing = source.list(cohortDir(cohort));
  if ('problem' in listing) return; // Said when the cohorts were listed.
  layout.logs.set(cohort, logsIn(source, cohort, listing.entries, layout.problems));
}

/** The logs in a cohort folder (`inside`: its entries): logs/<person>/<week>.yaml. */
function logsIn(source: RecordSource, cohort: string, inside: readonly DirEntry[], problems: LayoutProblem[]): RecordFile[] {
  const logs: RecordFile[] = [];
  const logsFolder = inside.find((e) => e.name === 'logs');
  if (!logsFolder || !isFolder(logsFolder, logsDir(cohort), problems)) return logs;
  for (const personFolder of entriesOf(source, logsDir(cohort), problems)) {
    const personPath = `${logsDir(cohort)}/${personFolder.name}`;
    if (!isFolder(personFolder, personPath, problems)) {
      if (!IGNORED_NAME.test(personFolder.name) && !isLink(personFolder)) problems.push({ file: personPath, rule: 'unexpected-file', severity: 'warning', message: 'Logs live in a folder per person: logs/<person>/<week>.yaml; this file is not read.', fix: intoPersonFolder(cohort, personPath, personFolder.name) });
      continue;
    }
    logs.push(...listPersonLogs(source, cohort, personFolder.name, problems));
  }
  return logs;
}

/** Where a file right in a cohort's logs/ goes: the file name says whose log it is, or only the week. */
function intoPersonFolder(cohort: string, file: string, name: string): string {
  const log = intendedLogFile(file);
  if (log !== undefined) return `Move it to ${log}.`;
  const week = weekFileName(name)?.week;
  return week !== undefined ? `Move it to ${logFile(cohort, '<person>', week)}, in the folder of the person whose log it is.` : 'Move it into the folder of the person it belongs to.';
}

/** The logs of one person in one cohort, listed on their own (a change to that person needs them). */
export function listPersonLogs(source: RecordSource, cohort: string, person: string, problems: LayoutProblem[]): RecordFile[] {
  const dir = `${logsDir(cohort)}/${person}`;
  const logs: RecordFile[] = [];
  for (const entry of entriesOf(source, dir, problems)) {
    const week = recordName(entry, `${dir}/${entry.name}`, problems, 'Logs');
    if (week !== undefined) logs.push({ file: `${dir}/${entry.name}`, kind: 'log', nameId: week, cohort, person, regular: entry.regular === true });
  }
  return logs;
}

/** A symlink (said by isFolder as one), not a stray file. */
const isLink = (entry: DirEntry) => entry.outside === true || entry.symlink === true;

function isFolder(entry: DirEntry, path: string, problems: LayoutProblem[]): boolean {
  if (isLink(entry)) {
    problems.push({ file: path, ...linkProblem('folder', entry.outside ? 'outside' : 'inside') });
    return false;
  }
  return entry.kind === 'dir';
}

/** The name of a record file without `.yaml`, or undefined (with a problem if it looks like a mistake). */
function recordName(entry: DirEntry, file: string, problems: LayoutProblem[], what = 'Records'): string | undefined {
  if (IGNORED_NAME.test(entry.name)) return undefined;
  // A name that is not UTF-8 reaches us with U+FFFD in it: no file has that name, so it cannot be read.
  if (entry.name.includes('\ufffd')) {
    problems.push({ file, rule: 'invalid-file-name', severity: 'error', message: 'This file name is not valid UTF-8, so the file cannot be read.', fix: 'Rename it with lower-case letters, digits and dashes, e.g. ada-lovelace.yaml.' });
    return undefined;
  }
  // A folder named as a record (people/ada.yaml/) is that record, unreadable: said once, as the
  // record's own error, rather than as "there is no people/ada.yaml, create it", which would fail.
  if (entry.name.endsWith('.yaml') && entry.name.length > 5) return entry.name.slice(0, -5);
  if (entry.kind === 'dir') {
    problems.push({ file, rule: 'unexpected-file', severity: 'warning', message: `${what} are files; this folder is not read.`, fix: 'Move its records up one level, or delete it.' });
    return undefined;
  }
  if (entry.name.endsWith('.yml')) {
    const message = what === 'Logs' ? 'This log is not counted: records end in .yaml, and this .yml file is not read.' : 'Records end in .yaml; this .yml file is not read.';
    problems.push({ file, rule: 'unexpected-file', severity: 'warning', message, fix: `Rename it to ${entry.name.slice(0, -4)}.yaml.` });
  } else {
    problems.push({ file, rule: 'unexpected-file', severity: 'warning', message: 'This is not a record (records end in .yaml) and is not read.', fix: 'Move it out of the records folder, or rename it to .yaml if it is one.' });
  }
  return undefined;
}
