import { CONFIG_FILE, listRecords, readRecord, type Layout, type RecordFile } from '../io/repo.js';
import { checkShape, type Salvage } from './check-shape.js';
import type { Problem } from './problem.js';
import { checkCohortRules } from './rules/cohort-rules.js';
import { checkLogRules, type LogContext } from './rules/log-rules.js';
import { checkPeopleRules } from './rules/people-rules.js';
import { configSchema, ID_PATTERN, type Cohort, type Config, type Log, type Member, type Person, type RecordKind } from './schemas.js';
import { YamlSource } from './source.js';
import { withRootCauses } from './root-causes.js';
import { changeScope, cohortsWithChangedRecord, type Change } from './scope.js';
import { existsSync } from 'node:fs';
import { indexKey, ValidationCache } from '../io/cache.js';
import { createRequire } from 'node:module';

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * A person file, read and checked on first use: a full run reads them all, but a run that
 * checks a few changed files reads only the people those files need.
 */
export class PersonEntry {
  private loaded?: { person?: Person; source?: YamlSource; problems: Problem[] };

  constructor(
    private readonly root: string,
    private readonly record: RecordFile,
  ) {}

  get id(): string {
    return this.record.nameId;
  }

  get file(): string {
    return this.record.file;
  }

  get person(): Person | undefined {
    return this.load().person;
  }

  get source(): YamlSource | undefined {
    return this.load().source;
  }

  /** The problems of the file itself (reading, YAML, fields). */
  get problems(): Problem[] {
    return this.load().problems;
  }

  private load() {
    if (!this.loaded) {
      const problems: Problem[] = [];
      if (!ID_PATTERN.test(this.record.nameId)) problems.push(badFileName(this.record.file, 'person'));
      const { source, record } = loadRecord(this.root, this.record as RecordFile & { kind: 'person' }, problems);
      this.loaded = { person: record, source, problems };
    }
    return this.loaded;
  }
}

export interface CohortEntry {
  id: string;
  file: string;
  cohort?: Cohort;
  source?: YamlSource;
  /** Source index (in `members:`) of each member of `cohort.members`. */
  memberIndex: number[];
  /** Members by person id (the first entry when a person is listed twice). */
  members: Map<string, Member>;
  /** The cohort had errors in its own fields (dates, name): rules on them are skipped. */
  partial: boolean;
}

/** The small index every per-file check depends on: config, people and cohorts, not logs. */
export interface Program {
  root: string;
  config: Config;
  configValid: boolean;
  configSource?: YamlSource;
  people: Map<string, PersonEntry>;
  cohorts: Map<string, CohortEntry>;
  layout: Layout;
  problems: Problem[];
}

/** One record file read, parsed and shape-checked. */
export function loadRecord<K extends RecordKind>(root: string, file: RecordFile & { kind: K }, problems: Problem[], salvage?: Salvage) {
  const outcome = readRecord(root, file.file, file.regular === true);
  if ('problem' in outcome) {
    problems.push({ file: file.file, line: 1, column: 1, ...outcome.problem });
    return { source: undefined, record: undefined };
  }
  const source = new YamlSource(file.file, outcome.text);
  const record = checkShape(source, file.kind, salvage);
  problems.push(...source.problems);
  return { source, record };
}

/**
 * Reads config, people and cohorts, and checks every rule among them. Logs are read separately.
 * With `lazyPeople`, person files are read only when something needs them, and their problems and
 * the people rules are left to the caller (see validateScope); `logsOf` lists only those cohorts' logs.
 */
export function loadProgram(root: string, options: { logsOf?: Set<string>; lazyPeople?: boolean } = {}): Program {
  const layout = listRecords(root, options);
  const problems: Problem[] = layout.problems.map((problem) => ({ ...problem, line: 1, column: 1 }));

  const configFile: RecordFile & { kind: 'config' } = { file: CONFIG_FILE, kind: 'config', nameId: 'config' };
  const loadedConfig = loadRecord(root, configFile, problems);
  const config = loadedConfig.record ?? configSchema.parse({});

  const people = new Map<string, PersonEntry>();
  for (const file of layout.people) {
    const entry = new PersonEntry(root, file);
    people.set(file.nameId, entry);
    if (!options.lazyPeople) problems.push(...entry.problems);
  }

  const cohorts = new Map<string, CohortEntry>();
  for (const file of layout.cohorts) {
    if (!ID_PATTERN.test(file.nameId)) problems.push(badFileName(file.file.replace(/\/cohort\.yaml$/, ''), 'cohort'));
    const salvage: Salvage = {};
    const { source, record } = loadRecord(root, file as RecordFile & { kind: 'cohort' }, problems, salvage);
    const memberIndex = salvage.keptMembers ?? record?.members.map((_, index) => index) ?? [];
    const members = new Map<string, Member>();
    for (const member of record?.members ?? []) if (!members.has(member.person)) members.set(member.person, member);
    cohorts.set(file.nameId, { id: file.nameId, file: file.file, cohort: record, source, memberIndex, members, partial: salvage.partial === true });
  }

  const program: Program = { root, config, configValid: loadedConfig.record !== undefined, configSource: loadedConfig.source, people, cohorts, layout, problems };
  if (!options.lazyPeople) checkPeopleRules(program, problems);
  for (const entry of cohorts.values()) checkCohortRules(program, entry, problems);
  return program;
}

