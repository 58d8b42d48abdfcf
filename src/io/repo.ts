import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';

export const CONFIG_FILE = 'mentor.config.yaml';
/** No record is this big; a bigger file is a mistake or an attack, and is not read. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** The program repo: `--repo`, else the current folder or the nearest parent with a config. */
export function findRepoRoot(repoOption: string | undefined, cwd = process.cwd()): string {
  if (repoOption !== undefined) {
    const root = path.resolve(cwd, repoOption);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw usageError(`There is no folder at ${repoOption}.`, 'Pass --repo the folder that holds mentor.config.yaml.');
    }
    if (!existsSync(path.join(root, CONFIG_FILE))) {
      throw usageError(`${repoOption} is not a program repo: it has no ${CONFIG_FILE}.`, `Run \`mentor init ${repoOption}\` to create one.`);
    }
    return realpathSync(root);
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return realpathSync(dir);
    if (path.dirname(dir) === dir) break;
  }
  throw usageError(`No ${CONFIG_FILE} in this folder or any parent.`, 'Run mentor inside a program repo, pass --repo <dir>, or create one with `mentor init`.');
}

export type RecordKind = 'config' | 'person' | 'cohort' | 'log';

/** A file found where the layout expects records. */
export interface RecordFile {
  /** Relative to the repo root, forward slashes. */
  file: string;
  kind: RecordKind;
  /** The id the layout gives it: person id, cohort id, or for a log the week. */
  nameId: string;
  cohort?: string;
  person?: string;
  /** The listing saw a regular file (not a symlink or anything else). */
  regular?: boolean;
}

/** A file or folder in the layout that cannot be read as a record, said as a problem. */
export interface LayoutProblem {
  file: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

export interface Layout {
  config: RecordFile;
  people: RecordFile[];
  cohorts: RecordFile[];
  /** Logs by cohort id. */
  logs: Map<string, RecordFile[]>;
  problems: LayoutProblem[];
}

const IGNORED = /^(\..*|README(\.md)?|.*\.md)$/i;

/** Lists the records by the layout of DESIGN.md, never leaving the repo. */
export function listRecords(root: string, only?: { logsOf?: Set<string> }): Layout {
  const problems: LayoutProblem[] = [];
  const layout: Layout = {
    config: { file: CONFIG_FILE, kind: 'config', nameId: 'config' },
    people: [],
    cohorts: [],
    logs: new Map(),
    problems,
  };
  for (const entry of entries(root, 'people', problems)) {
    const file = `people/${entry.name}`;
    const name = yamlName(entry, file, problems);
    if (name !== undefined) layout.people.push({ file, kind: 'person', nameId: name, regular: entry.isFile() });
  }
  for (const cohortDir of entries(root, 'cohorts', problems)) {
    const dir = `cohorts/${cohortDir.name}`;
    if (!isDirectory(root, dir, cohortDir, problems)) {
      if (!IGNORED.test(cohortDir.name)) problems.push({ file: dir, rule: 'unexpected-file', severity: 'warning', message: 'Only folders belong in cohorts/; this file is not read.', fix: `Move it into a cohort folder, or delete it.` });
      continue;
    }
    const cohortFile = `${dir}/cohort.yaml`;
    if (!existsSync(path.join(root, cohortFile))) {
      problems.push({ file: cohortFile, rule: 'cohort-missing-file', severity: 'error', message: `The cohort folder ${dir}/ has no cohort.yaml.`, fix: `Create ${cohortFile} with id, name, start and members, or remove the folder.` });
    } else {
      layout.cohorts.push({ file: cohortFile, kind: 'cohort', nameId: cohortDir.name, cohort: cohortDir.name });
    }
    const logs: RecordFile[] = [];
    layout.logs.set(cohortDir.name, logs);
    if (only?.logsOf && !only.logsOf.has(cohortDir.name)) continue;
    for (const personDir of entries(root, `${dir}/logs`, problems)) {
      const personPath = `${dir}/logs/${personDir.name}`;
      if (!isDirectory(root, personPath, personDir, problems)) {
        if (!IGNORED.test(personDir.name)) problems.push({ file: personPath, rule: 'unexpected-file', severity: 'warning', message: 'Logs live in a folder per person: logs/<person>/<week>.yaml; this file is not read.', fix: 'Move it into the folder of the person it belongs to.' });
        continue;
      }
      for (const logEntry of entries(root, personPath, problems, personDir.isDirectory())) {
        const file = `${personPath}/${logEntry.name}`;
        const week = yamlName(logEntry, file, problems);
        if (week !== undefined) logs.push({ file, kind: 'log', nameId: week, cohort: cohortDir.name, person: personDir.name, regular: logEntry.isFile() });
      }
    }
  }
  return layout;
}

/**
 * The entries of a folder, sorted. `checked` folders were reached through real (not symlinked)
 * folders of the repo, so only the top ones need the (slower) check that they stay inside it.
 */
function entries(root: string, dir: string, problems: LayoutProblem[], checked = false): Dirent[] {
  const absolute = path.join(root, dir);
  let list: Dirent[];
  try {
    if (!checked) {
      const stats = statSync(absolute, { throwIfNoEntry: false });
      if (!stats?.isDirectory()) return [];
      if (!insideRepo(root, absolute)) {
        problems.push({ file: dir, rule: 'symlink-outside-repo', severity: 'error', message: `${dir} leads outside the repo; mentor does not follow it.`, fix: 'Replace the symlink with a real folder.' });
        return [];
      }
    }
    list = readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    problems.push({ file: dir, rule: 'unreadable-file', severity: 'error', message: `The folder cannot be read (${code ?? 'error'}).`, fix: 'Check its permissions.' });
    return [];
  }
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isDirectory(root: string, relative: string, entry: Dirent, problems: LayoutProblem[]): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  const target = resolveInside(root, relative);
  if (target === undefined) {
    problems.push({ file: relative, rule: 'symlink-outside-repo', severity: 'error', message: 'This symlink leads outside the repo; mentor does not follow it.', fix: 'Replace the symlink with the real folder.' });
    return false;
  }
  return statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The name of a record file without `.yaml`, or undefined (with a problem if it looks like a mistake). */
function yamlName(entry: Dirent, file: string, problems: LayoutProblem[]): string | undefined {
  if (entry.name.endsWith('.yaml') && entry.name.length > 5) return entry.name.slice(0, -5);
  if (IGNORED.test(entry.name)) return undefined;
  if (entry.name.endsWith('.yml')) {
    problems.push({ file, rule: 'unexpected-file', severity: 'warning', message: 'Records end in .yaml; this .yml file is not read.', fix: `Rename it to ${entry.name.slice(0, -4)}.yaml.` });
  } else {
    problems.push({ file, rule: 'unexpected-file', severity: 'warning', message: 'This is not a record (records end in .yaml) and is not read.', fix: 'Move it out of the records folder, or rename it to .yaml if it is one.' });
  }
  return undefined;
}

function insideRepo(root: string, absolute: string): boolean {
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return false;
  }
  return real === root || real.startsWith(root + path.sep);
}

function resolveInside(root: string, relative: string): string | undefined {
  const absolute = path.join(root, relative);
  return insideRepo(root, absolute) ? realpathSync(absolute) : undefined;
}

export type ReadOutcome = { text: string } | { problem: Omit<LayoutProblem, 'file'> };

/**
 * Reads one record: never through a symlink that leaves the repo, never a file that is not a
 * regular file, never more than MAX_RECORD_BYTES, and only valid UTF-8.
 */
export function readRecord(root: string, relative: string, regular = false): ReadOutcome {
  const absolute = path.join(root, relative);
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') {
      const target = resolveInside(root, relative);
      if (target === undefined) {
        return { problem: { rule: 'symlink-outside-repo', severity: 'error', message: 'This file is a symlink that leads outside the repo; mentor does not follow it.', fix: 'Replace the symlink with the record itself.' } };
      }
      return readRegularFile(target);
    }
    if (code === 'ENOENT') return { problem: { rule: 'missing-file', severity: 'error', message: 'The file does not exist.', fix: 'Create it.' } };
    return { problem: { rule: 'unreadable-file', severity: 'error', message: `The file cannot be read (${code ?? 'error'}).`, fix: 'Check its permissions.' } };
  }
  return readOpened(fd, regular);
}

