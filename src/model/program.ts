import { CONFIG_FILE, listRecords, readRecord, type Layout, type RecordFile } from '../io/repo.js';
import { checkShape, type Salvage } from './check-shape.js';
import { compareProblems, type Problem } from './problem.js';
import { checkCohortRules } from './rules/cohort-rules.js';
import { checkLogRules, type LogContext } from './rules/log-rules.js';
import { checkPeopleRules } from './rules/people-rules.js';
import { configSchema, ID_PATTERN, type Cohort, type Config, type Log, type Member, type Person, type RecordKind } from './schemas.js';
import { YamlSource } from './source.js';
import type { Scope } from './scope.js';
import { indexKey, ValidationCache } from '../io/cache.js';
import { createRequire } from 'node:module';

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export interface PersonEntry {
  id: string;
  file: string;
  person?: Person;
  source?: YamlSource;
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

/** Reads config, people and cohorts, and checks every rule among them. Logs are read separately. */
export function loadProgram(root: string, options: { cohorts?: Set<string> } = {}): Program {
  const layout = listRecords(root, options);
  const problems: Problem[] = layout.problems.map((problem) => ({ ...problem, line: 1, column: 1 }));

  const configFile: RecordFile & { kind: 'config' } = { file: CONFIG_FILE, kind: 'config', nameId: 'config' };
  const loadedConfig = loadRecord(root, configFile, problems);
  const config = loadedConfig.record ?? configSchema.parse({});

  const people = new Map<string, PersonEntry>();
  for (const file of layout.people) {
    if (!ID_PATTERN.test(file.nameId)) {
      problems.push(badFileName(file.file, 'person'));
    }
    const { source, record } = loadRecord(root, file as RecordFile & { kind: 'person' }, problems);
    people.set(file.nameId, { id: file.nameId, file: file.file, person: record, source });
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
  checkPeopleRules(program, problems);
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

/** Every log of the repo (or of some cohorts), read one at a time. */
export function* eachLog(program: Program, cohorts?: Iterable<string>): Generator<LoadedLog> {
  const ids = cohorts ? [...cohorts] : [...program.layout.logs.keys()];
  for (const id of ids) {
    for (const file of program.layout.logs.get(id) ?? []) yield loadLog(program, file);
  }
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
  return { problems: problems.sort(compareProblems), files };
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
 * only. Logs outside the scope are not read at all.
 */
export function validateScope(root: string, scopeOf: (program: Program) => Scope): { problems: Problem[]; files: number } {
  const program = loadProgram(root);
  const scope = scopeOf(program);
  if (scope.all) return validateProgram(root);
  const problems = program.problems.filter((problem) => scope.files.has(problem.file));
  let files = 0;
  const indexFiles = [CONFIG_FILE, ...program.layout.people.map((f) => f.file), ...program.layout.cohorts.map((f) => f.file)];
  for (const file of indexFiles) if (scope.files.has(file)) files += 1;
  for (const [cohort, logs] of program.layout.logs) {
    for (const file of logs) {
      if (!scope.cohortsWithAllLogs.has(cohort) && !scope.logs.has(file.file)) continue;
      files += 1;
      problems.push(...loadLog(program, file).problems);
    }
  }
  return { problems: problems.sort(compareProblems), files };
}
