import { CONFIG_FILE, ID_PATTERN, cohortDir } from '../domain/layout.js';
import type { Salvage } from './check-shape.js';
import { badFileName } from './file-names.js';
import { listRecords, type ListOptions, type RecordFile } from './layout-scan.js';
import type { Problem } from './problem.js';
import { PersonEntry, type CohortEntry, type MemberPlace, type Program } from './program.js';
import { readRecord } from './read-record.js';
import type { RecordSource } from './record-source.js';
import { checkCohortRules } from './rules/cohort-rules.js';
import { checkConfigRules } from './rules/config-rules.js';
import { checkLogRules, type LogContext } from './rules/log-rules.js';
import { checkPeopleRules } from './rules/people-rules.js';
import { explainUnindentedActivities, explainUnindentedHours } from './rules/unindented.js';
import { configSchema, type Log, type Member } from './schemas.js';
import { yamlText } from './yaml-value.js';

export interface LoadOptions extends ListOptions {
  /** Read person files only when something needs them; their problems and the people rules are left to the caller. */
  lazyPeople?: boolean;
  /** Read each cohort (and its member files) when something needs it; its problems and rules are left to the caller. */
  lazyCohorts?: boolean;
}

/**
 * Reads config, people and cohorts (members from cohort.yaml and from member files) through a
 * record source, and checks every rule among them. Logs are read separately (loadLog).
 */
export function loadProgram(records: RecordSource, options: LoadOptions = {}): Program {
  const layout = listRecords(records, options);
  const problems: Problem[] = layout.problems.map((problem) => ({ ...problem, line: 1, column: 1 }));
  const cohortFiles = options.lazyCohorts ? [] : [...layout.cohorts.map((f) => f.file), ...[...layout.members.values()].flat().map((f) => f.file)];
  records.prefetch?.([CONFIG_FILE, ...(options.lazyPeople ? [] : layout.people.map((f) => f.file)), ...cohortFiles]);

  const loadedConfig = readRecord(records, layout.config as RecordFile & { kind: 'config' }, problems);
  explainUnindentedActivities(loadedConfig.yaml?.value, problems);
  const config = loadedConfig.record ?? configSchema.parse({});

  const people = new Map<string, PersonEntry>();
  for (const file of layout.people) {
    const entry = new PersonEntry(records, file);
    people.set(file.nameId, entry);
    if (!options.lazyPeople) problems.push(...entry.problems);
  }

  const cohorts = new Map<string, CohortEntry>();
  for (const file of layout.cohorts) {
    const entry = new LoadedCohort(records, file, layout.members.get(file.nameId) ?? []);
    cohorts.set(file.nameId, entry);
    if (!options.lazyCohorts) problems.push(...entry.problems);
  }

  const program: Program = { root: records.root, records, config, configValid: loadedConfig.record !== undefined, configSource: loadedConfig.yaml, people, cohorts, layout, problems };
  if (options.lazyCohorts) return program;
  checkConfigRules(program, problems);
  if (!options.lazyPeople) checkPeopleRules(program, problems);
  for (const entry of cohorts.values()) checkCohortRules(program, entry, problems);
  return program;
}

/**
 * A cohort and its members, from its cohort.yaml and its member files, as one tree, read on first
 * use: a run that checks one log reads its own cohort, not the others.
 */
class LoadedCohort implements CohortEntry {
  private loaded?: Omit<CohortEntry, 'id' | 'file'>;

  constructor(
    private readonly records: RecordSource,
    private readonly record: RecordFile,
    private readonly memberFiles: readonly RecordFile[],
  ) {}

  get id() {
    return this.record.nameId;
  }
  get file() {
    return this.record.file;
  }
  get cohort() {
    return this.load().cohort;
  }
  get source() {
    return this.load().source;
  }
  get places() {
    return this.load().places;
  }
  get members() {
    return this.load().members;
  }
  get partial() {
    return this.load().partial;
  }
  get replaced() {
    return this.load().replaced;
  }
  get problems() {
    return this.load().problems;
  }