function readRegularFile(absolute: string): ReadOutcome {
  try {
    return readOpened(openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK));
  } catch (error) {
    return { problem: { rule: 'unreadable-file', severity: 'error', message: `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, fix: 'Check its permissions.' } };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** One buffer for every read: a record is read whole into it, never more than the limit + 1. */
let shared = Buffer.allocUnsafe(64 * 1024);

function readOpened(fd: number, regular = false): ReadOutcome {
  try {
    // A file the listing saw as regular needs no fstat: the bounded read below enforces the size.
    const stats = regular ? { isFile: () => true, size: 0 } : fstatSync(fd);
    if (!stats.isFile()) {
      return { problem: { rule: 'unexpected-file', severity: 'error', message: 'This is not a regular file.', fix: 'Replace it with a YAML file, or remove it.' } };
    }
    if (stats.size > MAX_RECORD_BYTES) {
      return {
        problem: {
          rule: 'file-too-large',
          severity: 'error',
          message: `The file is ${(stats.size / 1024 / 1024).toFixed(1)} MiB; records are at most ${MAX_RECORD_BYTES / 1024 / 1024} MiB and this one is not read.`,
          fix: 'Shorten it: a record holds one person, cohort or week.',
        },
      };
    }
    // Read up to the limit + 1 bytes, whatever the size said (the file may grow meanwhile).
    let length = 0;
    for (;;) {
      if (length === shared.length) {
        if (shared.length > MAX_RECORD_BYTES) break;
        const bigger = Buffer.allocUnsafe(Math.min(shared.length * 4, MAX_RECORD_BYTES + 1));
        shared.copy(bigger, 0, 0, length);
        shared = bigger;
      }
      const count = readSync(fd, shared, length, shared.length - length, null);
      if (count === 0) break;
      length += count;
      if (length < shared.length && (stats.size <= length || regular)) break;
    }
    if (length > MAX_RECORD_BYTES) {
      return { problem: { rule: 'file-too-large', severity: 'error', message: `The file is over ${MAX_RECORD_BYTES / 1024 / 1024} MiB; it is not read.`, fix: 'Shorten it: a record holds one person, cohort or week.' } };
    }
    const bytes = shared.subarray(0, length);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { problem: { rule: 'not-utf8', severity: 'error', message: 'The file is not valid UTF-8 text.', fix: 'Save it as UTF-8 in your editor.' } };
    }
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { problem: { rule: 'unreadable-file', severity: 'error', message: `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, fix: 'Check its permissions.' } };
  } finally {
    closeSync(fd);
  }
}