function badFileName(file: string, what: 'person' | 'cohort'): Problem {
  return {
    file,
    line: 1,
    column: 1,
    rule: 'invalid-file-name',
    severity: 'error',
    message: `A ${what}'s ${what === 'person' ? 'file' : 'folder'} name is its id: lower-case letters, digits and dashes (at most 63), starting with a letter or digit.`,
    fix: `Rename it, e.g. to ${suggestId(file.split('/').pop()!.replace(/\.yaml$/, ''))}${what === 'person' ? '.yaml' : ''}, and set the same id inside.`,
  };
}

export function suggestId(text: string): string {
  const id = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return id || 'person';
}

export interface LoadedLog {
  file: RecordFile;
  log?: Log;
  problems: Problem[];
}

/** Reads and checks one log against the index. */
export function loadLog(program: Program, file: RecordFile): LoadedLog {
  const problems: Problem[] = [];
  const { source, record } = loadRecord(program.root, file as RecordFile & { kind: 'log' }, problems);
  if (source && record) checkLogRules(logContext(program, file), source, record, problems);
  return { file, log: record, problems };
}

export function logContext(program: Program, file: RecordFile): LogContext {
  return { program, cohortId: file.cohort!, folderPerson: file.person!, fileWeek: file.nameId };
}


/** Full validation: every record and every rule. Unchanged logs come from the cache when there is one. */
export function validateProgram(root: string, options: { cache?: boolean } = {}): { problems: Problem[]; files: number } {
  const program = loadProgram(root);
  const problems = program.problems;
  let files = 1 + program.layout.people.length + program.layout.cohorts.length;
  const cache = options.cache === false ? undefined : ValidationCache.open(root, logIndexKey(program));
  for (const [, logs] of program.layout.logs) {
    for (const file of logs) {
      files += 1;
      const cached = cache?.lookup(root, file.file);
      if (cached && 'problems' in cached) {
        problems.push(...cached.problems);
        continue;
      }
      const loaded = loadLog(program, file);
      problems.push(...loaded.problems);
      if (cached) cache!.remember(file.file, cached.stats, loaded.problems);
    }
  }
  cache?.save();
  if (cache && process.env.MENTOR_CACHE_STATS) process.stderr.write(`cache: reused ${cache.reused} of ${files - 1 - program.layout.people.length - program.layout.cohorts.length} logs\n`);
  return { problems: withRootCauses(problems), files };
}

/** Everything a log's check reads besides the log: config, cohorts, which people exist, this version. */
function logIndexKey(program: Program): string {
  const parts = [VERSION, program.configSource?.text ?? '(no config)'];
  for (const entry of program.cohorts.values()) parts.push(entry.file, entry.source?.text ?? '(unreadable)');
  for (const id of program.people.keys()) parts.push(id);
  for (const id of program.layout.logs.keys()) parts.push(`cohort folder ${id}`);
  return indexKey(parts);
}

/**
 * Validation of what a change can affect: the same problems a full run gives, for those files
 * only. It reads the config and the cohorts, but only the people and logs the change touches.
 */
export function validateScope(root: string, changes: readonly Change[]): { problems: Problem[]; files: number } {
  if (changes.some((change) => change.path === CONFIG_FILE || change.from === CONFIG_FILE)) return validateProgram(root);
  const program = loadProgram(root, { lazyPeople: true, logsOf: cohortsWithChangedRecord(changes) });
  const scope = changeScope(changes, program);
  const problems = program.problems.filter((problem) => scope.files.has(problem.file));
  let files = 0;
  for (const file of [CONFIG_FILE, ...program.layout.cohorts.map((f) => f.file)]) if (scope.files.has(file)) files += 1;
  const changedPeople = [...program.people.values()].filter((entry) => scope.files.has(entry.file));
  for (const entry of changedPeople) {
    files += 1;
    problems.push(...entry.problems);
  }
  if (changedPeople.length > 0) {
    const peopleProblems: Problem[] = [];
    checkPeopleRules(program, peopleProblems);
    problems.push(...peopleProblems.filter((problem) => scope.files.has(problem.file)));
  }
  const logs = new Map<string, RecordFile>();
  for (const cohort of scope.cohortsWithAllLogs) for (const file of program.layout.logs.get(cohort) ?? []) logs.set(file.file, file);
  for (const path of scope.logs) if (!logs.has(path)) logs.set(path, logFileOf(program, path));
  for (const file of logs.values()) {
    if (!existsSync(`${root}/${file.file}`)) continue;
    files += 1;
    problems.push(...loadLog(program, file).problems);
  }
  return { problems: withRootCauses(problems), files };
}

/** The record file of a log path, as the listing would give it. */
function logFileOf(program: Program, path: string): RecordFile {
  const [, cohort, , person, name] = path.split('/');
  const listed = program.layout.logs.get(cohort!)?.find((file) => file.file === path);
  return listed ?? { file: path, kind: 'log', nameId: name!.replace(/\.yaml$/, ''), cohort, person };
}