  private load() {
    if (!this.loaded) {
      this.records.prefetch?.([this.record.file, ...this.memberFiles.map((f) => f.file)]);
      this.loaded = loadCohort(this.records, this.record, this.memberFiles);
    }
    return this.loaded;
  }
}

function loadCohort(records: RecordSource, file: RecordFile, memberFiles: readonly RecordFile[]): Omit<CohortEntry, 'id' | 'file'> {
  const problems: Problem[] = [];
  if (!ID_PATTERN.test(file.nameId)) problems.push(badFileName(cohortDir(file.nameId), 'cohort'));
  const salvage: Salvage = {};
  const { yaml, record } = readRecord(records, file as RecordFile & { kind: 'cohort' }, problems, salvage);
  const kept = salvage.keptMembers ?? record?.members.map((_, index) => index) ?? [];
  const places: MemberPlace[] = yaml ? kept.map((index) => ({ file: file.file, source: yaml, path: ['members', index] })) : [];
  const listed = new Set(record?.members.map((member) => member.person));
  const fromFiles: Member[] = [];

  for (const memberFile of memberFiles) {
    if (!ID_PATTERN.test(memberFile.nameId)) problems.push(badFileName(memberFile.file, 'member'));
    const loaded = readRecord(records, memberFile as RecordFile & { kind: 'member' }, problems);
    // A member file with errors elsewhere still has its name checked against its `person:`.
    const person = (loaded.record ?? loaded.fields)?.person;
    if (loaded.yaml && person !== undefined && person !== memberFile.nameId) {
      problems.push(loaded.yaml.problemAt(['person'], 'value', 'id-matches-file', 'error', `This member file is named ${memberFile.nameId}.yaml but says person: ${person}.`, `Set \`person: ${yamlText(memberFile.nameId)}\`, or rename the file to ${person}.yaml.`));
      continue;
    }
    if (!loaded.record || !loaded.yaml) continue;
    const member = loaded.record;
    if (listed.has(member.person) && yaml) {
      const index = record!.members.findIndex((m) => m.person === member.person);
      const message = `${member.person} is a member both in cohort.yaml and in ${memberFile.file}; a member is written in one place only.`;
      const fix = 'Keep one of the two: delete the entry from `members:` in cohort.yaml, or delete the member file.';
      problems.push(loaded.yaml.problemAt(['person'], 'value', 'member-duplicate', 'error', message, fix));
      problems.push(yaml.problemAt(['members', kept[index] ?? index, 'person'], 'value', 'member-duplicate', 'error', message, fix));
      continue;
    }
    fromFiles.push(member);
    places.push({ file: memberFile.file, source: loaded.yaml, path: [] });
  }

  const cohort = record ? { ...record, members: [...record.members, ...fromFiles] } : undefined;
  const members = new Map<string, Member>();
  for (const member of cohort?.members ?? []) if (!members.has(member.person)) members.set(member.person, member);
  return { cohort, source: yaml, places, members, partial: salvage.partial === true, replaced: salvage.replaced ?? [], problems };
}

export interface LoadedLog {
  file: RecordFile;
  log?: Log;
  problems: Problem[];
}

/** Reads and checks one log against the program. */
export function loadLog(program: Program, file: RecordFile): LoadedLog {
  const problems: Problem[] = [];
  const { yaml, record, fields } = readRecord(program.records, file as RecordFile & { kind: 'log' }, problems);
  explainUnindentedHours(yaml?.value, program.config, () => program.cohorts.get(file.cohort!)?.members.get(file.person!)?.role, problems);
  // A log with an error in one field still gets the rules of its other fields, so one push shows them all.
  const checked = record ?? fields;
  if (yaml && checked) checkLogRules(logContext(program, file), yaml, checked, problems);
  return { file, log: record, problems };
}

export function logContext(program: Program, file: RecordFile): LogContext {
  return { program, cohortId: file.cohort!, folderPerson: file.person!, fileWeek: file.nameId };
}
